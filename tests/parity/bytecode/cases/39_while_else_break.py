def f(items):
    i = 0
    while i < len(items):
        if items[i] is None:
            break
        i += 1
    else:
        return -1
    return i
