def acc():
    total = 0
    while True:
        try:
            v = yield total
        except ValueError as e:
            print("caught", e)
            total = -1
            continue
        except GeneratorExit:
            print("closing at", total)
            raise
        if v is None:
            break
        total += v
    return "done:%d" % total

g = acc()
print(next(g))
print(g.send(5), g.send(10))
print(g.throw(ValueError("bad")))
print(g.send(3))
try:
    g.send(None)
except StopIteration as e:
    print("stop", e.value, e.args)
try:
    next(g)
except StopIteration as e:
    print("again", e.value)
g = acc()
try:
    g.send(1)
except TypeError as e:
    print(e)
next(g)
g.close()
g.close()
print(g.gi_frame)
g = acc()
g.close()
print("closed unstarted")
def stubborn():
    try:
        yield 1
    finally:
        yield 2
s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as e:
    print(e)
def thrower():
    yield 1
t = thrower()
try:
    t.throw(KeyError("k"))
except KeyError as e:
    print("propagated", e)
print(list(t))
t = thrower()
next(t)
try:
    t.throw(TypeError)
except TypeError as e:
    print("type thrown", repr(e))
def ret_in_close():
    try:
        yield 1
    except GeneratorExit:
        return 5
r = ret_in_close()
next(r)
print(r.close())
def gen_state():
    yield
gs = gen_state()
print(gs.gi_running, gs.gi_suspended, gs.gi_frame is not None)
next(gs)
print(gs.gi_suspended)
list(gs)
print(gs.gi_frame, gs.gi_suspended)
def self_ref():
    yield me.send(None)
me = self_ref()
try:
    next(me)
except ValueError as e:
    print(e)
