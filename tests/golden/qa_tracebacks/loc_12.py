s = [1, 2, 3]
print(s[1:"x"])
