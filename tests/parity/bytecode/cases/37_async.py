async def f(x):
    await x
    async with x as y:
        return y
async def g():
    return 1
