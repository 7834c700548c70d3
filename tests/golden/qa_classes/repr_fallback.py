class A: pass
r = repr(A())
print(r.startswith("<__main__.A object at 0x"), r.endswith(">"))
class B:
    def __repr__(self): return "B!"
print(repr(B()), str(B()), f"{B()}", "%s %r" % (B(), B()), [B()], (B(),), {B(): B()})
class C:
    def __str__(self): return "C-str"
print(str(C()), repr(C()).startswith("<__main__.C object"), f"{C()!r}"[:10], f"{C()}")
class D:
    def __repr__(self): return 5
try:
    repr(D())
except TypeError as e:
    print(e)
class E:
    def __str__(self): return None
try:
    str(E())
except TypeError as e:
    print(e)
class F:
    def __format__(self, spec): return "F<" + spec + ">"
print(format(F(), "abc"), f"{F():xyz}", "{:q}".format(F()), f"{F()}")
class G: pass
try:
    format(G(), "x")
except TypeError as e:
    print(e)
print(format(G(), "")[:10])
print(repr(A)[:17], repr(int), repr(type), str(A)[:17])
class N:
    class Inner:
        pass
print(N.Inner.__qualname__, repr(N.Inner))
def f():
    class Local: pass
    return Local
print(f().__qualname__, repr(f()))
class StrSub(str):
    pass
print(repr(StrSub("x")), str(StrSub("y")), type(str(StrSub("y"))).__name__)
class IntSub(int):
    def __repr__(self): return "IntSub"
print(repr(IntSub(3)), str(IntSub(3)), f"{IntSub(3)}", "%d" % IntSub(3))
class ListSub(list): pass
print(repr(ListSub([1, 2])), ListSub([1]) == [1])
class Rec:
    def __repr__(self): return "Rec(" + repr(self.items) + ")"
r = Rec(); r.items = [1]
r.items.append(r.items)
print(repr(r))
d = {}
d['self'] = d
print(d, [d])
l = [1]; l.append(l)
print(l, str(l))
class BadRepr:
    def __repr__(self): raise ValueError("no repr")
try:
    print([BadRepr()])
except ValueError as e:
    print("ValueError", e)
