eg = ExceptionGroup("outer", [ExceptionGroup("nested", [ValueError(1)]), RuntimeError(2)])
print(repr(eg), str(eg), eg.exceptions)
m, r = eg.split(ValueError)
print(repr(m), repr(r))
print(repr(eg.subgroup(RuntimeError)))
raise eg
