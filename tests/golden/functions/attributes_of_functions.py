def documented(a, b):
    """Adds two things."""
    return a + b
print(documented.__doc__, documented.__name__, documented.__qualname__)
def outer():
    def inner():
        pass
    return inner
print(outer().__qualname__, outer().__name__)
documented.custom = 'attr'
print(documented.custom, getattr(documented, 'custom'), hasattr(documented, 'nope'))
print(callable(documented), callable(1), callable(len), callable(int))
def annotated(x: int, y: 'str' = 'd') -> bool:
    return True
print(annotated.__annotations__)
print(type(documented).__name__, type(len).__name__)
print(len.__name__, repr(len), print.__name__)
