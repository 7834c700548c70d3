import sys
code = int(sys.argv[1]) if len(sys.argv) > 1 else 0
print('exiting with', code)
sys.exit(code)
