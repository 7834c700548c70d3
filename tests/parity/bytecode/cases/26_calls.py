print(1, 2)
print(*[1], sep='')
f = print
f(a=1, **{})
x = len([1]).bit_length()
