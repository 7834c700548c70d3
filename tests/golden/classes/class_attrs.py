class A:
    shared = []
    x = 1
    def __init__(self):
        self.own = []
a1 = A()
a2 = A()
a1.shared.append('from a1')
a1.own.append('own1')
print(a2.shared, a2.own, A.shared)
a1.x = 10
print(a1.x, a2.x, A.x)
del a1.x
print(a1.x)
print('x' in A.__dict__, 'own' in a1.__dict__, 'x' in a1.__dict__)
class B:
    __slots__ = ('a', 'b')
    def __init__(self):
        self.a = 1
b = B()
b.b = 2
print(b.a, b.b)
try:
    b.c = 3
except AttributeError as e:
    print('AttributeError:', e)
class Private:
    def __init__(self):
        self.__secret = 42
    def reveal(self):
        return self.__secret
pv = Private()
print(pv.reveal(), pv._Private__secret, hasattr(pv, '__secret'))
class WithNew:
    def __new__(cls, *args):
        print('__new__', cls.__name__, args)
        return super().__new__(cls)
    def __init__(self, v):
        print('__init__', v)
        self.v = v
w = WithNew(7)
print(w.v)
