class P:
    def __init__(self):
        self.name = 'p'
p = P()
print(p.name)
print(p.nmae)
