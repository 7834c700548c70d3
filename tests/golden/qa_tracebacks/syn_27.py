exec("a, *b, *c = x")
