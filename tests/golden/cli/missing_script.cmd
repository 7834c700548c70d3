nonexistent.py
