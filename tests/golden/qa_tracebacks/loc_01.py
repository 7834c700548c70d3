def deco(f):
    raise ValueError("in decorator")
@deco
def g(): pass
