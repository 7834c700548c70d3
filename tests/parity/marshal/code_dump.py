# Prints "<name> <hex> <hex2>" for marshal.dumps(compile(src, 'f.py', 'exec'))
# (version 5) and the same code in version 2 (no references, no interning
# marks: equal version-2 bytes mean equal code objects) for each
# source: the inline snippets below and the EXTRA list that
# tools/compare-marshal-code appends (file contents as literals: pyxx has no
# open() yet). Run under the reference and under pyxx.
import marshal

SNIPPETS = [
    ('assign', 'x = 1\n'),
    ('str_consts', 'a = "hello"\nb = "hello world"\nc = ("x", 1.5, None)\n'),
    ('func', 'def f(a, b=2, *c, d, **e):\n    return a + b\n'),
    ('closure', 'def outer():\n    v = []\n    def inner():\n        return v\n    return inner\n'),
    ('try', 'try:\n    x = 1 / 0\nexcept ZeroDivisionError as e:\n    y = e\nfinally:\n    z = 2\n'),
    ('class', 'class C:\n    a = 1\n    def m(self):\n        return [i * 2 for i in range(3)]\n'),
    ('loop', 'for i in range(10):\n    if i % 2:\n        continue\n    print(i)\nelse:\n    pass\n'),
    ('fstring', 's = f"{a!r:>{w}} {b}"\n'),
    ('genexp', 'g = (x * x for x in range(5) if x)\n'),
    ('async', 'async def g():\n    async with a as b:\n        await b\n'),
    ('big_consts', 'n = 2**100\nf = (1.5, -0.0, 1j)\nfs = x in {1, 2, 3}\n'),
    ('docstring', '"""Module doc."""\ndef f():\n    """Function doc."""\n'),
]

def main(extra):
  for name, src in SNIPPETS + extra:
    try:
        # Fresh code objects passed straight to dumps: a local variable would
        # be a borrowed reference in CPython 3.14 but an owned one in pyxx.
        print(name, marshal.dumps(compile(src, 'f.py', 'exec')).hex(),
              marshal.dumps(compile(src, 'f.py', 'exec'), 2).hex())
    except Exception as e:
        print(name, 'ERROR', type(e).__name__, e)


if __name__ == '__main__':
    main([])
