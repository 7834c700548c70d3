def msg(): return 1/0
assert False, msg()
