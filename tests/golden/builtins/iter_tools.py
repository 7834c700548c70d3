it = iter(range(3))
print(type(it).__name__, list(it))
it2 = iter('xyz')
print(next(it2), next(it2), next(it2), next(it2, '!'))
e = enumerate(['a', 'b'])
print(next(e), next(e), list(e))
z = zip('ab', 'cd', 'ef')
print(list(z), list(zip('abc', [1])))
m = map(lambda x: x * 10, range(3))
print(next(m), list(m))
f = filter(lambda s: s.isupper(), 'aBcDE')
print(''.join(f))
r = reversed([1, 2, 3])
print(next(r), list(r))
calls = []
def counted(x):
    calls.append(x)
    return x > 2
print(any(map(counted, [1, 2, 3, 4, 5])), calls)
rng = range(1, 20, 3)
print(rng, list(rng), rng[2], rng[-1], len(rng), 7 in rng, 8 in rng, rng.index(10), rng[1:3], list(rng[::-1]))
sent = [1, 2, 3]
class Sentinel:
    def __init__(self):
        self.i = 0
    def __call__(self):
        self.i += 1
        return self.i
print(list(iter(Sentinel(), 4)))
