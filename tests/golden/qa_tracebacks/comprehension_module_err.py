data = [1, 2, 0, 4]
inverses = {x: 1 / x for x in data if x != 2}
