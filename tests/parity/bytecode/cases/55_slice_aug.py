def f(a, i, j):
    a[i:j] += [1]
    a[i] -= 1
    a.x //= 2
    return a[i:j], a[:j], a[i:]
