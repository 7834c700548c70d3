# marshal errors: malformed input to loads, unmarshallable values, argument
# checking, allow_code=False and nesting limits.
import marshal


def attempt(label, f, *args, **kwargs):
    try:
        r = f(*args, **kwargs)
        print(label, 'ok', repr(r))
    except Exception as e:
        print(label, type(e).__name__, e)


BAD = [
    b'', b'\xa9', b'(\x01\x00', b'z\x05ab', b'u\x03\x00\x00\x00\xff\xfe\xfd', b'?', b'\x80', b'\xff',
    b'l\x01\x00\x00\x00\x00\x00', b'l\x01\x00\x00\x00\x00\x80', b'l\x00\x00\x00\x80',
    b'l\xff\xff\xff\xff\x01\x00', b'r\x00\x00\x00\x00', b'r\xff\xff\xff\xff',
    b'f\x04 1.5', b'f\x030x1', b'f\x031_0', b'f\x03inf', b'f\x08Infinity', b'f\x04-nan',
    b'f\x041.5\x00', b'f\x02e5', b'f\x031e+', b'f\x021.', b'f\x02.5', b'f\x051e999',
    b'x\x031.5\x02-2', b'I\x01\x00\x00\x00\x00\x00\x00\x80', b'y' + b'\x00' * 16,
    b'\xbc\x01\x00\x00\x00r\x00\x00\x00\x00', b'\xbe\x01\x00\x00\x00r\x00\x00\x00\x00',
    b'\xdb\x01\x00\x00\x00r\x00\x00\x00\x00', b'\xfb\xe9\x01\x00\x00\x00r\x00\x00\x00\x000',
    b'{N', b'{NN', b'{N0', b'{[\x00\x00\x00\x00N0', b'(\x02\x00\x00\x00N0', b'[\x01\x00\x00\x000',
    b'<\x01\x00\x00\x000', b'\xceN', b'\xd4', b'0', b'S', b'c', b'(\xff\xff\xff\xff',
    b'[\xff\xff\xff\x7f', b's\xff\xff\xff\x7f', b't\x02\x00\x00\x00ab', b'A\x02\x00\x00\x00\xe9b',
    b':NNN', b'\xba\xe9\x01\x00\x00\x00Nr\x00\x00\x00\x00', b'\xba\xe9\x01\x00\x00\x00Nr\x01\x00\x00\x00',
    b'\xfa\x03abcr\x01\x00\x00\x00', b'N trailing bytes are ignored',
]
for data in BAD:
    attempt(data, marshal.loads, data)

attempt('object', marshal.dumps, object())
attempt('nested object', marshal.dumps, [1, (2, {3: object()})])
attempt('int subclass', marshal.dumps, type('I', (int,), {})(3))
attempt('str subclass', marshal.dumps, type('S', (str,), {})('s'))
attempt('bytes subclass', marshal.dumps, type('B', (bytes,), {})(b'xy'))
attempt('slice v4', marshal.dumps, slice(1, 2), 4)
attempt('set of unmarshallable', marshal.dumps, {object()})
code = compile('x = 1', 'f.py', 'exec')
attempt('code disallowed', marshal.dumps, code, allow_code=False)
attempt('code in set disallowed', marshal.dumps, frozenset({code}), allow_code=False)
attempt('last error wins', marshal.dumps, [object(), code], allow_code=False)
attempt('loads code disallowed', marshal.loads, marshal.dumps(code), allow_code=False)
attempt('loads allow_code', lambda: type(marshal.loads(marshal.dumps(code), allow_code=True)).__name__)

deep = []
for i in range(2100):
    deep = [deep]
attempt('deep dumps', marshal.dumps, deep)
attempt('deep loads', marshal.loads, b'[\x01\x00\x00\x00' * 2100 + b'N')
ok = []
for i in range(1998):
    ok = [ok]
attempt('depth 1999', lambda: len(marshal.dumps(ok)))
attempt('depth 2000 dict', lambda: len(marshal.dumps([[{}]] if False else ok + [{}])))
cyc = []
cyc.append(cyc)
attempt('cycle v2', marshal.dumps, cyc, 2)
cyc.clear()

attempt('dumps()', marshal.dumps)
attempt('dumps 3 args', marshal.dumps, 1, 2, 3)
attempt('dumps 4 args', marshal.dumps, 1, 2, allow_code=0, foo=1)
attempt('dumps kw version', marshal.dumps, 1, version=2)
attempt('dumps kw value', marshal.dumps, value=1)
attempt('dumps float version', marshal.dumps, 1, 2.5)
attempt('dumps str version', marshal.dumps, 1, 'a')
attempt('dumps big version', marshal.dumps, 1, 2**40)
attempt('dumps negative version', marshal.dumps, 1.5, -1)
attempt('dumps bool allow_code', marshal.dumps, 1, allow_code=[])
attempt('loads 2 args', marshal.loads, b'N', b'N')
attempt('loads()', marshal.loads)
attempt('loads kw', marshal.loads, bytes=b'N')
attempt('loads str', marshal.loads, 'N')
attempt('loads int', marshal.loads, 3)
attempt('loads bytearray', marshal.loads, bytearray(b'i\x05\x00\x00\x00'))
attempt('loads bad kw', marshal.loads, b'N', x=1)
attempt('dump 1 arg', marshal.dump, 1)
attempt('dump no write', marshal.dump, 1, 2)
attempt('dump 4 args', marshal.dump, 1, 2, 3, 4)
attempt('load()', marshal.load)
attempt('load no read', marshal.load, 1)
attempt('load 2 args', marshal.load, 1, 2)
