# The marshal module object: attributes, docstrings and signatures.
import marshal

print(marshal.version, marshal.__name__)
print(sorted(n for n in dir(marshal) if not n.startswith('__')))
print(marshal.__doc__)
for name in ('dump', 'load', 'dumps', 'loads'):
    f = getattr(marshal, name)
    print(name, f.__text_signature__)
    print(f.__doc__)
print(type(marshal.dumps).__name__, marshal.dumps.__self__ is marshal)
