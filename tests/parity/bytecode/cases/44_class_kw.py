class M(type): pass
class A(object, metaclass=M):
    __slots__ = ('x',)
    def __init__(self):
        self.x = 1
        self._y = 2
    @property
    def y(self):
        return self._y
