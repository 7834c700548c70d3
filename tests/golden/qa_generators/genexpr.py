g = (x * x for x in range(5))
print(type(g).__name__, g.__name__, g.__qualname__)
print(next(g), next(g), list(g), list(g))
try:
    (x for x in 5)
except TypeError as e:
    print(e)
def f():
    return (y for y in undefined_iterable)
try:
    f()
except NameError as e:
    print(e)
calls = []
def src():
    for i in range(3):
        calls.append(i)
        yield i
lazy = (v + 1 for v in src())
print(calls)
print(next(lazy), calls)
print(sum(x for x in range(10) if x % 2), max((len(w), w) for w in "a bb ccc".split()))
print(list((i, j) for i in range(3) for j in range(i)))
x = 10
g = (x + i for i in range(3))
x = 20
print(list(g))
print(any(x > 3 for x in [1, 5]), all(x for x in []), sorted((c for c in "cab"), reverse=True))
nums = [1, 2, 3]
g = (n for n in nums)
nums = [9]
print(list(g))
gg = (a for a in [1])
print(gg.gi_code.co_name)
print(dict((k, v) for k, v in zip("ab", [1, 2])), set(c for c in "hello"), tuple(i for i in range(3)))
def count_gen():
    n = 0
    try:
        while True:
            yield n
            n += 1
    finally:
        print("gen finalized")
c = count_gen()
for v in c:
    if v == 2:
        break
print("after break")
del c
print("after del")
def fin():
    try:
        yield 1
    finally:
        print("fin run")
for v in fin():
    print("got", v)
print("loop done")
