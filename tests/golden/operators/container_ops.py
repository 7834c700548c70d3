a = [1, 2, 3]
print(a + [4], a * 2, 2 * [0], [None] * 3, a[1:], a[::-1], a[-1], len(a))
print(a + a[:1], [[]] * 2, a * 0)
t = (1, 2, 3)
print(t + (4,), t * 2, t[1:], t[::-1], t[-2], len(t), (1,) * 3)
print([1, [2, 3]] == [1, [2, 3]], (1, 2) != (1, 2), [1, 2] < [1, 2, 3])
s1 = {1, 2, 3}
s2 = {2, 3, 4}
print(s1 | s2, s1 & s2, s1 - s2, s2 - s1, s1 ^ s2)
print(s1 <= s2, {2} <= s1, s1 >= {1}, s1.isdisjoint({7}), s1 == {3, 2, 1})
fs = frozenset([1, 2])
print(fs | {3}, fs & {2}, type(fs | {3}).__name__)
d1 = {'a': 1, 'b': 2}
d2 = {'b': 3, 'c': 4}
print(d1 | d2, d2 | d1)
d1 |= {'z': 0}
print(d1)
print(2 in a, 5 in t, 3 in s1, 'a' in d1, 1 in d1)
l = [3, 1, 2]
l += (9,)
l += 'ab'
print(l)
l *= 2
print(l)
ss = {1}
ss |= {2}
ss &= {2, 3}
print(ss)
ss ^= {5}
ss -= {2}
print(ss)
print(list(range(10))[2:8:3], list(range(10))[-3::-2], 'abcdef'[::-3])
