class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y): self.x, self.y = x, y
class P3(Point):
    __match_args__ = ("x", "y", "z")
    def __init__(self, x, y, z): super().__init__(x, y); self.z = z
def m(v):
    match v:
        case None: return "none"
        case True: return "true"
        case 0 | 0.0: return "zero"
        case int(n) if n < 0: return f"neg {n}"
        case int() | float() as num: return f"num {num}"
        case "": return "empty str"
        case str(s): return f"str {s!r}"
        case [] : return "empty seq"
        case [x]: return f"one {x}"
        case [1, *rest]: return f"starts 1 rest {rest}"
        case [x, y, *_] if x == y: return f"pair-eq {x}"
        case (a, b): return f"two {a} {b}"
        case {"type": "circle", "r": r}: return f"circle {r}"
        case {"type": t, **rest}: return f"typed {t} {rest}"
        case {}: return "empty/other mapping"
        case P3(x, y, z): return f"p3 {x} {y} {z}"
        case Point(x=0, y=yy): return f"on y axis {yy}"
        case Point(xx, yy): return f"point {xx} {yy}"
        case _: return "other " + type(v).__name__
for v in [None, True, False, 0, 0.0, -5, 7, 2.5, "", "hi", [], [9], [1, 2, 3], [4, 4, 5], (6, 7), [8, 9, 10],
          {"type": "circle", "r": 2}, {"type": "sq", "a": 1}, {"x": 1}, {}, Point(0, 5), Point(1, 2), P3(1, 2, 3), {1, 2}, b"ab", range(2)]:
    print(repr(v) if not isinstance(v, Point) else type(v).__name__, "->", m(v))
class Bad:
    __match_args__ = ("a",)
try:
    match Bad():
        case Bad(x, y): pass
except TypeError as e:
    print(e)
try:
    match 5:
        case int(x, y): pass
except TypeError as e:
    print(e)
class NotMA:
    __match_args__ = 5
try:
    match NotMA():
        case NotMA(x): pass
except TypeError as e:
    print(e)
match {"a": 1, "b": 2}:
    case {"a": 1, **kw}:
        print("kw", kw)
match "abc":
    case "a" | "abc" as val:
        print("or as", val)
x = 3
match 3:
    case Point.__name__: print("no")
    case _: print("wildcard")
def dup(v):
    match v:
        case [a, [b, *c], {"k": d}]:
            return a, b, c, d
print(dup([1, [2, 3, 4], {"k": 5, "z": 0}]))
match [1, 2]:
    case [1, 2] if False: print("guard false")
    case [1, q]: print("q", q)
