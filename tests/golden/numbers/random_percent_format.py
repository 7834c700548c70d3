# Differential test of the numbers/exceptions area (docs/numbers.md); output recorded from CPython 3.14.
seed = 77
def rnd():
    global seed
    seed = (seed * 6364136223846793005 + 1442695040888963407) % (1 << 64)
    return seed
fmts = ['%e', '%.3e', '%f', '%.0f', '%#.0f', '%g', '%.3g', '%#g', '%G', '%E', '%10.2f', '%-10.3e|', '%+g', '% f', '%010.3f', '%.15g', '%.17g', '%r', '%s', '%d', '%i', '%x', '%o', '%.20f', '%#.3e', '%.1g']
for i in range(2000):
    r = rnd()
    v = (r % 100000 - 50000) / 10 ** ((r >> 5) % 10) * (10.0 ** ((r >> 9) % 60 - 30))
    if r % 37 == 0: v = -0.0
    if r % 41 == 0: v = float('inf')
    if r % 43 == 0: v = float('nan')
    f = fmts[(r >> 20) % len(fmts)]
    try:
        print(f, f % v)
    except Exception as e:
        print(f, 'EXC', type(e).__name__, e)
