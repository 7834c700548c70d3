class ParseError(ValueError):
    def __init__(self, line, msg):
        super().__init__(f"line {line}: {msg}")
        self.line = line
def parse(lines):
    for i, l in enumerate(lines, 1):
        if not l.strip():
            raise ParseError(i, "empty line")
parse(["a", "b", " "])
