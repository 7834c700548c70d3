a = 1
b = 0
values = [1, 2, 3]
def f():
    return values[a] + values[a + 1] * (a / b)
f()
