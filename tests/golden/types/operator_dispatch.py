def t(src):
    try: print(repr(eval(src)))
    except Exception as e: print(src, "->", type(e).__name__, e)
for s in ["pow(2, 3, 5)", "pow(2, 'a', 5)", "pow(2, 3, 'a')", "divmod(7, 2)", "divmod(7, 'a')", "[1] * 3", "3 * [1]", "[1] * 'a'", "'a' * 2.5",
          "[1] + (2,)", "(1,) + [2]", "'a' + 1", "1 + 'a'", "[] < 1", "1 @ 2", "~1.5", "-'a'", "+[]", "abs('a')", "None + None",
          "1 << 'a'", "1 & 1.0", "1 | None", "1 ^ []", "5 // 'a'", "5 % None", "5 / []", "int('12')", "int(3.9)", "int([])", "float('1.5')", "float([])", "int(b'42')", "float(b'2.5')",
          "operator.index(True)", "operator.index(2.0)", "[1,2,3][True]", "{}[[]]", "len([1] * 2**62)", "[0][2**100]", "'abc'[2**100]"]:
    t(s)


x = [1]; x += (2, 3); print(x)
y = (1,); 
try: y += [2]
except TypeError as e: print(e)
class IM:
    def __imul__(self, o): return "imul"
z = IM(); z *= 3; print(z)
class NoI:
    def __mul__(self, o): return "mul"
w = NoI(); w *= 3; print(w)
a = 1
try: a += 'x'
except TypeError as e: print(e)
try: a **= 'x'
except TypeError as e: print(e)
try: a @= 1
except TypeError as e: print(e)
try: print >> 1
except TypeError as e: print(e)
