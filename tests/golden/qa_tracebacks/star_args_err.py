def pair(a, b):
    return a, b
args = [1, 2, 3]
print(pair(*args[:2]))
pair(*args)
