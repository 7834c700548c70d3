if (n := len(a)) > 10: pass
while (chunk := f.read(10)):
    pass
[y for x in data if (y := f(x))]
print(x := 1)
x = (y := 2)
f(a, b := 3)
a[b := 1]
a[(b := 1):2]
{(a := 1): 2}
