def gen():
    yield 1
    yield 2
    raise ValueError("gen broke")

def consume():
    total = 0
    for v in gen():
        total += v
    return total
consume()
