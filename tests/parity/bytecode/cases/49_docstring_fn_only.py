def f():
    """Doc
    more lines
        indented
    """
    pass
