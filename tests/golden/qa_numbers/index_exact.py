print(range(True), range(False, True), range(0, 5, True))
class I(int): pass
print(repr(range(I(3))), type(range(I(3)).stop).__name__)
print(type(int(I(3))).__name__, type(int(True)).__name__)
print([1,2,3][True], "abc"[I(1)], list(range(10))[I(1):I(3)])
s = slice(True, I(3)); print(s, s.indices(5))
print(type(round(I(3))).__name__, type(abs(I(-3))).__name__, type(+I(3)).__name__, type(-I(3)).__name__)
print(type(I(3).__index__()).__name__, type(True.__index__()).__name__)
print(bin(I(5)), hex(True), oct(I(8)))
import sys
print(type(sys.maxsize.__index__()).__name__)
print(divmod(True, 2), pow(True, 2), type(pow(I(2), 2)).__name__)
