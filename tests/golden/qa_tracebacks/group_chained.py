def work(i):
    try:
        return 1 / i
    except ZeroDivisionError as e:
        raise ValueError(f"bad item {i}") from e
def run():
    errors = []
    for i in (0, 1, 0):
        try:
            work(i)
        except ValueError as e:
            errors.append(e)
    try:
        raise ExceptionGroup("batch failed", errors)
    except ExceptionGroup as g:
        g.add_note("note on group")
        raise RuntimeError("run aborted") from g
run()
