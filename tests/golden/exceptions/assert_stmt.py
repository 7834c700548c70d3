assert True
assert 1 == 1, 'not shown'
try:
    assert False
except AssertionError as e:
    print('AssertionError', repr(e), e.args)
try:
    assert 1 > 2, 'one is not greater than two'
except AssertionError as e:
    print('AssertionError:', e)
try:
    x = []
    assert x, f'list was {x!r}'
except AssertionError as e:
    print('AssertionError:', e)
def check(n):
    assert isinstance(n, int), ('bad type', type(n).__name__)
    return n * 2
print(check(4))
try:
    check('s')
except AssertionError as e:
    print(e.args[0])
