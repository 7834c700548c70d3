class C:
    def __init__(self):
        self.value = 1
for obj, name in [(C(), 'valeu'), (C(), 'missing'), (1, 'foo'), ('s', 'uper'), ([], 'push'), (None, 'x'), (C, 'nope'), ({}, 'has_key')]:
    try:
        getattr(obj, name)
    except AttributeError as e:
        print(type(e).__name__, e)
try:
    C().value.real.nope
except AttributeError as e:
    print(type(e).__name__, e)
try:
    (1).real = 5
except AttributeError as e:
    print(type(e).__name__, e)
try:
    del C().nothing
except AttributeError as e:
    print(type(e).__name__, e)
