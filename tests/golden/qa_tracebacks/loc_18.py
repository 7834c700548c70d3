def mk(): return ValueError("made")
raise mk() from TypeError("cause")
