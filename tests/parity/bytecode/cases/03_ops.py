a = 1
b = a * 3 - a // 2 + a % 5
c = a ** 2 << 1 >> 1 & 7 | 8 ^ 3
d = not a
e = ~a
f = a / 2 @ a
