class C:
    cls_attr = 'class'
    def method(self):
        return 'method'
c = C()
for name in ['cls_attr', 'method', 'missing', '__class__']:
    print(name, hasattr(c, name))
print(getattr(c, 'cls_attr'), getattr(c, 'method')(), getattr(C, 'cls_attr'))
setattr(c, 'new', [1])
setattr(C, 'added', 'on class')
print(c.new, c.added, C().added)
try:
    getattr(c, 'nope')
except AttributeError as e:
    print('AttributeError:', e)
try:
    getattr(c, 5)
except TypeError as e:
    print('TypeError:', e)
print(getattr(1, 'real'), getattr('s', 'upper')(), hasattr([], 'append'), hasattr(1, 'append'))
try:
    (1).nope
except AttributeError as e:
    print('AttributeError:', e)
try:
    setattr(1, 'x', 2)
except AttributeError as e:
    print('AttributeError:', e)
