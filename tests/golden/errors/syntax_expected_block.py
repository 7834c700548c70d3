if True:
print("no block")
