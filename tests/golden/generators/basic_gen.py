def count_up(n):
    i = 0
    while i < n:
        yield i
        i += 1
print(list(count_up(5)), sum(count_up(101)), type(count_up(1)).__name__)
g = count_up(3)
print(next(g), next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print('StopIteration', e.args)
print(next(g, 'exhausted'))
def trace_gen():
    print('start')
    yield 1
    print('middle')
    yield 2
    print('end')
for v in trace_gen():
    print('got', v)
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(15)])
def take(n, it):
    for i, v in enumerate(it):
        if i >= n:
            return
        yield v
print(list(take(5, fib())))
def gen_with_return():
    yield 1
    return 'result'
gr = gen_with_return()
print(next(gr))
try:
    next(gr)
except StopIteration as e:
    print('return value', e.value)
def squares(it):
    for x in it:
        yield x * x
def evens(it):
    for x in it:
        if x % 2 == 0:
            yield x
print(list(squares(evens(range(10)))))
