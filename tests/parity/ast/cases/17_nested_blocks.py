def outer():
    def inner():
        class K:
            def m(self):
                if x:
                    for i in y:
                        while z:
                            with w:
                                try:
                                    pass
                                except E:
                                    pass
        return K
    return inner

    # trailing comment
x = 1
