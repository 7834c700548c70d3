# Cache invalidation: globals, builtins, class attributes, instance dicts,
# __class__ changes, slots, descriptors added later, all inside hot loops.
def loop_global():
    out = []
    for i in range(6):
        out.append(G)
        if i == 2:
            globals()["G"] = "changed"
    return out
G = "orig"
print(loop_global())
def loop_builtin():
    out = []
    for i in range(6):
        out.append(len("abc"))
        if i == 1:
            globals()["len"] = lambda s: -1
        if i == 3:
            del globals()["len"]
    return out
print(loop_builtin())
import sys
def loop_builtins_module():
    out = []
    b = __builtins__
    for i in range(5):
        out.append(abs(-2))
        if i == 1:
            b.abs = lambda x: "patched"
        if i == 3:
            b.abs = orig_abs
    return out
orig_abs = abs
print(loop_builtins_module())
class C:
    attr = "class attr"
    def meth(self): return "meth v1"
def loop_class():
    c = C()
    out = []
    for i in range(8):
        out.append((c.attr, c.meth()))
        if i == 1:
            C.attr = "class attr v2"
        if i == 2:
            C.meth = lambda self: "meth v2"
        if i == 3:
            c.attr = "instance attr"
        if i == 4:
            del c.attr
        if i == 5:
            c.meth = lambda: "instance meth"
        if i == 6:
            del C.attr
            C.attr = property(lambda self: "now a property")
    return out
for row in loop_class():
    print(row)
class Base:
    def who(self): return "Base"
class Mid(Base): pass
class Leaf(Mid): pass
def loop_mro():
    x = Leaf()
    out = []
    for i in range(5):
        out.append(x.who())
        if i == 0:
            Mid.who = lambda self: "Mid"
        if i == 1:
            Leaf.who = lambda self: "Leaf"
        if i == 2:
            del Leaf.who
        if i == 3:
            del Mid.who
    return out
print(loop_mro())
class A1:
    def f(self): return "A1"
class A2:
    def f(self): return "A2"
def loop_class_switch():
    o = A1()
    out = []
    for i in range(4):
        out.append(o.f())
        o.__class__ = A2 if o.__class__ is A1 else A1
    return out
print(loop_class_switch())
class Desc:
    def __get__(self, i, o): return "desc"
    def __set__(self, i, v): pass
class Late:
    pass
def loop_late_desc():
    l = Late()
    l.__dict__["x"] = "inst"
    out = []
    for i in range(4):
        out.append(l.x)
        if i == 1:
            Late.x = Desc()
    return out
print(loop_late_desc())
class S:
    __slots__ = ("v",)
def loop_slots():
    s = S()
    out = []
    for i in range(4):
        s.v = i
        out.append(s.v)
    del s.v
    try:
        s.v
    except AttributeError as e:
        out.append(str(e))
    return out
print(loop_slots())
def loop_bases():
    class P1:
        def f(self): return "P1"
    class P2:
        def f(self): return "P2"
    class K(P1): pass
    k = K()
    out = []
    for i in range(4):
        out.append(k.f())
        if i == 1:
            K.__bases__ = (P2,)
    return out
print(loop_bases())
def loop_attr_types():
    class O: pass
    o = O()
    out = []
    for v in [1, "s", None, [1], 2.5]:
        o.x = v
        out.append(o.x)
    return out
print(loop_attr_types())
def loop_dict_growth():
    class O: pass
    o = O()
    for i in range(50):
        setattr(o, f"a{i}", i)
    return sum(getattr(o, f"a{i}") for i in range(50)), o.a49
print(loop_dict_growth())
def loop_call_targets():
    def f1(x): return x + 1
    def f2(x): return x * 10
    out = []
    f = f1
    for i in range(6):
        out.append(f(i))
        if i == 2:
            f = f2
        if i == 4:
            f1.__code__ = f2.__code__
            f = f1
    return out
print(loop_call_targets())
def loop_defaults():
    def f(a=1): return a
    out = []
    for i in range(4):
        out.append(f())
        if i == 1:
            f.__defaults__ = (99,)
    return out
print(loop_defaults())
def loop_int_float_mix():
    total = 0
    for v in [1, 2, 3.5, 4, 2**70, -1, True]:
        total = total + v
    return total
print(loop_int_float_mix())
def loop_compare_mix():
    out = []
    for a, b in [(1, 2), (1.5, 1), ("a", "b"), (2**80, 1), (True, 0.5)]:
        out.append((a < b, a == b))
    return out
print(loop_compare_mix())
def loop_subscr_mix():
    out = []
    for c, k in [([1, 2], 0), ((3, 4), 1), ("xy", -1), ({1: "d"}, 1), (range(5), 2), ([5], True)]:
        out.append(c[k])
    return out
print(loop_subscr_mix())
def loop_unpack_mix():
    out = []
    for v in [(1, 2), [3, 4], "ab", range(2), {5: 0, 6: 0}]:
        a, b = v
        out.append((a, b))
    return out
print(loop_unpack_mix())
def loop_iter_mix():
    out = []
    for it in [[1, 2], (3,), "ab", range(2), {7: 1}, {8}, (x for x in [9])]:
        for v in it:
            out.append(v)
    return out
print(loop_iter_mix())
class Num:
    def __init__(self, v): self.v = v
    def __add__(self, o): return Num(self.v + (o.v if isinstance(o, Num) else o))
    def __radd__(self, o): return Num(o + self.v)
def loop_binop_user():
    acc = 0
    for v in [1, Num(2), 3]:
        acc = acc + v
    return acc.v
print(loop_binop_user())
def loop_globals_del():
    out = []
    for i in range(3):
        try:
            out.append(TEMP)
        except NameError as e:
            out.append(str(e))
        if i == 0:
            globals()["TEMP"] = "now defined"
        if i == 1:
            del globals()["TEMP"]
    return out
print(loop_globals_del())
