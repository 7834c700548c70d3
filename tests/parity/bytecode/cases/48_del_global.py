x = 1
def f():
    global x
    del x
def g(a):
    del a
    a = 2
    return a
