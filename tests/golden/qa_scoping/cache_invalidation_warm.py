# Same invalidation checks after the loops are warm (specialized).
N = 300
def sample(out):
    return [out[0], out[N // 2 - 1], out[N // 2], out[-1]]
G = "orig"
def warm_global():
    out = []
    for i in range(N):
        out.append(G)
        if i == N // 2 - 1:
            globals()["G"] = "changed"
    return sample(out)
print(warm_global())
def warm_builtin():
    out = []
    for i in range(N):
        out.append(len("abc"))
        if i == N // 2 - 1:
            globals()["len"] = lambda s: -1
    del globals()["len"]
    return sample(out) + [len("ab")]
print(warm_builtin())
class C:
    attr = "v1"
    def meth(self): return "m1"
def warm_class():
    c = C()
    out = []
    for i in range(N):
        out.append((c.attr, c.meth()))
        if i == N // 2 - 1:
            C.attr = "v2"
            C.meth = lambda self: "m2"
    return sample(out)
print(warm_class())
def warm_instance_shadow():
    c = C()
    out = []
    for i in range(N):
        out.append(c.attr)
        if i == N // 2 - 1:
            c.attr = "inst"
    return sample(out)
print(warm_instance_shadow())
class Base:
    def who(self): return "Base"
class Leaf(Base): pass
def warm_mro():
    x = Leaf()
    out = []
    for i in range(N):
        out.append(x.who())
        if i == N // 2 - 1:
            Base.who = lambda self: "Base2"
    return sample(out)
print(warm_mro())
class A1:
    def f(self): return "A1"
    x = 1
class A2:
    def f(self): return "A2"
    x = 2
def warm_class_switch():
    o = A1()
    out = []
    for i in range(N):
        out.append((o.f(), o.x))
        if i == N // 2 - 1:
            o.__class__ = A2
    return sample(out)
print(warm_class_switch())
class Desc:
    def __get__(self, i, o): return "desc"
    def __set__(self, i, v): pass
class Late: pass
def warm_late_desc():
    l = Late()
    l.x = "inst"
    out = []
    for i in range(N):
        out.append(l.x)
        if i == N // 2 - 1:
            Late.x = Desc()
    return sample(out)
print(warm_late_desc())
def warm_types():
    out = []
    vals = [1] * (N // 2) + [1.5] * (N // 2)
    total = 0
    for v in vals:
        total = total + v
        out.append(total)
    return sample(out)
print(warm_types())
def warm_compare():
    out = []
    vals = [(1, 2)] * (N // 2) + [("b", "a")] * (N // 2)
    for a, b in vals:
        out.append(a < b)
    return sample(out)
print(warm_compare())
def warm_subscr():
    out = []
    conts = [[10, 20]] * (N // 2) + [{1: "d"}] * (N // 2)
    for c in conts:
        out.append(c[1])
    return sample(out)
print(warm_subscr())
def warm_call():
    def f1(x): return x + 1
    def f2(x): return x * 10
    out = []
    f = f1
    for i in range(N):
        out.append(f(i))
        if i == N // 2 - 1:
            f = f2
    return sample(out)
print(warm_call())
def warm_code_swap():
    def f(x): return "old"
    def g(x): return "new"
    out = []
    for i in range(N):
        out.append(f(i))
        if i == N // 2 - 1:
            f.__code__ = g.__code__
    return sample(out)
print(warm_code_swap())
def warm_defaults():
    def f(a=1): return a
    out = []
    for i in range(N):
        out.append(f())
        if i == N // 2 - 1:
            f.__defaults__ = (99,)
    return sample(out)
print(warm_defaults())
class Init:
    def __init__(self): self.v = "init1"
def warm_init():
    out = []
    for i in range(N):
        out.append(Init().v)
        if i == N // 2 - 1:
            Init.__init__ = lambda self: setattr(self, "v", "init2")
    return sample(out)
print(warm_init())
class NewCls:
    pass
def warm_new():
    out = []
    for i in range(N):
        out.append(type(NewCls()).__name__)
        if i == N // 2 - 1:
            NewCls.__new__ = lambda cls: 42
    return sample(out)
print(warm_new())
def warm_len_class():
    class L:
        def __len__(self): return 1
    l = L()
    out = []
    for i in range(N):
        out.append(len(l))
        if i == N // 2 - 1:
            L.__len__ = lambda self: 2
    return sample(out)
print(warm_len_class())
def warm_getitem():
    class Gi:
        def __getitem__(self, k): return "g1"
    g = Gi()
    out = []
    for i in range(N):
        out.append(g[0])
        if i == N // 2 - 1:
            Gi.__getitem__ = lambda self, k: "g2"
    return sample(out)
print(warm_getitem())
def warm_bool():
    class B:
        def __bool__(self): return True
    b = B()
    out = []
    for i in range(N):
        out.append("t" if b else "f")
        if i == N // 2 - 1:
            B.__bool__ = lambda self: False
    return sample(out)
print(warm_bool())
def warm_iter_gen():
    def gen():
        yield from range(3)
    out = []
    for i in range(N):
        out.append(sum(gen()))
    return sample(out)
print(warm_iter_gen())
def warm_store_attr():
    class O:
        __slots__ = ("a", "__dict__")
    o = O()
    out = []
    for i in range(N):
        o.a = i
        o.b = -i
        out.append(o.a + o.b)
    return sample(out)
print(warm_store_attr())
def warm_module_attr():
    out = []
    for i in range(N):
        out.append(sys.maxsize > 0)
        if i == N // 2 - 1:
            sys.maxsize = -1
    return sample(out)
import sys
saved = sys.maxsize
print(warm_module_attr())
sys.maxsize = saved
