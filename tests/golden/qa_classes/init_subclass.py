class Plugin:
    registry = []
    def __init_subclass__(cls, /, name=None, **kw):
        super().__init_subclass__(**kw)
        cls.plugin_name = name or cls.__name__.lower()
        Plugin.registry.append(cls.plugin_name)

class A(Plugin): pass
class B(Plugin, name="bee"): pass
class C(B): pass
print(Plugin.registry, A.plugin_name, B.plugin_name, C.plugin_name)
try:
    class D(Plugin, color="red"): pass
except TypeError as e:
    print(e)
try:
    class E(color="red"): pass
except TypeError as e:
    print(e)

class Desc:
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)
        self.name = name
    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        return obj.__dict__.get(self.name, "unset:" + self.name)
    def __set__(self, obj, value):
        obj.__dict__[self.name] = value * 2

class Model:
    alpha = Desc()
    beta = Desc()
m = Model()
print(m.alpha)
m.alpha = 5
print(m.alpha, m.__dict__)
print(type(Model.beta).__name__)

class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        print("Meta.__new__", name, sorted(k for k in ns if not k.startswith('__')), kw)
        cls = super().__new__(mcls, name, bases, ns)
        cls.tag = kw.get('tag', 'none')
        return cls
    def __init__(cls, name, bases, ns, **kw):
        print("Meta.__init__", name)
        super().__init__(name, bases, ns)
    def __call__(cls, *a, **k):
        print("Meta.__call__", cls.__name__, a)
        return super().__call__(*a, **k)
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        print("prepare", name, kw)
        return {'injected': 1}
class Thing(metaclass=Meta, tag='t1'):
    def __init__(self, x):
        self.x = x
    y = 2
t = Thing(7)
print(t.x, Thing.tag, Thing.injected, type(Thing).__name__)
class Sub(Thing):
    pass
print(Sub.tag, type(Sub).__name__)
class M2(type):
    def __repr__(cls):
        return "<M2 " + cls.__name__ + ">"
class X(metaclass=M2): pass
print(repr(X), str(X))
print(isinstance(X, M2), isinstance(X, type), type(X) is M2)
class M3(type):
    def __instancecheck__(cls, inst):
        return inst == 42
class Y(metaclass=M3): pass
print(isinstance(42, Y), isinstance(41, Y))
try:
    class MA(type): pass
    class MB(type): pass
    class PA(metaclass=MA): pass
    class PB(metaclass=MB): pass
    class PC(PA, PB): pass
except TypeError as e:
    print(e)
Dyn = type('Dyn', (object,), {'v': 3, 'get': lambda self: self.v})
print(Dyn().get(), Dyn.__name__, Dyn.__qualname__, Dyn.__module__)
try:
    type('Bad', 5, {})
except TypeError as e:
    print(e)
try:
    type(1, 2)
except TypeError as e:
    print(e)
