def trace(fn):
    def wrapper(*args, **kwargs):
        print('calling', fn.__name__, args, kwargs)
        result = fn(*args, **kwargs)
        print('returned', result)
        return result
    return wrapper
@trace
def add(a, b):
    return a + b
add(1, 2)
add(a=3, b=4)
def repeat(n):
    def deco(fn):
        def w(*a):
            return [fn(*a) for _ in range(n)]
        return w
    return deco
@repeat(3)
def hello(name):
    return 'hi ' + name
print(hello('x'))
def count_calls(fn):
    def w(*a):
        w.calls += 1
        return fn(*a)
    w.calls = 0
    return w
@count_calls
def noop():
    pass
noop(); noop(); noop()
print(noop.calls)
registry = []
def register(fn):
    registry.append(fn.__name__)
    return fn
@register
@trace
def stacked():
    return 'stacked'
print(registry, stacked())
def cls_deco(cls):
    cls.tag = 'decorated'
    return cls
@cls_deco
class K:
    pass
print(K.tag)
