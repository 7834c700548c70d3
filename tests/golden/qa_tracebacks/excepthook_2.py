import sys
def hook(t, v, tb):
    raise RuntimeError("hook itself failed")
sys.excepthook = hook
raise ValueError("original")
