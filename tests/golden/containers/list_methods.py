l = [3, 1, 4, 1, 5, 9, 2, 6]
l.append(5); print(l)
l.extend([3, 5]); print(l)
l.insert(0, 'first'); print(l)
l.insert(100, 'last'); print(l)
l.insert(-1, 'pen'); print(l)
print(l.pop(), l.pop(0), l.pop(-2), l)
l.remove(1); print(l)
print(l.index(5), l.count(5), l.count(42), len(l))
l = [x for x in l if isinstance(x, int)]
l.reverse(); print(l)
l.sort(); print(l)
l.sort(reverse=True); print(l)
l.sort(key=lambda v: (v % 3, v)); print(l)
c = l.copy(); c.clear(); print(c, len(l))
try:
    l.remove(42)
except ValueError as e:
    print('ValueError:', e)
try:
    [].pop()
except IndexError as e:
    print('IndexError:', e)
m = list(range(10))
m[2:5] = ['a', 'b']
print(m)
m[::3] = [0, 0, 0]
print(m)
m[1:1] = [7, 7]
print(m)
print(sorted([[2, 'b'], [1, 'z'], [2, 'a']]), [1, 2] * 2, list(reversed([1, 2, 3])))
n = [[0] * 3 for _ in range(3)]
n[1][1] = 5
print(n)
