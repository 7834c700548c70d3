B = type('B', (bytes,), {})
for n in range(12):
    b = B(b'x' * n); b.attr = [n]
    print(len(b), b.attr, bytes(b) == b'x' * n, end="; ")
print()
T = type('T', (tuple,), {})
t = T(range(5)); t.a = 1; print(t, t.a, t.__dict__)
class I(int): pass
i = I(10**30); i.z = 2; print(i, i.z, i + 1)
