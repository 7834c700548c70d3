# match statements: all pattern kinds
class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y

def f(x):
    match x:
        case 1:
            return "one"
        case [a, b]:
            return a
        case _:
            return 0

def g(cmd):
    match cmd:
        case None | True | False:
            return "singleton"
        case [first, *rest]:
            return first, rest
        case [first, *_, last]:
            return first, last
        case [*_, last]:
            return last
        case {"k": v, **kw}:
            return v, kw
        case {"a": 1, "b": [x, y]}:
            return x + y
        case {}:
            return "empty"
        case Point(x=0, y=yy):
            return yy
        case Point(1, b) if b > 2:
            return b
        case Point(xx, _) as pt:
            return pt, xx
        case str() | bytes() as s:
            return s
        case (1 | 2 | 3) as n:
            return n
        case [(a, b) | (b, a)]:
            return a, b
        case int(n) if n < 0:
            return -n
        case Point.x:
            pass
        case -1:
            pass
        case 2.5 | 1+2j | "s" | b"b":
            pass
        case [_, _, *_]:
            pass
        case {"x": _, **rest}:
            return rest
        case other:
            return other

def h(v):
    match v:
        case [1, [2, x], *ys] if x:
            print(x, ys)
        case {1: {2: z}}:
            print(z)
    return None

def only_default(v):
    match v:
        case _:
            return 1

def guarded_default(v):
    match v:
        case 1:
            y = 1
        case _ if v:
            y = 2
    return y

for value in [1, [1, 2], None, {"k": 1, "z": 2}, Point(0, 5), Point(1, 3), "abc", 2, -5, [3, 4, 5, 6]]:
    print(g(value))

match Point(1, 2):
    case Point(x=1) as p:
        print(p.y)
