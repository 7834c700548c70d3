for f in [lambda: {}['a'], lambda: {'a': 1}[1], lambda: {}[(1, 2)], lambda: {}[''], lambda: set().pop(), lambda: {1}.remove(2), lambda: {}.pop('x')]:
    try:
        f()
    except KeyError as e:
        print(type(e).__name__, e, repr(e))
for f in [lambda: [][0], lambda: [1, 2][5], lambda: (1,)[-2], lambda: 'abc'[3], lambda: [].pop(), lambda: [1].pop(3), lambda: range(3)[3], lambda: [1].insert]:
    try:
        r = f()
        print('ok', type(r).__name__)
    except IndexError as e:
        print(type(e).__name__, e)
l = [1, 2]
try:
    l[2] = 0
except IndexError as e:
    print(type(e).__name__, e)
