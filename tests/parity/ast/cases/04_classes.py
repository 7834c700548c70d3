class A: pass
class B(A, metaclass=M, **kw):
    x = 1
    def method(self):
        return self.x
@dataclass
class C(object):
    """Docstring."""
    a: int = 0
class D[T, *Ts, **P](Generic[T]): pass
class E(): pass
