values = [0, 1, -1, 0.0, 0.5, '', 'a', [], [0], (), (0,), {}, {0: 0}, set(), {0}, None, True, False, 0j, range(0), range(1)]
for v in values:
    print(repr(v), bool(v), 'yes' if v else 'no', not v)
print(bool())
class T:
    def __bool__(self):
        return False
class L:
    def __len__(self):
        return 0
class P:
    pass
print(bool(T()), bool(L()), bool(P()))
print(not T(), not L(), not P())
