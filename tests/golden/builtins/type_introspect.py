class A: pass
class B(A): pass
objs = [1, 1.0, 'a', [], (), {}, set(), None, True, A(), B(), len, A, range(1), 1j, b'', ...]
for o in objs:
    print(type(o).__name__, isinstance(o, object), isinstance(o, A), isinstance(o, (int, float)))
print(type(A), type(B()) is B, type(B()) is A, B.__name__, B.__bases__, issubclass(B, A), issubclass(A, B), issubclass(A, A))
T = type('T', (A,), {'x': 5, 'm': lambda self: self.x * 2})
t = T()
print(T.__name__, t.x, t.m(), isinstance(t, A), T.__mro__[1].__name__)
print(isinstance(int, type), isinstance(type, object), isinstance(object, type), type(None).__name__)
