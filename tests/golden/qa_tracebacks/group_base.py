class E(Exception):
    def __repr__(self): return "E-repr"
raise BaseExceptionGroup("base", [E("x"), KeyboardInterrupt()])
