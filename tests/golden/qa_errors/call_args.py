def show(f, *a, **k):
    try:
        r = f(*a, **k)
        print("ok", r)
    except Exception as e:
        print(type(e).__name__ + ":", e)

def f0(): pass
def f1(a): return a
def f2(a, b=2): return a, b
def f3(a, /, b, *, c): return a, b, c
def f4(*args, **kw): return args, kw
def f5(a, b, *, c, d=4): return a, b, c, d
def f6(a, b, c): return a
class C:
    def m(self, x): return x
    @classmethod
    def cm(cls, x): return x
    @staticmethod
    def sm(x): return x

show(f0, 1)
show(f0, 1, 2)
show(f0, a=1)
show(f1)
show(f1, 1, 2)
show(f1, b=2)
show(f1, 1, a=2)
show(f2)
show(f2, 1, 2, 3)
show(f3, 1, 2, 3)
show(f3, 1, 2)
show(f3, a=1, b=2, c=3)
show(f3, 1, b=2)
show(f5, 1)
show(f5, 1, 2)
show(f5, 1, 2, 3)
show(f5, 1, 2, c=3, e=5)
show(f6)
show(f6, 1)
show(f6, c=1)
show(f6, 1, 2, 3, 4, 5)
show(C().m)
show(C().m, 1, 2)
show(C.m, 1)
show(C.cm)
show(C.sm, 1, 2)
show(C().m, y=3)
show(f4, 1, *[2, 3], **{'x': 1})
show(f2, 1, **{'a': 1})
show(lambda: f2(**{1: 2}))
show(lambda x, y: x)
show(lambda *, k: k)
show(lambda *, k, j: k)
show(lambda a, *, k: a, 1, 2)
show(lambda a, *, k: a, 1, 2, k=3)
show(lambda a, b=1, *, k: a, 1, 2, 3, k=3)
show(len)
show(len, 1, 2)
show(len, obj=1)
show(divmod, 1)
show(isinstance, 1)
show(dict.fromkeys)
show([].append)
show([].append, 1, 2)
show({}.get)
show({}.get, 1, 2, 3)
show(sorted, [1], 2)
show(print, sep=1)
show(max)
show(min, [])
show(sum, [1], 2, 3)
show("".join)
show("".split, 1)
show(getattr, 1)
