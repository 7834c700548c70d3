class A:
    x = 1
    def f(self):
        return self.x
class B(A):
    def __init__(self, y):
        super().__init__()
        self.y = y
