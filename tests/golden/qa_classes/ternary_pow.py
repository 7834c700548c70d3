class Base:
    def __repr__(self): return type(self).__name__
class R(Base):
    def __rpow__(self, o, m=None): return ("R.rpow", o, m)
class P(Base):
    def __pow__(self, o, m=None): return ("P.pow", o, m)
class PR(Base):
    def __pow__(self, o, m=None): return NotImplemented
    def __rpow__(self, o, m=None): return ("PR.rpow", o, m)
class Sub(PR):
    def __rpow__(self, o, m=None): return ("Sub.rpow", o, m)
class Only2(Base):
    def __rpow__(self, o): return ("Only2.rpow", o)
for a, b, m in [(2, R(), 5), (P(), 2, 5), (P(), R(), 5), (PR(), Sub(), 3), (Sub(), PR(), 3), (2, R(), None), (PR(), PR(), 2), (2, Only2(), 3), (2, 3, R())]:
    try:
        print(pow(a, b, m))
    except TypeError as e:
        print("TypeError:", e)
