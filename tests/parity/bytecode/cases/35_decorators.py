import functools
@functools.lru_cache
def f(x):
    return x
@staticmethod
@property
def g(): pass
class C:
    @classmethod
    def m(cls, *a, **k):
        return cls(*a, **k)
