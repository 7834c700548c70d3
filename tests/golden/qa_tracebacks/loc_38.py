f = lambda: undefined_name
f()
