t = 0
for i in range(10):
    t += i
for a, b in [(1, 2)]:
    if a:
        break
else:
    t = 1
