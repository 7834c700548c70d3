def f(a, b=1, *args, c, d=2, **kw):
    return a + b
def g():
    pass
def h(x, /, y):
    x = y
    return x
