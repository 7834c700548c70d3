# Constant de-duplication keys (CPython's _PyCode_ConstantKey): values that
# compare equal but differ in type, sign of zero or identity stay distinct.
a = 1000; b = 1000.0; c = 1000; d = 1000.0
z1 = 0.0; z2 = -0.0; z3 = 0.0; z4 = -0.0
t1 = (0,); t2 = (0.0,); t3 = (-0.0,); t4 = (False,); t5 = (0,); t6 = (-0.0,)
u1 = (1,); u2 = (1.0,); u3 = (True,); u4 = (1.0,); u5 = (True,)
n1 = ((0,),); n2 = ((0.0,),); n3 = ((False,),); n4 = ((0,),); n5 = ((-0.0, 0.0),); n6 = ((0.0, -0.0),)
m1 = (0, 0.0, -0.0, False, None, ...); m2 = (False, 0, 0.0, -0.0, ..., None); m3 = (0, 0.0, -0.0, False, None, ...)
s1 = 'a'; s2 = b'a'; s3 = ('a',); s4 = (b'a',); s5 = 'a'; s6 = b'a'; s7 = ''; s8 = b''; s9 = ()
c1 = 1j; c2 = 1j; c3 = 0j; c4 = -0j; c5 = 0j; c6 = -0j; c7 = (0j, 1j); c8 = (0j, 1j); c9 = (1.5+2j); c10 = 1.5+2j
nan1 = 1e309 - 1e309
nan2 = 1e309 - 1e309
inf1 = 1e309; inf2 = -1e309; inf3 = 1e309
nt1 = (1e309 - 1e309, 1)
nt2 = (1e309 - 1e309, 1)
big1 = 100000000000000000000; big2 = 10 ** 20; big3 = 100000000000000000000.0

def membership(x):
    r = []
    r.append(x in {1, 2, 3})
    r.append(x in {3, 2, 1})
    r.append(x in {1.0, 2, 3})
    r.append(x in {0, False, 5})
    r.append(x in {False, 0, 5})
    r.append(x in {(0,), (0.0,), 7})
    r.append(x in {-0.0, 8, 9})
    r.append(x in {0.0, 8, 9})
    r.append(x in (1, 2, 3))
    r.append(x in (1.0, 2, 3))
    r.append(x in (True, 2, 3))
    r.append(x not in {1, 2, 3})
    return r

def slices(s):
    return s[0:1], s[0.0:1], s[False:1], s[0:1], s[1:2], s[1.0:2], s[True:2], s[-0.0:3], s[0.0:3]

def dicts():
    d1 = {0: 'a', 0.0: 'b', False: 'c', 1: 'd', 1.0: 'e', True: 'f'}
    d2 = {0.0: 'a', 0: 'b', False: 'c', 1: 'd', 1.0: 'e', True: 'f'}
    d3 = {0: 'a', 0.0: 'b', False: 'c', 1: 'd', 1.0: 'e', True: 'f'}
    return d1, d2, d3

def f1():
    return 0.0, -0.0, 0.0, -0.0, (0.0, -0.0), (-0.0, 0.0), (0.0, -0.0)

def f2():
    x = [1000, 1000.0, 1000, 1000.0, True, 1, 1.0, 0j, -0j, 0.0, -0.0]
    y = (1000, 1000.0, True, False, 0, 0.0)
    return x, y, 'abc', b'abc', 'abc', b'abc', ('abc', b'abc'), (b'abc', 'abc')

def f3(x):
    if x == 0.0: return 1
    if x == -0.0: return 2
    if x == 0j: return 3
    if x == -0j: return 4
    if x == (0.0, -0.0): return 5
    if x == (-0.0, 0.0): return 6
    if x is None: return 7
    if x == 1e309 - 1e309: return 8
    return 1e309 - 1e309

g1 = lambda: 0
g2 = lambda: 0
g3 = (lambda: 0.0, lambda: -0.0, lambda: 0.0)
