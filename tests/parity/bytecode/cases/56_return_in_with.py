def f(lock, items):
    with lock:
        for x in items:
            if x:
                return x
    return None
