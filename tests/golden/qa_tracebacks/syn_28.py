exec("(yield)")
