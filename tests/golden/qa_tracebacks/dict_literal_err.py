def build(a, b):
    return {
        "sum": a + b,
        "ratio": a / b,
        "diff": a - b,
    }
print(build(4, 2))
build(1, 0)
