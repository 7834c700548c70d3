class A:
    @property
    def value(self):
        return self._value
a = A()
a.value
