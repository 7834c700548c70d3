import sys
def t(name, f):
    try:
        print(name, "->", repr(f()))
    except BaseException as e:
        print(name, "!!", type(e).__name__, e, "| ctx:", repr(e.__context__), "| cause:", repr(e.__cause__))
def g1():
    try:
        raise ValueError("in gen")
    except ValueError:
        yield sys.exception()
        yield sys.exception()
def f1():
    g = g1()
    a = next(g)
    outside = sys.exception()
    b = next(g)
    return repr(a), repr(outside), repr(b)
t("gen exc state", f1)
def g2():
    yield sys.exception()
def f2():
    try:
        raise KeyError("outer")
    except KeyError:
        return repr(next(g2()))
t("gen sees caller exc", f2)
def f3():
    raise
t("bare raise no exc", f3)
def g4():
    try:
        yield
    finally:
        raise TypeError("from finally")
def f4():
    g = g4()
    next(g)
    try:
        raise ValueError("v")
    except ValueError:
        g.close()
t("close raising in handler", f4)
def f5():
    try:
        raise ValueError("first")
    except ValueError:
        try:
            raise TypeError("second")
        except TypeError as e:
            return repr(e.__context__)
t("nested context", f5)
def f6():
    e = ValueError("reused")
    try:
        raise e
    except ValueError:
        try:
            raise e
        except ValueError as e2:
            return repr(e2.__context__)
t("self context cut", f6)
def f7():
    a = ValueError("a"); b = TypeError("b")
    a.__context__ = b
    try:
        raise b
    except TypeError:
        try:
            raise a
        except ValueError as e:
            return repr(e.__context__), repr(b.__context__)
t("cycle breaking", f7)
def f8():
    try:
        try:
            raise ValueError("inner")
        finally:
            raise KeyError("finally")
    except KeyError as e:
        return repr(e.__context__)
t("finally context", f8)
def f9():
    try:
        raise ValueError("x")
    except ValueError as e:
        pass
    return repr(sys.exception())
t("exc cleared after handler", f9)
def g10():
    try:
        yield 1
    except GeneratorExit:
        raise ValueError("converted")
def f10():
    g = g10()
    next(g)
    g.close()
t("GeneratorExit converted", f10)
def f11():
    def inner():
        try:
            return 1 / 0
        except ZeroDivisionError:
            raise
    try:
        inner()
    except ZeroDivisionError as e:
        tb = e.__traceback__
        names = []
        while tb:
            names.append(tb.tb_frame.f_code.co_name)
            tb = tb.tb_next
        return names
t("reraise tb", f11)
def f12():
    try:
        raise ValueError("a")
    except ValueError as e:
        raise e from e
t("self cause", f12)
def f13():
    err = None
    for i in range(3):
        try:
            if i < 2:
                raise ValueError(i)
        except ValueError as e:
            err = e
    return repr(err), repr(err.__context__)
t("loop contexts", f13)
def f14():
    try:
        raise ExceptionGroup("g", [ValueError(1)])
    except ExceptionGroup as eg:
        return repr(eg.exceptions[0].__context__), eg.message, repr(eg.derive([KeyError(2)]))
t("group derive", f14)
def f15():
    with open_ctx() as v:
        raise KeyError("in with")
class open_ctx:
    def __enter__(self): return 1
    def __exit__(self, t, v, tb):
        raise RuntimeError("exit failed")
t("exit raising", f15)
def f16():
    class Swallow:
        def __enter__(self): return self
        def __exit__(self, *a): return True
    for i in range(3):
        with Swallow():
            if i == 1:
                break
            raise ValueError
    return i
t("swallow + break", f16)
def f17():
    class C:
        def __enter__(self): return self
        def __exit__(self, *a):
            return 0
    with C():
        raise IndexError("not swallowed")
t("exit falsy", f17)
def f18():
    try:
        raise StopIteration("si")
    except StopIteration as e:
        return e.value, e.args
t("stopiteration value", f18)
def f19():
    def g():
        yield from (1, 2)
        return "r"
    it = g()
    return list(it), it.gi_frame
t("yield from tuple", f19)
def f20():
    try:
        raise SystemExit(2)
    except SystemExit as e:
        return e.code
t("systemexit caught", f20)
