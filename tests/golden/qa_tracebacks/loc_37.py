lst = [3, 1]
lst.sort(key=lambda v: v.missing)
