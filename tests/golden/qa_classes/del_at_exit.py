class D:
    def __init__(self, n): self.n = n
    def __del__(self): print("del", self.n)
a = D(1)
b = D(2)
_private = D("underscore")
def f():
    x = D("local")
f()
e = D("e")
b = None
print("end of script")
