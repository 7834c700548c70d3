print(list[int], dict[str, int], tuple[int, ...], type(list[int]).__name__)
print(list[int]([1, 2]), list[int] == list[int], list[int].__origin__, list[int].__args__)
print(list[int] | None, dict[str, list[int]], set[int]().__class__.__name__)
def f(x: list[int]) -> dict[str, int]: pass
print(f.__annotations__)
