name = 'World'
n = 42
x = 3.14159
print(f'Hello, {name}!')
print(f'{n} {n + 1} {n * 2} {x}')
print(f'{name!r} {name!s} {name!a} {"é"!a}')
print(f'{{literal}} {n}')
print(f'{n=}', f'{x=:.2f}', f'{name = }', f'{n + 1=}')
print(f'{"nested"} {f"{n}"}')
lst = [1, 2, 3]
d = {'k': 'v'}
print(f'{lst} {lst[0]} {d["k"]} {len(lst)}')
print(f'{lst!r:>15}|')
print(f'multi {n}'
      f' line {x:.1f}')
print(F'upper {n}', rf'raw \n {n}', fr'raw2 \t')
w = 10
p = 3
print(f'{x:{w}.{p}f}|', f'{name:>{w}}|')
print(f'{n if n > 40 else -n}', f'{(lambda a: a * 2)(3)}')
print(f'{3.0}', f'{1e20}', f'{None}', f'{True}', f'{[1, "a"]}')
class C:
    def __format__(self, spec):
        return 'C<' + spec + '>'
    def __repr__(self):
        return 'C()'
    def __str__(self):
        return 'c-str'
print(f'{C()} {C():abc} {C()!r} {C()!s}')
