# String building: concatenation, join, f-strings, str methods.
def main():
    out = 0
    for rep in range(800):
        parts = []
        for i in range(2000):
            parts.append(f'{i}:{i * rep:>6}|')
        s = ''.join(parts)
        acc = ''
        for i in range(2000):
            acc += str(i % 10)
        words = s.split('|')
        out += len(s) + len(acc) + len(words) + len(s.upper()) + s.count('1')
    return out
print(main())
