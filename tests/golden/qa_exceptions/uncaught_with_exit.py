class Resource:
    def __enter__(self):
        print("acquire")
        return self
    def __exit__(self, *exc):
        print("release", exc[0].__name__)
        return False
def use():
    with Resource() as r:
        r.missing_method()
use()
