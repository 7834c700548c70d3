x = (1 +
     2 +
     3)
y = [
    1,
    2,
]
z = {
    'a': 1,
    'b': 2}
s = """line1
line2
line3"""
t = '''a
b''' + "c"
call(a,
     b,
     c=1)
if (a and
        b):
    pass
x = 1 + \
    2
