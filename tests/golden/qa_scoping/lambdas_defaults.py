def f(a, L=[]):
    L.append(a)
    return L
print(f(1), f(2), f(3, []))
print(f.__defaults__)
def g(a, b=2, *args, c, d=4, **kw):
    return a, b, args, c, d, kw
print(g(1, c=3), g(1, 2, 3, 4, c=5, e=6))
print(g.__defaults__, g.__kwdefaults__, g.__code__.co_argcount, g.__code__.co_kwonlyargcount, g.__code__.co_varnames)
n = 5
h = lambda x, y=n: x + y
n = 100
print(h(1), h(1, 1), h.__name__, h.__defaults__)
def defaults_eval():
    print("evaluating default")
    return 7
def k(a=defaults_eval()):
    return a
print(k(), k())
def annot(a: int, b: "str" = "x") -> list:
    return [a, b]
print(annot(1), annot.__annotations__)
fn = lambda *a, **k: (a, k)
print(fn(), fn(1, x=2))
compose = lambda f, g: lambda x: f(g(x))
print(compose(str, abs)(-3), (lambda: (yield))().__class__.__name__)
def kwonly(*, a, b=2):
    return a, b
print(kwonly(a=1), kwonly(b=3, a=4))
def posonly(a, b, /, c):
    return a, b, c
print(posonly(1, 2, c=3), posonly(1, 2, 3))
def mixed(a, /, b, *, c):
    return a + b + c
print(mixed(1, b=2, c=3))
def kw_named_like_posonly(a, /, **kw):
    return a, kw
print(kw_named_like_posonly(1, a=2))
f.__defaults__ = (["new"],)
print(f(0))
def no_defaults(x): return x
no_defaults.__defaults__ = (9,)
print(no_defaults())
print((lambda: 1).__qualname__, (lambda: 1).__code__.co_name)
def outer():
    return lambda: 1
print(outer().__qualname__)
def attrs(): pass
attrs.custom = 5
print(attrs.custom, attrs.__dict__, attrs.__name__, attrs.__module__)
attrs.__name__ = "renamed"
print(attrs.__name__, attrs.__qualname__)
try:
    attrs.__name__ = 5
except TypeError as e:
    print(e)
