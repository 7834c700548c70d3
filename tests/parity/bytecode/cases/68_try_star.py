# try/except* (PEP 654)
def f():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError as e:
        print("value", e.exceptions)
    except* TypeError:
        print("type")


def g(x):
    try:
        x()
    except* (KeyError, IndexError) as eg:
        for exc in eg.exceptions:
            print(exc)
            continue
    except* OSError as e:
        raise RuntimeError("wrapped") from e
    else:
        print("no error")
    finally:
        print("finally")
    return 1


async def h():
    try:
        await something()
    except* ValueError:
        pass


try:
    f()
    g(lambda: None)
except* Exception as e:
    print(repr(e))
