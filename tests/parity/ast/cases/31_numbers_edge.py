x = 1if 1else 2
y = [0x1 for _ in ()]
z = 1_0j
w = 0.0
v = 00
u = 0e0
t = 1.e5
s = 0b0_1
