# -c needs an argument
-c
