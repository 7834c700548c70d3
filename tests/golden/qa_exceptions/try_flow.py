def f(mode):
    log = []
    try:
        log.append("try")
        if mode == "raise":
            raise ValueError("v")
        if mode == "return":
            return log + ["returned"]
    except ValueError:
        log.append("except")
    else:
        log.append("else")
    finally:
        log.append("finally")
    return log
print(f("raise"), f("ok"), f("return"))
def h():
    for i in range(3):
        try:
            if i == 1:
                continue
            if i == 2:
                break
        finally:
            print("fin", i)
    return i
print(h())
def k():
    try:
        raise KeyError("a")
    except KeyError as e:
        err = e
    try:
        e
    except NameError as ne:
        print("e unbound:", ne)
    return err
print(repr(k()))
def nested():
    try:
        try:
            raise TypeError("inner")
        except ValueError:
            print("not here")
        finally:
            print("inner finally")
    except TypeError as e:
        print("outer caught", e)
nested()
def reraise():
    try:
        raise ValueError("orig")
    except ValueError:
        try:
            raise
        except ValueError as e:
            print("re-caught", e, e.__context__)
reraise()
def exc_info_demo():
    print(sys.exc_info())
    try:
        raise IndexError("idx")
    except IndexError:
        t, v, tb = sys.exc_info()
        print(t.__name__, v, tb.tb_lineno > 0, sys.exception() is v)
        try:
            raise KeyError("k2")
        except KeyError:
            print(sys.exc_info()[0].__name__)
        print(sys.exc_info()[0].__name__)
    print(sys.exc_info(), sys.exception())
import sys
exc_info_demo()
def multi():
    for exc in [ValueError, TypeError, KeyError, ZeroDivisionError]:
        try:
            raise exc("x")
        except (ValueError, TypeError) as e:
            print("group1", type(e).__name__)
        except LookupError as e:
            print("lookup", type(e).__name__)
        except Exception as e:
            print("generic", type(e).__name__)
multi()
def exc_types():
    try:
        raise ValueError
    except ValueError as e:
        print(repr(e), e.args)
    try:
        try:
            1 / 0
        except ZeroDivisionError as e:
            raise ValueError("wrapped") from e
    except ValueError as e:
        print(repr(e.__cause__), repr(e.__context__), e.__suppress_context__)
    try:
        raise StopIteration
    except Exception as e:
        print("StopIteration is Exception", isinstance(e, Exception))
    print(issubclass(KeyboardInterrupt, Exception), issubclass(GeneratorExit, BaseException), issubclass(SystemExit, Exception))
    print([c.__name__ for c in KeyError.__mro__], [c.__name__ for c in ZeroDivisionError.__mro__])
    print(OSError is IOError, EnvironmentError is OSError, issubclass(FileNotFoundError, OSError), issubclass(RecursionError, RuntimeError))
exc_types()
def loop_exc():
    count = 0
    while True:
        try:
            count += 1
            if count < 3:
                raise RuntimeError
            break
        except RuntimeError:
            continue
        finally:
            print("loop finally", count)
    return count
print(loop_exc())
try:
    try:
        raise TypeError("a")
    finally:
        print("cleanup without except")
except TypeError as e:
    print("outer got", e)
x = 0
try:
    x = 1
except:
    x = 2
else:
    x += 10
print(x)
