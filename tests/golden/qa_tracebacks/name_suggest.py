def run():
    counter = 0
    for i in range(3):
        counter += i
    return countr
run()
