words = ['banana', 'Apple', 'cherry', 'apple', 'Banana', '', 'a', 'ab', 'b']
print(sorted(words))
print(sorted(words, key=str.lower))
print(sorted(words, reverse=True))
print(max(words), min(words), max(words, key=len))
print('a' < 'b', 'a' < 'B', 'abc' < 'abcd', '' < 'a', 'é' > 'z')
print(hash('') == 0, hash('abc') == hash('ab' + 'c'))
d = {'x': 1, 'y': 2}
d['x' + ''] = 3
print(d)
print('abc'.__eq__('abc'), 'abc'.__ne__('abd'), 'a'.__lt__('b'), 'a'.__lt__(1))
