# Differential test of the numbers/exceptions area (docs/numbers.md); output recorded from CPython 3.14.
seed = 999
def rnd():
    global seed
    seed = (seed * 6364136223846793005 + 1442695040888963407) % (1 << 64)
    return seed
def t(f):
    try:
        return repr(f())
    except BaseException as e:
        return 'EXC %s %s' % (type(e).__name__, e)
chars = '0123456789_ +-xXoObBjJeE.abcdefinINFnaty()\t'
for i in range(300):
    r = rnd()
    s = ''.join(chars[(rnd() >> 7) % len(chars)] for _ in range(r % 8 + 1))
    base = [0, 2, 8, 10, 16, 36][r % 6]
    print(repr(s), t(lambda: int(s, base)), t(lambda: float(s)), t(lambda: complex(s)))
for i in range(150):
    a = rnd() >> (rnd() % 64); b = (rnd() >> (rnd() % 64)) + 1
    if rnd() % 2: a = a * rnd() * rnd()
    if rnd() % 3 == 0: b = b * rnd() ** 3
    if rnd() % 2: a = -a
    print(t(lambda: a / b), t(lambda: b / a), t(lambda: float(a)), t(lambda: a == float(a)), t(lambda: pow(a, 3, b)), t(lambda: pow(a % 1000 + 1, -1, b)))
    x = complex((rnd() % 2000 - 1000) / 7, (rnd() % 2000 - 1000) / 3)
    y = complex((rnd() % 20 - 10) / 4, (rnd() % 20 - 10) / 8)
    print(t(lambda: x * y), t(lambda: x / y), t(lambda: x ** y), t(lambda: x ** 3), t(lambda: abs(x)), t(lambda: hash(x)), t(lambda: format(x, '.3g')), t(lambda: format(y, '')), t(lambda: y ** -2))
