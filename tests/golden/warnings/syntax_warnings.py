x = "\d"
print(x)
y = 1if 1 else 2
