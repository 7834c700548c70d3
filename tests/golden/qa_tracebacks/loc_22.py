xs = list(range(3))
print(xs[0] + xs[1] + xs[2] + xs[3])
