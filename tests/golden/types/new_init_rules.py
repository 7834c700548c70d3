class A(int): pass
try: object.__new__(A)
except TypeError as e: print(e)
class M(type): pass
try: M(1)
except TypeError as e: print(e)
try: type()
except TypeError as e: print(e)
print(type.__new__(type, 'Q', (), {}))
class WithNew:
    def __new__(cls, *a, **k): return object.__new__(cls)
    def __init__(self, x, y=2): self.s = x + y
print(WithNew(1).s, WithNew(1, y=5).s)
