recs = [("b", 2), ("a", 2), ("c", 1), ("a", 1), ("b", 1)]
print(sorted(recs), sorted(recs, key=lambda r: r[1]), sorted(recs, key=lambda r: r[0], reverse=True))
print(sorted(recs, key=lambda r: r[1], reverse=True))
words = ["banana", "Apple", "cherry", "apple", "Banana"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len), sorted(words, key=len, reverse=True))
l = [3, 1, 2]
print(l.sort(), l, l.sort(reverse=True), l)
print(sorted("hello"), sorted({3: 1, 1: 2}), sorted({3, 1, 2}), sorted((2, 1)), sorted([]), sorted([1], key=None))
print(sorted([1.5, 1, True, 0, -0.5]), sorted([[2, 1], [1, 2], [1]]), sorted([(1, "b"), (1, "a")]))
try:
    sorted([1, "a"])
except TypeError as e:
    print(e)
try:
    [3, 2].sort(lambda x: x)
except TypeError as e:
    print(e)
try:
    sorted([1, 2], key=lambda x: 1 / 0)
except ZeroDivisionError as e:
    print(e)
try:
    [None, 1].sort()
except TypeError as e:
    print(e)
class K:
    def __init__(self, v): self.v = v
    def __lt__(self, o): return self.v < o.v
    def __repr__(self): return "K%d" % self.v
print(sorted([K(3), K(1), K(2)]), max([K(3), K(1)], key=lambda k: k.v), min(K(5), K(4)))
data = list(range(20))
print(sorted(data, key=lambda x: x % 3))
print(sorted(data, key=lambda x: -(x % 4), reverse=True))
print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed(range(4))), list(reversed((1, 2))))
print(sorted([3, 1, 2], reverse=1))
m = [5, 3, 8]
m.sort(key=lambda x: -x)
print(m)
