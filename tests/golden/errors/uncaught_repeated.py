def down(n):
    if n == 0:
        raise RuntimeError('bottom reached')
    return down(n - 1)
down(12)
