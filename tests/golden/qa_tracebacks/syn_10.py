exec("x = 'unterminated")
