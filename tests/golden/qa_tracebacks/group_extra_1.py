class BadStr(Exception):
    def __str__(self): raise RuntimeError("no str")
e1 = ValueError("multi\nline message")
e1.add_note("note line 1\nnote line 2")
e2 = KeyError("k")
e2.__notes__ = "not a list"
e3 = BadStr()
try:
    raise TypeError("ctx")
except TypeError as c:
    e4 = OSError("with context")
    e4.__context__ = c
raise ExceptionGroup("mixed\nmessage", [e1, e2, e3, e4])
