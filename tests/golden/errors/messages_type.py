NONE = None
FIVE = 5
S = 'abc'
F = 1.5
L = []
cases = [
    lambda: 1 + 'a',
    lambda: 'a' + 1,
    lambda: [1] + (1,),
    lambda: 'a' * 'b',
    lambda: 1 < 'a',
    lambda: NONE(),
    lambda: FIVE(),
    lambda: len(1),
    lambda: int([]),
    lambda: {}[[]],
    lambda: {[1]},
    lambda: -'a',
    lambda: (lambda a: a)(),
    lambda: (lambda a: a)(1, 2),
    lambda: (lambda a: a)(b=1),
    lambda: (lambda *, k: k)(1),
    lambda: sorted(1),
    lambda: S[F],
    lambda: L[NONE],
    lambda: iter(5),
    lambda: next([]),
    lambda: abs('x'),
    lambda: 'x'.join([1, 2]),
    lambda: ord('ab'),
    lambda: sum(['a', 'b']),
    lambda: 2 ** 'x',
    lambda: divmod('a', 1),
    lambda: isinstance(1, 2),
    lambda: tuple(1),
    lambda: 'a' in 5,
]
for c in cases:
    try:
        c()
        print('no error?')
    except TypeError as e:
        print(type(e).__name__, e)
