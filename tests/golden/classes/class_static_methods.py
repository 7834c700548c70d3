class Counter:
    instances = 0
    def __init__(self):
        Counter.instances += 1
    @classmethod
    def create(cls):
        return cls()
    @classmethod
    def count(cls):
        return cls.instances
    @staticmethod
    def helper(a, b):
        return a * b
class Sub(Counter):
    pass
Counter(); Counter.create(); Sub.create()
print(Counter.count(), Sub.count(), Counter.helper(3, 4), Counter().helper(2, 5))
print(type(Sub.create()).__name__, Counter.instances)
class Date:
    def __init__(self, y, m, d):
        self.y, self.m, self.d = y, m, d
    @classmethod
    def parse(cls, s):
        return cls(*map(int, s.split('-')))
    @staticmethod
    def is_leap(y):
        return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)
    def __repr__(self):
        return f'Date({self.y}, {self.m}, {self.d})'
print(Date.parse('2024-02-29'), [Date.is_leap(y) for y in (1900, 2000, 2023, 2024)])
