def f(pairs):
    out = []
    for a, *rest in pairs:
        out.append((a, rest))
    for i, (x, y) in enumerate(pairs):
        out += [x, y]
    return out
