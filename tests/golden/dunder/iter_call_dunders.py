class Countdown:
    def __init__(self, start):
        self.cur = start
    def __iter__(self):
        return self
    def __next__(self):
        if self.cur <= 0:
            raise StopIteration
        self.cur -= 1
        return self.cur + 1
print(list(Countdown(5)))
it = iter(Countdown(2))
print(next(it), next(it), next(it, 'done'))
class Range2:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        i = 0
        while i < self.n:
            yield i
            i += 2
print(list(Range2(9)), sum(Range2(9)), max(Range2(9)))
class Adder:
    def __init__(self, base):
        self.base = base
    def __call__(self, x, *more):
        return self.base + x + sum(more)
add5 = Adder(5)
print(add5(1), add5(1, 2, 3), list(map(add5, [10, 20])))
class Sized:
    def __len__(self):
        return 3
    def __bool__(self):
        return False
print(len(Sized()), bool(Sized()), 'yes' if Sized() else 'no')
class Hashy:
    def __init__(self, k):
        self.k = k
    def __hash__(self):
        return self.k % 3
    def __eq__(self, o):
        return self.k == o.k
    def __repr__(self):
        return f'H{self.k}'
print({Hashy(1): 'a', Hashy(4): 'b', Hashy(1): 'c'}, hash(Hashy(7)))
class Idx:
    def __index__(self):
        return 2
print([10, 20, 30][Idx()], 'abc'[Idx()], bin(Idx()), range(10)[Idx()])
