exec("lambda x: yield x")
