data = [1, 2, 3]
print([x for x in data if x / (x - 2)])
