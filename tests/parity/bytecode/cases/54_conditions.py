def f(a, b, c):
    if not a:
        return 1
    if a and not b:
        return 2
    if a or b and c:
        return 3
    while 1:
        if c: break
    return 0
