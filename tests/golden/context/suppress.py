class Suppress:
    def __init__(self, *types):
        self.types = types
    def __enter__(self):
        return self
    def __exit__(self, et, ev, tb):
        if et is not None and issubclass(et, self.types):
            print('suppressed', et.__name__, ev)
            return True
        return None
with Suppress(KeyError):
    {}['missing']
    print('not reached')
print('after suppress')
with Suppress(ZeroDivisionError, ValueError):
    int('bad')
print('after second')
try:
    with Suppress(KeyError):
        1 / 0
except ZeroDivisionError as e:
    print('not suppressed:', e)
class Transaction:
    def __init__(self):
        self.log = []
    def __enter__(self):
        self.log.append('begin')
        return self.log
    def __exit__(self, et, ev, tb):
        self.log.append('rollback' if et else 'commit')
        return True
t = Transaction()
with t as log:
    log.append('work')
with t as log:
    log.append('bad work')
    raise RuntimeError
print(t.log)
class Resource:
    count = 0
    def __enter__(self):
        Resource.count += 1
        return self
    def __exit__(self, *a):
        Resource.count -= 1
with Resource() as r1:
    with Resource() as r2:
        print('nested count', Resource.count)
print('final count', Resource.count)
