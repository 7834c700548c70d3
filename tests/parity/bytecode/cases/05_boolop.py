a = 1
b = a and 2
c = a or 3
d = a and b or c
e = a if b else c
