async def f():
    await a
    await a.b()
    x = await y
    async with a: pass
    async for x in y: pass
    [await z for z in w]
    return await g()
async def gen():
    yield 1
