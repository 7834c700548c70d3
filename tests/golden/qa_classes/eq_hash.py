class A:
    pass
print(A.__hash__ is object.__hash__, A() == A())
a = A()
print(a == a, a != a, {a: 1}[a])
class B:
    def __eq__(self, o):
        return True
print(B.__hash__, B() == 1, 1 == B(), B() != 1)
class C(B):
    pass
print(C.__hash__)
class D(B):
    def __hash__(self):
        return 7
print(hash(D()), list({D(): 1, D(): 2}.values()))
class E:
    def __ne__(self, o):
        return "custom ne"
print(E() != 1, E() == E())
class F:
    def __eq__(self, o):
        return "truthy"
print(F() == 1, F() != 1)
class G:
    def __eq__(self, o):
        return 0
print(G() != 1)
print([F()] == [F()], (G(),) == (G(),))
n = float('nan')
print(n == n, [n] == [n], (n,) in [(n,)], n in [n], {n: 1}.get(n))
class H:
    def __init__(self, k): self.k = k
    def __eq__(self, o): return self.k == o.k
    def __hash__(self): return hash(self.k)
    def __repr__(self): return "H(%r)" % self.k
s = {H(1), H(1), H(2)}
print(sorted(s, key=lambda h: h.k))
d = {H('a'): 1}
d[H('a')] = 2
print(d)
class Count:
    calls = 0
    def __eq__(self, o):
        Count.calls += 1
        return False
    __hash__ = object.__hash__
c = Count()
lst = [Count(), c, Count()]
print(c in lst, Count.calls, lst.index(c), lst.count(c), Count.calls)
print(object() == object(), object.__eq__(a, a), object.__ne__(a, 1))
print(int.__eq__(1, 1.0), int.__eq__(1, 'x'))
