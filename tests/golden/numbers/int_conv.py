print(int('42'), int(' -17 '), int('+5'), int('1_000'), int('ff', 16), int('0xff', 16), int('0xff', 0), int('777', 8), int('0b101', 0), int('z', 36), int('10', 2))
print(int(3.7), int(-3.7), int(True), int(), int(1e10))
print(str(255), hex(255), oct(8), bin(10), hex(-42), bin(-5), oct(0))
print((255).bit_length(), (0).bit_length(), (-8).bit_length(), (2 ** 100).bit_length())
print((10).to_bytes(2, 'big'), int.from_bytes(b'\x01\x00', 'big'), int.from_bytes(b'\x01\x00', 'little'))
print((7).__add__(3), (7).__sub__(10), (3).__mul__(4), (5).conjugate(), (12).real, (12).imag, (6).numerator, (6).denominator)
print(abs(-7), abs(7), abs(0), (-7).__abs__())
print(isinstance(5, int), isinstance(True, int), isinstance(5.0, int), type(5) == int)
print(int.__name__, (1).bit_count(), (255).bit_count())
print(float(7), float(-0), 7 / 1, 5 // 1.0, 5 % 1.5)
print(max(3, 7, 2), min(3, 7, 2), sum(range(101)), sum([1, 2], 10))
print(1_000_000 + 1, 0xdead_beef)
for s in ['12', '-0', '007', '1e3', 'abc', '', '1.5', '0x10']:
    try:
        print(repr(s), int(s))
    except ValueError as e:
        print(repr(s), 'ValueError:', e)
