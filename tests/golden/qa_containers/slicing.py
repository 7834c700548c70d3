s = list(range(10))
print(s[::2], s[1::3], s[::-1], s[-3:], s[:-3], s[8:2:-2], s[2:8:-1], s[-1:-11:-3])
print(s[100:], s[-100:3], s[5:5], s[::100], s[::-100], s[3:1], s[None:None:None])
t = tuple(s); st = "abcdefghij"; r = range(10)
print(t[1:9:3], st[::-3], st[-2::-2], r[::-2], r[2:8:3], r[::-1][2], list(r[5:2:-1]))
print(slice(1, 10, 2).indices(5), slice(None, None, -1).indices(4), slice(-100, 100).indices(7))
sl = slice(1, 2, 3)
print(sl, sl.start, sl.stop, sl.step, repr(slice(None)), slice(1) == slice(None, 1), slice(1, 2) < slice(1, 3))
a = list(range(10))
a[2:5] = ["x"]
print(a)
a[::3] = "ABCD"[:len(a[::3])]
print(a)
a[1:1] = [100, 200]
print(a)
del a[::2]
print(a)
del a[-2:]
print(a)
a[:] = []
print(a)
b = [1, 2, 3, 4]
b[len(b):] = [5, 6]
print(b)
b[-100:1] = [0]
print(b)
try:
    b[::2] = [1]
except ValueError as e:
    print(e)
try:
    b[::0]
except ValueError as e:
    print(e)
try:
    b[1:3] = 5
except TypeError as e:
    print(e)
try:
    "abc"[::0]
except ValueError as e:
    print(e)
try:
    slice(1, 2)[0]
except TypeError as e:
    print(e)
c = [1, 2, 3]
c[1:2] = c
print(c)
d = bytearray(b"hello")
d[1:3] = b"EL"
d[::2] = b"xyz"
print(d, bytes(d)[::-1], b"abcdef"[1::2], memoryview(b"abc")[1:].tobytes() if 'memoryview' in dir(__builtins__) else b"bc")
class Idx:
    def __index__(self): return 2
print(s[Idx()], s[Idx():], st[:Idx()], s[::Idx()])
class GetI:
    def __getitem__(self, k):
        return k
g = GetI()
print(g[1:2], g[::], g[1:2, 3], g[...], g[:, None], g[-1])
