d = {"b": 1, "a": 2}
d["c"] = 3
d["b"] = 10
print(d, list(d), list(d.keys()), list(d.values()), list(d.items()))
del d["b"]
d["b"] = 0
print(d, list(reversed(d)), list(reversed(d.items())))
k = d.keys(); v = d.values(); it = d.items()
d["z"] = 26
print(k, v, it, len(k), "z" in k, 26 in v, ("z", 26) in it)
print(k & {"a", "q"}, k | {"q"}, k - {"a"}, k ^ {"a", "q"}, it & {("a", 2)}, k == {"a", "c", "b", "z"})
print(k.isdisjoint({"x"}), {"a": 1}.keys() <= k, d.get("nope"), d.get("nope", 5), d.setdefault("a", 99), d.setdefault("n", []))
print(d.pop("n"), d.pop("nope", "dflt"), d.popitem(), d)
try:
    d.pop("nope")
except KeyError as e:
    print("KeyError", e)
try:
    {}.popitem()
except KeyError as e:
    print("KeyError", e)
e = dict(a=1, b=2)
e.update([("c", 3)], d=4)
e.update({"a": 0})
print(e, e | {"x": 1}, {"x": 1} | e)
e |= [("y", 9)]
print(e)
print(dict.fromkeys("abc"), dict.fromkeys([1, 2], 0), dict(zip("ab", range(2))), dict([(1, 2), [3, 4]]))
try:
    dict([(1, 2, 3)])
except ValueError as e2:
    print(e2)
try:
    dict([1])
except TypeError as e2:
    print(e2)
m = {1: "int", 1.0: "float", True: "bool"}
print(m)
it = iter(d)
try:
    for x in it:
        d["new" + x] = 1
except RuntimeError as e2:
    print(e2)
d2 = {1: 1}
try:
    for x in d2:
        del d2[x]
        d2[x + 1] = 1
except RuntimeError as e2:
    print(e2)
print({**{"a": 1}, "b": 2, **{"a": 3}})
class DD(dict):
    def __missing__(self, k):
        return k * 2
dd = DD(a=1)
print(dd["a"], dd["zz"], dd.get("zz"), "zz" in dd, dd)
print(dict(sorted({"b": 1, "a": 2}.items())), {}.keys(), {}.values(), {}.items())
nested = {"x": {"y": {"z": 1}}}
print(nested["x"]["y"], str(nested), {(1, 2): [3]}, {None: None, "": ""})
print({1: 2} == {1: 2.0}, {1: 2} == {1: 3}, {"a": 1, "b": 2} == {"b": 2, "a": 1}, list({"a": 1, "b": 2}) == list({"b": 2, "a": 1}))
dv = {"a": 1}.values()
print(dv == dv, type(dv).__name__, type(iter(dv)).__name__, repr(iter({}.items()))[:26])
d3 = {i: i for i in range(5)}
for i in range(3):
    del d3[i]
print(d3, d3.copy(), len(d3))
d3.clear()
print(d3)
