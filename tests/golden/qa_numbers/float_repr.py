vals = [0.1, 0.2, 0.3, 1/3, 2/3, 1e22, 1e21, 1e16, 1e15, 123456789.123, 1e-4, 1e-5, 5e-324,
        1.7976931348623157e308, 2.2250738585072014e-308, 0.1 + 0.2, 100.0, -0.0, 1.5e300 * 1.5e300,
        float('nan'), 3.0e-7, 9007199254740993.0, 0.5, 2.5e-5, 1234567890123456789.0]
for v in vals:
    print(repr(v), str(v), v.hex() if v == v and abs(v) != float('inf') else '-')
print(float("1_000.5"), float(" 12 "), float("-inf"), float("+nan"), float("1e500"), float("-1e-500"))
print(float.fromhex("0x1.8p1"), float.fromhex("-0x1p-1074"), (0.5).as_integer_ratio(), (-2.75).as_integer_ratio())
print((3.0).is_integer(), (3.5).is_integer(), float(2**53 + 1), float(10**20))
print(round(2.675, 2), round(0.5), round(1.5), round(-0.5), round(2.5), round(1234.5678, -2), round(1e300, -300))
print(round(5), round(15, -1), round(25, -1), round(-15, -1), round(123, 1), type(round(1.5)), type(round(1.5, 0)))
print(divmod(7, 2), divmod(-7, 2), divmod(7, -2), divmod(-7.5, 2), divmod(7.5, -2), divmod(0.0, 1))
print(7 // -2, -7 // 2, 7 % -2, -7 % 2, -7.0 % 2, 7.0 % -2, -0.0 % 1, 0.0 % -1)
print(pow(2, -1), pow(-8, 1/3).__class__.__name__, pow(2, 10, 1000), pow(3, -1, 7), pow(0, 0), 0.0 ** 0)
print((-8) ** 0.5 == complex(0, 2.8284271247461903) or "cx", 2 ** -2, (-2) ** 3, (-2.0) ** 2)
print(int(3.9), int(-3.9), int("  -42 "), int("0x1f", 16), int("0b101", 0), int("1_000"), int(" 0o17 ", 0))
print(int(True), float(True), 3 / 2, 4 / 2, -1 // 1.0, 1e308 * 10, -1e308 * 10)
print(abs(-0.0), max(0.0, -0.0), min(-0.0, 0.0), 0.0 == -0.0, 1 == 1.0, 2**53 == 2.0**53, 2**53 + 1 == 2.0**53 + 1)
print(10 ** 20, 10.0 ** 20, 2 ** 100, -2 ** 2, (-2) ** 2, 2 ** 3 ** 2)
print(7 .bit_length(), (-1).bit_length(), (255).to_bytes(2, 'big'), int.from_bytes(b'\x01\x00', 'little'), (10).bit_count())
print(hex(-255), oct(-8), bin(-5), hex(0), (255).__format__('x'), (-0.0).__repr__())
print(1e16 + 1, 0.1 * 3, 1.1 + 2.2, 3 * 1.1, 1 - 0.9, 4.35 * 100)
print(float('inf') - float('inf'), float('inf') * 0, 1 / float('inf'), -1 / float('inf'))
print(sum([0.1] * 10), sum([1e100, 1.0, -1e100]), sum(range(101)), sum([1, 2.5]))
print(int('9' * 30) // 7, int('9' * 30) % 7, -int('9' * 25) // 3)
print(True + True, True * 3, -True, True / 2, True & False, True | 2)
try:
    int("1.5")
except ValueError as e:
    print(e)
try:
    float("1,5")
except ValueError as e:
    print(e)
try:
    int(float('inf'))
except OverflowError as e:
    print(e)
try:
    int(float('nan'))
except ValueError as e:
    print(e)
try:
    2.0 ** 10000
except OverflowError as e:
    print(e)
try:
    round(float('inf'))
except OverflowError as e:
    print(e)
try:
    pow(2, -1, 4)
except ValueError as e:
    print(e)
