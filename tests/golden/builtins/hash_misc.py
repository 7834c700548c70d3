for v in [0, 1, -1, -2, 2 ** 61 - 2, 2 ** 61 - 1, 2 ** 61, 10 ** 20, 0.5, 1.0, -1.5, 1e100, True, False, None is None, (), (1,), (1, 2), ('a', 1)]:
    try:
        print(repr(v), hash(v))
    except TypeError as e:
        print(repr(v), 'TypeError', e)
for v in [[], {}, set()]:
    try:
        hash(v)
    except TypeError as e:
        print('TypeError:', e)
print(hash('abc') == hash('abc'), hash(frozenset([1, 2])) == hash(frozenset([2, 1])))
print(hash(float('inf')), hash(float('-inf')))
