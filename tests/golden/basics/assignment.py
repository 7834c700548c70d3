a = 1
print(a)
a = b = c = 5
print(a, b, c)
x, y = 1, 2
print(x, y)
x, y = y, x
print(x, y)
(p, q), r = (1, 2), 3
print(p, q, r)
[s, t] = [7, 8]
print(s, t)
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = 'abcd'
print(init, last)
h, *mid, tl = range(6)
print(h, mid, tl)
e, *f = [9]
print(e, f)
(a1, *b1), c1 = [1, 2, 3], 4
print(a1, b1, c1)
for i, (j, k) in enumerate([(1, 2), (3, 4)]):
    print(i, j, k)
lst = [0, 0, 0]
lst[0], lst[2] = 'x', 'z'
print(lst)
d = {}
d['k'] = d['j'] = 3
print(d)
a, b = 'hi'
print(a, b)
n = 10
n += 5; print(n)
n -= 3; print(n)
n *= 2; print(n)
n //= 5; print(n)
n **= 3; print(n)
n %= 7; print(n)
n <<= 4; print(n)
n >>= 2; print(n)
n |= 1; print(n)
n &= 13; print(n)
n ^= 6; print(n)
f2 = 7.0
f2 /= 2; print(f2)
s2 = 'ab'
s2 *= 3; print(s2)
s2 += 'c'; print(s2)
l2 = [1]
alias = l2
l2 += [2, 3]
print(l2, alias, l2 is alias)
t2 = (1,)
talias = t2
t2 += (2,)
print(t2, talias, t2 is talias)
if (w := 10) > 5:
    print('walrus', w)
print([y2 := 3, y2 * 2])
