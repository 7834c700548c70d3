exec("1 = x")
