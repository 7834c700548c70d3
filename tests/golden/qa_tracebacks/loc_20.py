value = {"a": [1, {"b": None}]}
print(value["a"][1]["b"]["c"])
