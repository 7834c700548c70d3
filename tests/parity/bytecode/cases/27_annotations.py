def f(a: int, b: str = 'x') -> bool:
    return True
x: int = 3
