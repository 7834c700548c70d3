class Awaitable:
    def __init__(self, v): self.v = v
    def __await__(self):
        x = yield ("suspend", self.v)
        return x * 2
async def inner(v):
    r = await Awaitable(v)
    return r + 1
async def outer():
    a = await inner(1)
    b = await inner(10)
    return a, b
c = outer()
print(type(c).__name__, c.__name__, c.__qualname__)
print(c.send(None))
print(c.send(5))
try:
    c.send(7)
except StopIteration as e:
    print("result", e.value)
async def raiser():
    raise ValueError("in coro")
c = raiser()
try:
    c.send(None)
except ValueError as e:
    print("caught", e)
try:
    c.send(None)
except RuntimeError as e:
    print(e)
async def simple():
    return 42
c = simple()
try:
    c.send(None)
except StopIteration as e:
    print(e.value)
c = simple()
c.close()
print(c.cr_frame, c.cr_running)
async def with_throw():
    try:
        await Awaitable(1)
    except KeyError as e:
        return "handled " + str(e)
c = with_throw()
c.send(None)
try:
    c.throw(KeyError("k"))
except StopIteration as e:
    print(e.value)
class BadAwait:
    def __await__(self):
        return 5
async def bad():
    await BadAwait()
try:
    bad().send(None)
except TypeError as e:
    print(e)
async def await_non():
    await 5
try:
    await_non().send(None)
except TypeError as e:
    print(e)
class AsyncCtx:
    async def __aenter__(self):
        print("aenter")
        return "ctx"
    async def __aexit__(self, *a):
        print("aexit", a[0])
async def use_ctx():
    async with AsyncCtx() as c:
        print("inside", c)
    return "done"
try:
    use_ctx().send(None)
except StopIteration as e:
    print(e.value)
import sys
c = simple()
print(repr(c)[:30])
c.close()
def gen_based():
    yield 1
print(hasattr(gen_based(), "__await__"), hasattr(simple, "__await__"))
c = simple()
print(c.cr_code.co_name, c.cr_await)
c.close()
