a + b - c * d / e // f % g ** h @ i
-a + +b - ~c
not a and b or c and not d
a < b <= c > d >= e == f != g is h is not i in j not in k
a | b ^ c & d << e >> f
x if y else z
lambda: 0
lambda a, b=1, *c, d, e=2, **f: a
lambda *, a: a
lambda a, /, b: 0
(x := 10)
f(y := 1)
a.b.c
a[1][2:3][::2][1:2:3, ...][:, 0]
a[b:c, *d]
f(a, *b, c=1, **d)
f(a)(b)(c)
f(x for x in y)
await_ = 1
x ** -y
2 ** 3 ** 4
-2 ** 2
(a)
((a, b))
(yield)
