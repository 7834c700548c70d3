class SM(staticmethod):
    def __call__(self, *a): return "overridden"
print(SM(len)([1]))
class M(type):
    pass
class X(metaclass=M):
    def __init__(self, a): self.a = a
print(X(5).a)
class Part:
    def __call__(self, x): return x * 2
print(Part()(4))
class MP(Part): pass
print(MP()(5))

