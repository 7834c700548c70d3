parts = []
for i in range(10):
    parts.append(str(i) * (i % 3 + 1))
print(parts)
print(''.join(parts))
s = ''
for w in ['the', 'quick', 'brown', 'fox']:
    s += w.upper()[0] + w[1:] + ' '
print(repr(s), repr(s.strip()))
words = 'the quick brown fox jumps over the lazy dog'.split()
print(len(words), sorted(words), sorted(words, key=len), sorted(set(words)))
counts = {}
for c in 'mississippi':
    counts[c] = counts.get(c, 0) + 1
print(counts)
print(' '.join(w[::-1] for w in words))
print('-' * 20)
print('|'.join(f'{w:^7}' for w in words[:4]))
rows = [('apple', 3, 1.5), ('kiwi', 12, 0.25), ('banana', 100, 10.0)]
for name, qty, price in rows:
    print(f'{name:<8}{qty:>5}{price:>8.2f}')
print('%-8s|%5s' % ('a', 'b'))
