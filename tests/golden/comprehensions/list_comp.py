print([x * x for x in range(10)])
print([x for x in range(20) if x % 3 == 0 if x % 2 == 0])
print([(x, y) for x in range(3) for y in range(x)])
print([[i * j for j in range(4)] for i in range(3)])
print([c.upper() for c in 'hello' if c != 'l'])
print([x if x > 2 else -x for x in range(5)])
words = ['apple', 'bob', 'kayak', 'level', 'python']
print([w for w in words if w == w[::-1]])
print([len(w) for w in words], [w[0] for w in words])
m = [[1, 2, 3], [4, 5, 6]]
print([row[i] for row in m for i in range(len(row))], [[row[i] for row in m] for i in range(3)])
x = 'outer'
print([x for x in 'ab'], x)
print([(a, b) for a, b in zip('xyz', range(3))], [k for k, *_ in [(1, 2), (3, 4, 5)]])
n = 10
print([i for i in range(n) if i < n // 2])
print([y := 5, y ** 2], [z for i in range(3) if (z := i * 10) > 5])
