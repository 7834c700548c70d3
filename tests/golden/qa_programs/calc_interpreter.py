# A tiny expression language: tokenizer (generator), Pratt parser, AST
# classes with __repr__/__eq__, evaluator with closures and error reporting.
class Token:
    __slots__ = ("kind", "text", "pos")
    def __init__(self, kind, text, pos):
        self.kind, self.text, self.pos = kind, text, pos
    def __repr__(self):
        return f"Token({self.kind!r}, {self.text!r}, {self.pos})"

class LangError(Exception):
    def __init__(self, msg, pos):
        super().__init__(f"{msg} at {pos}")
        self.pos = pos

def tokenize(src):
    i = 0
    while i < len(src):
        c = src[i]
        if c.isspace():
            i += 1
        elif c.isdigit() or (c == "." and i + 1 < len(src) and src[i + 1].isdigit()):
            j = i
            while j < len(src) and (src[j].isdigit() or src[j] == "."):
                j += 1
            yield Token("num", src[i:j], i)
            i = j
        elif c.isalpha() or c == "_":
            j = i
            while j < len(src) and (src[j].isalnum() or src[j] == "_"):
                j += 1
            word = src[i:j]
            yield Token("kw" if word in ("let", "in", "fn", "if", "then", "else") else "name", word, i)
            i = j
        elif src.startswith("->", i) or src.startswith("==", i):
            yield Token("op", src[i:i + 2], i)
            i += 2
        elif c in "+-*/%^()=,<>":
            yield Token("op", c, i)
            i += 1
        else:
            raise LangError(f"unexpected character {c!r}", i)
    yield Token("eof", "", len(src))

class Node:
    def __eq__(self, other):
        return type(self) is type(other) and vars(self) == vars(other)
    def __repr__(self):
        fields = ", ".join(f"{k}={v!r}" for k, v in vars(self).items())
        return f"{type(self).__name__}({fields})"
class Num(Node):
    def __init__(self, v): self.v = v
class Var(Node):
    def __init__(self, name): self.name = name
class BinOp(Node):
    def __init__(self, op, l, r): self.op, self.l, self.r = op, l, r
class Neg(Node):
    def __init__(self, e): self.e = e
class Let(Node):
    def __init__(self, name, value, body): self.name, self.value, self.body = name, value, body
class Fn(Node):
    def __init__(self, params, body): self.params, self.body = params, body
class Call(Node):
    def __init__(self, f, args): self.f, self.args = f, args
class If(Node):
    def __init__(self, c, t, e): self.c, self.t, self.e = c, t, e

BP = {"==": 5, "<": 5, ">": 5, "+": 10, "-": 10, "*": 20, "/": 20, "%": 20, "^": 30}

class Parser:
    def __init__(self, src):
        self.toks = list(tokenize(src))
        self.i = 0
    def peek(self): return self.toks[self.i]
    def next(self):
        t = self.toks[self.i]
        self.i += 1
        return t
    def expect(self, text):
        t = self.next()
        if t.text != text:
            raise LangError(f"expected {text!r}, got {t.text or 'end'!r}", t.pos)
        return t
    def parse(self):
        e = self.expr(0)
        if self.peek().kind != "eof":
            raise LangError(f"trailing {self.peek().text!r}", self.peek().pos)
        return e
    def expr(self, rbp):
        left = self.prefix()
        while True:
            t = self.peek()
            if t.text == "(":
                self.next()
                args = []
                if self.peek().text != ")":
                    args.append(self.expr(0))
                    while self.peek().text == ",":
                        self.next()
                        args.append(self.expr(0))
                self.expect(")")
                left = Call(left, args)
                continue
            bp = BP.get(t.text) if t.kind == "op" else None
            if bp is None or bp <= rbp:
                return left
            self.next()
            right = self.expr(bp - 1 if t.text == "^" else bp)
            left = BinOp(t.text, left, right)
    def prefix(self):
        t = self.next()
        if t.kind == "num":
            return Num(float(t.text) if "." in t.text else int(t.text))
        if t.kind == "name":
            return Var(t.text)
        if t.text == "-":
            return Neg(self.expr(25))
        if t.text == "(":
            e = self.expr(0)
            self.expect(")")
            return e
        if t.text == "let":
            name = self.next().text
            self.expect("=")
            value = self.expr(0)
            self.expect("in")
            return Let(name, value, self.expr(0))
        if t.text == "fn":
            params = []
            while self.peek().kind == "name":
                params.append(self.next().text)
            self.expect("->")
            return Fn(params, self.expr(0))
        if t.text == "if":
            c = self.expr(0)
            self.expect("then")
            th = self.expr(0)
            self.expect("else")
            return If(c, th, self.expr(0))
        raise LangError(f"unexpected {t.text or 'end'!r}", t.pos)

OPS = {
    "+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b,
    "/": lambda a, b: a / b, "%": lambda a, b: a % b, "^": lambda a, b: a ** b,
    "==": lambda a, b: int(a == b), "<": lambda a, b: int(a < b), ">": lambda a, b: int(a > b),
}

def evaluate(node, env):
    match node:
        case Num(v=v):
            return v
        case Var(name=name):
            try:
                return env[name]
            except KeyError:
                raise NameError(f"unbound variable {name!r}") from None
        case Neg(e=e):
            return -evaluate(e, env)
        case BinOp(op=op, l=l, r=r):
            return OPS[op](evaluate(l, env), evaluate(r, env))
        case Let(name=name, value=value, body=body):
            return evaluate(body, {**env, name: evaluate(value, env)})
        case Fn(params=params, body=body):
            def closure(*args):
                if len(args) != len(params):
                    raise TypeError(f"expected {len(params)} args, got {len(args)}")
                return evaluate(body, {**env, **dict(zip(params, args))})
            closure.__name__ = "fn(" + ",".join(params) + ")"
            return closure
        case Call(f=f, args=args):
            fv = evaluate(f, env)
            return fv(*[evaluate(a, env) for a in args])
        case If(c=c, t=t, e=e):
            return evaluate(t if evaluate(c, env) else e, env)
    raise TypeError(f"bad node {node!r}")

GLOBALS = {"pi": 3.14159, "max": max, "abs": abs}
programs = [
    "1 + 2 * 3",
    "(1 + 2) * 3",
    "2 ^ 3 ^ 2",
    "-2 ^ 2",
    "7 % 3 + 10 / 4",
    "let x = 5 in x * x",
    "let sq = fn a -> a * a in sq(12)",
    "let add = fn a b -> a + b in add(add(1, 2), 3)",
    "let fact = fn n f -> if n < 2 then 1 else n * f(n - 1, f) in fact(10, fact)",
    "max(3, 9, 4) + abs(-2)",
    "pi * 2",
    "if 1 == 1 then 100 else 200",
    "let f = fn -> 42 in f()",
    "1 +",
    "(1 + 2",
    "let = 5 in 1",
    "3 $ 4",
    "y + 1",
    "1 / 0",
    "let f = fn a -> a in f(1, 2)",
    "1 2",
]
for src in programs:
    try:
        ast = Parser(src).parse()
        result = evaluate(ast, GLOBALS)
        print(f"{src!r:55} => {result!r}")
    except LangError as e:
        print(f"{src!r:55} => syntax error: {e} (pos {e.pos})")
    except (NameError, TypeError, ZeroDivisionError) as e:
        print(f"{src!r:55} => {type(e).__name__}: {e}")
print(Parser("let x = 1 in x + 2").parse())
print(Parser("fn a b -> a").parse() == Parser("fn a b -> a").parse(), list(tokenize("a->1"))[:2])
