def f(a, b): return a.upper() + b.upper()
print(f("a", None))
