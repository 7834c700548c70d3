# PEP 765: SyntaxWarning for return/break/continue leaving a finally block (only the
# innermost function/loop/finally counts), and the SyntaxError under -W error via compile().
def f():
    try:
        pass
    finally:
        for i in range(3):
            return 1
        while True:
            break
        for i in range(3):
            try:
                pass
            finally:
                continue
        if i:
            return (1,
                2)
        def g():
            return 4
        class C:
            x = [1 for _ in ()]
        try:
            pass
        except:
            return 6
        else:
            return 7
        lambda: 5
        async def h():
            return 8
    for i in range(2):
        try:
            pass
        finally:
            break
        try:
            pass
        finally:
            while 1:
                continue
            else:
                break
    try:
        pass
    except* ValueError:
        pass
    finally:
        return 9
    try:
        pass
    finally:
        match 1:
            case 1: return 10
print("compiled")
import sys
src = "def f():\n    for i in x:\n        try:\n            pass\n        finally:\n            continue\n"
compile(src, "<s>", "exec")
compile("try:\n    pass\nfinally:\n    for x in y:\n        break\n    else:\n        continue\n", "<t>", "exec")
