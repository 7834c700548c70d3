"""Module doc."""
def f():
    """Function doc."""
    return 1
class K:
    """Class doc."""
