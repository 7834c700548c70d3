class A(str):
    def __str__(self): return 'over'
    def __repr__(self): return 'rep'
a = A('x')
print(f'{a}', f'{a:}', f'{a:>3}', format(a), format(a, ''), format(a, '<2'), '{}'.format(a), '{:}'.format(a), '{!s}'.format(a), '%s' % a, str.__format__(a, ''), a.__format__(''))
print('%-3s|' % a, '{:^5}'.format(a), f'{a!r}', ascii(a))
