def nothing():
    pass
def bare():
    return
def multi():
    return 1, 'two', [3]
def early(n):
    if n < 0:
        return 'neg'
    for i in range(n):
        if i * i > n:
            return i
    return 'end'
print(nothing(), bare(), multi(), early(-1), early(20), early(0))
a, b, c = multi()
print(a, b, c)
def rec_sum(l):
    return 0 if not l else l[0] + rec_sum(l[1:])
print(rec_sum(list(range(50))))
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
print([fact(i) for i in range(12)], fact(30))
def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))
print(ackermann(2, 3))
def is_even(n):
    return True if n == 0 else is_odd(n - 1)
def is_odd(n):
    return False if n == 0 else is_even(n - 1)
print(is_even(10), is_odd(7), is_even(7))
