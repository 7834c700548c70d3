for code in ["b += b", "b.extend(b)", "b[0:0] = b", "b[:] = b", "b *= 2", "b = b + b", "b += memoryview(b)" if False else "b += bytes(b)", "b.__iadd__(b)"]:
    b = bytearray(b"abc")
    try:
        exec(code)
        print(code, b)
    except Exception as e:
        print(code, type(e).__name__, e, b)
