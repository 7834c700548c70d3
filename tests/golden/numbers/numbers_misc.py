# Differential test of the numbers/exceptions area (docs/numbers.md); output recorded from CPython 3.14.
def t(label, f):
    try:
        r = f()
        print(label, repr(r))
    except BaseException as e:
        print(label, 'EXC', type(e).__name__, e)

t('a', lambda: [1 + 2, 2 ** 64, -2 ** 63, 10 ** 20 // 7, -7 % 3, 7.5 % -2, divmod(-7, 2), divmod(7.5, -2)])
t('b', lambda: [hash(x) for x in (1, -1, 2**61, 2**64 + 3, 1.5, -0.0, float('inf'), 1e300, 3+4j, True)])
t('c', lambda: [int('12'), int(' 0b101 ', 0), int('z', 36), int(3.9), int(-3.9), int(True), int(b'42')])
t('d', lambda: int('1e5'))
t('e', lambda: [float('1.5'), float(' -inf '), float('1_000.5'), float(7), float(2**60)])
t('f', lambda: float('abc'))
t('g', lambda: [str(1.0), str(1e16), str(1e-5), repr(0.1 + 0.2), str(-0.0), str(1e22), str(123456789.123)])
t('h', lambda: [round(2.5), round(3.5), round(2.675, 2), round(1234, -2), round(-1.5), round(0.5), round(1e20, -5)])
t('i', lambda: [(255).to_bytes(2, 'big'), int.from_bytes(b'\x01\x02', 'little'), (-1).to_bytes(1, 'big', signed=True)])
t('j', lambda: [(10).bit_length(), (255).bit_count(), (1.5).as_integer_ratio(), (0.1).hex(), float.fromhex('0x1.8p1')])
t('k', lambda: [complex(1, 2), complex('3-4j'), abs(3+4j), (1+2j) * (3-1j), (1+2j) / (1-1j), (1j) ** 2, 2 ** 0.5j])
t('l', lambda: [1 == 1.0, 2**53 + 1 == float(2**53), 1 < 1.5, 10**400 > 1e308, float('nan') == float('nan'), (1+0j) == 1])
t('m', lambda: [f'{x:>10.3f}|{x:<10e}|{x:^+10.1%}|{x:g}' for x in (3.14159, -0.001, 1e10)])
t('n', lambda: [format(n, s) for n in (0, 42, -42, 2**70) for s in ('', 'b', '#o', '08x', ',', '_', '+', ' ', '>6', 'n', '.2f', 'e')])
t('o', lambda: [True + True, True & False, True | 0, ~True if False else 0, bool(0.0), bool(''), bool([1]), isinstance(True, int)])
t('p', lambda: 1 << -1)
t('q', lambda: 1.0 / 0)
t('r', lambda: 0 ** -1)
t('s', lambda: pow(3, -1, 7))
t('u', lambda: pow(2, -1, 4))
t('v', lambda: (-8) ** (1/3))
t('w', lambda: [math_like for math_like in (7 // 2, 7.0 // 2, -7 // 2.0, 7 % -3, 2 ** -2, (-2) ** -3)])
t('x', lambda: str(10 ** 5000))
t('y', lambda: int('9' * 5000))
t('z', lambda: [type(True + 1), type(True & True), type(3 / 1), type(2 ** 2), type(2 ** -1)])

class MyInt(int):
    def __repr__(self): return 'MyInt(%d)' % self
t('A', lambda: [MyInt(5), MyInt(5) + 1, type(MyInt(5) + 1), MyInt('ff', 16), -MyInt(3), abs(MyInt(-3)), type(abs(MyInt(-3)))])
class MyFloat(float): pass
t('B', lambda: [MyFloat(1.5), type(MyFloat(1.5) * 2), MyFloat.fromhex('0x1p3'), type(MyFloat.fromhex('0x1p3'))])
t('C', lambda: [int.__new__(MyInt, 7), float.__new__(MyFloat, '2.5')])

class Idx:
    def __index__(self): return 3
class Flt:
    def __float__(self): return 2.5
class IntLike:
    def __int__(self): return 9
t('D', lambda: [int(Idx()), float(Idx()), float(Flt()), int(IntLike()), [10, 20, 30, 40][Idx()], complex(Flt())])
t('E', lambda: int(Flt()))
t('F', lambda: float(IntLike()))
