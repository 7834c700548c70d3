def f(p):
    with open(p) as fh:
        return fh.read()
def g(a, b):
    with a, b as c:
        pass
