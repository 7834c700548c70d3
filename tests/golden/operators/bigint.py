a = 2 ** 100
print(a, -a, a + 1, a - 1, a * a)
print(a // 3, a % 7, a // -3, -a % 7, divmod(a, 12345), divmod(-a, 12345))
print(3 ** 200)
print(10 ** 30 // 10 ** 15, 10 ** 30 / 10 ** 15)
print(2 ** 64 - 1, 2 ** 63, -2 ** 63, 2 ** 64 + 2 ** 32)
f = 1
for i in range(1, 40):
    f *= i
print(f)
print(f // (2 ** 50), f % 1000000007)
print(a >> 50, a << 20, (a - 1) & 0xFFFF, a | 1, a ^ (a - 1), ~a)
print(-(2 ** 100) >> 3, -(2 ** 70) // 7, -(2 ** 70) % 7)
print(a == 2 ** 100, a > 2 ** 99, a < -a, a != a + 1)
print(int('123456789012345678901234567890') * 3)
print(hash(1), hash(-1), hash(2 ** 61 - 1), hash(2 ** 61), hash(2 ** 100), hash(-2 ** 100))
print(abs(-a), pow(3, 100), pow(3, 100, 1000), pow(2, 1000, 2 ** 61 - 1))
print(len(str(2 ** 1000)), str(7 ** 77))
print(float(2 ** 100), 2 ** 100 / 2 ** 98, 2 ** 53 + 1, float(2 ** 53 + 1))
x = 0
for i in range(100):
    x = x * 31 + i
print(x)
print(-7 ** 20 // 13, (-7) ** 21 % 13)
