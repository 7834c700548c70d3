def gen():
    yield 1
    raise ValueError('from generator')
g = gen()
print(next(g))
try:
    next(g)
except ValueError as e:
    print('ValueError:', e)
print(next(g, 'after error'))
def stopper():
    yield 1
    raise StopIteration('explicit')
try:
    list(stopper())
except RuntimeError as e:
    print('RuntimeError:', e, type(e.__cause__).__name__)
def running():
    yield next(rg)
rg = running()
try:
    next(rg)
except ValueError as e:
    print('ValueError:', e)
def cleanup():
    try:
        yield 'a'
        yield 'b'
    finally:
        print('cleanup ran')
for x in cleanup():
    print(x)
    break
print('after break')
