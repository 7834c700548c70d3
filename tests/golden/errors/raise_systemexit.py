def deep():
    try:
        raise SystemExit(5)
    finally:
        print('finally runs on SystemExit')
deep()
