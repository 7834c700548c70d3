print(len("héllo"), len(b"ab"), len([1]), len({}), len(range(3)))
class L:
    def __len__(self): return -1
try:
    len(L())
except ValueError as e:
    print(e)
class L2:
    def __len__(self): return "x"
try:
    len(L2())
except TypeError as e:
    print(e)
class L3:
    def __len__(self): return 2**70
try:
    len(L3())
except OverflowError as e:
    print(e)
print(bool(L2) , type(None).__name__, type(...).__name__, type(NotImplemented).__name__)
print(str(b"x"), str(b"ab", "ascii"), str(bytearray(b"z"), encoding="utf-8"), bytes("é", "utf-8"), bytes(3), bytes([65, 66]))
try:
    bytes([256])
except ValueError as e:
    print(e)
try:
    bytes("x")
except TypeError as e:
    print(e)
print(list("ab"), tuple("ab"), set("aa"), dict(a=1), frozenset("ab") == {"a", "b"})
print(int(), float(), str(), bool(), list(), tuple(), dict(), complex())
print(type(1) is int, type("a")("b"), type(type), isinstance(type, type), isinstance(object, type), issubclass(type, object))
print(getattr(1, "real"), getattr("a", "upper")(), hasattr([], "nope"), dir(object)[:5])
print(sorted(vars(type("T", (), {"a": 1}))) [:3])
print(abs(-3.5), abs(3 + 4j), round(3.14159, 3), pow(2, 0.5) == 2 ** 0.5, divmod(2**65, 3))
print(hash("") == 0, hash(0), hash(()) == hash(()), hash(b"") == 0)
print(ascii([1, "é"]), repr((1,)), repr(()), repr([]), repr({}), repr(set()), repr(frozenset()))
print(format(3, "b"), format("x", "^3"), "".join(map(str, [1, 2])), ",".join(["a"]), "-".join([]))
print(min(3, 1, 2), max("a", "B"), min([[], [0]]), sorted([0.5, -1, 3]), list(map(int, "123")))
print(isinstance(1, object), issubclass(int, object), object.__name__, object.__bases__, type.__bases__)
print(eval("1 + 2"), eval("x * 2", {"x": 5}), eval("y", {}, {"y": 7}))
ns = {}
exec("a = 1\ndef f(): return a + 1\nb = f()", ns)
print(ns["a"], ns["b"], "__builtins__" in ns)
try:
    eval("1 +")
except SyntaxError as e:
    print("SyntaxError", e.msg)
print(globals()["__name__"], __name__, type(__builtins__).__name__ in ("module", "dict"))
def loc():
    a = 1; b = 2
    return sorted(locals().items())
print(loc())
print(id(1) == id(1), callable(print), print.__name__, len.__qualname__, type(len).__name__)
print(all(isinstance(x, int) for x in [1, True]), slice(3), Ellipsis, ..., NotImplemented)
try:
    issubclass(1, int)
except TypeError as e:
    print(e)
try:
    isinstance(1, 2)
except TypeError as e:
    print(e)
print(int.__name__, int.__qualname__, int.__module__, str.upper.__qualname__, [].append.__qualname__)
print(object.__doc__ is not None, type(int.__dict__).__name__, int.__dict__["real"].__class__.__name__)
print(list(filter(str.isdigit, "a1b2")), list(map(len, ["", "ab"])), next(reversed([1, 2])))
