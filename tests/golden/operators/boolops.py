def t(name, value):
    print('eval', name)
    return value
print(t('a', 0) and t('b', 1))
print(t('a', 1) and t('b', 2))
print(t('a', 0) or t('b', 0))
print(t('a', 3) or t('b', 4))
print(t('a', '') or t('b', []) or t('c', 'last'))
print(t('a', 1) and t('b', 2) and t('c', 0) and t('d', 4))
print(not t('a', 1), not t('b', []))
print(1 and 2, 0 and 2, 1 or 2, 0 or 2, None or 'x', [] and 'never', 'a' and 'b' or 'c', 0 and 1 or 2)
print(True and False, True or False, not True, not None, not 0, not 'a')
x = [] or {} or () or 0 or None
print(x)
y = 5 if t('cond', True) else t('no', 6)
print(y)
z = t('yes', 1) if t('cond', '') else t('else', 2)
print(z)
print(1 if 0 else 2 if 0 else 3)
