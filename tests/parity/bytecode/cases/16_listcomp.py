a = [x * 2 for x in range(10)]
b = {x for x in a if x}
c = {x: y for x, y in zip(a, a)}
def f(n):
    return [i for i in range(n) if i % 2]
