def divide(a, b):
    try:
        r = a / b
    except ZeroDivisionError:
        print('cannot divide', a, 'by zero')
        return None
    except TypeError as e:
        print('type problem:', e)
        return 'type'
    else:
        print('else branch', r)
        return r
    finally:
        print('finally for', a, b)
print(divide(6, 3))
print(divide(1, 0))
print(divide('x', 2))
try:
    [][1]
except (KeyError, IndexError) as e:
    print('caught tuple', type(e).__name__, e)
try:
    {}['k']
except LookupError as e:
    print('caught base', type(e).__name__, repr(e))
try:
    int('x')
except Exception as e:
    print('caught Exception', e.args)
try:
    try:
        raise ValueError('inner')
    except TypeError:
        print('wrong handler')
except ValueError as e:
    print('outer caught', e)
try:
    raise KeyError('a key')
except KeyError as e:
    print(e, repr(e), e.args, str(e))
e = None
try:
    1 / 0
except ZeroDivisionError as e:
    pass
try:
    print(e)
except NameError as ne:
    print('NameError:', ne)
try:
    raise
except RuntimeError as e:
    print('RuntimeError:', e)
