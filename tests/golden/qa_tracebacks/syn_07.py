exec("x = 1\n  y = 2")
