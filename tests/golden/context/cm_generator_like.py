class Timer:
    def __init__(self, label):
        self.label = label
        self.entered = False
    def __enter__(self):
        self.entered = True
        return self
    def __exit__(self, exc_type, exc, tb):
        print(f'{self.label}: entered={self.entered} exc={exc_type.__name__ if exc_type else None}')
with Timer('t1') as t:
    print(t.label)
x = Timer('t2')
with x:
    pass
print(x.entered)
class NotCM:
    pass
try:
    with NotCM():
        pass
except TypeError as e:
    print('TypeError:', e)
class ExitRaises:
    def __enter__(self):
        return 1
    def __exit__(self, *a):
        raise KeyError('from exit')
try:
    with ExitRaises():
        raise ValueError('body')
except KeyError as e:
    print('KeyError:', e, 'context:', repr(e.__context__))
