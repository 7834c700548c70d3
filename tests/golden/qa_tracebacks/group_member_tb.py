try:
    raise ValueError("inner")
except ValueError as e:
    eg = ExceptionGroup("wrapped", [e, KeyError("k")])
raise eg
