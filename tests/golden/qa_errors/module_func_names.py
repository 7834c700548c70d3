import sys
for f, a in [(sys.intern, ()), (sys.getrecursionlimit, (1,)), (sys.setrecursionlimit, ()), (sys.exit, (1, 2)), (len, ()), (sys.getrefcount, ()), ("".upper, (1,)), ([].append, ()), (sys.is_finalizing, (1,)), (sys.excepthook, ())]:
    try:
        f(*a)
    except TypeError as e:
        print(e)
