x = "global"
def f():
    x = "enclosing"
    def g():
        nonlocal x
        x = "modified by g"
        def h():
            global x
            x = "global modified by h"
        h()
        return x
    r = g()
    return r, x
print(f(), x)
def counter():
    n = 0
    def inc(step=1):
        nonlocal n
        n += step
        return n
    def get():
        return n
    return inc, get
inc, get = counter()
inc(); inc(5)
print(get(), inc.__closure__[0].cell_contents, inc.__code__.co_freevars, counter.__code__.co_cellvars)
def make():
    fns = []
    for i in range(3):
        fns.append(lambda: i)
    return [f() for f in fns]
print(make())
def make2():
    return [(lambda i=i: i)() for i in range(3)]
print(make2())
def shadow():
    len = lambda x: "shadowed"
    return len([1, 2])
print(shadow(), len([1, 2]))
def gl():
    global newglobal
    newglobal = 42
gl()
print(newglobal)
def del_local():
    a = 1
    del a
    try:
        return a
    except UnboundLocalError as e:
        return str(e)
print(del_local())
def cell_del():
    a = 1
    def inner():
        return a
    del a
    try:
        return inner()
    except NameError as e:
        return str(e)
print(cell_del())
def late():
    def inner():
        return v
    v = "bound later"
    return inner()
print(late())
y = 1
def read_then_assign():
    try:
        print(y)
    except UnboundLocalError as e:
        print("ULE:", e)
    y = 2
read_then_assign()
def deep():
    a = 1
    def l1():
        def l2():
            def l3():
                return a
            return l3
        return l2
    return l1()()()
print(deep())
def params_cells(a, b):
    def inner():
        return a + b
    a = 10
    return inner()
print(params_cells(1, 2))
