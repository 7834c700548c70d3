def step(n):
    try:
        return 10 // n
    except ZeroDivisionError as e:
        e.add_note(f"while processing step {n}")
        raise
def run():
    try:
        step(0)
    except ArithmeticError as e:
        raise RuntimeError("run failed") from e
run()
