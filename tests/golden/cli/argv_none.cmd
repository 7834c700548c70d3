argv_echo.py
