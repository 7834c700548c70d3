exec("print 'hello'")
