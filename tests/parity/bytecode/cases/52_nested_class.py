class Outer:
    class Inner:
        def m(self):
            return 1
    def f(self):
        class Local:
            pass
        return Local
