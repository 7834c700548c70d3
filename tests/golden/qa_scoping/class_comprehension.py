x = "module"
class A:
    x = "class"
    z = [x for _ in range(1)]
    g = list(x for _ in range(1))
print(A.z, A.g)
class B:
    vals = [1, 2, 3]
    try:
        sums = [v + len(vals) for v in vals]
    except NameError as e:
        err = str(e)
print(getattr(B, 'sums', None), getattr(B, 'err', None))
