print(list[int], dict[str, int], tuple[int, ...], type(list[int]).__name__)
print(list[int]([1, 2]), list[int] == list[int], list[int].__origin__, list[int].__args__)
print(dict[str, list[int]], set[int]().__class__.__name__)
def f(x: list[int]) -> dict[str, int]: pass
print(f.__annotations__)
print(tuple[()], list[...], list[f], list[None], type[int], frozenset[int], enumerate[int])
print(hash(list[int]) == hash(list[int]), list[int] != list[str])
GA = type(list[int])
print(GA(list, int), GA(dict, (str, int)), GA(list, int).__args__)
try: GA(list)
except TypeError as e: print(e)
try: isinstance([], list[int])
except TypeError as e: print(e)
try: issubclass(list, list[int])
except TypeError as e: print(e)
class C(list[int]): pass
print(C.__mro__, C.__orig_bases__)
print(list[int].append, list[int].__mro_entries__((1,)))
print(list[int].__reduce__())
print([*tuple[int]], (*tuple[int, str],)[0].__unpacked__, list[int].__unpacked__)
class G:
    def __init__(self, *a): self.a = a
x = GA(G, int)(1, 2)
print(x.__orig_class__, x.a)
def gen[T, U](): return (T, U)
T, U = gen()
print(list[T].__parameters__, dict[T, list[U]].__parameters__, list[T][int], dict[T, list[U]][str, bytes])
try: list[T][int, str]
except TypeError as e: print(e)
try: list[int][int]
except TypeError as e: print(e)
print(list[T].__typing_unpacked_tuple_args__, (*tuple[int],)[0].__typing_unpacked_tuple_args__)
print(list[int].__class__, list[int].__bases__ if hasattr(list[int], '__bases__') else None)
print(repr(list[list[int]]), tuple[int][0] if False else '')
print(list[[int, str]])
print('__origin__' in dir(list[int]), 'append' in dir(list[int]))
print(int | int, type(int|str), int | None | str, (int|str) == (str|int), hash(int|str)==hash(str|int), (int|str).__args__, None|int, list[int]|int|list[int])
print(isinstance(1, int|str), issubclass(bool, int|None), (int|str).__origin__, isinstance("a", int|None))
def g2[T](): return T
T = g2()
try: isinstance(1, list[int]|str)
except TypeError as e: print(e)
try: int | 3
except TypeError as e: print(e)
print(list[T] | None, (list[T] | None).__parameters__, (list[T] | None)[int])
print(int | str | (bytes | float), (int|str) != (int|bytes), int | list[int] == int | list[int])
try:
    class X(int | str): pass
except TypeError as e: print(e)
print(type(int|str).__name__, type(int|str).__qualname__)
# pickling protocol and unpacking
print(type(list[int]).__reduce__(dict[str, int]))
a = (*tuple[int, str],)[0]
print(a, a.__reduce__()[0] is next, next(a.__reduce__()[1][0]) == a)
print(list[int].__parameters__, tuple[int, ...].__args__, dict[str, T].__parameters__)
print(list[int] == list, list[int] == list[str], tuple[int] == tuple[int])
print(type[int], type[int].__origin__ is type, repr(list[list[list[int]]]))
try: list[int].nonexistent
except AttributeError as e: print(e)
