data = {'list': [1, 2.5, 'three', None, True], 'tuple': (1,), 'empty': [(), {}, set(), ''], 'nested': {'a': [{'b': (1, [2, {3}])}]}}
print(data)
print(repr(data) == str(data))
for k, v in data.items():
    print(k, v, type(v).__name__)
l = [1]
l.append(l)
print(l)
d = {}
d['self'] = d
print(d)
print([[[]]], [{}], {1: {2: {3: {}}}})
print({5, 3, 1, 9, 7}, {0, 8, 16, 1}, set(range(10, 0, -1)))
print([0.1, 1e20, -0.0, float('inf')], (None,), [['a', "b'"]])
print(str([1, 'a']), repr([1, 'a']), str(('x',)), [str(1)], [repr('s')])
print(list(range(5)), range(5), range(1, 10, 2), repr(range(0)))
