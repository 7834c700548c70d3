def key(v): return v.lower()
sorted(["a", 1, "b"], key=key)
