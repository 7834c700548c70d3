class Ver:
    def __init__(self, *parts):
        self.parts = parts
    def __eq__(self, o):
        return isinstance(o, Ver) and self.parts == o.parts
    def __lt__(self, o):
        return self.parts < o.parts
    def __le__(self, o):
        return self.parts <= o.parts
    def __hash__(self):
        return hash(self.parts)
    def __repr__(self):
        return 'Ver' + repr(self.parts)
vs = [Ver(1, 2), Ver(1, 0), Ver(2,), Ver(1, 2, 1)]
print(sorted(vs), min(vs), max(vs))
print(Ver(1) == Ver(1), Ver(1) != Ver(2), Ver(1) < Ver(2), Ver(3) > Ver(2), Ver(2) >= Ver(2))
print(len({Ver(1), Ver(1), Ver(2)}), Ver(1) in [Ver(0), Ver(1)], {Ver(1): 'one'}[Ver(1)])
class NoHash:
    def __eq__(self, o):
        return True
try:
    hash(NoHash())
except TypeError as e:
    print('TypeError:', e)
print(NoHash() == 5, NoHash() != 5)
class Only:
    pass
try:
    Only() < Only()
except TypeError as e:
    print('TypeError:', e)
o = Only()
print(o == o, o != o, o == Only())
class Rev:
    def __gt__(self, other):
        print('Rev.__gt__ called')
        return True
print(1 < Rev())
