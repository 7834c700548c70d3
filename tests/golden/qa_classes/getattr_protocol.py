class Lazy:
    def __init__(self):
        self.real = 1
    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        return "computed_" + name
l = Lazy()
print(l.real, l.foo, getattr(l, "bar"), hasattr(l, "_hidden"), getattr(l, "_x", "d"))
class Tracer:
    def __getattribute__(self, name):
        print("getattribute", name)
        return object.__getattribute__(self, name)
    def method(self):
        return "m"
t = Tracer()
t.x = 5
print(t.x, t.method())
class Guard:
    def __setattr__(self, name, value):
        if name == "locked":
            raise AttributeError("cannot set locked")
        print("setattr", name, value)
        super().__setattr__(name, value)
    def __delattr__(self, name):
        print("delattr", name)
        super().__delattr__(name)
g = Guard()
g.a = 1
try:
    g.locked = True
except AttributeError as e:
    print(e)
del g.a
try:
    del g.a
except AttributeError as e:
    print(e)
class Both:
    def __getattribute__(self, name):
        if name == "magic":
            return 42
        return super().__getattribute__(name)
    def __getattr__(self, name):
        return "fallback " + name
b = Both()
print(b.magic, b.other)
class DataDesc:
    def __get__(self, obj, typ=None):
        return "data-desc"
    def __set__(self, obj, val):
        print("desc set", val)
class NonDataDesc:
    def __get__(self, obj, typ=None):
        return "non-data-desc"
class Host:
    d = DataDesc()
    n = NonDataDesc()
h = Host()
h.__dict__["d"] = "instance d"
h.__dict__["n"] = "instance n"
print(h.d, h.n, Host.d, Host.n)
h.d = 3
print(vars(h))
class Counter:
    def __init__(self): self.count = 0
    def __get__(self, obj, owner):
        self.count += 1
        return self.count
class UsesCounter:
    c = Counter()
u = UsesCounter()
print(u.c, u.c, UsesCounter.c)
class ClassAttr:
    shared = []
a1, a2 = ClassAttr(), ClassAttr()
a1.shared.append(1)
a2.shared = [2]
print(a1.shared, a2.shared, ClassAttr.shared)
class WithDir:
    def __dir__(self):
        return ["z", "a", "m"]
print(dir(WithDir()))
class Meta(type):
    def __getattr__(cls, name):
        return "meta:" + name
class UsesMeta(metaclass=Meta):
    x = 1
print(UsesMeta.x, UsesMeta.anything)
try:
    UsesMeta().anything
except AttributeError as e:
    print(e)
class Callable:
    def __call__(self, *a, **k):
        return ("called", a, k)
print(Callable()(1, k=2), callable(Callable()), callable(Callable))
class NotCallable:
    pass
try:
    NotCallable()()
except TypeError as e:
    print(e)
o = type("O", (), {})()
o.__dict__["x"] = 1
print(o.x)
o.__dict__ = {"y": 2}
print(o.y, hasattr(o, "x"))
try:
    o.__dict__ = 5
except TypeError as e:
    print(e)
class Prop:
    @property
    def p(self):
        return self.missing_attr
    def __getattr__(self, n):
        return "ga:" + n
print(Prop().p)
