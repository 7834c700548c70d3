s = {3, 1, 2}
print(s, len(s), 2 in s)
s.add(5); s.add(1)
print(s)
s.discard(9); s.discard(3)
print(s)
s.remove(5)
print(s)
try:
    s.remove(99)
except KeyError as e:
    print('KeyError', e)
print(set(), set([1, 1, 2]), set(range(5)), {10, 20, 30, 1, 2})
a = {1, 2, 3, 4}
b = {3, 4, 5}
print(a.union(b), a.intersection(b), a.difference(b), a.symmetric_difference(b), a.issubset(b), {3}.issubset(a), a.issuperset({1}))
c = set(a)
c.update([10, 11], {12})
print(c)
c.intersection_update(range(4, 12))
print(c)
c.difference_update({10})
print(c)
print(sorted({'b', 'a', 'c'}), frozenset({1, 2}), frozenset())
p = {1, 2}
print(p.pop(), p)
print({x % 4 for x in range(10)}, set('hello') == set('olleh'), len(set('hello')))
print(hash(frozenset()) == hash(frozenset()), {frozenset({1}): 'fs'})
print({-1, -2, 0, 7, 100, 64, 32})
e = set()
e.add(0); e.clear()
print(e)
