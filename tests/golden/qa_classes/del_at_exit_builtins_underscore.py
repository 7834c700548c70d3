import sys
class D:
    def __init__(self, n): self.n = n
    def __del__(self): print("del", self.n)
    def __repr__(self): return "D(%r)" % self.n
exec(compile("D('displayed')", "s", "single"))
g = D("global")
print("end")
