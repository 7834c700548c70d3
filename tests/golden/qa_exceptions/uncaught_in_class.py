class Widget:
    def __init__(self, size):
        self.size = size
        self.area = self.compute()

    def compute(self):
        return self.size ** 2 / self.divisor()

    def divisor(self):
        return self.size - 3

widgets = [Widget(n) for n in (1, 2)]
print([w.area for w in widgets])
Widget(3)
