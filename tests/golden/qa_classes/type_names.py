class A: pass
A.__name__ = 'B'
print(repr(A), A.__name__, A.__qualname__, str(A))
A.__module__ = 'builtins'
print(repr(A))
class C: pass
C.__module__ = 'builtins'
C.__qualname__ = 'Q'
print(repr(C), C, C.__name__, C.__qualname__)
A.__module__ = None
print(repr(A))
A.__module__ = 'pkg.mod'
print(repr(A), repr(A()).startswith("<pkg.mod.A object at"))
class D:
    class E: pass
print(repr(D.E), D.E.__name__, D.E.__qualname__)
D.E.__qualname__ = 'X.Y'
print(repr(D.E))
try:
    D.__qualname__ = 5
except TypeError as e:
    print(e)
try:
    D.__name__ = 'a\0b'
except ValueError as e:
    print(e)
try:
    del D.__name__
except (TypeError, AttributeError) as e:
    print(type(e).__name__, e)
try:
    int.__name__ = 'x'
except TypeError as e:
    print(e)
try:
    int.__module__ = 'x'
except TypeError as e:
    print(e)
print(int.__module__, type.__module__, D.__module__, repr(type(None)), repr(type(print)))
ns = {}
exec("class F: pass\nr = repr(F)", ns)
print(ns["r"], ns["F"].__module__)
ns = {"__name__": "custom"}
exec("class G: pass\nr = repr(G)", ns)
print(ns["r"], ns["G"].__module__)
T = type("T", (), {"__module__": "given"})
print(repr(T), repr(type("U", (), {})))
