a, *b, (c, d) = e
x[1:2] += y
f(*a, **k, z=1)
assert x, "msg"
print(1 if 2 else 3, not 4, 5 < 6 < 7)
