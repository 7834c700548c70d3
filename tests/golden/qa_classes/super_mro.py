class A:
    def hello(self):
        return ["A"]
    def __init__(self):
        print("A.init")
class B(A):
    def hello(self):
        return ["B"] + super().hello()
    def __init__(self):
        print("B.init")
        super().__init__()
class C(A):
    def hello(self):
        return ["C"] + super().hello()
    def __init__(self):
        print("C.init")
        super().__init__()
class D(B, C):
    def hello(self):
        return ["D"] + super().hello()
    def __init__(self):
        print("D.init")
        super().__init__()
d = D()
print(d.hello())
print([k.__name__ for k in D.__mro__])
print(super(B, d).hello(), super(C, d).hello())
print(super(D, D).hello(d))
s = super(B, d)
print(type(s).__name__, s.__thisclass__.__name__, s.__self__ is d, s.__self_class__.__name__)
print(repr(super(B, d))[:30])
try:
    class X(A, B): pass
except TypeError as e:
    print(e)
class E:
    @classmethod
    def make(cls):
        return "E.make " + cls.__name__
class F(E):
    @classmethod
    def make(cls):
        return "F>" + super().make()
print(F.make(), F().make())
class G:
    def m(self):
        def inner():
            return __class__
        return inner()
print(G().m().__name__)
class H(A):
    def m(self):
        return [super().hello() for _ in range(2)]
print(H().m())
class I(A):
    def m(self):
        f = lambda: super(I, self).hello()
        return f()
print(I().m())
try:
    super().x
except RuntimeError as e:
    print(e)
def nothing():
    return super()
try:
    nothing()
except RuntimeError as e:
    print(e)
try:
    super(int, "x")
except TypeError as e:
    print(e)
class J(A):
    def hello(self):
        return super().missing
try:
    J().hello()
except AttributeError as e:
    print(e)
class K(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k, v * 10)
k = K()
k['a'] = 1
print(k)
class L(list):
    def append(self, x):
        super().append(x)
        super().append(x)
l = L(); l.append(3); print(l)
print(D.mro() == list(D.__mro__), object.__mro__, A.__bases__, D.__bases__, D.__base__.__name__)
