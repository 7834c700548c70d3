exec("f'{'")
