for x in [1.0, 10.0, 1e15, 1e16, 1e17, 12345678901234567.0, 0.1, 0.01, 0.001, 0.0001, 0.00001, 1.5e-10, 2.0 ** 52, 2.0 ** 53, 2.0 ** 64, 1 / 7, 22 / 7, 9.99, 99.99999999999999, 1.1, 2.2, 3.3, 4.35, 0.3, 1e300, 1e-300]:
    print(repr(x), str(x), -x)
print(float('1e500'), float('-1e500'), 1e308 * 10)
print(format(0.1, '.20f'), format(1 / 3, '.17g'))
print(0.1 + 0.7, 0.1 * 3, 1.1 * 1.1, 3 * 1.1)
print(float.fromhex('0x1.8p1'), (1.5).hex(), (0.1).hex())
print((2.5).is_integer(), (3.0).is_integer(), (0.5).as_integer_ratio(), (0.75).as_integer_ratio())
print(int(2.5e15), int(-1e-10), round(123.456, 1), round(-0.55, 1), round(2.5, 0), round(1e20))
print(str(1e16), str(123e-20), str(-1.0), str(100.5))
