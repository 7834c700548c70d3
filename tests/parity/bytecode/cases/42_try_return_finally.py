def f(x):
    try:
        if x:
            return 1
        x += 1
    except ValueError:
        return 2
    finally:
        x = 0
    return x
