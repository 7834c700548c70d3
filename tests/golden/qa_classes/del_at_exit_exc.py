class D:
    def __init__(self, n): self.n = n
    def __del__(self): print("del", self.n)
keep = D("global")
def boom():
    local = D("in frame")
    raise ValueError("uncaught")
boom()
