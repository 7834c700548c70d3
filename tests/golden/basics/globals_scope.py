counter = 0
def inc():
    global counter
    counter += 1
    return counter
inc(); inc()
print(counter, inc())
def reader():
    return counter * 10
print(reader())
def shadow():
    counter = 'local'
    return counter
print(shadow(), counter)
def make_global():
    global newname
    newname = 'created'
make_global()
print(newname)
x = 'global x'
def outer():
    x = 'outer x'
    def inner():
        return x
    return inner()
print(outer())
def unbound():
    try:
        print(y)
    except UnboundLocalError as e:
        print('UnboundLocalError:', e)
    y = 1
unbound()
print(__name__)
