exec("  x = 1")
