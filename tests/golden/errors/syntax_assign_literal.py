print("ok")
1 = x
