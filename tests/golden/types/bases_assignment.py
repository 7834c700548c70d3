class A:
    x = 'A'
    def __repr__(self): return "A-repr"
class F:
    x = 'F'
class G(A): pass
g = G()
print(g.x, repr(g))
G.__bases__ = (F,)
print(g.x, repr(g).startswith("<__main__.G object"), G.__mro__, A.__subclasses__(), F.__subclasses__())
try: G.__bases__ = ()
except TypeError as e: print(e)
try: G.__bases__ = (int,)
except TypeError as e: print(e)
try: G.__bases__ = (G,)
except TypeError as e: print(e)
try: A.__bases__ = (G,)
except TypeError as e: print(e)
