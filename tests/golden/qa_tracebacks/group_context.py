try:
    raise KeyError("first")
except KeyError:
    e1 = TypeError("t")
    try:
        raise e1
    except TypeError as t:
        raise ExceptionGroup("ctx", [t, OSError(2, "nf")])
