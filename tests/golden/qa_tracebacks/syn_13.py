exec("del f()")
