# marshal.dumps of freshly built values (no sharing beyond what the graph
# itself has) and loads round trips, for every format version.
import marshal


def canon(value, version=5):
    # dumps(loads(...)) on a temporary: fresh objects in both interpreters.
    return marshal.dumps(marshal.loads(marshal.dumps(value, version)), version)


def rt(s):
    # A str built at run time: string constants may be interned by the compiler.
    return ''.join(list(s))


def show(label, value):
    data = canon(value)
    back = marshal.loads(data)
    print(label, data.hex(), repr(back), type(back).__name__)


show('none', None)
show('bools', [True, False])
show('ellipsis', ...)
show('stopiter', StopIteration)
for n in [0, 1, -1, -5, -6, 256, 257, 1000, 2**31 - 1, -2**31, 2**31, -2**31 - 1,
          2**45, 2**62, 2**63, -2**63, 2**64 + 1, 7**100, -(7**100)]:
    show('int', n)
for f in [0.0, -0.0, 1.5, 0.1, 1e300, 5e-324, float('inf'), float('-inf'), float('nan')]:
    show('float', f)
show('complex', [1 + 2j, complex(-0.0, 1e-300)])
for s in ['', 'a', '\xe9', 'ab', 'hello', 'hello world', 'x' * 255, 'x' * 256,
          'caf\xe9', '\u20ac', '\U0001f600', '\ud800', 'a\udcffb']:
    show('str', rt(s))
import sys
show('interned', [sys.intern(rt('hello')), sys.intern(rt('x' * 300)), sys.intern(rt('caf\xe9'))])
show('bytes', [b'', b'a', b'abc', bytes(range(10))])
show('bytearray', bytearray(b'xyz'))
show('tuples', [(), (1,), tuple(range(255)), tuple(range(256))])
show('list', [1, [2, [3, []]]])
show('dict', {'a': 1, 'b': [2], 3: (4.5,)})
show('set', {1, 2, 3, -7, 1000})
show('frozenset', frozenset({(1, 2), (3,), 2.5}))
show('empty sets', [set(), frozenset()])
show('slice', [slice(1, 2, 3), slice(None), slice('a', None, (1,))])

# Values built at run time and passed straight to dumps are not shared.
print(marshal.dumps([float('1.5'), int('70000'), str(12345)]).hex())
print(marshal.dumps((float('2.5'), [int('3'), bytes(3)])).hex())
print(marshal.dumps({int('1000'): ''.join(['k', 'v'])}).hex())

# Older versions: no references (< 3), text floats (< 2), no short forms (< 4).
mixed = (1, rt('ab'), 1.5, (), '\xe9', 1 + 2j, [2**40], {'k': b'v'}, frozenset({3}), rt('x' * 300))
for v in range(6):
    data = canon(mixed, v)
    print(v, data.hex(), marshal.loads(data) == mixed)
for v in (0, 1):
    for f in [0.1, 1e16, 1e17, 1e-7, -0.0, float('inf'), float('nan'), 123456789.123]:
        print(v, marshal.dumps(float(repr(f)), v))
print(marshal.dumps(1.5, -3), marshal.dumps(1.5, 99))
print(marshal.version)
