def averager():
    total = 0
    count = 0
    avg = None
    while True:
        v = yield avg
        if v is None:
            break
        total += v
        count += 1
        avg = total / count
    return count
a = averager()
print(next(a), a.send(10), a.send(20), a.send(60))
try:
    a.send(None)
except StopIteration as e:
    print('done, count =', e.value)
def echo():
    received = []
    try:
        while True:
            try:
                x = yield len(received)
                received.append(x)
            except ValueError as e:
                print('caught in gen:', e)
                received.append('VE')
    finally:
        print('gen finally, received', received)
e = echo()
print(next(e), e.send('a'), e.throw(ValueError('boom')), e.send('b'))
e.close()
print('closed')
def g2():
    yield 1
gg = g2()
try:
    gg.send(5)
except TypeError as ex:
    print('TypeError:', ex)
def g3():
    try:
        yield 1
    except GeneratorExit:
        print('GeneratorExit seen')
        raise
x = g3()
next(x)
x.close()
