exec("x = $")
