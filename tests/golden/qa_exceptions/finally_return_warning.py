def g():
    try:
        return "try"
    finally:
        return "finally"
print(g())
def ret_override():
    try:
        raise ValueError("lost")
    finally:
        return "swallowed"
print(ret_override())
def brk():
    for i in range(3):
        try:
            raise KeyError(i)
        finally:
            break
    return i
print(brk())
