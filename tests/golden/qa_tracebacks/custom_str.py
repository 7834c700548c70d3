class MyErr(Exception):
    def __str__(self):
        return "custom message <%d>" % len(self.args)

class Empty(Exception):
    pass

try:
    raise Empty()
except Empty as e:
    print(repr(str(e)), repr(e))
raise MyErr(1, 2, 3)
