a = [1, 2]
b = a
c = [1, 2]
print(a is b, a is c, a == c, a is not c)
print(None is None, True is True)
x = None
print(x is None, x is not None)
print(type(1) is int, type(True) is bool, type(True) is int)
print(isinstance(True, int))
t = ()
print(t == (), () == ())
s = 'abc'
print(s is s, s == 'ab' + 'c')
def f():
    pass
print(f is f, f == f)
