x = 1
del x
try:
    print(x)
except NameError as e:
    print('NameError', e)
lst = [0, 1, 2, 3, 4, 5, 6]
del lst[0]
print(lst)
del lst[1:3]
print(lst)
del lst[::2]
print(lst)
d = {'a': 1, 'b': 2, 'c': 3}
del d['b']
print(d)
try:
    del d['zz']
except KeyError as e:
    print('KeyError', e)
class C:
    pass
c = C()
c.a = 1
c.b = 2
del c.a
print(hasattr(c, 'a'), c.b)
try:
    del c.a
except AttributeError as e:
    print('AttributeError', e)
a, b = 1, 2
del a, b
print('deleted both')
def f():
    pass
print(f())
class Empty:
    pass
print(type(Empty()).__name__)
for i in range(3):
    pass
print(i)
if True:
    pass
else:
    pass
while False:
    pass
print('done')
