global g
del a[1:2, ...], b.c
with (open(x) as f, g()):
    try:
        raise E from None
    except* (A, B) as eg:
        yield
    else:
        pass
    finally:
        continue
