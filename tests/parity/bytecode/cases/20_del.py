a = [1, 2, 3]
b = {}
b['k'] = 1
del a[0], b['k']
del a[1:2]
class C: pass
c = C()
c.x = 1
del c.x
def f():
    y = 1
    del y
