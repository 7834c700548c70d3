def f(a, b=[], *, c=3):
    b.append(a)
    return b, c
def g(*args, **kwargs):
    return f(*args, **kwargs)
