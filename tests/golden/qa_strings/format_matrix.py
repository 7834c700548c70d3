vals = [0.0, -0.0, 1.0, 1.5, 2.5, 1e-7, 123456.789, 1e21, 1.23e-300, float('nan'), float('-inf'), 2**0.5, 1/3, 100.0, 1e15, 1e16, 12345678.9]
specs = ["", "g", ".3g", ".0g", "#g", "e", ".0e", "#.0e", "f", ".0f", "#.0f", "%", ".1%", "n", ".2n", "r" if False else "G", "+", " ", "010.3f", "<12", ">12.4", "^+12.2e", "_.3f", ",", ".15", ".17", ".1", "#", "#.3", "z.2f", "020,.2f"]
for v in vals:
    out = []
    for s in specs:
        try:
            out.append(format(v, s))
        except Exception as e:
            out.append("ERR:" + str(e))
    print(repr(v), "|".join(out))
ints = [0, 7, -7, 255, 10**12, -2**63]
ispecs = ["", "d", "+d", " d", "x", "#X", "o", "#b", "c" , ",", "_", "_x", "#_b", "010", "<5", "^9", "=+8", "e", ".2f", "%", "g", ".3g", "n", "08,", "#010x", ">+#8x"]
for v in ints:
    out = []
    for s in ispecs:
        try:
            out.append(format(v, s))
        except Exception as e:
            out.append("ERR:" + type(e).__name__ + ":" + str(e))
    print(v, "|".join(out))
strs = ["", "a", "héllo", "12345678"]
sspecs = ["", "s", "5", "<5", ">5", "^5", "*^6", ".2", "8.3", "=5", "+", "d", ",", "#", "05"]
for v in strs:
    out = []
    for s in sspecs:
        try:
            out.append(format(v, s))
        except Exception as e:
            out.append("ERR:" + str(e))
    print(repr(v), "|".join(out))
for v in [1+2j, -1.5j, complex(0, 0), complex(-0.0, -0.0), complex(float('inf'), float('nan')), 1e20+1j]:
    print(repr(v), str(v), format(v, ""), format(v, ".2f"), format(v, ">20"), format(v, "g"))
for v in [True, False]:
    print(format(v, ""), format(v, "d"), format(v, "x"), format(v, ">6"), format(v, ".2f"), f"{v!r:>7}")
print("%.3g|%g|%#g|%e|%.0e|%G|%5.1f%%" % (0.0001234, 1e-5, 1.0, 0.0, 15.5, 1e-10, 99.95))
print("%10.4s|%-10s|%c|%5c|%-5c|" % ("abcdefg", "x", 0x263A, "y", 65))
print("%o|%#o|%x|%#x|%X|%#X|%+o|% x" % (8, 8, -255, -255, 3054, 3054, 8, 255))
print("%5s|%-5r|%.1r" % (None, None, "abc"))
print("%(a)s%(a)r%%%(b)05.1f" % {"a": "q", "b": 3.14159})
print("%i|%u|%d" % (3.99, -3.99, True))
print("%e" % 10**30, "%f" % 2**70, "%g" % 10**16, "%d" % 10**30, "%x" % 2**100)
