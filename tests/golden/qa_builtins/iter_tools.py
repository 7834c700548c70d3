print(list(zip([1, 2, 3], "ab")), list(zip()), list(zip([1], [2], [3])))
try:
    list(zip([1, 2], [1], strict=True))
except ValueError as e:
    print(e)
try:
    list(zip([1], [1, 2], strict=True))
except ValueError as e:
    print(e)
try:
    list(zip([1], [1], [1, 2, 3], strict=True))
except ValueError as e:
    print(e)
print(list(zip([1, 2], [3, 4], strict=True)))
print(list(enumerate("abc")), list(enumerate("ab", start=10)), list(enumerate([], 5)), list(enumerate("x", -1)))
print(list(enumerate("ab", 2**70)))
calls = []
def sq(x):
    calls.append(x)
    return x * x
m = map(sq, [1, 2, 3])
print(calls, next(m), calls, list(m), calls)
print(list(map(lambda a, b: a + b, [1, 2, 3], [10, 20])), list(map(str, range(3))))
f = filter(lambda x: x % 2, range(6))
print(type(f).__name__, list(f), list(f), list(filter(None, [0, 1, "", "a", None, [], [0]])))
it = iter([1, 2, 3])
print(next(it), list(it), next(it, "dflt"))
counter = [0]
def tick():
    counter[0] += 1
    return counter[0]
print(list(iter(tick, 4)))
class Seq:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return i * 10
print(list(Seq()), list(iter(Seq())), 20 in Seq(), list(reversed([1, 2])))
try:
    iter(tick, 1, 2)
except TypeError as e:
    print(e)
try:
    iter(5, 1)
except TypeError as e:
    print(e)
try:
    next(iter([]))
except StopIteration as e:
    print("StopIteration", repr(e))
print(sorted([3, 1, 2], key=lambda x: -x), min([3, 1, 2], key=lambda x: -x), max("abc", key=ord))
print(max([], default="empty"), min((), default=None), max([1, 3, 2], default=0), max(1, 2, key=lambda x: -x))
print(max([1, 1.0]), max([1.0, 1]), min(["b", "a", "a"]), max([(1, "b"), (1, "a")]))
try:
    max(1, 2, default=3)
except TypeError as e:
    print(e)
try:
    max([])
except ValueError as e:
    print(e)
try:
    min(5)
except TypeError as e:
    print(e)
print(any([]), all([]), any(x > 1 for x in [1, 2]), all([1, 0]), sum([[1], [2]], []), sum((), 10))
try:
    sum(["a", "b"], "")
except TypeError as e:
    print(e)
r = range(5)
ri = iter(r)
next(ri)
print(list(ri), list(ri), len(range(0, 10, 3)), range(0, 10, 3)[-1], 9 in range(0, 10, 3), range(3) == range(0, 3, 1))
print(range(10)[2:8:2], range(1, 10, 2).index(5), range(0, 20, 5).count(10), repr(range(1, 5)), repr(range(0, 5, 2)))
print(range(-5, 5)[::-1], bool(range(0)), list(range(5, 0, -2)))
try:
    range(1, 2, 0)
except ValueError as e:
    print(e)
try:
    range(1.5)
except TypeError as e:
    print(e)
z = zip(iter([1, 2, 3]), iter("ab"))
print(list(z))
e = enumerate(iter("ab"))
print(next(e), list(e))
print(list(map(pow, [2, 3], [3, 2], [5, 5])))
print(divmod(-7, 3), pow(-2, 3, 5), pow(2, 3, -5), round(-2.5), round(7.5), round(0.1 + 0.2, 1), abs(-7), abs(True))
print(isinstance(True, int), issubclass(bool, (str, int)), isinstance(1, (list, (dict, int))), callable(len), callable(1))
print(chr(65), ord("é"), ascii("é\n"), repr("é\n\t\x00'"), bin(10), oct(-10), hex(2**40))
print(list(reversed(range(0))), list(zip(*[(1, 2), (3, 4)])), dict(enumerate("ab")))
