def f(rows):
    total = 0
    for r in rows:
        if not r:
            continue
        for c in r:
            total += c
    else:
        total = -total
    return total
