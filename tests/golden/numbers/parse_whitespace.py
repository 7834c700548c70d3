# Differential test of the numbers area (docs/numbers.md): which white space int()/float()/complex() accept.
def t(f):
    try: return repr(f())
    except Exception as e: return 'EXC %s %s' % (type(e).__name__, e)
for s in ['\x1c12', '12\x1f', '\x0b12\x0c', '\x8512', '\xa012', '\u200b12', '\u300012']:
    print(repr(s), t(lambda: int(s)), t(lambda: float(s)), t(lambda: complex(s)))
    try:
        b = s.encode('latin-1')
    except Exception:
        continue
    print(repr(b), t(lambda: int(b)), t(lambda: float(b)))
