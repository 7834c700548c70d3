d = {'one': 1, 'two': 2}
d['three'] = 3
print(d, len(d), d['two'], d.get('four'), d.get('four', 4))
print(list(d.keys()), list(d.values()), list(d.items()))
print(d.keys(), d.values(), d.items())
d['one'] = 'uno'
print(d)
print(d.pop('two'), d, d.pop('zz', 'dflt'))
print(d.setdefault('new', []), d.setdefault('one', 'x'), d)
d.update({'a': 1}, b=2)
d.update([('c', 3)])
print(d)
print(d.popitem(), d)
e = dict(a=1, b=2)
f = dict([('x', 1), ('y', 2)])
g = dict.fromkeys('abc', 0)
print(e, f, g, dict(zip('ab', [1, 2])), dict(e, c=3))
for k in e:
    print(k, e[k])
for k, v in f.items():
    print(k, '->', v)
print('a' in e, 'z' in e, e == {'b': 2, 'a': 1}, sorted(g))
del g['b']
g['b'] = 9
print(g)
d2 = {1: 'int', 1.0: 'float', True: 'bool'}
print(d2)
d3 = {}
for i in range(20):
    d3[i * 7 % 11] = i
print(d3)
cp = d3.copy(); cp.clear(); print(cp, len(d3))
try:
    {}['missing']
except KeyError as ex:
    print('KeyError', ex)
nested = {'a': {'b': {'c': [1, 2, {'d': None}]}}}
print(nested, nested['a']['b']['c'][2])
print(list({'z': 1, 'a': 2, 'm': 3}))
print({(1, 2): 'tuple key', None: 'none', 'k': 0})
