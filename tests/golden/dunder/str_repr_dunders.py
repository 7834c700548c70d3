class Money:
    def __init__(self, cents):
        self.cents = cents
    def __repr__(self):
        return f'Money({self.cents})'
    def __str__(self):
        return f'${self.cents // 100}.{self.cents % 100:02d}'
    def __format__(self, spec):
        if spec == 'short':
            return f'{self.cents // 100}$'
        return format(str(self), spec)
    def __int__(self):
        return self.cents
    def __float__(self):
        return self.cents / 100
m = Money(1234)
print(m, repr(m), str(m), [m], (m,), {'k': m})
print(f'{m}', f'{m!r}', f'{m:short}', f'{m:>10}|', format(m, '<9') + '|')
print(int(m), float(m), '%s and %r' % (m, m))
class Bad:
    def __repr__(self):
        return 42
try:
    repr(Bad())
except TypeError as e:
    print('TypeError:', e)
