a = 1; b = 2; print(a + b)
if a: print('inline if')
for i in range(2): print('loop', i)
total = (1 +
         2 +
         3)
print(total)
s = 1 + \
    2
print(s)
lst = [
    1,
    2,
    3,
]
print(lst)
d = {
    'a': 1,
    'b': 2,
}
print(d)
def f(a,
      b):
    return a * b
print(f(3,
        4))
# comment line
x = 5  # trailing comment
print(x)
'''docstring-like statement'''
print('end')
