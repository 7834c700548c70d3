compile("a b c", "myfile.py", "exec")
