class D:
    def __get__(self, o, t=None): return ("get", o is None)
    def __set__(self, o, v): print("set", v)
    def __delete__(self, o): print("delete")
class A:
    d = D()
a = A(); print(a.d, A.d); a.d = 5; del a.d
class GA:
    def __getattribute__(self, n):
        if n == "boom": raise AttributeError(n)
        return "ga:" + n
    def __getattr__(self, n): return "fallback:" + n
g = GA(); print(g.x, g.boom)
class X: pass
class Y: pass
x = X(); x.__class__ = Y; print(type(x).__name__)
class Del:
    def __del__(self): print("del called")
d = Del(); del d
print("after del")
class Base:
    def __init_subclass__(cls, /, tag=None, **kw):
        super().__init_subclass__(**kw); cls.tag = tag
class Sub(Base, tag="t1"): pass
print(Sub.tag)
class CG:
    def __class_getitem__(cls, item): return ("cg", item)
print(CG[int])
try: int[0]
except TypeError as e: print(e)

class R:
    def __radd__(self, o): return "R.radd"
class S(int):
    def __radd__(self, o): return "S.radd"
    def __add__(self, o): return "S.add"
print(1 + R(), 1 + S(2), S(2) + 1)
class IA:
    def __init__(self): self.v = []
    def __iadd__(self, o): self.v.append(o); return self
ia = IA(); ia += 1; ia += 2; print(ia.v)
class Cont:
    def __iter__(self): return iter([1,2,3])
print(2 in Cont(), 5 in Cont())
class Idx:
    def __index__(self): return 2
print([10,20,30][Idx()], "abc"[Idx()], bin(Idx()))
class F:
    def __format__(self, spec): return "F:" + spec
print(format(F(), "xyz"), f"{F():abc}")
try: format(object(), "x")
except TypeError as e: print(e)
class Rec(list): pass
r = Rec([1]); r.append(r); print(r)
class MyProp(property): pass
class UP:
    @MyProp
    def p(self): "doc of p"; return 1
print(UP().p, UP.p.__doc__)
class CM:
    @classmethod
    def m(cls): return cls.__name__
class CM2(CM): pass
print(CM2.m(), CM2().m())
sm = staticmethod(lambda: 5); print(sm())
print(type.__dict__['__dict__'], object.__dict__['__class__'])
class Eq:
    def __eq__(self, o): return NotImplemented
print(Eq() == Eq(), Eq() != Eq())
e = Eq(); print(e == e)
try: Eq() < Eq()
except TypeError as ex: print(ex)
class Len:
    def __len__(self): return -1
try: len(Len())
except ValueError as ex: print(ex)
class BoolBad:
    def __bool__(self): return 1
try: bool(BoolBad())
except TypeError as ex: print(ex)
class H:
    def __hash__(self): return 2**70
print(hash(H()) == hash(2**70))
class StrBad:
    def __str__(self): return 1
try: str(StrBad())
except TypeError as ex: print(ex)
class InitBad:
    def __init__(self): return 1
try: InitBad()
except TypeError as ex: print(ex)
class NewOnly:
    def __new__(cls, *a): o = super().__new__(cls); o.a = a; return o
print(NewOnly(1,2).a)
class Cls:
    def m(self): return __class__
print(Cls().m())
print(A.__dict__['d'].__class__, type(A.__dict__).__name__)
class Calls:
    def __call__(self, a, b=2): return a + b
print(Calls()(1), Calls()(1, b=5))
class Neg:
    def __neg__(self): return "neg"
    def __invert__(self): return "inv"
    def __abs__(self): return "abs"
print(-Neg(), ~Neg(), abs(Neg()))
try: -object()
except TypeError as ex: print(ex)
print(object.__subclasshook__(1), object().__sizeof__() )
class WithDoc:
    "my doc"
print(WithDoc.__doc__, WithDoc().__doc__)
print(type(len).__name__, type([].append).__name__, type(list.append).__name__, type(int.__add__).__name__, type((1).__add__).__name__, type(A().__init__).__name__)
print(int.__dict__['from_bytes'], type(int.__dict__['from_bytes']).__name__)
print(A.__init__, object.__init__ is A.__init__)
print(repr(type.__call__), type.__call__(int, '5'))
