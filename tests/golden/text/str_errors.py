# Golden test of the text area (str/bytes); expected output recorded from CPython 3.14.
tests = r"""
'a'.find()
'a'.find(1)
'a'.find('a',1,2,3)
'a'.find('a','x')
'a'.startswith(1)
'a'.startswith((1,))
'a'.split(1)
'a'.split('')
'a'.join([1])
'a'.join(1)
'a'.replace(1,'')
'a'.center()
'a'.center(1,'ab')
'a'.center(1,1)
'a'.strip(1)
'a'.index('b')
'a'.rindex('b')
'a'.zfill('a')
'a'.expandtabs('x')
'a'.partition('')
'a'.partition(1)
'a'.removeprefix(1)
'a'.translate(1)
str.maketrans(1)
str.maketrans('a','bc')
str.maketrans({'ab':1})
str.maketrans({1.5:1})
'a'.translate({97:1.5})
'a'.encode(1)
'a'.encode('x')
'\ud800'.encode()
'a'.count()
'a'*'a'
'a'+1
1 in 'a'
'a'[1]
'a'.lower(1)
'a'.ljust(2**70)
'abc'.split(maxsplit='x')
'a'.format_map(1)
'{'.format()
'}'.format()
'{0'.format(1)
'{0!x}'.format(1)
'{}{0}'.format(1)
'{0}{}'.format(1,2)
'{a}'.format()
'{1}'.format(1)
'{0.x}'.format(1)
'{0[x]}'.format([])
'{0[}'.format(1)
'{!r}'.format()
'{0!}'.format(1)
'{0!rr}'.format(1)
'{:{:{}}}'.format(1,2,3)
'%d' % 'x'
'%s %s' % (1,)
'%s' % (1,2)
'%(a)s' % 1
'%(a)s' % {}
'%z' % 1
'%c' % 'ab'
'%c' % 2**30
'%x' % 1.5
'%d' % 1.5
'%*d' % ('a',1)
'%' % ()
'%(a' % {}
'%.*f' % ('x',1)
format('a','+')
format('a','=5')
format('a','d')
format('a',',')
format('a','#')
format('a','z')
format('a','05')
str(b'a','zz')
str(1,'utf-8')
str('a','utf-8')
str(b'\xff','utf-8')
str(b'\xff', errors='zz')
b'\xff'.decode('utf-8','zz')
'a'.encode(errors='zz')
'\xff'.encode('ascii','zz')
'%05f' % float('inf')
'%f' % 'x'
'%-05d|' % 3
'%+s' % 'a'
'%#x %#X %#o' % (255,255,8)
'%.3d' % -5
'%+.3d' % 5
'%08.3f' % -1.5
'% d' % 5
'%5s|%-5s|%.1s' % ('ab','cd','xyz')
'%c%c' % (65, 'b')
'%r %a' % ('é','é')
'%(a)s %(b)r' % {'a':1,'b':'x'}
'%s' % {'a':1}
'%d' % True
'%x' % -255
'%e' % 1
'%g' % 1e20
'%#g' % 1.0
'%10.4e|' % 3.14159
'%i' % 3.9
'%u' % -3
'%*s|' % (-5,'a')
'%.*s' % (2,'abc')
'%s %%' % 1
'%5%|' % ()
'%5%|' % (1,)
'%d' % '1'
'%o' % 1.0
'%c' % -1
'%c' % 1.5
'%(a)s %s' % {'a':1}
'%s' % ()
'%s' % []
'%F' % float('nan')
'%.0f' % 2.5
'%x' % 2**70
'%d' % 2**70
'%s' % (1,)
'abc' % ()
'abc' % 5
'abc' % {'a':1}
'abc' % []
'%a' % '\x00'
'%4c|' % 'x'
'%-4c|' % 120
'%05s' % 'a'
'%.2s' % 'é\u1234x'
'%05.3d' % 5
'%#05x' % 255
'% 05.1f' % 2.25
'%#.0f' % 2
"""
for t in tests.strip().split('\n'):
    try:
        r = eval(t)
        print(t, '->', repr(r))
    except Exception as e:
        print(t, '!!', type(e).__name__, e)
