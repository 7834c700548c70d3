try:
    try:
        1 / 0
    except ZeroDivisionError as e:
        raise ValueError('converted') from e
except ValueError as e:
    print(e, type(e.__cause__).__name__, e.__cause__, e.__suppress_context__)
try:
    try:
        {}['x']
    except KeyError:
        raise RuntimeError('during handling')
except RuntimeError as e:
    print(e, repr(e.__context__), e.__cause__)
try:
    try:
        raise OSError('a')
    except OSError:
        raise TypeError('b') from None
except TypeError as e:
    print(e, e.__cause__, repr(e.__context__), e.__suppress_context__)
