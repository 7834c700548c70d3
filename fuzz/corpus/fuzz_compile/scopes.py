def outer():
    x = 1
    class C:
        x = 2
        def m(self):
            nonlocal x
            return [x for _ in range(3)], super().m, __class__
    return C
