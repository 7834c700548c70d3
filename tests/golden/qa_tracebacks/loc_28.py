print(int.from_bytes("abc", "big"))
