def t(name, f):
    try:
        r = f()
        print(name, "->", r if len(repr(r)) < 60 else "long")
    except RecursionError as e:
        print(name, "!! RecursionError", e)
    except Exception as e:
        print(name, "!!", type(e).__name__, e)
def nested_list(n):
    l = []
    for _ in range(n):
        l = [l]
    return l
def nested_dict(n):
    d = {}
    for _ in range(n):
        d = {"k": d}
    return d
def nested_tuple(n):
    t_ = ()
    for _ in range(n):
        t_ = (t_,)
    return t_
class R:
    def __repr__(self): return repr(self)
t("recursive __repr__", lambda: repr(R()))
class G:
    def __getattr__(self, n): return getattr(self, n)
t("recursive __getattr__", lambda: G().x)
class E:
    def __eq__(self, o): return self == o
t("recursive __eq__", lambda: E() == E())
def gen(n):
    yield from gen(n + 1)
t("recursive yield from", lambda: list(gen(0)))
def deep_compose(n):
    f = lambda x: x
    for _ in range(n):
        f = (lambda g: lambda x: g(x))(f)
    return f
class Str:
    def __str__(self): return str(self)
t("recursive __str__", lambda: str(Str()))
t("format recursion", lambda: format(Str(), ""))
class H:
    def __hash__(self): return hash(self)
t("recursive __hash__", lambda: hash(H()))
class B:
    def __bool__(self): return bool(self)
t("recursive __bool__", lambda: bool(B()))
class I:
    def __iter__(self): return iter(self)
t("recursive __iter__", lambda: iter(I()))
class Cl:
    def __call__(self): return self()
t("recursive __call__", lambda: Cl()())
class Gi:
    def __getitem__(self, k): return self[k]
t("recursive __getitem__", lambda: Gi()[0])
class Ad:
    def __add__(self, o): return self + o
t("recursive __add__", lambda: Ad() + 1)
print("survived")
