s = 'abcdefghij'
for i in range(-10, 10, 3):
    print(i, s[i])
for a, b, c in [(None, None, 2), (1, 8, 3), (8, 1, -2), (-1, None, -1), (None, None, -3), (3, 3, 1), (20, 30, 1), (-20, 3, 1)]:
    print(a, b, c, repr(s[a:b:c]))
try:
    s[10]
except IndexError as e:
    print('IndexError:', e)
try:
    s[1] = 'z'
except TypeError as e:
    print('TypeError:', e)
for ch in 'héllo':
    print(ch, ord(ch), end='; ')
print()
print(list('abc'), tuple('ab'), set('aa'), sorted('cab'), min('bca'), max('bca'))
print(s[slice(2, 5)], s[slice(None, None, -4)])
