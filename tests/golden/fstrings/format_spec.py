for v in [0, 7, -7, 255, 123456789]:
    print(f'{v:d}|{v:5d}|{v:<5d}|{v:^7d}|{v:+d}|{v:05d}|{v:,}|{v:_}|{v:x}|{v:#x}|{v:X}|{v:o}|{v:#o}|{v:b}|{v:#b}|{v:e}')
for v in [0.0, 1.5, -2.25, 3.14159265, 1234567.891, 1e-7, 1e21]:
    print(f'{v:f}|{v:.2f}|{v:10.3f}|{v:<10.1f}|{v:e}|{v:.3e}|{v:g}|{v:.3g}|{v:%}|{v:.1%}|{v:,.2f}|{v:+.1f}|{v:}')
for s in ['', 'a', 'hello']:
    print(f'{s:5}|{s:>5}|{s:^5}|{s:*^9}|{s:.2}|{s!r:>8}|')
print(format(5, '03d'), format(3.5, '.0f'), format(2.5, '.0f'), format('x', '>3'), format(1234, ','), format(0.5, '.0%'))
print('{:08.3f}'.format(-3.14159), '{:=+8d}'.format(42), '{:c}'.format(65), '{0:{1}}'.format('a', 4) + '|')
print(f'{True:d}', f'{True}', f'{12:n}', f'{1.0:n}', f'{10**20:,}')
