# Raising and catching exceptions in a loop, plus try/finally overhead.
class Miss(Exception):
    pass
def lookup(d, k):
    try:
        return d[k]
    except KeyError:
        raise Miss(k)
def main():
    d = {i: i * 2 for i in range(0, 1000, 2)}
    hits = misses = 0
    for rep in range(3000):
        for k in range(1000):
            try:
                hits += lookup(d, k)
            except Miss:
                misses += 1
            finally:
                hits += 1
    return hits, misses
print(main())
