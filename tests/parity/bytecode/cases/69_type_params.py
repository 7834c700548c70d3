# PEP 695 type parameters and type aliases
def f[T](x: T) -> T:
    return x


class C[T]:
    pass


type X = list[int]


def g[T: int, *Ts, **P](a, b=1, *, c=2) -> T:
    return a


class D[K, V = int](dict, metaclass=type):
    def get[T](self, k: K, default: T = None) -> V | T:
        return default

    type Alias[U] = list[U]


type Pair[A, B: (int, str)] = tuple[A, B]


def outer():
    class Inner[T]:
        def m(self) -> T: ...
    def h[S](s: S) -> list[S]:
        return [s]
    return Inner, h


@staticmethod
def decorated[T](x): pass
