def f():
    try:
        return 1
    finally:
        print('x')
def g():
    for i in range(3):
        try:
            continue
        finally:
            pass
