for code in ["eval('1', [])", "eval('1', {}, 5)", "exec('1', [])", "exec('1', {}, 5)", "eval('1', None, 5)", "eval(5)", "exec(5)", "eval('1', globals={})", "exec('1', globals=[])", "eval('x', None, {'x': 3})", "exec('1', {}, {}, 5)", "eval('1', closure=None)", "exec('1', closure=())"]:
    try:
        print(code, repr(eval(code)))
    except Exception as e:
        print(code, type(e).__name__, e)
ns = {}
exec("pass", ns)
print(type(ns["__builtins__"]).__name__)
ns = {}
eval("1", ns)
print(type(ns["__builtins__"]).__name__)
ns = {"__builtins__": {"len": lambda x: 42}}
print(eval("len([])", ns))
