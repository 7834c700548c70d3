log = []
def L(tag, v=None):
    log.append(tag)
    return v if v is not None else tag
def show(title):
    print(title, log)
    log.clear()
d = {L("k1"): L("v1"), L("k2"): L("v2")}
show("dict literal")
x = [L("a")] + [L("b")] * 2
show("list ops")
L("f", lambda *a, **k: None)(L("arg1"), L("arg2"), kw=L("kw"))
show("call order")
class Obj:
    def __getitem__(self, k):
        log.append(("get", k)); return 0
    def __setitem__(self, k, v):
        log.append(("set", k, v))
o = Obj()
o[L("i")] = L("val")
show("setitem")
o[L("i1")] += L(5)
show("aug setitem")
a = b = L("chained", [])
show("chained assign")
o[1] = o[2] = L("cv")
show("chained setitem")
class Attr:
    def __getattr__(self, n):
        log.append(("getattr", n)); return 1
    def __setattr__(self, n, v):
        log.append(("setattr", n, v))
at = Attr()
at.x += 1
show("aug attr")
first, *rest = L("seq", [1, 2, 3])
show("star unpack")
print(first, rest)
(p, q), r = L("nested", [(1, 2), 3])
show("nested unpack")
def f(a=L("default a"), *, b=L("default b")):
    pass
show("defaults")
@L("deco1", lambda f: f)
@L("deco2", lambda f: f)
def decorated(): pass
show("decorators")
class Meta(type):
    @classmethod
    def __prepare__(m, name, bases, **kw):
        log.append("prepare")
        return {}
    def __new__(m, name, bases, ns, **kw):
        log.append("meta new")
        return super().__new__(m, name, bases, ns)
class SN:
    def __set_name__(self, owner, name):
        log.append(("set_name", name))
class Base:
    def __init_subclass__(cls, **kw):
        log.append("init_subclass")
def cdeco(c):
    log.append("class deco")
    return c
@cdeco
class K(Base, metaclass=Meta):
    log.append("body")
    a = SN()
    b = SN()
show("class creation")
r = L("c1", 1) < L("c2", 2) < L("c3", 3)
show("chained compare")
r = L("or1", 0) or L("or2", 0) or L("or3", 5)
show("or")
r = L("t", 1) if L("cond", 1) else L("f", 1)
show("ternary")
r = [L(("comp", i)) for i in range(2) if L(("cond", i), True)]
show("comprehension")
r = {L("sk1"): 1, **{L("sk2"): 2}}
show("dict unpack")
def g():
    log.append("g start")
    yield L("y1")
    log.append("g mid")
    yield L("y2")
    log.append("g end")
for v in g():
    log.append(("loop", v))
show("generator")
class IAdd:
    def __add__(self, o):
        log.append("add"); return self
ia = IAdd()
ia += 1
show("iadd fallback")
tl = ([1],)
try:
    tl[0] += [2]
except TypeError as e:
    log.append(str(e))
show("tuple list iadd")
print(tl)
i = 0
lst = [0, 0, 0]
i, lst[i] = 1, 5
print(i, lst)
xs = [1, 2, 3]
xs[L("idx", 0)], xs[L("idx2", 1)] = L("rhs", (10, 20))
show("multi target")
print(xs)
try:
    L("lhs", 1) + L("rhs", "x")
except TypeError:
    pass
show("binop eval")
r = L("base", [[1]])[L("i", 0)][L("j", 0)]
show("subscripts")
del log[:]
print(log)
