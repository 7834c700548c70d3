match command.split():
    case [action]:
        pass
    case [action, obj]:
        pass
    case Point(x=0, y=0):
        print("Origin")
    case Point(x, y=1) if x > y:
        pass
    case {"a": 1, "b": b, **rest}:
        pass
    case {}:
        pass
    case [1, 2, *rest] | (3, 4, *_):
        pass
    case -1 | 1.5 | -2j | 1 + 2j | -3 - 4j | "s" "t" | b"x" if True:
        pass
    case None | True | False:
        pass
    case a.b.c:
        pass
    case (x as y) as z:
        pass
    case ():
        pass
    case []:
        pass
    case _:
        pass
match x,:
    case 1, 2: pass
match = 1
case = 2
match(x)
