# PEP 695 corner cases: bounds/defaults scopes, class-scope visibility, nesting
class Outer:
    Base = int

    def meth[T: Base = Base](self, x: T) -> T:
        return x

    class Inner[S: Base](list[S]):
        attr: S

    type InClass = Base | None


def func():
    local = str

    def g[T: local, *Ts = *tuple[int, ...], **P = [int, str]](*args: *Ts, **kw: P.kwargs) -> T:
        return local

    type Local[K] = dict[K, local]
    return g, Local


def kwdefaults_only[T](*, a=1, b=2): ...


def both_defaults[T](x=1, *, y=2): ...


type Recursive = list[Recursive] | int
type Lazy[T = [x for x in range(3)]] = (lambda: T)()


class WithBases[T](Outer, *(), key=1):
    def __init__(self):
        super().__init__()
        self.t = T
