x = "outer"
lst = [x for x in range(3)]
print(x, lst)
print([y for y in range(3)], 'y' in globals())
def f():
    z = 5
    return [z * i for i in range(3)], {i: z for i in range(2)}, {z + i for i in range(2)}
print(f())
def walrus():
    data = [1, 5, 2, 8]
    if any((big := v) > 4 for v in data):
        print("first big", big)
    vals = [last := v for v in data]
    return last, vals
print(walrus())
print([(i, j) for i in range(3) if i for j in range(i) if j != 1])
matrix = [[1, 2], [3, 4]]
print([c for row in matrix for c in row], [[r[i] for r in matrix] for i in range(2)])
def uses_outer():
    n = 3
    return [[n * a for a in range(b)] for b in range(n)]
print(uses_outer())
try:
    [undefined_thing for _ in range(1)]
except NameError as e:
    print(e)
k = 100
print({k: v for k, v in [(1, 2)]}, k)
def gen_scope():
    t = 2
    return list(t * q for q in range(3))
print(gen_scope())
i = "I"
print([i for i in "ab"], i)
print([(lambda: w)() for w in range(2)])
