# Building lists and dicts: append, comprehensions, dict stores and lookups.
def main():
    total = 0
    for rep in range(450):
        lst = []
        for i in range(10000):
            lst.append(i * rep)
        d = {}
        for i, v in enumerate(lst):
            d[i] = v
        squares = [v * v for v in lst if v % 3 == 0]
        index = {k: k % 97 for k in range(5000)}
        total += len(lst) + len(d) + len(squares) + index[4321] + d[9999] % 1000
    return total
print(main())
