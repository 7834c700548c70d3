async def f(it):
    async for x in it:
        if x: break
        print(x)
    else:
        pass
