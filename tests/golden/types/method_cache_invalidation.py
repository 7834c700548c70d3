class A: x = 1
class B(A): pass
class C(B): pass
c = C()
for v in range(3):
    A.x = v
    print(c.x, C.x, B.x)
del A.x
print(hasattr(c, 'x'))
B.x = 'b'; print(c.x)
A.x = 'a'; print(c.x)
del B.x; print(c.x)
def m(self): return "m1"
A.meth = m
print(c.meth())
A.meth = lambda self: "m2"
print(c.meth())
class D: pass
D.__bases__ = (A,) if False else D.__bases__
print(D.__mro__)
class E(A): pass
class F: y = 'F'
E.__bases__ = (F,) if False else E.__bases__
