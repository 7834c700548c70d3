def f1():
    try:
        return 'try'
    finally:
        print('f1 finally')
def f2():
    for i in range(3):
        try:
            if i == 1:
                continue
            print('body', i)
        finally:
            print('finally', i)
def f3():
    try:
        raise ValueError('x')
    except ValueError:
        return 'from except'
    finally:
        print('f3 finally')
def f4():
    x = []
    try:
        x.append('try')
    except Exception:
        x.append('except')
    else:
        x.append('else')
    finally:
        x.append('finally')
    return x
def f5():
    try:
        try:
            raise KeyError('k')
        finally:
            print('inner finally')
    except KeyError as e:
        print('outer except', e)
print(f1()); f2(); print(f3()); print(f4()); f5()
def f6():
    try:
        1 / 0
    finally:
        print('cleanup before propagate')
try:
    f6()
except ZeroDivisionError as e:
    print('propagated', e)
