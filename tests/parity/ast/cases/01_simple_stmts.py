x = 1
x = y = z = 2
a, b = b, a
[a, *b] = c
(a), (b) = 1, 2
x += 1; y -= 2; z *= 3
x /= 4; x //= 5; x %= 6; x **= 7; x @= m
x >>= 1; x <<= 2; x &= 3; x |= 4; x ^= 5
del x, y[0], z.a
del (a, b), [c]
pass
assert x, "msg"
assert y
global g1, g2
x: int
y: list[int] = []
(z): int = 3
a.b: str
a[0]: float = 1.0
