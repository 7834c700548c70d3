print(int('10'), int('-10'), int(' 10 '), int('10', 2), int('a', 16), int(True), int(9.99), int(-9.99))
print(float('3.5'), float(' 1e3 '), float(2), float('-0'), float('infinity'), float('NaN'))
print(str(1), str(1.25), str(True), str(None), str([1, '2']), str({'a': (1,)}), str(b'x'))
print(bool(0), bool(1), bool(''), bool('0'), bool([]), bool([[]]), bool(None), bool(0.0))
print(list((1, 2)), list({'a': 1}), list(range(3)), list('hi'), list({3}))
print(tuple([1]), tuple('ab'), tuple({'k': 'v'}), tuple(range(2)))
print(dict([(1, 2)]), dict(zip('ab', 'cd')), dict(), dict({'x': 1}, y=2))
print(set('aab') == {'a', 'b'}, set(), set([3, 2, 1]), frozenset([1]))
for bad in [lambda: int('1.5'), lambda: float('x'), lambda: int(None), lambda: int([1]), lambda: dict([1]), lambda: list(5), lambda: int('5', 1)]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ':', e)
