for i in range(3):
    print(i)
for i in range(10, 0, -3):
    print(i, end=' ')
print()
for ch in 'abc':
    print(ch * 2)
for k, v in {'x': 1, 'y': 2}.items():
    print(k, v)
for i, (a, b) in enumerate(zip('abc', [1, 2, 3]), start=1):
    print(i, a, b)
for x in [1, 2, 3, 4, 5]:
    if x == 2:
        continue
    if x == 4:
        break
    print('x', x)
else:
    print('no else')
for x in []:
    print('never')
else:
    print('empty else')
for x in range(3):
    pass
else:
    print('completed else', x)
for i in range(3):
    for j in range(3):
        if j > i:
            break
        print((i, j), end=' ')
print()
found = None
for n in range(2, 30):
    for d in range(2, n):
        if n % d == 0:
            break
    else:
        found = n if found is None else found
        print('prime', n)
print(found)
total = 0
for a, *rest in [(1, 2, 3), (4,), (5, 6)]:
    total += a + len(rest)
print(total)
lst = [1, 2, 3]
for item in lst:
    if item < 3:
        lst.append(item * 10)
print(lst)
