class A:
    pass
A.method()
