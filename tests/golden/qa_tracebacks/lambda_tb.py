fns = [lambda x: x + 1, lambda x: x / 0]
def apply(fs, v):
    return [f(v) for f in fs]
print(apply(fns[:1], 1))
apply(fns, 2)
