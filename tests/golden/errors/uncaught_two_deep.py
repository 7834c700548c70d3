def inner(x):
    print('inner got', x)
    return x / 0
def outer(x):
    print('outer got', x)
    return inner(x + 1)
print('start')
outer(1)
print('never printed')
