exec("x = 1_")
