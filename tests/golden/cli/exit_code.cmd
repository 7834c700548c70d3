exit_code.py 4
