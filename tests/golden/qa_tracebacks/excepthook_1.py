import sys
def hook(t, v, tb):
    print("custom hook:", t.__name__, v, tb.tb_lineno, file=sys.stderr)
sys.excepthook = hook
raise ValueError("handled by hook")
