for i in range(10):
    try:
        if i: break
    finally:
        continue
else:
    pass
while x:
    x -= 1
