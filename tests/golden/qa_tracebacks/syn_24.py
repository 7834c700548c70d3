exec("x = 0777")
