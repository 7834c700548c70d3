# Closures and generators: calling inner functions, yielding, resuming.
def make_adder(k):
    def add(x):
        return x + k
    return add
def gen(n):
    i = 0
    while i < n:
        yield i
        i += 1
def main():
    adders = [make_adder(k) for k in range(10)]
    total = 0
    for rep in range(1000):
        for v in gen(5000):
            total += adders[v % 10](v)
    total += sum(x * 2 for x in range(5000000))
    return total
print(main())
