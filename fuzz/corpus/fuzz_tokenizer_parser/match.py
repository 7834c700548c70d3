match p:
    case Point(x=0, y=0) | [1, *rest] if rest:
        pass
    case {"k": v, **kw}:
        pass
    case str() as s:
        pass
    case _:
        pass
