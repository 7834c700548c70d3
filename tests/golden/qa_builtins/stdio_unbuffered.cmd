# -u: unbuffered stdio
-u stdio_flags.py
