class M:
    def __init__(self, v):
        self.v = v
    def __matmul__(self, o):
        return M(self.v * o.v)
    def __rmatmul__(self, o):
        return M(o * self.v + 1)
    def __imatmul__(self, o):
        self.v = -self.v * o.v
        return self
    def __repr__(self):
        return 'M(%r)' % self.v
a = M(3)
b = M(4)
print(a @ b)
print(10 @ a)
a @= b
print(a)
print(divmod(17, 5), divmod(-17, 5), divmod(17, -5), divmod(-17, -5))
print(17 % 5, -17 % 5, 17 % -5, -17 % -5, 17 // 5, -17 // 5, 17 // -5, -17 // -5)
print(pow(2, 10), pow(2, 10, 1000), pow(-3, 3), pow(2, -1), pow(7, -1, 13))
print(round(7 / 2), round(-7 / 2), 7 // 2, int(7 / 2))
