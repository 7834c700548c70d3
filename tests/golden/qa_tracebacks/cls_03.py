class Meta(type):
    def __new__(m, name, bases, ns):
        raise RuntimeError("meta refused " + name)
class A(metaclass=Meta):
    pass
