v = 3.14159
n = 1234567
s = "hi"
print(f"{v:.2f}|{v:10.3f}|{v:<10.1f}|{v:^10.2e}|{v:+.0f}|{-v: .2f}")
print(f"{n:,}|{n:_}|{n:_x}|{n:,.2f}|{n:>12,}|{n:012,}|{-n:012,}")
print(f"{n:x}|{n:X}|{n:#x}|{n:o}|{n:#o}|{n:b}|{n:#b}|{255:#010x}")
print(f"{s:>5}|{s:<5}|{s:^6}|{s:*^7}|{s:.1}|{s!r:>6}|{s!a}")
print(f"{0.1 + 0.2}|{1e16}|{1e-5}|{123456789012345678.0}|{1.0}|{-0.0}")
print(f"{v:g}|{1e20:g}|{1e-20:g}|{100000:g}|{1234567:g}|{0.0001:g}|{0.00001:G}")
print(f"{v:%}|{0.25:.1%}|{1/3:.3}|{2/3:.10g}|{1.5:e}|{1e100:.3e}")
print(f"{42:c}|{65:c}|{ord('x'):d}|{True}|{True:d}|{None!s}|{None!r}")
print(f"{'nested'!r:^{10}}|{v:{'.'}{3}f}|{n:{'>'}{10}}")
w = 8; p = 3
print(f"{v:{w}.{p}f}|{v:>{w}}|{'x':{'^'}{w}}")
print(f"{{literal}}|{{{n}}}|{'{'}")
print(f"{n = }|{v=:.1f}|{s = !r}|{1 + 1 = }")
print(f"{'a' 'b'}|{3!s:>4}|{[1, 2]}|{ {'k': 1}['k'] }")
print(f"{float('inf')}|{float('-inf'):>6}|{float('nan'):+}|{float('inf'):.2f}")
print(f"{12345.678:_.2f}|{0:b}|{-5:b}|{-255:#x}|{5:+d}|{5: d}|{-5: d}")
print(f"{1e6:.0f}|{2.5:.0f}|{3.5:.0f}|{0.125:.2f}|{0.375:.2f}|{1.005:.2f}")
print(f"{123.456:.5g}|{0.000123456:.3g}|{123456789:.3g}|{1.0:g}|{10.0:.0g}")
print(f"{3:=+5}|{-3:=5}|{3.5:=+8.2f}|{'x':=>3}")
print(f"{1234.5:n}|{1234:n}|{0.5:#.0f}|{5:#.0e}|{1.0:#g}")
print(f"{'abc':.0}|{'':>3}|{'é':^5}|{'漢字':>6}")
x = 10
print(f"{x:>{x}}|{x!r:{x}}")
print(f"{'multi' + 'ple'}" f" parts {x}")
try:
    f"{v:d}"
except ValueError as e:
    print(e)
try:
    f"{'s':d}"
except ValueError as e:
    print(e)
try:
    f"{n:s}"
except ValueError as e:
    print(e)
try:
    f"{v:,x}"
except ValueError as e:
    print(e)
try:
    f"{s:=5}"
except ValueError as e:
    print(e)
try:
    f"{n:.2d}"
except ValueError as e:
    print(e)
