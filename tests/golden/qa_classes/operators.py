class V:
    def __init__(self, *c):
        self.c = c
    def __repr__(self):
        return "V%r" % (self.c,)
    def __add__(self, o):
        if isinstance(o, V):
            return V(*[a + b for a, b in zip(self.c, o.c)])
        if isinstance(o, (int, float)):
            return V(*[a + o for a in self.c])
        return NotImplemented
    def __radd__(self, o):
        print("radd", o)
        return self + o
    def __mul__(self, k):
        return V(*[a * k for a in self.c])
    __rmul__ = __mul__
    def __neg__(self):
        return V(*[-a for a in self.c])
    def __eq__(self, o):
        return isinstance(o, V) and self.c == o.c
    def __lt__(self, o):
        return sum(self.c) < sum(o.c)
    def __len__(self):
        return len(self.c)
    def __getitem__(self, i):
        return self.c[i]
    def __iadd__(self, o):
        print("iadd")
        self.c = (self + o).c
        return self
    def __bool__(self):
        return any(self.c)
    def __contains__(self, x):
        print("contains", x)
        return x in self.c
    def __matmul__(self, o):
        return sum(a * b for a, b in zip(self.c, o.c))
    def __pow__(self, n, mod=None):
        return ("pow", n, mod)
    def __rpow__(self, n):
        return ("rpow", n)
    def __abs__(self):
        return 99
    def __invert__(self):
        return "inv"
    def __index__(self):
        return 2

a = V(1, 2)
b = V(3, 4)
print(a + b, a + 1, 1 + a, a * 3, 3 * a, -a)
print(a == V(1, 2), a != V(1, 2), a == 5, a < b, a > b, b > a)
print(sorted([b, a]), max(a, b))
a += b
print(a)
a += 1
print(a)
print(len(a), a[0], a[-1], list(a), 5 in a, 9 in a)
print(bool(V(0, 0)), bool(V(0, 1)))
print(a @ b, a ** 2, pow(a, 2, 5), 2 ** a, abs(a), ~a)
print([10, 20, 30, 40][a], "abcdef"[a:a + 2], hex(a), bin(a))
print(sum([V(1), V(2)], V(0)))
try:
    a - b
except TypeError as e:
    print(e)
try:
    a < 3
except AttributeError as e:
    print(e)
try:
    "x" + a
except TypeError as e:
    print(e)
class Base:
    def __add__(self, o): return "Base.add"
    def __radd__(self, o): return "Base.radd"
class Derived(Base):
    def __radd__(self, o): return "Derived.radd"
print(Base() + Derived())
print(Derived() + Base())
print(1 + Derived())
class OnlyEq:
    def __eq__(self, o):
        print("OnlyEq.__eq__")
        return NotImplemented
print(OnlyEq() == OnlyEq())
x = OnlyEq()
print(x == x, x != x)
class Cmp:
    def __init__(self, v): self.v = v
    def __lt__(self, o):
        print("lt", self.v, o.v)
        return self.v < o.v
    def __gt__(self, o):
        print("gt", self.v, o.v)
        return self.v > o.v
print(Cmp(1) < Cmp(2))
print(Cmp(1) > Cmp(2))
class SubCmp(Cmp):
    pass
print(Cmp(1) < SubCmp(2))
class SubCmp2(Cmp):
    def __gt__(self, o):
        print("SubCmp2.gt")
        return True
print(Cmp(1) < SubCmp2(2))
