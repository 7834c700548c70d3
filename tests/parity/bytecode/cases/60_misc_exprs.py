def f(a, b):
    x = a if a else b
    y = [a, b][0]
    z = {'a': a}.get('a')
    w = (a, b)[1:]
    s = f"{a}{b}"
    t = a @ b
    a += b
    del x, y
    return z, w, s, t, -a, +b, ~a, a is not b, a not in b
