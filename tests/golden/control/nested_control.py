def search(grid, target):
    for r, row in enumerate(grid):
        for c, v in enumerate(row):
            if v == target:
                return r, c
    return None
grid = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print(search(grid, 6), search(grid, 10))
result = []
for i in range(5):
    try:
        if i == 1:
            continue
        if i == 3:
            break
        result.append(i)
    finally:
        result.append('f%d' % i)
print(result)
def loop_return():
    for i in range(10):
        try:
            if i == 2:
                return 'returned at 2'
        finally:
            print('finally', i)
print(loop_return())
count = 0
while count < 3:
    count += 1
    for j in range(2):
        if j:
            continue
        print('count', count, 'j', j)
