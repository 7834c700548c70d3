class Base:
    def __init_subclass__(cls, **kw):
        raise TypeError(f"{cls.__name__} not allowed")
class Child(Base):
    x = 1
