class A:
    def who(self):
        return 'A'
    def chain(self):
        return ['A']
class B(A):
    def who(self):
        return 'B'
    def chain(self):
        return ['B'] + super().chain()
class C(A):
    def who(self):
        return 'C'
    def chain(self):
        return ['C'] + super().chain()
class D(B, C):
    def chain(self):
        return ['D'] + super().chain()
d = D()
print(d.who(), d.chain())
print([k.__name__ for k in D.__mro__])
print([k.__name__ for k in D.mro()])
class X: pass
class Y: pass
class Z(X, Y): pass
class W(Y, X): pass
print([k.__name__ for k in Z.__mro__], [k.__name__ for k in W.__mro__])
try:
    class Bad(Z, W):
        pass
except TypeError as e:
    print('TypeError:', e)
class O: pass
class F(O): pass
class E(O): pass
class Dd(O): pass
class Cc(Dd, F): pass
class Bb(Dd, E): pass
class Aa(Bb, Cc, E): pass
print([k.__name__ for k in Aa.__mro__])
class Mixin:
    def greet(self):
        return 'hello from ' + self.name()
class Base:
    def name(self):
        return 'Base'
class Combined(Mixin, Base):
    pass
print(Combined().greet())
