# Differential test of the numbers/exceptions area (docs/numbers.md); output recorded from CPython 3.14.
def t(label, f):
    try:
        r = f()
        print(label, repr(r))
    except BaseException as e:
        print(label, 'EXC', type(e).__name__, e)

try:
    {}['k']
except KeyError as e:
    print(repr(e), str(e), e.args)
try:
    raise ValueError('a') from KeyError('b')
except ValueError as e:
    print(repr(e.__cause__), e.__suppress_context__, repr(e.__context__))
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise TypeError('inner')
except TypeError as e:
    print(repr(e.__context__), e.__cause__, e.__suppress_context__)
    print(type(e.__traceback__).__name__)

e = ValueError('x')
e.add_note('note1'); e.add_note('note2')
print(e.__notes__, e.__dict__)
class MyErr(Exception):
    def __init__(self, code, msg='m'):
        super().__init__(code, msg)
        self.code = code
    def __str__(self):
        return f'MyErr {self.code}'
try:
    raise MyErr(5)
except Exception as ex:
    print(repr(ex), str(ex), ex.args, ex.code, isinstance(ex, Exception))

class Sub(OSError): pass
print(repr(Sub(2, 'x')), type(OSError(2, 'x')).__name__, type(Sub(2, 'x')).__name__)
class SubInit(OSError):
    def __init__(self, *a):
        super().__init__(*a)
s = SubInit(2, 'no', 'f')
print(repr(s), str(s), s.errno, s.filename)

eg = ExceptionGroup('grp', [ValueError(1), TypeError(2), ExceptionGroup('inner', [ValueError(3)])])
print(repr(eg), str(eg))
m, r = eg.split(ValueError)
print(repr(m), repr(r))
print(repr(eg.subgroup(lambda e: isinstance(e, TypeError))))

t('a', lambda: ExceptionGroup('x', [KeyboardInterrupt()]))
t('b', lambda: type(BaseExceptionGroup('x', [ValueError()])))
t('c', lambda: StopIteration(5).value)
t('d', lambda: SystemExit(3).code)
t('e', lambda: ImportError('no', name='mod', path='/p').name)
t('f', lambda: str(SyntaxError('bad', ('/x/y.py', 3, 4, 'code'))))
t('g', lambda: str(UnicodeDecodeError('utf-8', b'\xff', 0, 1, 'invalid start byte')))
t('h', lambda: str(UnicodeEncodeError('ascii', 'h\xe9', 1, 2, 'ordinal not in range(128)')))
t('i', lambda: AttributeError('x', name='n', obj=3).obj)
t('j', lambda: NameError('x', name='nm').name)
t('k', lambda: str(OSError(13, 'Permission denied', 'f', None, 'g')))
t('l', lambda: type(OSError(13, 'x')).__name__)
t('m', lambda: ValueError(1, 2).__reduce__())
t('n', lambda: [c.__name__ for c in ExceptionGroup.__mro__])
t('o', lambda: issubclass(ExceptionGroup, Exception))
t('p', lambda: ValueError('a', foo=1))
t('q', lambda: BaseException().with_traceback(5))
def gen():
    yield 1
    return 'done'
g = gen(); next(g)
try:
    next(g)
except StopIteration as si:
    print('stop', repr(si.value), repr(si))
print(OSError(2, 'x').__class__.__name__, OSError(17, 'x').__class__.__name__, OSError(32, 'x').__class__.__name__)
print(ZeroDivisionError.__mro__)
print(BaseException.__doc__, ValueError.__doc__)
