def make_counter(start=0):
    count = start
    def inc(step=1):
        nonlocal count
        count += step
        return count
    return inc
c1 = make_counter()
c2 = make_counter(100)
print(c1(), c1(), c1(5), c2(), c1(), c2(10))
def make_acc():
    total = []
    def add(x):
        total.append(x)
        return sum(total)
    return add
a = make_acc()
print(a(1), a(2), a(3))
def adders():
    return [lambda x, n=n: x + n for n in range(3)]
print([f(10) for f in adders()])
def pair():
    value = 0
    def get():
        return value
    def set_(v):
        nonlocal value
        value = v
    return get, set_
g, s = pair()
print(g()); s(42); print(g())
print(c1.__closure__ is not None, len(c1.__closure__), c1.__closure__[0].cell_contents)
