"""Module docstring."""
def f():
    """Function docstring."""
    'not docstring'
class C:
    '''Class docstring.'''
x = "a" \
    "b"
