def f(d, k):
    try:
        v = d[k]
    except KeyError as e:
        return str(e)
    else:
        return v
