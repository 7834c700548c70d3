exec("f'{x!z}'")
