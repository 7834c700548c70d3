# Differential test of the numbers/exceptions area (docs/numbers.md); output recorded from CPython 3.14.
seed = 4242
def rnd():
    global seed
    seed = (seed * 6364136223846793005 + 1442695040888963407) % (1 << 64)
    return seed
def t(f):
    try:
        return repr(f())
    except BaseException as e:
        return 'EXC %s %s' % (type(e).__name__, e)
fills = ['', '*', '0', 'x', '\u00e9', '\U0001f600']
aligns = ['', '<', '>', '^', '=']
signs = ['', '+', '-', ' ']
types_i = ['', 'b', 'c', 'd', 'o', 'x', 'X', 'n', 'e', 'f', 'g', '%', 's', 'E']
types_f = ['', 'e', 'E', 'f', 'F', 'g', 'G', 'n', '%', 'd']
for i in range(1500):
    r = rnd()
    a = aligns[r % 5]
    spec = (fills[(r >> 3) % 6] if a else '') + a + signs[(r >> 6) % 4] + ('z' if (r >> 8) % 7 == 0 else '') + ('#' if (r >> 9) % 3 == 0 else '') + ('0' if (r >> 11) % 4 == 0 else '') + (str((r >> 13) % 25) if (r >> 18) % 2 else '') + [',', '_', ''][(r >> 19) % 3] + ('.' + str((r >> 21) % 12) if (r >> 25) % 2 else '')
    if (r >> 26) % 2:
        spec += types_i[(r >> 27) % len(types_i)]
        v = (rnd() >> (rnd() % 64)) * (-1 if r % 2 else 1)
    else:
        spec += types_f[(r >> 27) % len(types_f)]
        v = (rnd() % 100000 - 50000) / 10 ** ((rnd() >> 5) % 10) * (10.0 ** ((rnd() >> 9) % 40 - 20))
        if r % 97 == 0: v = -0.0
        if r % 89 == 0: v = float('nan')
        if r % 83 == 0: v = float('-inf')
    if r % 11 == 0:
        v = complex(v, -v / 3)
        spec = spec.replace('%', '').replace('d', '')
    print(repr(spec), t(lambda: format(v, spec)))
