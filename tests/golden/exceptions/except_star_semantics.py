# try/except* semantics: splitting, re-raising, raising new exceptions, nesting
def show(e, indent=0):
    pad = " " * indent
    if isinstance(e, BaseExceptionGroup):
        print(f"{pad}{type(e).__name__}({e.message!r}) cause={e.__cause__!r} notes={getattr(e, '__notes__', None)}")
        for sub in e.exceptions:
            show(sub, indent + 2)
    else:
        print(f"{pad}{e!r}")


def run(body):
    try:
        body()
        print("no exception")
    except BaseException as e:
        show(e)


# 1. everything handled
def t1():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError as e:
        print("caught values", e.exceptions)
    except* TypeError as e:
        print("caught types", e.exceptions)


run(t1)


# 2. unhandled part propagates as a derived group
def t2():
    try:
        raise ExceptionGroup("eg", [ValueError(1), KeyError(2), ExceptionGroup("inner", [ValueError(3), OSError(4)])])
    except* ValueError as e:
        print("values:")
        show(e, 2)


run(t2)


# 3. bare re-raise keeps the original structure
def t3():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2), ExceptionGroup("nested", [ValueError(5)])])
    except* ValueError:
        raise
    except* TypeError:
        pass


run(t3)


# 4. new exceptions raised in handlers combine with the unhandled rest
def t4():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2), KeyError(3)])
    except* ValueError:
        raise RuntimeError("from value handler")
    except* TypeError:
        raise


run(t4)


# 5. a naked exception is wrapped for matching and re-raised unwrapped
def t5():
    try:
        raise ValueError("naked")
    except* ValueError as e:
        print("wrapped:", repr(e))
        raise


run(t5)


def t5b():
    try:
        raise KeyError("naked unhandled")
    except* ValueError:
        print("not reached")


run(t5b)


# 6. else and finally
def t6(fail):
    try:
        if fail:
            raise ExceptionGroup("x", [OSError("disk")])
    except* OSError:
        print("os error")
    else:
        print("else branch")
    finally:
        print("finally")


t6(False)
t6(True)


# 7. nested try/except* and exception in a handler that raises from
def t7():
    try:
        try:
            raise ExceptionGroup("outer", [ValueError("a"), TypeError("b")])
        except* ValueError as e:
            raise KeyError("replaced") from e
    except* KeyError as k:
        print("got keys:", [repr(x) for x in k.exceptions])
        print("cause:", repr(k.exceptions[0].__cause__))
    except* TypeError as t:
        print("got types:", t.exceptions)


run(t7)


# 8. notes, tracebacks and derive() of a subclass
class MyGroup(ExceptionGroup):
    def derive(self, excs):
        return MyGroup(self.message + "!", excs)


def t8():
    try:
        g = MyGroup("mine", [ValueError(1), TypeError(2)])
        g.add_note("a note")
        raise g
    except* ValueError as e:
        print("matched", type(e).__name__, e.message, getattr(e, "__notes__", None))


run(t8)


# 9. invalid except* types
def t9():
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* ExceptionGroup:
        pass


run(t9)


def t10():
    try:
        raise ValueError(1)
    except* (ValueError, BaseExceptionGroup):
        pass


run(t10)


# 11. loops inside except* blocks may use break/continue
def t11():
    try:
        raise ExceptionGroup("eg", [ValueError(i) for i in range(5)])
    except* ValueError as e:
        for x in e.exceptions:
            if x.args[0] == 1:
                continue
            if x.args[0] == 3:
                break
            print("item", x)


run(t11)

# 12. compile-time errors
for src in [
    "try:\n  pass\nexcept* ValueError:\n  break\n",
    "for x in y:\n  try:\n    pass\n  except* ValueError:\n    continue\n",
    "def f():\n  try:\n    pass\n  except* ValueError:\n    return 1\n",
    "try:\n  pass\nexcept ValueError:\n  pass\nexcept* TypeError:\n  pass\n",
    "try:\n  pass\nexcept*:\n  pass\n",
]:
    try:
        compile(src, "<s>", "exec")
        print("compiled")
    except SyntaxError as e:
        print("SyntaxError:", e.msg, e.lineno, e.offset)
