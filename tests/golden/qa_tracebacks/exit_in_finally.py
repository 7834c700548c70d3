import sys
def main():
    try:
        print("working")
        raise SystemExit(3)
    finally:
        print("cleanup runs")
main()
