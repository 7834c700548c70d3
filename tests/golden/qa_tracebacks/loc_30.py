n = None
for _ in n: pass
