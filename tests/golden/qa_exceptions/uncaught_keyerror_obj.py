registry = {"a": 1}
def lookup(name):
    return registry[name]
print(lookup("a"))
lookup(("tuple", "key"))
