@property
def a(self): pass
@x.setter
def b(self, v): pass
@functools.lru_cache(maxsize=None)
@other
class C: pass
@(lambda f: f)
def d(): pass
@a[0]
def e(): pass
@x := y
def g(): pass
