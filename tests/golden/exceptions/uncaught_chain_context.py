def cleanup():
    raise RuntimeError('cleanup failed')
def work():
    try:
        x = 1 / 0
    except ZeroDivisionError:
        cleanup()
work()
