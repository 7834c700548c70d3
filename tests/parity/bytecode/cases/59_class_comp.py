class C:
    xs = [1, 2, 3]
    ys = [x * 2 for x in xs]
    zs = {k: v for k, v in zip(xs, ys)}
