import sys
builtins = __builtins__
exec(compile("1 + 1", "s", "single"))
print(builtins._)
exec(compile("'abc'", "s", "single"))
exec(compile("None", "s", "single"))
print(repr(builtins._))
exec(compile("x = 5\n", "s", "single"))
exec(compile("[1, 2]; 3", "s", "single"))
print(sys.displayhook is sys.__displayhook__, sys.displayhook.__name__)
sys.displayhook(7)
sys.displayhook(None)
print(builtins._)
def hook(v):
    print("custom hook got", repr(v))
sys.displayhook = hook
exec(compile("42", "s", "single"))
sys.displayhook = sys.__displayhook__
exec(compile("for i in range(2): i\n", "s", "single"))
del sys.displayhook
try:
    exec(compile("1", "s", "single"))
except RuntimeError as e:
    print("RuntimeError:", e)
sys.displayhook = sys.__displayhook__
saved = sys.stdout
sys.stdout = None
try:
    sys.displayhook(1)
except RuntimeError as e:
    sys.stdout = saved
    print("RuntimeError:", e)
sys.stdout = saved
try:
    sys.displayhook()
except TypeError as e:
    print(e)
