try:
    raise ExceptionGroup("first", [ValueError("a")])
except ExceptionGroup as g:
    raise RuntimeError("after group")
