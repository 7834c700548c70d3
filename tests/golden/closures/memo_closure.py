def memoize(fn):
    cache = {}
    def w(n):
        if n not in cache:
            cache[n] = fn(n)
        return cache[n]
    w.cache = cache
    return w
@memoize
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), len(fib.cache))
def make_ops():
    ops = {}
    for name, f in [('add', lambda a, b: a + b), ('mul', lambda a, b: a * b)]:
        ops[name] = f
    return ops
ops = make_ops()
print(ops['add'](3, 4), ops['mul'](3, 4))
def partial(f, *pa):
    def g(*a):
        return f(*pa, *a)
    return g
p = partial(pow, 2)
print(p(10), [partial(max, 5)(i) for i in range(8)])
