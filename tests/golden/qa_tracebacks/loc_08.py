class Ctx:
    def __enter__(self): raise RuntimeError("enter failed")
    def __exit__(self, *a): pass
with Ctx() as c:
    pass
