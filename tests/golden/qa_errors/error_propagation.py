def t(name, f):
    try:
        print(name, "->", repr(f()))
    except Exception as e:
        print(name, "!!", type(e).__name__, e)
class BadEq:
    def __init__(self, h): self.h = h
    def __hash__(self): return self.h
    def __eq__(self, o): raise RuntimeError("eq boom")
class BadHash:
    def __hash__(self): raise RuntimeError("hash boom")
class BadLt:
    def __lt__(self, o): raise RuntimeError("lt boom")
class BadBool:
    def __bool__(self): raise RuntimeError("bool boom")
class BadIter:
    def __iter__(self): raise RuntimeError("iter boom")
class BadNext:
    def __iter__(self): return self
    def __next__(self): raise RuntimeError("next boom")
class BadLen:
    def __len__(self): raise RuntimeError("len boom")
    def __iter__(self): return iter([1, 2])
class BadRepr:
    def __repr__(self): raise RuntimeError("repr boom")
t("dict eq collide", lambda: {BadEq(1): 1, BadEq(1): 2})
t("dict lookup eq", lambda: {BadEq(1): 1}[BadEq(1)])
t("dict get", lambda: {BadEq(1): 1}.get(BadEq(1)))
t("dict contains", lambda: BadEq(1) in {BadEq(1): 1})
t("set add collide", lambda: {BadEq(2), BadEq(2)})
t("set contains", lambda: BadEq(2) in {BadEq(2)})
t("list contains", lambda: BadEq(1) in [BadEq(1)])
t("list index", lambda: [BadEq(1)].index(BadEq(1)))
t("list count", lambda: [BadEq(1)].count(BadEq(1)))
t("list remove", lambda: [BadEq(1)].remove(BadEq(1)))
t("list eq", lambda: [BadEq(1)] == [BadEq(1)])
t("tuple eq", lambda: (BadEq(1),) == (BadEq(1),))
t("tuple lt", lambda: (BadEq(1), 1) < (BadEq(1), 2))
t("dict eq", lambda: {1: BadEq(1)} == {1: BadEq(1)})
t("hash in dict", lambda: {BadHash(): 1})
t("hash in set", lambda: set([BadHash()]))
t("hash frozenset", lambda: frozenset([1, BadHash()]))
t("hash tuple", lambda: hash((1, BadHash())))
t("dict.fromkeys hash", lambda: dict.fromkeys([BadHash()]))
t("sort lt", lambda: sorted([BadLt(), BadLt()]))
t("sort key raising", lambda: sorted([1, 2, 3], key=lambda x: 1 / (x - 2)))
t("min lt", lambda: min([BadLt(), BadLt()]))
t("max key", lambda: max([1, 2], key=lambda x: [][x]))
t("list.sort keeps list", lambda: (lambda l: (l.sort(key=lambda x: 1 / (x - 3)) if False else None, l))([3, 1, 2]))
def sort_partial():
    l = [3, 1, 2, 5, 4]
    try:
        l.sort(key=lambda x: 1 / (x - 4))
    except ZeroDivisionError:
        pass
    return l
t("list after failed sort", sort_partial)
def sort_cmp_fail():
    l = [1, "a", 2]
    try:
        l.sort()
    except TypeError:
        pass
    return l
t("list after failed cmp sort", sort_cmp_fail)
t("not bad bool", lambda: not BadBool())
t("if bad bool", lambda: 1 if BadBool() else 2)
t("all bad bool", lambda: all([BadBool()]))
t("filter bad bool", lambda: list(filter(None, [BadBool()])))
t("list(bad iter)", lambda: list(BadIter()))
t("list(bad next)", lambda: list(BadNext()))
t("tuple(bad len)", lambda: tuple(BadLen()))
t("list(bad len)", lambda: list(BadLen()))
t("sorted bad len", lambda: sorted(BadLen()))
t("unpack bad next", lambda: [a for a, in [BadNext()]])
t("star bad iter", lambda: [*BadIter()])
t("zip bad", lambda: list(zip([1], BadNext())))
t("enumerate bad", lambda: list(enumerate(BadNext())))
t("join bad next", lambda: "".join(BadNext()))
t("dict(bad pairs)", lambda: dict(BadNext()))
t("set.update bad", lambda: set().update(BadNext()))
t("repr list bad", lambda: repr([1, BadRepr()]))
t("repr dict bad", lambda: repr({1: BadRepr()}))
t("str tuple bad", lambda: str((BadRepr(),)))
t("format bad", lambda: f"{BadRepr()!r}")
t("print bad", lambda: print(BadRepr()))
t("%r bad", lambda: "%r" % BadRepr())
t("sum bad next", lambda: sum(BadNext()))
t("max bad next", lambda: max(BadNext()))
t("in bad iter", lambda: 1 in BadIter())
t("in bad next", lambda: 1 in BadNext())
t("extend bad", lambda: [].extend(BadNext()))
t("bytes bad", lambda: bytes(BadNext()))
t("frozenset bad", lambda: frozenset(BadNext()))
t("str.join non-str", lambda: ",".join(["a", 1]))
t("map raising fn", lambda: list(map(lambda x: 1 / x, [1, 0])))
t("genexpr raising", lambda: list(1 / x for x in [1, 0]))
t("listcomp raising", lambda: [1 / x for x in [1, 0]])
t("dictcomp raising", lambda: {x: 1 / x for x in [1, 0]})
t("setcomp bad hash", lambda: {BadHash() for _ in [1]})
