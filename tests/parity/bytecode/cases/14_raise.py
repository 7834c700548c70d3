def f(x):
    if x:
        raise ValueError('bad')
    raise TypeError from None
def g():
    try:
        pass
    except Exception:
        raise
