type Alias[T] = list[T]
class G[T, *Ts, **P]:
    def m[U](self, u: U) -> T: ...
@dec(1)
@dec2
def f[T: (int, str) = int](): pass
