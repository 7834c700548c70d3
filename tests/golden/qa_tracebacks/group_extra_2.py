inner = ExceptionGroup("inner", [ValueError(i) for i in range(3)])
outer = BaseExceptionGroup("outer", [inner, SystemExit(3), inner])
raise outer
