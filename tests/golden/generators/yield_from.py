def inner(n):
    for i in range(n):
        got = yield i
        if got:
            print('inner got', got)
    return f'inner({n}) done'
def outer():
    r1 = yield from inner(2)
    print('r1 =', r1)
    r2 = yield from inner(3)
    print('r2 =', r2)
    yield from 'xy'
    yield from [10, 20]
    return 'outer done'
o = outer()
print(next(o), o.send('hello'), next(o), next(o))
rest = list(o)
print(rest)
def chain(*its):
    for it in its:
        yield from it
print(list(chain([1, 2], (3,), range(4, 6), 'ab')))
def tree(n):
    if n:
        yield from tree(n - 1)
        yield n
        yield from tree(n - 1)
print(list(tree(3)))
def wrapper():
    result = yield from gen_ret()
    yield result * 2
def gen_ret():
    yield 'a'
    return 21
print(list(wrapper()))
