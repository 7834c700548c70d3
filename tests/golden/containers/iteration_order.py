d = {}
for k in ['c', 'a', 'b']:
    d[k] = len(d)
print(d)
del d['a']
d['a'] = 99
print(d, list(d))
d['c'] = 'updated'
print(d)
print(list(reversed(d)), list(reversed(d.items())))
s = set()
for i in [5, 3, 8, 1, 9, 2]:
    s.add(i)
print(s, sorted(s), list(s))
print(set([100, 1, 50, 2]))
big = {i: i * i for i in range(0, 30, 4)}
print(big)
keys = list(big)
for k in keys:
    if k % 8 == 0:
        del big[k]
print(big)
print(dict(sorted({'b': 2, 'a': 1}.items())))
