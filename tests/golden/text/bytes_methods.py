# Golden test of the text area (str/bytes); expected output recorded from CPython 3.14.
tests = r"""
bytes(-1)
bytes([256])
bytes(['a'])
bytes('a')
bytes('a','utf-8')
bytes(1.5)
bytes(b'a','utf-8')
bytes(x=1)
bytes(3)
bytes(range(3))
b'a'+'a'
b'a'+1
b'a'*1.5
b'a'[5]
'a' in b'a'
300 in b'a'
b'a'.find('a')
b'a'.find(300)
b'a'.split('a')
b'a'.join(['a'])
b'a'.join([1])
b'a'.decode('x')
b'\xff'.decode()
b'\xff'.decode('ascii')
bytes.fromhex('zz')
bytes.fromhex('a')
bytes.fromhex('aa bb')
bytes.fromhex(1)
b'abc'.hex(':')
b'abc'.hex(':',2)
b'abcdef'.hex(':',-2)
b'abcdefg'.hex('-',3)
b'a'.strip('a')
b'a'.replace('a','b')
b'a'.startswith('a')
b'a'.center(3,'x')
b'a'.center(3,b'xx')
b'a'.translate(b'x')
bytes.maketrans(b'a',b'bc')
b'a'.index(b'b')
b'%s %d' % (b'x', 3)
b'%s' % 'x'
b'%r' % 1
repr(b'\'"\x00\x7f\x80\t\n\r')
repr(b'\'')
b'a' < 'a'
b'a' == 'a'
b'ab'.count(b'')
list(iter(b'ab'))
b'a'.partition('a')
b'a'.removeprefix('a')
b'abc'.split(maxsplit=1)
b'a,b'.split(b',', 1)
b'a'.zfill(3)
b'Ab'.swapcase()
b'ab cd'.title()
b'a'.isalnum()
hash(b'abc')
b'x'.__getnewargs__()
type(iter(b'')).__name__
b'abc'.decode('utf-8','backslashreplace')
b'a'.ljust(3, 'x')
b'a'.expandtabs()
b'a\tb'.expandtabs(4)
b'a\nb\r\nc'.splitlines(True)
b'a'.capitalize()
b'a'.isascii()
b'%x %c %c' % (255, 65, b'z')
b'%(a)s' % {b'a': b'1'}
b' a b '.split()
b' a b '.rsplit(None, 1)
b'a,b,c'.rsplit(b',', 1)
b'abc'[::-1]
b'abc'[1:]
b'abcabc'.rfind(b'b')
b'abcabc'.replace(b'b', b'XX', 1)
b'abc'.replace(b'', b'-')
b'\xe2\x82'.decode('utf-8', 'replace')
b'\xe2\x28\xa1'.decode('utf-8', 'replace')
b'\xff\xfe'.decode('utf-8', 'surrogateescape')
b'a\xffb'.decode('utf-8', 'ignore')
b'a\xffb'.decode('latin-1')
b'a\xffb'.decode('ascii', 'replace')
'\udcff'.encode('utf-8', 'surrogateescape')
'\ud800\udc00x'.encode('utf-8')
'\ud800'.encode('utf-8', 'surrogatepass')
b'\xed\xa0\x80'.decode('utf-8', 'surrogatepass')
'héllo'.encode('ascii', 'xmlcharrefreplace')
'héllo'.encode('ascii', 'backslashreplace')
'héllo\u1234\U0001f600'.encode('latin-1', 'replace')
'héllo'.encode('latin-1')
'h\u1234'.encode('latin-1')
'h\u1234llo'.encode('ascii')
b'%5s|%-5b|' % (b'ab', b'c')
b'%.1s' % b'xyz'
b'%a' % 'é'
b'%05d' % 3
b'%s %s' % (b'a',)
bytes(b'abc')
bytes([1,2,3])
bytes((x for x in range(3)))
b'abc' * 3
3 * b'ab'
b'abc' < b'abd'
b'abc' >= b'ab'
b'a' in b'abc'
97 in b'abc'
len(b'abc')
b'abc'.upper().lower()
b'  x  '.strip()
b'xxaxx'.strip(b'x')
b'abc'.endswith((b'c', b'd'))
b'abc'.startswith(b'b', 1)
b'a b'.title().istitle()
b'ABC'.isupper()
b'abc'.islower()
b'123'.isdigit()
b' \t'.isspace()
bytes.fromhex('0A0b')
b'abc'.hex()
"""
for t in tests.strip().split('\n'):
    try:
        r = eval(t)
        print(t, '->', repr(r))
    except Exception as e:
        print(t, '!!', type(e).__name__, e)
