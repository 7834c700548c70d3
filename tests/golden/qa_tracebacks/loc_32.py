class M(type):
    def __call__(cls, *a): raise TypeError("meta call")
class K(metaclass=M): pass
K()
