# Differential test of the numbers/exceptions area (docs/numbers.md); output recorded from CPython 3.14.
seed = 12345
def rnd():
    global seed
    seed = (seed * 6364136223846793005 + 1442695040888963407) % (1 << 64)
    return seed
out = []
specs = ['', 'e', 'f', 'g', '.3', '.0e', '.10g', '#.3g', '%', ',.2f', '_', '+.1e', '.17g', 'n', 'G', 'E', '.0f', '.1', '.15', '#']
for i in range(200):
    r = rnd()
    kind = r % 5
    if kind == 0:
        x = (r >> 3) / (1 << (r % 60))
    elif kind == 1:
        x = float.fromhex('0x1.%013xp%d' % (r >> 12, (r % 2100) - 1074))
    elif kind == 2:
        x = (r % 100000) / 10 ** (r % 12)
    elif kind == 3:
        x = -((r >> 20) * 1.0) ** ((r % 9) - 4)
    else:
        x = (r % 1000) * 10.0 ** ((r >> 40) % 600 - 300)
    s = specs[r % len(specs)]
    out.append(repr(x) + '|' + str(x) + '|' + format(x, s) + '|' + str(round(x, (r >> 8) % 20 - 5)) + '|' + str(hash(x)) + '|' + x.hex())
    n = (r >> (r % 50)) - (r >> 30)
    if r % 3 == 0: n = n ** ((r % 7) + 1)
    m = (rnd() >> (r % 60)) + 1
    out.append(' '.join(str(v) for v in (n // m, n % m, n / m, round(n, -(r % 30)), hash(n), n.bit_length(), n ^ m, n & -m, n | m, n >> (r % 70), format(n, ',' if r % 2 else '_x'), float(n) == n, n < float(n))))
for line in out:
    print(line)
