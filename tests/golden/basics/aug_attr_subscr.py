class C:
    pass
c = C()
c.x = 1
c.x += 10
print(c.x)
c.lst = [1, 2]
c.lst += [3]
c.lst[0] += 100
print(c.lst)
d = {'a': 1, 'b': [1]}
d['a'] += 5
d['a'] *= 2
d['b'] += [2]
d['c'] = d.get('c', 0) + 1
print(d)
m = [[1, 2], [3, 4]]
m[1][0] -= 10
m[0][1] **= 3
print(m)
calls = []
def key():
    calls.append('key')
    return 'k'
def obj():
    calls.append('obj')
    return d
obj()[key()] = 0
obj()[key()] += 1
print(d['k'], calls)
class Counter:
    def __init__(self):
        self.n = 0
        self.log = []
    def __getitem__(self, k):
        self.log.append(('get', k))
        return self.n
    def __setitem__(self, k, v):
        self.log.append(('set', k, v))
        self.n = v
cc = Counter()
cc[5] += 3
cc[5] += 4
print(cc.n, cc.log)
s = 'abc'
s += s[1:]
print(s)
