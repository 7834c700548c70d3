def f():
    raise 42
try:
    f()
except TypeError as e:
    print(e)
class NotExc:
    pass
try:
    raise NotExc
except TypeError as e:
    print(e)
try:
    raise ValueError from 5
except TypeError as e:
    print(e)
try:
    try:
        pass
    finally:
        raise
except RuntimeError as e:
    print(e)
raise KeyError("final")
