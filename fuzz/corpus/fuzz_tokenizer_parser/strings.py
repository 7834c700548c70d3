x = f"{a!r:>{w}} {b=} {c:{d}.{e}f} {{}} {f"{g}"}"
y = rb"\x00" b"\n" t"{h}"
z = """multi
line""" "\N{BULLET}"
