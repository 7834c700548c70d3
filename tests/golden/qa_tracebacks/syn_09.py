exec("f(**x, *y)")
