samples = ['', 'a', "'", '"', '\'"', '\\', '\n\t\r', '\x00\x1f\x7f', '\x80\xff', 'é', '\u2028', '\U0001F600', 'tab\there', 'a\\b', "it's \"q\""]
for s in samples:
    print(repr(s), len(s), ascii(s))
print(repr(['a', "b'c", 'd"e']), repr(('x',)), repr({'k': 'v'}))
print(str('abc'), str(b'abc'), repr(b'\x00a\n\'"'), repr(b"'"), repr(bytearray(b'xy')))
