class A:
    __slots__ = ("a",)
A().b = 1
