class D:
    def __set_name__(self, owner, name):
        raise ValueError("set_name failed")
class A:
    d = D()
