# Deeply nested code: the compiler reports errors instead of crashing.
# (RecursionError messages carry the C stack usage, so only their kind is printed.)
tests = {
    "parens200": "(" * 200 + ")" * 200,
    "parens201": "(" * 201 + ")" * 201,
    "list_nest": "[" * 1000 + "]" * 1000,
    "plus100k": "1" + "+1" * 100000,
    "names100k": "x" + "+x" * 100000,
    "attr100k": "x" + ".a" * 100000,
    "call100k": "f" + "()" * 100000,
    "subscr100k": "x" + "[0]" * 100000,
    "neg100k": "-" * 100000 + "1",
    "and100k": " and ".join(["x"] * 100000),
    "cmp100k": " < ".join(["x"] * 100000),
    "lambda500": "lambda: " * 500 + "1",
    "ifexp3000": "1 if x else " * 3000 + "2",
    "tuple100k": "(" + "x," * 100000 + ")",
}
for name, src in tests.items():
    try:
        compile(src, "<s>", "eval")
        print(name, "ok")
    except RecursionError as e:
        print(name, "RecursionError", "during compilation" in str(e))
    except (SyntaxError, MemoryError) as e:
        print(name, type(e).__name__, e.args[0])


def blocks(header, n):
    return "".join(" " * i + header + "\n" for i in range(n)) + " " * n + "pass\n"


for header, n in [("if x:", 99), ("if x:", 100), ("for x in y:", 20), ("for x in y:", 21), ("for x in y:", 22),
                  ("while x:", 30), ("with x:", 21), ("with x:", 22), ("async with x:", 22)]:
    src = blocks(header, n)
    if header.startswith("async"):
        src = "async def f():\n" + "".join(" " + line + "\n" for line in src.splitlines())
    try:
        compile(src, "<s>", "exec")
        print(header, n, "ok")
    except SyntaxError as e:
        print(header, n, type(e).__name__, e.msg, e.lineno)

# nested try/finally: each level uses two blocks while compiling the finally body
for n in (10, 11, 20):
    src = "".join(" " * i + "try:\n" for i in range(n)) + " " * n + "pass\n" + \
          "".join(" " * i + "finally:\n" + " " * (i + 1) + "pass\n" for i in reversed(range(n)))
    try:
        compile(src, "<s>", "exec")
        print("try/finally", n, "ok")
    except SyntaxError as e:
        print("try/finally", n, e.msg, e.lineno)

# a deep expression inside a function body and a deep statement nesting mix
src = "def f():\n    return " + "1+" * 50000 + "1\n"
try:
    compile(src, "<s>", "exec")
    print("deep return ok")
except RecursionError as e:
    print("deep return RecursionError")

# the interpreter still works after these errors
print(eval("(" * 100 + "1" + ")" * 100), sum(eval("[" + "1," * 1000 + "]")))
