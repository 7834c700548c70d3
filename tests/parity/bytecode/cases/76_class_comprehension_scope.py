# PEP 709 comprehensions inlined into a class body do not see class-level names
x = "module"
class A:
    x = "class"
    z = [x for _ in range(1)]
    g = list(x for _ in range(1))
    s = {x: y for y in z}
    vals = [1, 2, 3]
    try:
        sums = [v + len(vals) for v in vals]
    except NameError as e:
        err = str(e)
def f(a):
    x = 1
    class B:
        x = 2
        z = [x for _ in range(1)]
        w = [y for y in range(a)]
        n = [[x + y for y in range(2)] for x in range(3)]
        c = [lambda: x for _ in range(2)]
        def m(self):
            return [x for _ in self]
    return B
class C:
    def meth(self):
        return [__class__ for _ in range(1)]
    k = [super for _ in range(1)]
