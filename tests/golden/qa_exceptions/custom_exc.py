class MyError(Exception):
    def __init__(self, code, msg):
        super().__init__(msg)
        self.code = code
e = MyError(404, "not found")
print(e, repr(e), e.args, e.code)
class NoSuper(Exception):
    def __init__(self, x):
        self.x = x
n = NoSuper(5)
print(repr(n), str(n), n.args)
class WithRepr(ValueError):
    def __repr__(self):
        return "WithRepr!"
print(repr(WithRepr("q")), str(WithRepr("q")))
class Hier(LookupError): pass
try:
    raise Hier("h")
except LookupError as x:
    print("caught as LookupError", type(x).__name__)
class AttrExc(Exception):
    pass
a = AttrExc("m")
a.extra = [1, 2]
print(a.extra, a.__dict__)
e2 = ValueError("x")
e2.args = ("changed", 2)
print(str(e2), repr(e2))
e3 = Exception(1, 2)
e3.args = ()
print(repr(str(e3)), repr(e3))
e4 = KeyError(1)
print(str(e4), str(KeyError("a b")), str(KeyError(("t",))))
print(repr(BaseException("b")), repr(ArithmeticError()), str(OSError(13, "denied", "file.txt")))
print(str(OSError("just msg")), OSError(1, 2, 3, 4, 5).args)
print(repr(NameError("n", name="foo")), NameError("n", name="foo").name)
ae = AttributeError("a", name="nm", obj=5)
print(ae.name, ae.obj)
print(repr(SyntaxError("bad", ("f.py", 1, 2, "x = ", 1, 3))))
se = SyntaxError("bad", ("f.py", 1, 2, "x = ", 1, 3))
print(se.msg, se.filename, se.lineno, se.offset, se.text, se.end_lineno, se.end_offset, str(se))
class Ctx:
    def __enter__(self): return self
    def __exit__(self, t, v, tb):
        print("exit with", t.__name__ if t else None, v)
        return isinstance(v, KeyError)
with Ctx():
    raise KeyError("suppressed")
print("after suppressed")
try:
    with Ctx():
        raise ValueError("not suppressed")
except ValueError as v:
    print("propagated", v)
try:
    with Ctx() as c1, Ctx() as c2:
        raise KeyError("both")
except KeyError:
    print("not reached")
print("done")
class BadCtx:
    pass
try:
    with BadCtx():
        pass
except TypeError as te:
    print(te)
class HalfCtx:
    def __enter__(self): return 1
try:
    with HalfCtx():
        pass
except TypeError as te:
    print(te)
e5 = Exception("with tb")
print(e5.__traceback__, e5.with_traceback(None) is e5)
try:
    raise e5
except Exception as got:
    print(got.__traceback__ is not None, got.__traceback__.tb_next)
print(BaseException.__new__(ValueError).args, ValueError.__name__, ValueError.__qualname__, ValueError.__module__)
