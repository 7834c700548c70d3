def gen():
    yield 1
    raise ValueError("gen")
print(sum(gen()))
