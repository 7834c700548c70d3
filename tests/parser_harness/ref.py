# Reference side of the parser harness: same output format as main.cpp.
import ast, os, sys, warnings
def _read(path):
    with open(path, 'rb') as f:
        return f.read().decode('utf-8')
mode = sys.argv[1]
wmode = os.environ.get("PYXX_WARN")
if wmode == "error":
    warnings.simplefilter("error")
elif wmode:
    warnings.simplefilter("always")
    def show(message, category, filename, lineno, file=None, line=None):
        print(f"WARN|{lineno}|{message}")
    warnings.showwarning = show
files = sys.argv[2:]
for path in files:
    try:
        src = open(path, 'rb').read().decode('utf-8') if False else _read(path)
    except Exception as e:
        src = ''

    if len(files) > 1:
        print("==", path)
    try:
        t = compile(src, 'f', mode, ast.PyCF_ONLY_AST)
        print(ast.dump(t, include_attributes=True))
    except SyntaxError as e:
        print(f"{type(e).__name__}|{e.args[0]}|{e.lineno}|{e.offset}|{e.end_lineno}|{e.end_offset}|{e.text!r}")
    except Exception as e:
        print(f"{type(e).__name__} {e}")
