type X = int
type Y[T] = list[T]
type Z[T: int, *Ts, **P] = tuple[T, *Ts]
type W[T = int, *Ts = *tuple[int], **P = [int]] = None
def f[T](x: T) -> T: return x
def g[T: (int, str)](): pass
class C[T: int = bool]: pass
type = 1
type.x = 2
