class Point:
    """A point."""
    dims = 2
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def norm2(self):
        return self.x ** 2 + self.y ** 2
    def move(self, dx, dy):
        self.x += dx
        self.y += dy
        return self
    def __repr__(self):
        return f'Point({self.x}, {self.y})'
p = Point(3, 4)
print(p, p.x, p.y, p.norm2(), Point.dims, p.dims, Point.__doc__, Point.__name__)
p.move(1, 1).move(1, 1)
print(p, repr(p), str(p), [p])
q = Point(0, 0)
q.dims = 3
print(q.dims, Point.dims, p.dims)
Point.dims = 5
print(p.dims, q.dims)
print(Point.norm2(p), type(p) is Point, isinstance(p, Point), type(p).__name__)
print(sorted(vars(p).items()), p.__dict__)
m = p.norm2
print(m(), m.__self__ is p, m.__func__ is Point.norm2)
class Empty:
    pass
e = Empty()
e.anything = 1
print(e.anything, Empty.__name__, Empty.__qualname__, Empty.__module__)
print(hasattr(e, 'anything'), getattr(e, 'missing', 'default'))
setattr(e, 'dyn', 99)
print(e.dyn)
delattr(e, 'dyn')
print(hasattr(e, 'dyn'))
