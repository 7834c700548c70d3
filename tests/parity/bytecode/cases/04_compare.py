a = 1
b = a < 2
c = 1 < a < 3
d = a is None
e = a is not None
f = a in [1, 2]
g = a not in (1, 2)
h = a == 1 != 2
