# FLAG_REF / TYPE_REF: shared and recursive objects, set ordering, and the
# reference mechanism on load.
import marshal


def rt(s):
    return ''.join(list(s))


x = float('2.5')
print(marshal.dumps((x, x)).hex())
print(marshal.dumps([x, x], 2).hex())
s = rt('shared string')
print(marshal.dumps([s, s, (s,)]).hex())
inner = [int('1000')]
print(marshal.dumps({'a': inner, 'b': inner, 'c': (inner, inner)}).hex())
b = bytes(range(5))
ba = bytearray(b'xy')
print(marshal.dumps([b, b, ba, ba]).hex())
sl = slice(int('1'), None, int('300'))
print(marshal.dumps((sl, sl)).hex())
fs = frozenset({int('5'), int('6')})
print(marshal.dumps([fs, fs, {int('7')}]).hex())

lst = []
lst.append(lst)
data = marshal.dumps(lst)
print(data.hex())
back = marshal.loads(data)
print(back, back[0] is back)

t = ([],)
t[0].append(t)
data = marshal.dumps(t)
print(data.hex())
back = marshal.loads(data)
print(back, back[0][0] is back)

d = {}
d[rt('self')] = d
data = marshal.dumps(d)
print(data.hex(), marshal.loads(data))

# Sharing survives a round trip.
pair = marshal.loads(marshal.dumps((inner, inner)))
print(pair, pair[0] is pair[1])
print(marshal.dumps(pair).hex())

# Sets are written sorted by each element's own marshal bytes.
print(marshal.dumps({int('3'), int('1'), int('2'), int('1000'), int('-1')}).hex())
print(marshal.dumps({float('1.5'), int('1'), (int('1'), int('2')), b'z', rt('str'), None}).hex())
print(marshal.dumps(frozenset({frozenset({int('1')}), frozenset(), frozenset({int('2'), int('3')})})).hex())
print(marshal.dumps({rt(c * 3) for c in 'zyxwvu'}).hex())
nan1, nan2 = float('nan'), float('nan')
print(len(marshal.dumps({nan1, nan2})))

# References in hand-written data.
print(marshal.loads(b'\xa9\x02\xe9\x07\x00\x00\x00r\x01\x00\x00\x00'))
print(marshal.loads(b'[\x03\x00\x00\x00\xfa\x02abr\x00\x00\x00\x00r\x00\x00\x00\x00'))
print(marshal.loads(b'\xfb\xe9\x01\x00\x00\x00r\x00\x00\x00\x000'))
print(marshal.loads(b'(\x02\x00\x00\x00\xce\xd4'))
