class Temp:
    def __init__(self):
        self._c = 0
    @property
    def c(self):
        "celsius"
        return self._c
    @c.setter
    def c(self, v):
        if v < -273:
            raise ValueError("too cold")
        self._c = v
    @c.deleter
    def c(self):
        print("deleting")
        self._c = None
    @property
    def f(self):
        return self._c * 9 / 5 + 32

t = Temp()
t.c = 100
print(t.c, t.f)
try:
    t.f = 3
except AttributeError as e:
    print(e)
try:
    del t.f
except AttributeError as e:
    print(e)
try:
    t.c = -300
except ValueError as e:
    print(e)
del t.c
print(t.c)
print(Temp.c.__doc__, Temp.f.__doc__)
print(type(Temp.c).__name__, Temp.c.fget.__name__, Temp.c.fset.__name__)
p = property(lambda self: 1)
print(p.fset, p.fdel)
class Q:
    x = property(lambda self: 42, doc="the x")
print(Q().x, Q.x.__doc__)
class R:
    @property
    def broken(self):
        raise AttributeError("inner missing")
    def __getattr__(self, name):
        return "fallback:" + name
print(R().broken)
print(R().other)
class S:
    @property
    def v(self): return 1
class T(S):
    @S.v.setter
    def v(self, val): print("set", val)
T().v = 5
print(T().v)
try:
    S().v = 5
except AttributeError as e:
    print(e)
print(property.__name__ if hasattr(property, '__name__') else None)
pp = property(fget=None)
try:
    pp.__get__(1, int)
except AttributeError as e:
    print(e)
class U:
    name = property(lambda s: 'n')
try:
    U().name = 1
except AttributeError as e:
    print(e)
