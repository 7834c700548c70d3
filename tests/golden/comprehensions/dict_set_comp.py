print({x: x * x for x in range(6)})
print({k: v for k, v in [('a', 1), ('b', 2), ('a', 3)]})
print({v: k for k, v in {'x': 1, 'y': 2}.items()})
print({x % 5 for x in range(20)}, {c for c in 'mississippi' if c != 's'} == {'m', 'i', 'p'})
print({i: [j for j in range(i)] for i in range(4)})
print({(i, j): i * j for i in range(2) for j in range(2)})
print(sorted({w[0] for w in ['apple', 'avocado', 'banana', 'cherry']}))
d = {'b': 2, 'a': 1, 'c': 3}
print({k: d[k] for k in sorted(d)}, {k: v for k, v in d.items() if v > 1})
