# A loop of small-int arithmetic, comparisons and local variable traffic.
def main(n):
    total = 0
    x = 1
    for i in range(n):
        x = (x * 31 + i) % 1000003
        if x & 1:
            total += x // 7
        else:
            total -= x % 13
    return total, x
print(main(8_000_000))
