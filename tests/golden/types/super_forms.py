class A:
    def f(self): return "A.f"
    @classmethod
    def c(cls): return "A.c:" + cls.__name__
    @staticmethod
    def s(): return "A.s"
    @property
    def p(self): return "A.p"
class B(A):
    def f(self):
        g = lambda: self
        s = super()
        return "B>" + s.f() + str(g() is self)
    @classmethod
    def c(cls): return "B>" + super().c()
    def s2(self): return super().s()
    @property
    def p(self): return "B>" + super().p
    def cls(self): return super().__class__, super().__self__ is self, super().__thisclass__, super().__self_class__
print(B().f(), B.c(), B().c(), B().s2(), B().p, B().cls())
print(super(B, B).f.__qualname__, super(B, B()).f.__func__.__qualname__)
def outer(self):
    return super().f()
try: outer(B())
except RuntimeError as e: print(e)
class C(B):
    def f(self):
        def inner():
            return super().f()
        try: return inner()
        except Exception as e: return type(e).__name__ + ": " + str(e)
print(C().f())
try: super(B, 1)
except TypeError as e: print(e)
class D:
    def __init__(self):
        super().__init__()
        print("D init ok")
D()
print(super(B).__get__(B()).f())
