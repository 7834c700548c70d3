def f(x, y):
    return f'{x!s} {y!a} {x:>{y}} {x.real:.2f}' + f'{"lit"}'
