try:
    print(undefined_thing)
except NameError as e:
    print(type(e).__name__, e)
def f():
    return missing_global
try:
    f()
except NameError as e:
    print(type(e).__name__, e)
def g():
    v = v + 1
try:
    g()
except UnboundLocalError as e:
    print(type(e).__name__, e)
try:
    prnt('typo')
except NameError as e:
    print(type(e).__name__, e)
try:
    del nothing_here
except NameError as e:
    print(type(e).__name__, e)
