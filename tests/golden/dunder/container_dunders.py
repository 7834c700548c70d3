class Seq:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(self.n))]
        if i < 0:
            i += self.n
        if not 0 <= i < self.n:
            raise IndexError('Seq index out of range')
        return i * i
    def __contains__(self, v):
        print('contains', v)
        return v >= 0 and int(v ** 0.5) ** 2 == v
s = Seq(6)
print(len(s), s[2], s[-1], s[1:4], list(s), 16 in s, 15 in s, sorted(s, reverse=True))
for v in s:
    print(v, end=' ')
print()
try:
    s[10]
except IndexError as e:
    print('IndexError:', e)
class Store:
    def __init__(self):
        self.d = {}
    def __setitem__(self, k, v):
        print('set', k, v)
        self.d[k] = v
    def __getitem__(self, k):
        return self.d[k]
    def __delitem__(self, k):
        print('del', k)
        del self.d[k]
    def __iter__(self):
        return iter(sorted(self.d))
    def __bool__(self):
        return bool(self.d)
st = Store()
print(bool(st))
st['b'] = 2
st['a'] = 1
print(list(st), st['a'], bool(st))
del st['a']
print(list(st))
class OnlyGetitem:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return 'item%d' % i
print(list(OnlyGetitem()), 'item1' in OnlyGetitem())
