class A: pass
a = A()
A.__repr__ = lambda s: "A-repr"
print(repr(a))
class B(A): pass
print(repr(B()))
del A.__repr__
print(repr(B()).startswith("<__main__.B object"))
A.__len__ = lambda s: 7
print(len(B()))
A.__add__ = lambda s, o: ("add", o)
print(B() + 1)
A.__name__ = "AA"; A.__qualname__ = "Q.AA"
print(A, A.__name__)
class Outer:
    class Inner:
        def m(self): pass
print(Outer.Inner, Outer.Inner.__qualname__, Outer.Inner.m.__qualname__)
class S(str):
    def extra(self): return self.upper()
s = S("abc"); s.attr = 5
print(s, s.extra(), s.attr, type(s + "x"), len(s))
class T(tuple):
    pass
t = T((1, 2)); t.z = 3
print(t, t.z, len(t))
class E(Exception):
    def __init__(self, msg, code):
        super().__init__(msg); self.code = code
try: raise E("boom", 3)
except E as ex: print(ex, ex.code, repr(ex))
class DD(dict):
    pass
dd = DD(a=1); dd.q = 2; print(dd, dd.q)
try:
    class LC(list, dict): pass
except TypeError as ex: print(ex)
class WS:
    __slots__ = ('a', '__dict__')
w = WS(); w.a = 1; w.b = 2; print(w.a, w.b, w.__dict__)
class Priv:
    __slots__ = ('__x',)
    def __init__(self): self.__x = 5
    def get(self): return self.__x
print(Priv().get(), Priv.__slots__, sorted(k for k in Priv.__dict__ if 'x' in k))
class Base1:
    def __eq__(self, o): return True
class Child(Base1): pass
print(Child.__hash__, Base1.__hash__)
class Both:
    def __eq__(self, o): return True
    def __hash__(self): return 5
class Child2(Both): pass
print(hash(Child2()))
print(type(A).__name__, type.__name__, A.__mro__)
class Meta(type):
    def __repr__(cls): return "Meta-repr:" + cls.__name__
    @property
    def prop(cls): return "metaprop"
class WithMeta(metaclass=Meta): pass
print(WithMeta, WithMeta.prop)
try: WithMeta().prop
except AttributeError as ex: print(ex)
print(type.__prepare__("x", ()), type(WithMeta).__prepare__.__name__)
def deco(cls): cls.decorated = True; return cls
@deco
class Dec: pass
print(Dec.decorated)
class Kw:
    def __init__(self, a, *, b): self.s = a + b
print(Kw(1, b=2).s)
try: Kw(1, 2)
except TypeError as ex: print(ex)
print(isinstance(A, type), isinstance(type, type), isinstance(object, type), issubclass(type, object))
class Abc:
    def __instancecheck__(cls, inst): return True
class AbcMeta(type):
    def __instancecheck__(cls, inst): return True
    def __subclasscheck__(cls, sub): return True
class Any(metaclass=AbcMeta): pass
print(isinstance(1, Any), issubclass(int, Any))
print(B.__bases__, B.__base__, object.__bases__, object.__base__)
B.__bases__ = (object,)
print(B.__mro__, isinstance(B(), A))
class P1:
    def f(self): return "P1"
class P2(P1):
    def f(self): return "P2>" + super().f()
class P3(P1):
    def f(self): return "P3>" + super().f()
class P4(P2, P3):
    def f(self): return "P4>" + super().f()
print(P4().f(), [c.__name__ for c in P4.__mro__])
print(super(P4, P4()).f(), super(P2, P4).f)
sp = super(P2); print(sp)
class Lazy:
    x = 1
print(Lazy.__dict__['x'], vars(Lazy)['x'])
print(dir(A)[:3], '__add__' in dir(A))
