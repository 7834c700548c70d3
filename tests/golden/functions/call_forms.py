def show(*args, **kwargs):
    print('args', args, 'kwargs', kwargs)
show()
show(1, 2)
show(a=1)
args = [1, 2]
kw = {'k': 'v'}
show(*args)
show(**kw)
show(0, *args, 3, *args, x=1, **kw)
show(*range(3), *'xy')
show(**{'a': 1}, b=2)
class Callable:
    def __call__(self, *a, **k):
        return ('called', a, k)
c = Callable()
print(c(1, z=2))
print(callable(c))
m = {'f': show}
m['f']('via dict')
[show][0]('via list')
(lambda: show('via lambda'))()
def pos(a, b, c):
    return a * 100 + b * 10 + c
print(pos(1, 2, 3), pos(c=3, a=1, b=2), pos(1, c=3, b=2), pos(*(1, 2), c=3))
