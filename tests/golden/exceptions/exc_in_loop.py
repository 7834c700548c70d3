results = []
for v in ['1', 'x', '3', None, '5.5', '7']:
    try:
        results.append(int(v))
    except ValueError as e:
        results.append('VE')
        print('ValueError:', e)
    except TypeError as e:
        results.append('TE')
        print('TypeError:', e)
print(results)
def safe(f, *a):
    try:
        return f(*a)
    except Exception as e:
        return f'{type(e).__name__}: {e}'
print(safe(lambda: [1][5]))
print(safe(lambda: {}[()]))
print(safe(lambda: None.attr))
print(safe(lambda: 'a' + 1))
print(safe(lambda: 1 + 'a'))
print(safe(lambda: len(5)))
print(safe(lambda: undefined_name))
print(safe(lambda: 10 % 0))
print(safe(lambda: 10.0 / 0))
print(safe(lambda: int('12z')))
print(safe(lambda: [].pop()))
print(safe(lambda: {}.popitem()))
print(safe(lambda: next(iter([]))))
print(safe(lambda: (1, 2).x))
print(safe(lambda: float('abc')))
print(safe(lambda: chr(-1)))
print(safe(lambda: [1, 2, 3].index(4)))
print(safe(lambda: divmod(1, 0)))
