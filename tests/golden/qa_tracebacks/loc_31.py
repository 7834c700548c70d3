def outer():
    def inner():
        raise KeyError("deep")
    return [inner() for _ in range(1)]
outer()
