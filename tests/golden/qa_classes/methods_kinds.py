class K:
    count = 0
    def __init__(self, v):
        self.v = v
    @classmethod
    def make(cls, v):
        cls.count += 1
        return cls(v)
    @staticmethod
    def helper(a, b):
        return a * b
    def inst(self):
        return self.v
class Sub(K):
    pass
k = K.make(3)
s = Sub.make(4)
print(type(k).__name__, type(s).__name__, K.count, Sub.count)
print(K.helper(2, 3), k.helper(4, 5))
print(K.inst(k), k.inst())
m = k.inst
print(m.__self__ is k, m.__func__ is K.inst, m.__name__, m.__qualname__)
cm = K.make
print(cm.__self__ is K, cm.__func__.__name__)
print(type(K.__dict__['make']).__name__, type(K.__dict__['helper']).__name__)
print(K.__dict__['helper'](6, 7))
print(callable(K.__dict__['helper']))
sm = staticmethod(len)
print(sm.__func__ is len, sm.__wrapped__ is len)
class W:
    @classmethod
    @property
    def cp(cls):
        return cls.__name__
try:
    print(W.cp)
except Exception as e:
    print(type(e).__name__, e)
print(repr(K.helper)[:22])
print(K.inst.__qualname__, K.make.__qualname__, K.helper.__qualname__)
def outside(self):
    return "outside " + str(self.v)
K.out = outside
print(k.out())
k.attr_fn = lambda: "instance fn"
print(k.attr_fn())
print(k.inst == k.inst, k.inst is k.inst)
print(K.make == K.make)
class Eq:
    def __eq__(self, o): return True
    def __hash__(self): return 1
    def m(self): pass
a, b = Eq(), Eq()
print(a.m == b.m)
