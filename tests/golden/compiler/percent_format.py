# '%'-formatting with a literal format and a tuple is compiled to f-string code:
# results (and errors) must be those of str.__mod__.
class R:
    def __repr__(self):
        return "R<é>"

    def __str__(self):
        return "str-of-R"


vals = ["ab", 12, 3.5, R(), None, (1, 2), [1], "ünï"]
for v in vals:
    print('[%s]' % (v,), '[%r]' % (v,), '[%a]' % (v,))
    print('[%8s]' % (v,), '[%-8s]' % (v,), '[%.2s]' % (v,), '[%8.3r]' % (v,), '[%-6.1a]' % (v,))
    print('[%05s]' % (v,), '[%+s]' % (v,), '[% s]' % (v,), '[%#s]' % (v,), '[%-010s|]' % (v,))
print('%r:  %-30s %s' % ("key", "value", 3))
print('%s%%%s' % (1, 2), '100%% %s' % ('done',))
for bad in [lambda: '%s %s' % (1,), lambda: '%s' % (1, 2), lambda: '%d %s' % ('x', 1), lambda: '%*s' % (3, 'x')]:
    try:
        print(bad())
    except TypeError as e:
        print("TypeError:", e)
