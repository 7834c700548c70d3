# PEP 695 at run time: generic functions/methods and type aliases (not generic classes yet)
def first[T](xs: list[T]) -> T:
    return xs[0]
print(first([3, 4]), first.__type_params__, type(first.__type_params__[0]))
T, = first.__type_params__
print(T.__name__, T.__bound__, T.__constraints__, T.__default__, T.__covariant__, T.__infer_variance__, T.has_default(), T.__module__)
def bounded[B: int, C: (str, bytes), D = float, *Ts, **P](x): pass
B, C, D, Ts, P = bounded.__type_params__
print(B, B.__bound__, C.__constraints__, D.__default__, D.has_default(), Ts, P, type(Ts).__name__, type(P).__name__)
type Alias = list[int] | None if False else dict
print(Alias, Alias.__name__, Alias.__value__, Alias.__type_params__, type(Alias), Alias.__module__)
type G[K] = dict
print(G.__type_params__, G.__value__)
class Box:
    def get[V](self, v: V) -> V:
        return v
print(Box().get(5), Box.get.__type_params__)
def lazy[X: undefined_name](): pass
print("lazy ok")
try:
    lazy.__type_params__[0].__bound__
except NameError as e:
    print("NameError:", e)
print(repr(T.__default__))
