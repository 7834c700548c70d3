argv_echo.py one two "three four" "" -x --opt=5
