s = '  Hello, World  '
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()), repr('xxhixx'.strip('x')))
t = 'Hello, World'
print(t.upper(), t.lower(), t.swapcase(), t.title(), 'hello world'.capitalize(), 'ß'.upper())
print(t.startswith('Hell'), t.endswith('ld'), t.startswith(('a', 'H')), t.find('o'), t.rfind('o'), t.find('z'), t.index('W'), t.count('l'))
print(t.replace('l', 'L'), t.replace('l', 'L', 1), t.split(', '), 'a b  c'.split(), 'a,b,,c'.split(','), 'a b c'.split(' ', 1), 'a b c'.rsplit(' ', 1))
print('line1\nline2\r\nline3'.splitlines(), 'x\ny\n'.splitlines(True))
print(', '.join(['a', 'b', 'c']), ''.join(reversed('abc')), '+'.join(str(i) for i in range(4)))
print('abc'.isalpha(), '123'.isdigit(), 'a1'.isalnum(), '   '.isspace(), 'Abc'.istitle(), 'abc'.islower(), 'ABC'.isupper(), ''.isalpha(), '12'.isdecimal(), 'x_1'.isidentifier())
print('ab'.center(6, '*'), 'ab'.ljust(5, '.'), 'ab'.rjust(5), '42'.zfill(5), '-42'.zfill(5))
print('a-b-c'.partition('-'), 'a-b-c'.rpartition('-'), 'abc'.partition('z'))
print('tab\tsep'.expandtabs(4), 'hello'.removeprefix('he'), 'hello'.removesuffix('lo'))
print('%s' % 'x', 'abc'.encode(), b'abc'.decode(), 'é'.encode('utf-8'), len('é'), len('é'.encode()))
print('{} and {}'.format('a', 'b'), '{1}{0}'.format('x', 'y'), '{name}!'.format(name='n'), '{:>5}|{:<5}|{:^5}'.format(1, 2, 3))
print(str.maketrans('ab', 'xy'), 'aabbcc'.translate(str.maketrans('ab', 'xy')))
print('Mississippi'.count('ss'), 'abc' * 2, 'abc'.index('c'), 'a'.join('xyz'))
try:
    'abc'.index('z')
except ValueError as e:
    print('ValueError:', e)
