def f():
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("clean") from None

try:
    f()
except ValueError as e:
    print(e.__cause__, e.__suppress_context__, type(e.__context__).__name__)
f()
