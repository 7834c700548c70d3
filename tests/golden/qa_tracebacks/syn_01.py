exec("x = (1,\n     2")
