for f in [lambda: int('x'), lambda: int('1', 40), lambda: float('1.2.3'), lambda: [1].index(2), lambda: 'a'.index('b'), lambda: chr(-1), lambda: range(1, 2, 0), lambda: max([]), lambda: min(()), lambda: (1, 2).index(3), lambda: 'abc'.split(''), lambda: int(''), lambda: (lambda: 0)().__index__()]:
    try:
        f()
    except (ValueError, AttributeError) as e:
        print(type(e).__name__, e)
try:
    a, b = [1, 2, 3]
except ValueError as e:
    print(type(e).__name__, e)
try:
    a, b, c = [1, 2]
except ValueError as e:
    print(type(e).__name__, e)
try:
    a, *b, c = [1]
except ValueError as e:
    print(type(e).__name__, e)
