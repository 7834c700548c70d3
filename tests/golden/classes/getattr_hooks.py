class Dyn:
    def __init__(self):
        self.real = 'real'
    def __getattr__(self, name):
        if name.startswith('x'):
            return 'dyn-' + name
        raise AttributeError(f'no {name}')
d = Dyn()
print(d.real, d.xyz, getattr(d, 'x1'), hasattr(d, 'nothing'), getattr(d, 'nothing', 'fallback'))
try:
    d.nothing
except AttributeError as e:
    print('AttributeError:', e)
class Logged:
    def __setattr__(self, name, value):
        print('set', name, value)
        object.__setattr__(self, name, value)
    def __delattr__(self, name):
        print('del', name)
        object.__delattr__(self, name)
l = Logged()
l.a = 1
l.a += 1
del l.a
class Ga:
    def __getattribute__(self, name):
        if name == 'magic':
            return 'intercepted'
        return object.__getattribute__(self, name)
g = Ga()
g.other = 5
print(g.magic, g.other)
