def make(n):
    return lambda x: x + n
fs = [lambda i=i: i for i in range(3)]
