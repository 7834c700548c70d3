f = lambda x: 10 // x
print([f(x) for x in [5, 2, 1]])
print([f(x) for x in [1, 0]])
