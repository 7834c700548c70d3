import sys
try:
    raise KeyError("shown")
except KeyError as e:
    sys.excepthook(type(e), e, e.__traceback__)
    sys.__excepthook__(type(e), e, None)
print("continuing")
try:
    sys.excepthook(1, 2, 3)
except TypeError as e:
    print("TypeError:", e)
del sys.excepthook
raise ValueError("no hook")
