def f(a, b=2, *args, c, d=4, **kw):
    return (a, b, args, c, d, kw)
print(f(1, c=3))
print(f(1, 5, 6, 7, c=3, e=9, d=0))
print(f(*[1, 2, 3], **{'c': 'C', 'z': 'Z'}))
def g(x, y, /, z, *, w):
    return x, y, z, w
print(g(1, 2, 3, w=4), g(1, 2, z=3, w=4))
def h(*args, **kwargs):
    return args, kwargs
print(h(), h(1), h(a=1), h(1, 2, b=3, a=4))
print(h(*'ab', *(1, 2), **{'x': 1}, **{'y': 2}))
def defaults(a, lst=[]):
    lst.append(a)
    return lst
print(defaults(1), defaults(2), defaults(3, []))
def none_default(a, lst=None):
    if lst is None:
        lst = []
    lst.append(a)
    return lst
print(none_default(1), none_default(2))
def kwonly(*, a, b=10):
    return a + b
print(kwonly(a=1), kwonly(b=1, a=2))
print(f.__name__, f.__defaults__, f.__kwdefaults__, g.__code__.co_argcount, g.__code__.co_posonlyargcount, g.__code__.co_kwonlyargcount)
def ordered(**kw):
    return list(kw)
print(ordered(z=1, a=2, m=3))
