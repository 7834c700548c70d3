class P:
    x: int
    y: str = "a"
    def f(self) -> int:
        return 1
