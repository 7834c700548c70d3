def nested_closure():
    return [lambda: i for i in range(3)]
print([g() for g in nested_closure()])
fs = [lambda: j * 10 for j in range(3)]
print([g() for g in fs])
def both():
    k = "outer k"
    fs = [lambda: k for k in "ab"]
    return [f() for f in fs], k
print(both())
