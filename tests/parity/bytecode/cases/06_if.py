a = 1
if a:
    b = 2
elif a > 3:
    b = 3
else:
    b = 4
if a and b:
    pass
