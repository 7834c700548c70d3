def f(*args, **kw):
    g(1, *args, 2, *args)
    g(a=1, **kw, b=2)
    g(*args, **kw)
    obj.method(1, key=2)
    return g(x, y=1)
