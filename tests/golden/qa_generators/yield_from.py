def inner():
    x = yield "i1"
    print("inner got", x)
    y = yield "i2"
    print("inner got", y)
    return "inner-result"

def outer():
    r = yield from inner()
    print("outer got", r)
    z = yield "o1"
    return z

g = outer()
print(next(g))
print(g.send("a"))
print(g.send("b"))
try:
    g.send("c")
except StopIteration as e:
    print("final", e.value)

def catcher():
    while True:
        try:
            yield
        except KeyError as e:
            print("inner caught", e)
            yield "recovered"
def deleg():
    yield from catcher()
d = deleg()
next(d)
print(d.throw(KeyError("x")))
def closer():
    try:
        yield 1
        yield 2
    finally:
        print("inner finally")
def deleg2():
    try:
        yield from closer()
    finally:
        print("outer finally")
d2 = deleg2()
next(d2)
d2.close()
print(list(x for x in deleg2()))
def from_list():
    r = yield from [1, 2, 3]
    print("list result", r)
    yield from "ab"
    yield from range(2)
print(list(from_list()))
def flatten(x):
    if isinstance(x, list):
        for i in x:
            yield from flatten(i)
    else:
        yield x
print(list(flatten([1, [2, [3, [4]], 5], [[6]]])))
def stop_value():
    yield 1
    return [1, 2]
def get_ret():
    v = yield from stop_value()
    yield v
print(list(get_ret()))
class It:
    def __init__(self): self.n = 0
    def __iter__(self): return self
    def __next__(self):
        self.n += 1
        if self.n > 2:
            raise StopIteration("custom")
        return self.n
def from_it():
    r = yield from It()
    yield r
print(list(from_it()))
def bad():
    yield from 5
try:
    list(bad())
except TypeError as e:
    print(e)
def raises_stop():
    yield 1
    raise StopIteration("oops")
try:
    list(raises_stop())
except RuntimeError as e:
    print(e, repr(e.__cause__))
