def classify(n):
    if n < 0:
        return 'negative'
    elif n == 0:
        return 'zero'
    elif n < 10:
        return 'small'
    else:
        return 'large'
for n in [-5, 0, 3, 10, 100]:
    print(n, classify(n))
x = 7
if x > 5:
    if x % 2:
        print('big odd')
    else:
        print('big even')
if not x:
    print('never')
elif x and x > 100:
    print('never2')
print('grade', 'A' if x > 9 else 'B' if x > 6 else 'C')
if []:
    print('empty list true?')
else:
    print('empty list false')
