def f():
    try:
        try:
            a = 1
        except KeyError:
            a = 2
    except Exception as e:
        return e
    return a
