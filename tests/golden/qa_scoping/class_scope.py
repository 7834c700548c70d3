x = "module"
class A:
    x = "class"
    y = x + "!"
    def method(self):
        return x
    w = (lambda: x)()
print(A.y, A().method(), A.w)
class B:
    vals = [1, 2, 3]
    doubled = [v * 2 for v in vals]
print(B.doubled)
def f():
    v = "func local"
    class C:
        a = v
        v = "class local"
        b = v
    return C.a, C.b
try:
    print(f())
except NameError as e:
    print(e)
def g():
    v = "enc"
    class D:
        def m(self):
            return v
    return D().m()
print(g())
class E:
    __private = 1
    def get(self):
        return self.__private, E.__private, self._E__private
print(E().get(), hasattr(E, '__private'), '_E__private' in E.__dict__)
class F:
    def __m(self):
        return "mangled"
    def call(self):
        return self.__m()
print(F().call(), [k for k in F.__dict__ if 'm' in k and k.startswith('_F')])
class G:
    def __init__(self):
        self.__v = 3
print(vars(G()))
class H:
    n = 0
    def __init__(self):
        H.n += 1
        self.n = H.n * 10
H(); h = H()
print(H.n, h.n)
class I:
    locals_snapshot = sorted(k for k in locals().keys())
print(I.locals_snapshot)
class J:
    a = 1
    def f(self):
        try:
            return a
        except NameError as e:
            return str(e)
print(J().f())
