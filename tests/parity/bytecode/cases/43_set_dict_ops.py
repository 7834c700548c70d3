def f(a, b):
    s = {a, b, *a}
    d = {**a, 'k': b}
    l = [*a, *b]
    t = (*a, 1)
    return s, d, l, t
