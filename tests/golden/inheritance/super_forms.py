class Base:
    def __init__(self):
        self.log = ['Base.__init__']
    def method(self, x):
        return f'Base.method({x})'
    @classmethod
    def cm(cls):
        return f'Base.cm({cls.__name__})'
class Child(Base):
    def __init__(self):
        super().__init__()
        self.log.append('Child.__init__')
    def method(self, x):
        return 'Child>' + super().method(x * 2)
    @classmethod
    def cm(cls):
        return 'Child>' + super().cm()
class Grand(Child):
    def method(self, x):
        return 'Grand>' + super(Child, self).method(x)
g = Grand()
print(g.log, g.method(1), Child().method(1), Grand.cm())
print(super(Grand, g).method(5))
class Kw:
    def __init__(self, **kw):
        self.kw = kw
class KwChild(Kw):
    def __init__(self, a, **kw):
        super().__init__(extra=a, **kw)
print(KwChild(1, b=2).kw)
class Coop1:
    def __init__(self, **kw):
        print('Coop1', kw)
        super().__init__(**kw)
class Coop2:
    def __init__(self, **kw):
        print('Coop2', kw)
        super().__init__()
class Both(Coop1, Coop2):
    pass
Both(z=1)
