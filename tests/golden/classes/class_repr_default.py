class NoRepr:
    pass
class StrOnly:
    def __str__(self):
        return 'str-only'
class ReprOnly:
    def __repr__(self):
        return 'ReprOnly()'
s = StrOnly()
r = ReprOnly()
print(str(s), str(r), repr(r), [r], f'{s} {r}', '%s %r' % (s, r))
print(repr(NoRepr()).startswith('<__main__.NoRepr object at 0x'), str(NoRepr) , repr(int), repr(StrOnly))
print(type(NoRepr()), NoRepr.__name__, NoRepr.__module__)
print(type, type(type), object, type(object()).__name__)
