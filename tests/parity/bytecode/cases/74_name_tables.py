# co_names / co_varnames / cell and free slots: first-use order, value (not
# identity) de-duplication, mangled names, cells that are parameters, hidden
# locals of inlined comprehensions.
import os.path as osp
from os import sep, sep as sep2

a = b = c = 1
a.x, b.y, a.x, c.z = a.y, b.x, c.z, a.x
del a.x
print(sep, sep2, osp)

class Private:
    __slots__ = ('__a', '_Private__b')
    def m(self, __p, q=0):
        self.__a = self._Private__a + __p
        self.__b = [__x for __x in range(q) if self.__b]
        return __p, self.__a, _Private__p, __builtins__

def cells(p, q, *args, r, **kw):
    s = t = 0
    u = [p for p in args]
    def inner():
        nonlocal s
        s += p + r + t
        return q, kw, u, s
    v = [w for w in kw if w != t]
    return inner, v, [w for w in args], {w: p for w in u}

def shadow(n):
    out = []
    for i in range(n):
        out.append([i for i in range(i)])
        out.append({i: j for i, j in enumerate(out)})
    k = [k for k in out if k]
    return out, k, [m for m in k], [m * i for m in k]

x1 = [y for y in range(3)]
x2 = {y for y in x1}
x3 = [y for y in x2 if y] + [z for z in x1 for y in x2]
