if a:
    pass
elif b:
    pass
elif c:
    x = 1
else:
    y = 2
while x:
    break
else:
    continue
for i in range(10):
    if i: continue
else:
    pass
for a, b in items: pass
for (a, *b) in c: pass
if x: pass
else:
    if y: pass
