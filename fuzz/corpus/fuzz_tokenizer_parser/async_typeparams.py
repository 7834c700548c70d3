async def f[T: int, *Ts, **P](a, /, b=1, *c, d, **e) -> T:
    async with a as (x, y):
        async for i in b:
            await x
    return [y async for y in c if (z := y)]
