raise IndentationError("indent msg", ("f.py", 1, 1, "x", 1, 2))
