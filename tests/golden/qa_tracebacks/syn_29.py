exec("\xe9t\xe9 = 1\nprint(\xe9t\xe9)\n\u00a0x = 1")
