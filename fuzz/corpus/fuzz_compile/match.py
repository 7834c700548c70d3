match cmd.split():
    case [action]:
        pass
    case ["go", direction] | ["move", direction]:
        pass
    case Click(position=(x, y), button=Button.LEFT):
        pass
    case {"x": 1, **rest}:
        pass
    case [1, 2, *_] if guard:
        pass
