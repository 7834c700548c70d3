-c "def f():
    raise ValueError(42)
f()"
