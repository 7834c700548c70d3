def f(): pass
def g(a, b=1, *args, c, d=2, **kw) -> int:
    return a
def h(a, /, b, *, c): ...
def k(a=1, /, b=2, *c, d, **e): return
def l(*, a=1, b): pass
async def m(x):
    await x
    async for i in x:
        pass
    async with a as b, c:
        pass
    return [i async for i in x]
@dec
@dec2(1)
@a.b.c
def decorated(): pass
def annotated(a: int, *b: str, c: "x" = 3, **d: float) -> None: pass
def star_ann(*args: *Ts): pass
def gen():
    yield
    yield 1
    yield 1, 2
    x = yield from g()
    return (yield)
