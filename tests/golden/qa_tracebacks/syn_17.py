exec("x = 5 +* 3")
