print(len(str(int("12x"))))
