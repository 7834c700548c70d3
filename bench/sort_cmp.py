# Sorting with keys, tuples and comparisons of mixed built-in values.
def main():
    seed = 12345
    data = []
    for i in range(300000):
        seed = (seed * 1103515245 + 12345) & 0x7fffffff
        data.append((seed % 1000, f'k{seed % 977}', seed))
    a = sorted(data)
    b = sorted(data, key=lambda t: (t[1], -t[0]))
    c = sorted([t[2] for t in data], reverse=True)
    return a[0], a[-1], b[0], b[-1], c[:3]
print(main())
