with a: pass
with a as b: pass
with a as (b, c), d as e[0]: pass
with (a as b, c as d): pass
with (a, b,): pass
with (a): pass
with (yield): pass
with open(f) as fh, lock:
    fh.read()
