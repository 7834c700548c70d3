x = 3
s = f'{x}'
t = f'a{x!r:>10}b{x:{x}}'
u = f'{x=}'
