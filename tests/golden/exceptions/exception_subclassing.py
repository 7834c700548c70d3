# Differential test of the numbers/exceptions area (docs/numbers.md); output recorded from CPython 3.14.
class Base(Exception):
    registry = []
    def __init_subclass__(cls, **kw):
        super().__init_subclass__(**kw)
        Base.registry.append(cls.__name__)
class A(Base): pass
class B(A):
    __slots__ = ('x',)
print(Base.registry)
b = B('m'); b.x = 5; b.y = 6
print(b.x, b.y, b.__dict__, repr(b))
try:
    try:
        raise KeyError('a')
    except KeyError:
        raise ValueError('b') from None
except ValueError as e:
    print(e.__suppress_context__, repr(e.__context__), e.__cause__, e.__traceback__ is not None)
    tb = e.__traceback__
    e2 = TypeError('t').with_traceback(tb)
    print(e2.__traceback__ is tb)
class WithInit(Exception):
    def __init__(self, a, *, b=0):
        self.a = a; self.b = b
w = WithInit(1, b=2)
print(repr(w), str(w), w.args, w.a, w.b)
class StrArgs(Exception):
    def __str__(self): return 'custom'
print(str(StrArgs(1)), repr(StrArgs(1)))
e = Exception()
e.args = [1, 2]
print(e.args, repr(e))
try:
    e.__context__ = 5
except TypeError as x:
    print(x)
e.__cause__ = None
print(e.__suppress_context__)
e.__suppress_context__ = False
print(e.__suppress_context__)
class E2(OSError):
    def __init__(self, msg):
        super().__init__(5, msg)
print(repr(E2('bad')), str(E2('bad')), E2('bad').errno)
print(isinstance(OSError(2, 'x'), FileNotFoundError), EnvironmentError is OSError if 'EnvironmentError' in dir(__builtins__) else 'n/a')
print(StopIteration.__mro__, GeneratorExit.__mro__)
eg = BaseExceptionGroup('x', [ValueError(1), KeyboardInterrupt()])
print(type(eg).__name__, eg.exceptions, eg.message)
match, rest = eg.split(Exception)
print(repr(match), repr(rest))
