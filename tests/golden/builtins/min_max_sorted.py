data = [('bob', 25, 3.5), ('alice', 30, 2.0), ('carol', 25, 4.0), ('dave', 20, 3.5)]
print(sorted(data))
print(sorted(data, key=lambda r: r[1]))
print(sorted(data, key=lambda r: (r[2], r[0]), reverse=True))
print(min(data, key=lambda r: r[2]), max(data, key=lambda r: r[1]))
print(sorted([5, 2, 8, 1, 9, 3], key=lambda v: v % 3))
print(max(3, 1, 4, 1, 5, 9, 2, 6), min([3, 1, 4]), max('hello'), min('hello'))
print(max([1, 2], [1, 3]), min((2, 'a'), (1, 'z')), max([], default=None), min([], default=0))
print(sorted([True, False, 0, 1, -1]), sorted([0.5, -1, 2, 1e-3]))
stable = sorted([('a', 2), ('b', 1), ('c', 2), ('d', 1)], key=lambda p: p[1])
print(stable)
l = [3, 1, 2]
s = sorted(l)
print(l, s, l is s)
try:
    sorted([1, 'a'])
except TypeError as e:
    print('TypeError:', e)
try:
    max([])
except ValueError as e:
    print('ValueError:', e)
