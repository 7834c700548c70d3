def make():
    class Local:
        def method(self):
            return self.missing
    return Local()
make().method()
