class K:
    vals = [1, 2, 3]
    doubled = [v * 2 for v in vals]
print(K.doubled)
def f():
    base = 10
    return [base + i for i in range(3)], {i: base for i in range(2)}
print(f())
fs = [lambda: i for i in range(3)]
print([g() for g in fs])
x = 5
print([x for _ in range(2)], [[x for x in range(i)] for i in range(3)], x)
try:
    [undefined_in_comp for _ in range(1)]
except NameError as e:
    print('NameError:', e)
