import sys
def f():
    a = 1
    fr = sys._getframe()
    print(fr.f_code.co_name, fr.f_lineno, fr.f_back.f_code.co_name, sorted(fr.f_locals))
    fr.f_locals["a"] = 99
    print("a after proxy write", a)
    fr.f_locals["newvar"] = 5
    print("newvar" in fr.f_locals, "newvar" in locals())
    print(type(fr.f_locals).__name__, len(fr.f_locals))
    try:
        del fr.f_locals["a"]
    except (KeyError, ValueError, TypeError) as e:
        print(type(e).__name__, e)
    return fr
fr = f()
print(fr.f_lineno, fr.f_lasti > 0, type(fr.f_locals).__name__, sorted(fr.f_locals))
def g():
    x = 10
    yield sys._getframe()
    x = 20
    yield
gen = g()
gfr = next(gen)
print(gfr.f_locals["x"], gen.gi_frame.f_lineno, gfr is gen.gi_frame)
next(gen)
print(gfr.f_locals["x"], gen.gi_frame.f_lineno)
print(list(gen), gen.gi_frame)
def h():
    try:
        1 / 0
    except ZeroDivisionError as e:
        tb = e.__traceback__
        return tb.tb_lineno, tb.tb_frame.f_code.co_name, tb.tb_next, tb.tb_lasti >= 0
print(h())
def outer():
    def inner():
        return sys._getframe(1).f_locals
    local_var = "visible"
    return inner()
print(sorted(outer().items(), key=lambda kv: kv[0])[1])
def closure_frame():
    c = 1
    def inner():
        return c
    return sys._getframe().f_locals, inner
loc, inner = closure_frame()
print(sorted(loc))
print(sys._getframe().f_globals is globals(), sys._getframe().f_builtins is __builtins__.__dict__)
print(sys._getframe().f_code.co_filename.endswith("fr.py") or sys._getframe().f_code.co_filename)
fo = sys._getframe()
print(fo.f_back, fo.f_code.co_name, fo.f_trace)
def cleared():
    return sys._getframe()
c = cleared()
print(c.f_lineno, sorted(c.f_locals))
try:
    c.clear()
    print("cleared ok")
except RuntimeError as e:
    print(e)
def running():
    try:
        sys._getframe().clear()
    except RuntimeError as e:
        return str(e)
print(running())
