x = 5
print(f"{x / 0}")
