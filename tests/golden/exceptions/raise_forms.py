class MyError(Exception):
    def __init__(self, code, msg):
        super().__init__(code, msg)
        self.code = code
        self.msg = msg
    def __str__(self):
        return f'[{self.code}] {self.msg}'
try:
    raise MyError(404, 'not found')
except MyError as e:
    print(e, e.code, e.args, repr(e), type(e).__name__, isinstance(e, Exception))
try:
    raise ValueError
except ValueError as e:
    print(repr(e), e.args, str(e) == '')
try:
    raise TypeError('a', 'b', 3)
except TypeError as e:
    print(e, e.args)
def reraiser():
    try:
        raise KeyError('orig')
    except KeyError:
        print('handling, re-raising')
        raise
try:
    reraiser()
except KeyError as e:
    print('got again', e)
err = RuntimeError('prebuilt')
try:
    raise err
except RuntimeError as e:
    print(e is err)
print(issubclass(KeyError, LookupError), issubclass(ZeroDivisionError, ArithmeticError), issubclass(Exception, BaseException), issubclass(SystemExit, Exception))
print([c.__name__ for c in ValueError.__mro__])
print(Exception('a').args, BaseException().args, repr(Exception('x', 1)), str(Exception()))
