raise SyntaxError("no location")
