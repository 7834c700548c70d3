def compute(a,
            b,
            c):
    return a + b / c

def outer():
    return compute(
        1,
        2,
        0,
    )

print("start")
outer()
