sq = lambda x: x * x
add = lambda a, b=10: a + b
print(sq(5), add(1), add(1, 2), (lambda: 'const')(), (lambda *a, **k: (a, k))(1, x=2))
pairs = [(1, 'one'), (3, 'three'), (2, 'two')]
print(sorted(pairs, key=lambda p: p[1]), sorted(pairs, key=lambda p: -p[0]))
print(list(map(lambda x: x * 2, range(5))), list(filter(lambda x: x % 2, range(10))))
fs = [lambda x, i=i: x + i for i in range(3)]
print([f(10) for f in fs])
late = [lambda: i for i in range(3)]
print([f() for f in late])
compose = lambda f, g: lambda x: f(g(x))
inc_sq = compose(sq, lambda x: x + 1)
print(inc_sq(3))
print(sq.__name__, (lambda: 0).__name__)
print((lambda x: (lambda y: x + y))(1)(2))
