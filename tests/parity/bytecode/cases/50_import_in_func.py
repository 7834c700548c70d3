def f():
    import os.path
    from os import sep as s
    return os.path.join(s)
