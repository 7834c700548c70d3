t = (1, 'two', 3.0, None, (4, 5))
print(t, len(t), t[1], t[-1][0], t[1:3], t.index(3.0), t.count(None))
print((), (1,), tuple(), tuple([1, 2]), tuple('ab'), tuple(range(3)))
a, b, c, d, (e, f) = t
print(a, b, c, d, e, f)
print((1, 2) + (3,), (0,) * 4, (1, 2) == (1, 2), (1, 2) < (1, 3), max((1, 5), (1, 4)))
print(hash((1, 2)) == hash((1, 2)), {(1, 2): 'x'}[(1, 2)])
try:
    t[0] = 5
except TypeError as e:
    print('TypeError:', e)
try:
    t.index('zz')
except ValueError as e:
    print('ValueError:', e)
nested = ((1, 2), [3, 4], {'k': (5,)})
print(nested, repr(nested))
print(sorted([(2, 'b'), (1, 'z'), (2, 'a'), (1, 'a')]))
def mr():
    return 1, 2, 3
print(mr(), type(mr()).__name__)
x = 1,
print(x)
