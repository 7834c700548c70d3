class P:
    __slots__ = ('x', 'y')
    def __init__(self, x, y):
        self.x = x
        self.y = y
p = P(1, 2)
print(p.x, p.y, P.__slots__)
print(type(P.x).__name__, P.x.__name__, P.x.__objclass__.__name__)
try:
    p.z = 3
except AttributeError as e:
    print(e)
del p.x
try:
    p.x
except AttributeError as e:
    print(e)
try:
    del p.x
except AttributeError as e:
    print(e)
print(hasattr(p, '__dict__'))
class Q(P):
    pass
q = Q(1, 2)
q.z = 5
print(q.__dict__)
class R(P):
    __slots__ = ('z',)
r = R(1, 2)
r.z = 3
print(r.x, r.y, r.z, hasattr(r, '__dict__'))
class D:
    __slots__ = ('a', '__dict__')
d = D()
d.a = 1
d.b = 2
print(d.a, d.__dict__)
class Single:
    __slots__ = 'only'
s = Single()
s.only = 9
print(s.only, Single.__slots__)
try:
    class Bad:
        __slots__ = ('a',)
        a = 5
except ValueError as e:
    print(e)
try:
    class Bad2:
        __slots__ = ('a', 'a')
except Exception as e:
    print(type(e).__name__, e)
try:
    class Bad3:
        __slots__ = (1,)
except TypeError as e:
    print(e)
class Mangled:
    __slots__ = ('__secret',)
    def set(self):
        self.__secret = 4
        return self.__secret
print(Mangled().set(), Mangled.__slots__, '_Mangled__secret' in dir(Mangled))
class Empty:
    __slots__ = ()
try:
    Empty().x = 1
except AttributeError as e:
    print(e)
class WithDefaultDict:
    __slots__ = ['a', 'b']
print(WithDefaultDict.__slots__)
try:
    class A1:
        __slots__ = ('x',)
    class B1:
        __slots__ = ('y',)
    class C1(A1, B1):
        pass
except TypeError as e:
    print(e)
