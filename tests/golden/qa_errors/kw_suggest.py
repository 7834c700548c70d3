def f(alpha, beta=1, *, gamma=2): pass
class C:
    def m(self, value, *, option=None): pass
calls = [
    lambda: f(1, bet=2), lambda: f(1, gama=3), lambda: f(1, zzz=2), lambda: C().m(1, optin=2),
    lambda: C().m(valu=1), lambda: sorted([], kye=1), lambda: sorted([], reversed=True),
    lambda: print(sepp=1), lambda: print(ennd=""), lambda: "".split(sepp=1), lambda: "".split(maxsplits=1),
    lambda: [].sort(reversed=True), lambda: [].sort(keys=len), lambda: zip([], strct=True),
    lambda: map(len, [], strict=True), lambda: min([], defalt=1), lambda: max([], kee=len),
    lambda: round(1.5, ndigit=1), lambda: "".encode(encodng="utf-8"), lambda: "".splitlines(keepend=True),
    lambda: b"".decode(erors="strict"), lambda: dict(a=1).pop(k=1),
    lambda: sum([], strt=0), lambda: "".replace("a", "b", cnt=1), lambda: enumerate([], strat=1),
    lambda: [].index(1, strt=0), lambda: bytes(sorce=b""), lambda: str(objct=1), lambda: "a".expandtabs(tabsiz=2),
    lambda: (lambda a, b: 0)(1, c=2), lambda: (lambda alpha: 0)(alpah=1), lambda: pow(bas=2, exp=1),
    lambda: "x".center(5, fill="-"), lambda: "x".startswith("x", star=0), lambda: iter([], sentinel=1),
]
for c in calls:
    try:
        c()
        print("ok")
    except TypeError as e:
        print(e)
