# match statement: every pattern kind, bindings, guards, __match_args__


class Point:
    __match_args__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return f"Point({self.x}, {self.y})"


class Color:
    RED = "red"
    GREEN = "green"


def describe(v):
    match v:
        case None:
            return "none"
        case True:
            return "true"
        case False:
            return "false"
        case 0 | 1 | 2 as small:
            return f"small {small}"
        case -1:
            return "minus one"
        case 1.5 | 2j | -1-1j:
            return f"numeric literal {v!r}"
        case "hello" | b"bytes":
            return f"literal {v!r}"
        case Color.RED:
            return "red color"
        case []:
            return "empty sequence"
        case [x]:
            return f"one element {x}"
        case [x, y, *rest] if not rest:
            return f"pair {x} {y}"
        case [first, *_, last]:
            return f"first {first} last {last}"
        case {"kind": "circle", "r": r}:
            return f"circle r={r}"
        case {"kind": k, **others}:
            return f"kind {k} others {sorted(others.items())}"
        case {}:
            return "some mapping"
        case Point(x=0, y=0):
            return "origin"
        case Point(0, y):
            return f"on y axis at {y}"
        case Point(x, 0):
            return f"on x axis at {x}"
        case Point(x, y) if x == y:
            return f"diagonal {x}"
        case Point() as p:
            return f"point {p}"
        case int(n) if n > 100:
            return f"big int {n}"
        case str(s):
            return f"string {s}"
        case (int() | float()) as num:
            return f"number {num}"
        case _:
            return f"other {type(v).__name__}"


tests = [None, True, False, 0, 1, 2, -1, 1.5, 2j, -1 - 1j, "hello", b"bytes", "red",
         [], [7], (1, 2), [1, 2, 3, 4], (5, 6, 7),
         {"kind": "circle", "r": 3}, {"kind": "square", "side": 2, "color": "blue"}, {"a": 1}, {},
         Point(0, 0), Point(0, 5), Point(4, 0), Point(3, 3), Point(1, 2),
         1000, 50, "text", 3.25, object(), "abc", bytearray(b"x")]
for t in tests:
    print(type(t).__name__ if type(t) is object else repr(t), "->", describe(t))


# nested patterns and or-patterns binding in different orders
def nested(v):
    match v:
        case [(a, b) | [b, a, _]]:
            return ("or-bind", a, b)
        case {"p": Point(x=px, y=py), "tags": [*tags]}:
            return ("mapping+class", px, py, tags)
        case [[1, 2], [3, inner]]:
            return ("deep", inner)
        case _:
            return "no"


for t in [[(1, 2)], [[3, 4, 5]], {"p": Point(1, 2), "tags": ["a", "b"]}, [[1, 2], [3, 9]], [1]]:
    print(nested(t))


# strings are not sequences for patterns; iterators are not sequences either
def seq(v):
    match v:
        case [*items]:
            return f"sequence of {len(items)}"
        case _:
            return "not a sequence"


for t in ["abc", b"ab", bytearray(b"ab"), range(3), iter([1])]:
    print(type(t).__name__, seq(t))


class User:
    __match_args__ = ("name", "age")

    def __init__(self, name, age):
        self.name = name
        self.age = age


def user(u):
    match u:
        case User(name, age) if age >= 18:
            return f"adult {name}"
        case User(name=n):
            return f"minor {n}"


print(user(User("ann", 30)), user(User("bob", 12)))

# capture variables stay bound after the match
match [1, [2, 3]]:
    case [a, [b, c]]:
        pass
print(a, b, c)

# guard fails -> falls through; side effects in guards happen in order
log = []


def check(tag, res):
    log.append(tag)
    return res


match 5:
    case int(x) if check("first", False):
        print("no")
    case int(x) if check("second", True):
        print("yes", x)
print(log)

# mapping patterns use get() semantics via __getitem__/keys of Mapping subclasses
class D(dict):
    def __missing__(self, key):
        return "missing!"


match D(a=1):
    case {"b": _}:
        print("has b?")
    case {"a": 1}:
        print("has a")

# __match_args__ errors
class NoArgs:
    pass


try:
    match NoArgs():
        case NoArgs(1):
            pass
except TypeError as e:
    print("TypeError:", e)


class BadArgs:
    __match_args__ = ("a", "a")
    a = 1


try:
    match BadArgs():
        case BadArgs(x, y):
            pass
except TypeError as e:
    print("TypeError:", e)

try:
    match 1:
        case len():
            pass
except TypeError as e:
    print("TypeError:", e)

# built-in classes with self-matching
for v in [1, "s", 2.0, (1,), [1], {1: 2}, {1}, frozenset(), b"b", True]:
    match v:
        case bool(z):
            print("bool", z)
        case int(z) | float(z) | str(z) | bytes(z) | tuple(z) | list(z) | dict(z) | set(z) | frozenset(z):
            print(type(v).__name__, z)

# match on a class with properties
class P:
    __match_args__ = ("val",)

    @property
    def val(self):
        return 42


match P():
    case P(42):
        print("property matched")

# the subject is evaluated once
def subject():
    print("evaluated")
    return [1, 2]


match subject():
    case [1]:
        pass
    case [1, 2]:
        print("matched second")
