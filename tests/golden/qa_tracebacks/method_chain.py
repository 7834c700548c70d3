class Box:
    def __init__(self, v):
        self.v = v
    def get(self):
        return self.v
    def div(self, other):
        return Box(self.v / other.get())

b = Box(1)
z = Box(0)
print(b.div(Box(2)).get())
result = b.div(Box(4)).div(z).get()
