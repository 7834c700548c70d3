def g1():
    try:
        yield 1
        yield 2
    except GeneratorExit:
        print("GeneratorExit seen")
        raise
    finally:
        print("finally g1")
x = g1()
print(next(x))
x.close()
def g2():
    for i in range(3):
        try:
            yield i
        finally:
            print("cleanup", i)
print(list(g2()))
def g3():
    try:
        yield 1
    except Exception as e:
        print("never", e)
    finally:
        print("g3 finally")
y = g3()
next(y)
try:
    y.throw(ValueError("v"))
except StopIteration:
    print("stopped after handling")
def g4():
    with Ctx() as c:
        yield c
class Ctx:
    def __enter__(self):
        print("enter")
        return "res"
    def __exit__(self, *a):
        print("exit", a[0].__name__ if a[0] else None)
        return False
z = g4()
print(next(z))
z.close()
z = g4()
print(next(z))
try:
    z.throw(IndexError)
except IndexError:
    print("IndexError out")
def g5():
    yield 1
    return 2
a = g5()
print(next(a))
try:
    next(a)
except StopIteration as e:
    print("ret", e.value)
def g6():
    try:
        return
        yield
    finally:
        print("g6 fin")
print(list(g6()))
def g7():
    x = yield
    while True:
        x = yield x * 2
co = g7(); next(co)
print([co.send(i) for i in range(4)])
def g8():
    raise KeyError("early")
    yield
try:
    next(g8())
except KeyError as e:
    print("early", e)
gen = g8()
try:
    next(gen)
except KeyError:
    pass
print(list(gen))
def running():
    yield gr.gi_running
gr = running()
print(next(gr))
def reentrant():
    yield next(rg)
rg = reentrant()
try:
    next(rg)
except ValueError as e:
    print(e)
