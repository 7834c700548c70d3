def level1(x):
    def level2(y):
        def level3(z):
            return {'a': 1}[z]
        return level3(y * 2)
    return level2(x + 1)

try:
    level1(1)
except KeyError as e:
    print("caught", repr(e))
level1(
    2
)
