def gen():
    yield 1
    yield 2
g = gen()
print(g.__name__, g.__qualname__)
print(list(g), list(g))
ge = (x * 2 for x in range(4))
print(type(ge).__name__, next(ge), list(ge))
def infinite():
    n = 0
    while True:
        n += 1
        yield n
for v in infinite():
    if v > 4:
        break
    print('v', v)
def lazy():
    print('running body')
    yield 'x'
lz = lazy()
print('created')
print(next(lz))
it = iter([1, 2, 3])
print(next(it), list(it), next(it, None))
def pairs(seq):
    it = iter(seq)
    for a in it:
        yield a, next(it, None)
print(list(pairs('abcde')))
def running(it):
    total = 0
    for x in it:
        total += x
        yield total
print(list(running(range(1, 11))))
