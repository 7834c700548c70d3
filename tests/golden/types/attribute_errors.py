class A: pass
try: A().x
except AttributeError as e: print(e.name, type(e.obj).__name__)
try: A.x
except AttributeError as e: print(e, e.name)
try: type('X', (), {'__qualname__': 1})
except TypeError as e: print(e)
class BadSN:
    def __set_name__(self, o, n): raise ValueError("sn")
try:
    class U:
        z = BadSN()
except ValueError as e: print(e, e.__notes__)
def f():
    return super()
try: f()
except RuntimeError as e: print(e)
class N:
    def __new__(cls, a): return super().__new__(cls)
print(type(N(1)).__name__)
class M:
    def __init__(self, a): pass
try: M()
except TypeError as e: print(e)
try: object.__new__(1)
except TypeError as e: print(e)
try: object.__new__(int)
except TypeError as e: print(e)
try: int.__new__(str)
except TypeError as e: print(e)
print(int.__new__(bool, 1) if False else "skip")
class Q: 
    x = 1
q = Q()
q.x = 2
del q.x
print(q.x)
try: del q.x
except AttributeError as e: print(e)
try: del Q.nope
except AttributeError as e: print(e)
try: setattr(q, 1, 2)
except TypeError as e: print(e)
try: getattr(q, 1)
except TypeError as e: print(e)
print(getattr(q, 'nope', 'dflt'), hasattr(q, 'x'), hasattr(q, 'y'))
try: int.__dict__['real'].__get__(1.5)
except TypeError as e: print(e)
class R:
    @property
    def p(self): raise AttributeError("inner")
    def __getattr__(self, n): return "ga-" + n
print(R().p)
print(callable(len), callable(1), callable(A), callable(A()))
class Cmp:
    def __init__(s, v): s.v = v
    def __lt__(s, o): return s.v < o.v
print(Cmp(1) > Cmp(0) if False else Cmp(2) > Cmp(1))
print(max([Cmp(3), Cmp(5), Cmp(1)]).v)
class Iter:
    def __init__(s): s.i = 0
    def __iter__(s): return s
    def __next__(s):
        s.i += 1
        if s.i > 3: raise StopIteration
        return s.i
print(list(Iter()), sum(Iter()))
class GI:
    def __getitem__(s, i):
        if i >= 3: raise IndexError
        return i * 2
print(list(GI()), 4 in GI())
class NI:
    __iter__ = None
try: iter(NI())
except TypeError as e: print(e)
print(object.__dir__(A())[:0], sorted(A.__dict__.keys()))
print(type(A.__dict__['__dict__']).__name__, A.__dict__['__weakref__'])
