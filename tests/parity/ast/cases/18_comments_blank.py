# leading comment

x = 1  # trailing

# middle


def f():
    # inside
    pass

    # more
y = 2
