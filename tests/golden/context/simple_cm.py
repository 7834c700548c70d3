class CM:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print('enter', self.name)
        return self.name.upper()
    def __exit__(self, et, ev, tb):
        print('exit', self.name, et.__name__ if et else None, ev)
        return False
with CM('a') as v:
    print('body', v)
with CM('x'), CM('y') as y:
    print('two managers', y)
with (CM('p') as p,
      CM('q') as q):
    print('parenthesized', p, q)
try:
    with CM('err'):
        print('about to fail')
        raise ValueError('inside')
    print('not reached')
except ValueError as e:
    print('propagated:', e)
def early():
    with CM('ret'):
        return 'returned'
print(early())
for i in range(3):
    with CM(f'loop{i}'):
        if i == 1:
            continue
        if i == 2:
            break
        print('loop body', i)
