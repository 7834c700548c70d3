import sys
items = [
    int.__add__, str.upper, dict.fromkeys, object.__init__, object.__new__, type.__call__, int.real,
    type.__dict__["__name__"], type.__dict__["__dict__"], list.__dict__["append"], dict.__dict__["fromkeys"],
    int.__dict__["from_bytes"], str.__dict__["maketrans"], bytes.__dict__["fromhex"], float.__dict__["fromhex"],
    type(None).__bool__, len, print, iter, sys.exit, object.__subclasshook__, object.__init_subclass__,
    int.__dict__, type(sys).__dict__["__dict__"], staticmethod.__dict__["__func__"],
    property.fget, property.__dict__["fget"], BaseException.args, BaseException.__dict__["args"],
    StopIteration.value, OSError.errno, slice.start, range.start, complex.real, memoryview if False else None,
    type(iter([])), type(iter(())), type(iter("")), type(iter(b"")), type(iter({})), type(iter({}.values())),
    type(iter({}.items())), type(iter(set())), type(iter(range(1))), type(iter(range(2**70))), type(reversed([])),
    type(reversed(range(1))), type(reversed({})), type(iter(bytearray())), type(zip()), type(map(len, [])),
    type(filter(None, [])), type(enumerate([])), type({}.keys()), type({}.values()), type({}.items()),
    type(iter(lambda: 1, 2)), type(iter([].__iter__)), type((x for x in [])), type(sys._getframe()),
    type(sys), type(...), type(NotImplemented), type(len), type([].append), type(int.__add__), type((1).__add__),
    type(str.upper), type(dict.fromkeys), type(int.real), type(type.__dict__["__name__"]), type(int.__dict__),
    type(staticmethod(len)), type(classmethod(len)), type(property()), type(super(int, 1)),
]
for it in items:
    print(repr(it))
print(repr((1).__add__)[:40], repr([].append)[:40])
print(repr(int.__dict__)[:60])
print(repr({}.keys()), repr({1: 2}.values()), repr({1: 2}.items()), repr(reversed(range(3)).__class__))
print(repr(range(0)), repr(range(-3)), repr(range(1, 2, -1)), repr(slice(1)), repr(slice(None, None, None)), repr(slice('a', [1], (2,))))
print(repr(NotImplemented), repr(Ellipsis), repr(None), repr(type(None)), repr(object))
print(repr(sys)[:30], repr(sys.stdout)[:30])
