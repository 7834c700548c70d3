raise SyntaxError("custom", ("fake.py", 3, 5, "  some code here\n", 3, 9))
