g = (x for x in range(3))
def f():
    return sum(x * x for x in range(10))
