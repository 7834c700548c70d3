# PEP 695: private-name mangling of type parameters, generic generators/coroutines
class A[__T, _B]:
    __x: __T
    def f[__U](self, x: __T, y: __U) -> "__T":
        return __T, __U
def gen[T]():
    yield T
async def co[T]():
    await T
