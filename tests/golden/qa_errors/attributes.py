def show(f):
    try:
        print("ok", f())
    except Exception as e:
        print(type(e).__name__ + ":", e)

class Point:
    def __init__(self):
        self.xcoord = 1
        self.ycoord = 2
    def distance(self): return 0

p = Point()
show(lambda: p.xcord)
show(lambda: p.distanc)
show(lambda: Point.distanc)
show(lambda: p.zzzzzzz)
show(lambda: (1).real2)
show(lambda: "x".uper)
show(lambda: [].apend)
show(lambda: {}.iteritems)
show(lambda: None.foo)
show(lambda: int.frm_bytes)
def setattr_int():
    (1).x = 2
show(setattr_int)
def set_none():
    None.x = 1
show(set_none)
def del_missing():
    del p.nothere
show(del_missing)
def set_method():
    "".upper = 1
show(set_method)
def set_list_attr():
    [].append = 1
show(set_list_attr)
class S:
    __slots__ = ('a',)
s = S()
show(lambda: s.a)
def set_b():
    s.b = 1
show(set_b)
def set_dict():
    s.__dict__
show(set_dict)
show(lambda: object().x)
def obj_set():
    object().x = 1
show(obj_set)
show(lambda: getattr(p, 'nope'))
show(lambda: getattr(p, 'nope', 'dflt'))
show(lambda: getattr(p, 1))
show(lambda: hasattr(p, 'xcoord'))
show(lambda: setattr(p, 1, 2))
show(lambda: delattr(p, 'xcoord'))
show(lambda: vars(p))
show(lambda: vars(1))
class M(type): pass
class K(metaclass=M): pass
show(lambda: K.missing)
show(lambda: type.missing)
def name_err():
    return undefined_name_here
show(name_err)
def name_sugg():
    lenn = 1
    return lennn
show(name_sugg)
def builtin_sugg():
    return prnt
show(builtin_sugg)
def unbound():
    if False:
        x = 1
    return x
show(unbound)
def free_unbound():
    def inner():
        return y
    r = inner
    try:
        return r()
    finally:
        y = 1
show(free_unbound)
