b = b"hello world"
print(b[0], b[-1], b[1:4], b[::-1], b.upper(), b.split(), b.split(b"o"), b.replace(b"o", b"0"), b.find(b"o"), b.count(b"l"))
print(bytes([1, 2, 3]), bytes(range(65, 70)), bytes.fromhex("de ad be ef"), b"\xde\xad".hex(), b"abc".hex("-"), b"abcdef".hex(":", 2))
print(b"a" + b"b", b"ab" * 3, b"a" in b"abc", 97 in b"abc", b"abc" < b"abd", b"abc" == bytearray(b"abc"), len(b"\x00\x01"))
print(repr(b"\x00\n\t\\'\""), repr(b"'"), repr(b'"'), repr(b"'\""), repr(bytes(range(250, 256))))
ba = bytearray(b"abc")
ba.append(100); ba.extend(b"ef"); ba.insert(0, 65); ba[1] = 122
print(ba, ba.pop(), ba, ba.decode(), bytes(ba), ba.find(b"c"), len(ba))
ba.remove(122); ba.reverse()
print(ba, bytearray(3), bytearray([1, 2]), bytearray("é", "utf-8"), ba * 2, ba + b"!")
del ba[0]; del ba[::2]
print(ba)
try:
    ba.append(256)
except ValueError as e:
    print(e)
try:
    b"abc"[0] = 1
except TypeError as e:
    print(e)
try:
    b"a" + "b"
except TypeError as e:
    print(e)
try:
    bytes.fromhex("zz")
except ValueError as e:
    print(e)
try:
    ba.remove(250)
except ValueError as e:
    print(e)
print(b"%d-%s-%r" % (1, b"x", "y"), b"abc".startswith(b"a"), b" x ".strip(), b"a,b".partition(b","), b"AbC".swapcase(), b"abc".center(7, b"*"))
print(b"abc".decode("ascii"), list(b"ab"), tuple(bytearray(b"xy")), b"x".join([b"a", bytearray(b"b")]), b"123".isdigit(), b"ab".isalpha())
print(int.from_bytes(b"\xff\xfe", "big", signed=True), (1024).to_bytes(4, "little"), (-1).to_bytes(2, "big", signed=True))
print(hash(b"abc") == hash(b"abc"), b"abc".__len__(), bytes(b"x") is not None, b"".join([]), bytearray(b"x") + bytearray(b"y"))
print(str(b"x"), str(bytearray(b"x")), b"abc".split(maxsplit=0), b"a  b".split(b" "), b"\tx\n".expandtabs(2))
m = bytearray(b"hello")
m[1:3] = b"EY"
print(m, m.upper(), m.title(), m.zfill(8), bytes(m).lstrip(b"h"), m.count(b"l"), m.index(b"o"))
