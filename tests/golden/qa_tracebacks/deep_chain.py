def a():
    try:
        raise ValueError("A")
    except ValueError as e:
        raise TypeError("B") from e

def b():
    try:
        a()
    except TypeError:
        raise KeyError("C")

b()
