data = {"x": {"y": [1, 2]}}
def get():
    return data["x"]["y"][5]
get()
