def describe(x):
    match x:
        case 0:
            return 'zero'
        case 1 | 2:
            return 'one or two'
        case [a, b]:
            return f'pair {a} {b}'
        case {'k': v}:
            return f'dict with k={v}'
        case str() as s:
            return 'string ' + s
        case _:
            return 'other'
for v in [0, 2, [3, 4], {'k': 5}, 'hi', 3.5]:
    print(repr(v), describe(v))
