exec("a = [1, 2\nb = 3")
