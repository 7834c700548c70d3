import sys
try:
    input()
except EOFError as e:
    print("EOFError", e)
try:
    input("prompt> ")
except EOFError as e:
    print("EOFError", e)
saved = sys.stdout
sys.stdout = None
print("invisible")
sys.stdout = saved
print("visible")
class Collector:
    def __init__(self): self.parts = []
    def write(self, s):
        self.parts.append(s)
        return len(s)
    def flush(self): pass
c = Collector()
print("a", "b", file=c)
print(1, 2, sep="-", end="!", file=c)
sys.stdout = c
print("captured")
sys.stdout = saved
print(c.parts)
class NoWrite: pass
try:
    print("x", file=NoWrite())
except AttributeError as e:
    print(e)
try:
    sys.stdout.write(b"bytes")
except TypeError as e:
    print(e)
print(sys.stdout.write("direct\n"))
print(type(sys.stdout).__name__, sys.stdout.encoding, sys.stderr.encoding, sys.stdout.errors, sys.stderr.errors)
print(sys.stdout.isatty(), sys.stdin.isatty(), sys.stdout.writable(), sys.stdin.readable())
print(sys.stdout.fileno(), sys.stderr.fileno(), sys.stdin.fileno())
print(sys.stdout.name, sys.stderr.name, sys.stdin.name, sys.stdout.mode)
print(sys.stdout.line_buffering, sys.stderr.line_buffering)
print(repr(sys.stdin.read()), repr(sys.stdin.readline()))
print(sys.__stdout__ is sys.stdout, sys.__stderr__ is sys.stderr)
sys.stderr.write("to stderr\n")
print("é ☃ 😀")
print("\udcff".encode("utf-8", "surrogateescape"))
try:
    print("\ud800")
except UnicodeEncodeError as e:
    print("UnicodeEncodeError", e.reason)
