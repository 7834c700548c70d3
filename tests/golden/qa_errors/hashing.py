def show(f):
    try:
        print("ok", f())
    except Exception as e:
        print(type(e).__name__ + ":", e)

show(lambda: {[]: 1})
show(lambda: {[1]})
show(lambda: hash([]))
show(lambda: hash({}))
show(lambda: hash(set()))
show(lambda: hash((1, [2])))
show(lambda: {(1, {}): 2})
show(lambda: frozenset([[1]]))
show(lambda: {}.setdefault([], 1))
show(lambda: {1: 2}[[]])
show(lambda: [] in {1: 2})
show(lambda: [] in {1, 2})
show(lambda: set().add({}))
show(lambda: {1}.remove([]))
show(lambda: {1}.discard([]))
show(lambda: dict.fromkeys([[1]]))
show(lambda: hash(bytearray(b'x')))
show(lambda: hash(slice(1, 2)))
show(lambda: hash(frozenset({1, 2})) == hash(frozenset({2, 1})))
show(lambda: hash((1, 2)) == hash((1, 2)))
show(lambda: hash(1) == hash(1.0) == hash(True))
show(lambda: hash(-1))
show(lambda: hash(-2))
show(lambda: hash(2**61 - 1))
show(lambda: hash(2**61))
show(lambda: hash(0.5))
show(lambda: hash(float('inf')))
show(lambda: hash(None) == hash(None))
class A:
    def __eq__(self, o): return True
show(lambda: hash(A()))
show(lambda: A.__hash__)
class B:
    __hash__ = None
show(lambda: hash(B()))
show(lambda: {B()})
class C(A):
    __hash__ = object.__hash__
show(lambda: type(hash(C())))
class D:
    def __hash__(self): return 'x'
show(lambda: hash(D()))
class E:
    def __hash__(self): return 2**70
show(lambda: hash(E()))
class F:
    def __hash__(self): return -1
show(lambda: hash(F()))
class G(int):
    pass
show(lambda: hash(G(5)))
class H(int):
    def __eq__(self, o): return False
show(lambda: H.__hash__)
