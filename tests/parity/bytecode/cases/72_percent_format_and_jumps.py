# '%'-formatting turned into f-string code (flags/width/precision), jump kinds, const-tuple unpacking
def fmt(a, b, c):
    x = '%r:  %-30s %s' % (a, b, c)
    y = '%5s|%.3r|%-4.2a|%%|%+s' % (a, b, c, a)
    z = '%d %s' % (a, b)
    w = '%s %s' % (a,)
    return x, y, z, w


def nested_if(cls, func, args):
    if cls:
        base = 1
        if not callable(func):
            raise TypeError("x")
    else:
        base = 2
    if args:
        raise TypeError("y")
    return base


def try_else(n, it, key):
    try:
        size = len(it)
    except (TypeError, AttributeError):
        pass
    else:
        if n >= size:
            return 1
    if key is None:
        return 2


def unpack4():
    a, b, c, d = 0, 1, 2, 3
    def inner():
        return a + b + c + d
    return inner


def comp_restore(name, source):
    members = [(name, v) for name, v in source]
    return name, members


def chained(a, b, c):
    if a < b < c:
        return 1
    return 2 if a else 3
