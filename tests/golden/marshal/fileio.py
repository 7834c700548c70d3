# marshal.dump / marshal.load through a minimal binary file object
# (write / read / readinto), several objects in one stream, and file errors.
import marshal


class File:
    def __init__(self, data=b''):
        self.data = bytearray(data)
        self.pos = 0
        self.calls = []

    def write(self, b):
        self.calls.append(('write', len(b)))
        self.data += b
        return len(b)

    def read(self, n=-1):
        self.calls.append(('read', n))
        if n < 0:
            n = len(self.data) - self.pos
        chunk = bytes(self.data[self.pos:self.pos + n])
        self.pos += len(chunk)
        return chunk

    def readinto(self, buf):
        n = min(len(buf), len(self.data) - self.pos)
        buf[:n] = self.data[self.pos:self.pos + n]
        self.pos += n
        return n


f = File()
print(marshal.dump([1, 2.5, 'x'], f))
print(marshal.dump((None, b'bytes', {1: 2}), f, 2))
print(marshal.dump(frozenset({3}), f, 5, allow_code=False))
print(f.calls)
print(bytes(f.data).hex())
f.pos = 0
f.calls = []
print(marshal.load(f))
print(marshal.load(f))
print(marshal.load(f), f.pos == len(f.data))
print(f.calls)
for exc_case in [b'', b'(\x02\x00\x00\x00N', b'l\x02\x00\x00\x00\x01\x00']:
    try:
        marshal.load(File(exc_case))
    except Exception as e:
        print(type(e).__name__, e)


class StrRead(File):
    def read(self, n=-1):
        return 'text'


class Greedy(File):
    def readinto(self, buf):
        return len(buf) + 1


class Lazy(File):
    def readinto(self, buf):
        return 'many'


class NoReadinto:
    def read(self, n=-1):
        return b''


for cls in (StrRead, Greedy, Lazy):
    try:
        marshal.load(cls(b'N'))
    except Exception as e:
        print(cls.__name__, type(e).__name__, e)
try:
    marshal.load(NoReadinto())
except Exception as e:
    print('NoReadinto', type(e).__name__, e)
code = compile('y = 2', 'g.py', 'exec')
g = File()
try:
    marshal.dump(code, g, allow_code=False)
except Exception as e:
    print(type(e).__name__, e, g.calls)
marshal.dump(code, g)
g.pos = 0
try:
    marshal.load(g, allow_code=False)
except Exception as e:
    print(type(e).__name__, e)
