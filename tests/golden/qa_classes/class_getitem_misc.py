class Box:
    def __class_getitem__(cls, item):
        return f"Box[{item!r}]"
print(Box[int], Box["x"], Box[1, 2])
class Seq:
    def __init__(self, n): self.n = n
    def __len__(self): return self.n
    def __getitem__(self, i):
        if not 0 <= i < self.n:
            raise IndexError(i)
        return i * i
s = Seq(4)
print(list(s), len(s), 9 in s, list(reversed(s)), sorted(s, reverse=True), s[2])
class Truthy:
    def __bool__(self): return False
    def __len__(self): return 5
print(bool(Truthy()), "yes" if Truthy() else "no", not Truthy())
class BadBool:
    def __bool__(self): return 1
try:
    bool(BadBool())
except TypeError as e:
    print(e)
class LenOnly:
    def __len__(self): return 0
print(bool(LenOnly()), bool(Seq(1)))
class Idx:
    def __index__(self): return 3
print([0, 1, 2, 3, 4][Idx()], range(10)[Idx()], bin(Idx()), "abcdef"[Idx():], (1, 2, 3, 4)[:Idx()])
class BadIdx:
    def __index__(self): return "no"
try:
    [1][BadIdx()]
except TypeError as e:
    print(e)
class Hashy:
    def __hash__(self): return 42
print(hash(Hashy()), {Hashy(): 1}.popitem()[1])
class Rev:
    def __reversed__(self): return iter([3, 2, 1])
print(list(reversed(Rev())))
class Cont:
    def __contains__(self, x): return x == "yes"
print("yes" in Cont(), "no" in Cont(), "no" not in Cont())
class IterOnly:
    def __iter__(self): return iter("ab")
print(list(IterOnly()), "a" in IterOnly(), dict.fromkeys(IterOnly()))
class BadIter:
    def __iter__(self): return 5
try:
    iter(BadIter())
except TypeError as e:
    print(e)
class NextOnly:
    def __next__(self): return 1
try:
    iter(NextOnly())
except TypeError as e:
    print(e)
class Num:
    def __int__(self): return 7
    def __float__(self): return 2.5
    def __complex__(self): return 1j
    def __round__(self, n=None): return ("round", n)
    def __trunc__(self): return 99
    def __floor__(self): return "floor"
    def __ceil__(self): return "ceil"
print(int(Num()), float(Num()), complex(Num()), round(Num()), round(Num(), 2))
class Enter:
    def __enter__(self): return "entered"
    def __exit__(self, *a): return None
with Enter() as v:
    print(v)
class Del:
    def __del__(self):
        print("__del__ called")
d = Del()
del d
print("after del")
class Mixed:
    __slots__ = ()
    def __eq__(self, o): return NotImplemented
print(Mixed() == Mixed(), Mixed() != Mixed())
class Sized:
    def __len__(self): return 3
print(len(Sized()), list(map(len, [Sized(), "ab"])))
class Fmt:
    def __format__(self, spec): return spec.upper() or "EMPTY"
print(f"{Fmt():abc} {Fmt()}", format(Fmt(), "q"))
class Mul:
    def __mul__(self, o): return "mul"
    def __rmul__(self, o): return "rmul"
print(Mul() * 3, 3 * Mul(), [1] * 2, 2 * [1], "ab" * 2)
class Neg:
    def __neg__(self): return "neg"
    def __pos__(self): return "pos"
print(-Neg(), +Neg())
