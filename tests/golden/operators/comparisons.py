print(1 < 2, 2 < 1, 1 <= 1, 1 >= 2, 1 == 1.0, 1 != 1, 'a' < 'b', 'abc' < 'abd', 'Z' < 'a')
print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 > 1, 1 == 1 == 1.0, 1 < 2 > 0, 1 < 2 != 2)
calls = []
def v(x):
    calls.append(x)
    return x
print(v(1) < v(0) < v(5))
print(calls)
calls.clear()
print(v(1) < v(2) < v(3) < v(2) < v(9))
print(calls)
print([1, 2] < [1, 3], [1, 2] < [1, 2, 0], [2] > [1, 9], [] < [0], [1, 2] == [1, 2])
print((1, 2) < (1, 3), (1,) < (1, 0), (1, 'a') < (1, 'b'), () == ())
print('abc' == 'abc', 'a' * 3 == 'aaa')
print({1: 2} == {1: 2}, {1: 2} != {1: 3}, {1, 2} == {2, 1}, {1} < {1, 2}, {1, 2} <= {1, 2}, {1, 2} > {1})
print(None == None, None == 0, None != False)
print(1 == True, 0 == False, 2 == True)
print(1 in [1, 2], 3 not in [1, 2], 'b' in 'abc', 'bc' in 'abc', 'x' in 'abc', 1 in {1: 2}, 2 in {1: 2}, 3 in {3}, 0 in ())
print(1 < 2 in [True], 5 > 3 == 3)
x = 5
print(0 < x < 10, 0 < x < 3, x == 5 == 5.0)
