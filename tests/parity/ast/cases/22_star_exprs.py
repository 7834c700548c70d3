a, *b = c
*a, b = c
first, *_, last = items
print(*args, **kwargs)
x = *a, *b
return_value = [*a, *b]
s = {*a, *b}
d = {**a, **b}
for x, *y in z: pass
f(*a, *b, **c, **d)
a[*b]
a[1:2, *b]
