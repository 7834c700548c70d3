print(1 + 1.0, 2 * 1.5, 3 - 0.5, 7 / 2, 7.0 // 2, 7 % 2.5, 2 ** 0.5, 2.0 ** 3)
print(1 == 1.0, 2 < 2.5, 10 ** 20 == 1e20, 10 ** 16 + 1 == 1e16, 2 ** 53 + 1 > 2.0 ** 53)
print(round(2.567, 2), round(7), round(7.5), round(8.5), round(-0.5), type(round(2.5)).__name__, type(round(2.5, 1)).__name__)
print(int(7 / 2), 7 // 2, -7 // 2, int(-7 / 2))
print(sum([1, 2.5, 3]), max(1, 2.0), min(2.0, 1), abs(-2.5))
print(True + 1.5, False * 2.0, 3 / True)
print(float(1 << 60), 1 << 60, float(1 << 60) == 1 << 60)
print(divmod(7, 2.0), divmod(-7, 2.0), pow(2, 0.5), pow(4.0, 2))
n = 0
x = 0.0
for i in range(1, 21):
    n += i * i
    x += 1 / i
print(n, x)
