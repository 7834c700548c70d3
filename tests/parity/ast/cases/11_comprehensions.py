[x for x in y]
[x for x in y if x if z]
[(x, y) for x in a for y in b]
{x for x in y}
{k: v for k, v in items}
(x for x in y)
[x async for x in y]
[y := f(x) for x in data]
[[j for j in range(i)] for i in range(3)]
