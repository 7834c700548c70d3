class MyList(list):
    def append(self, x):
        super().append(x * 2)
    def total(self):
        return sum(self)
ml = MyList([1, 2])
ml.append(5)
print(ml, ml.total(), len(ml), isinstance(ml, list), type(ml).__name__)
class MyDict(dict):
    def __missing__(self, key):
        return f'missing {key}'
md = MyDict(a=1)
print(md['a'], md['zz'], md)
class MyInt(int):
    def __repr__(self):
        return f'MyInt({int(self)})'
mi = MyInt(7)
print(mi, repr(mi), mi + 1, type(mi + 1).__name__, mi * 2)
class MyStr(str):
    def shout(self):
        return self.upper() + '!'
print(MyStr('hi').shout(), MyStr('a') + 'b', len(MyStr('abc')))
class Err(ValueError):
    pass
try:
    raise Err('custom')
except ValueError as e:
    print(type(e).__name__, e, isinstance(e, Exception))
