a = {1, 2, 3, 4}
b = {3, 4, 5}
print(a | b, a & b, a - b, b - a, a ^ b, a <= b, {3} < b, a >= {1}, a > a, a.isdisjoint({9}))
print(a.union([9], (10,)), a.intersection(range(3)), a.difference("x"), a.symmetric_difference([1, 9]))
print(a.issubset(range(10)), a.issuperset([1, 2]), frozenset(a) == a, {1} == frozenset({1}))
fs = frozenset([3, 1])
print(fs | {9}, type(fs | {9}).__name__, type({9} | fs).__name__, type(fs.copy()).__name__, fs.copy() is fs)
c = set()
c.add(1); c.update([2, 3], "ab"); c.discard(99); c.remove(1)
print(sorted(c, key=str))
try:
    c.remove(99)
except KeyError as e:
    print("KeyError", e)
try:
    set().pop()
except KeyError as e:
    print("KeyError", e)
d = {1, 2, 3}
d &= {2, 3, 4}; print(d)
d |= {7}; print(d)
d -= {2}; print(d)
d ^= {3, 8}; print(d)
d.intersection_update([7, 8, 9]); print(d)
d.difference_update([8]); print(d)
d.symmetric_difference_update([1, 7]); print(d)
print(set(), frozenset(), repr(frozenset({1})), set("aab") == {"a", "b"}, {(1, 2), (1, 2)})
try:
    {1} | [2]
except TypeError as e:
    print(e)
try:
    {1} < [1]
except TypeError as e:
    print(e)
print({1, 2} == {2, 1}, {1, 2} != {1}, len({1, 1.0, True}), {0, False, 0.0}, {-0.0, 0})
s = {1, 2, 3}
try:
    for x in s:
        s.add(x + 10)
except RuntimeError as e:
    print(e)
print(sorted({x % 3 for x in range(10)}), {x for x in "hello" if x != "l"} == {"h", "e", "o"})
big = set(range(100))
big -= set(range(0, 100, 2))
print(len(big), min(big), max(big), sum(big))
class H:
    def __init__(self, v): self.v = v
    def __hash__(self): return 1
    def __eq__(self, o): return self.v == o.v
print(len({H(1), H(2), H(1)}))
print(frozenset({1, 2}) in {frozenset({2, 1})}, {1, 2}.__contains__(1))
