(1 + 2) * -3 ** ~4 // 5 @ m if a else lambda *, k=1: k
