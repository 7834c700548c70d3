x = 'global'
def level1():
    x = 'level1'
    def level2():
        def level3():
            return x
        return level3()
    return level2()
print(level1())
def nl():
    a = 1
    def mid():
        nonlocal a
        a += 1
        def inner():
            nonlocal a
            a *= 10
        inner()
        return a
    r = mid()
    return r, a
print(nl())
def gl():
    global x
    x = 'changed'
    def inner():
        return x
    return inner()
print(gl(), x)
def loop_closures():
    fs = []
    for i in range(3):
        def f():
            return i
        fs.append(f)
    return [f() for f in fs]
print(loop_closures())
def class_in_func():
    v = 'captured'
    class K:
        attr = v
        def m(self):
            return v + '!'
    return K().m(), K.attr
print(class_in_func())
def deleted_cell():
    a = 1
    def get():
        return a
    del a
    try:
        get()
    except NameError as e:
        print('NameError:', e)
deleted_cell()
