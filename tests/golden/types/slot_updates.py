class A: pass
a = A()
A.__getattr__ = lambda self, n: "late-" + n
print(a.zzz)
del A.__getattr__
try: a.zzz
except AttributeError as e: print(e)
class B:
    def __setattr__(self, n, v): print("setattr", n, v); object.__setattr__(self, n, v)
    def __delattr__(self, n): print("delattr", n); object.__delattr__(self, n)
b = B(); b.x = 1; del b.x
A.__init__ = lambda self, v: setattr(self, 'v', v)
print(A(3).v)
A.__call__ = lambda self, *a: ("called", a)
print(A(1)(2, 3))
A.__iter__ = lambda self: iter("ab")
print(list(A(1)))
A.__bool__ = lambda self: False
print(bool(A(1)), not A(1))
A.__eq__ = lambda s, o: "eq!"
print(A(1) == 2, A(1) != 2)
class C(A): pass
print(C(1) == 5)
A.__lt__ = lambda s, o: "lt"
print(C(1) < 0, 0 > C(1))
A.__contains__ = lambda s, x: x == 42
print(42 in C(1), 1 in C(1))
A.__getitem__ = lambda s, k: ("item", k)
print(C(1)[5], C(1)[1:2])
A.__len__ = lambda s: 9
print(len(C(1)))
A.__index__ = lambda s: 2
print([0, 1, 2, 3][C(1)], bin(C(1)))
A.__int__ = lambda s: 77
A.__float__ = lambda s: 1.25
print(int(C(1)), float(C(1)))
print(type(A.__dict__['__init__']).__name__)
