class C:
    @property
    def p(self): return self.q
c = C()
print(c.p)
