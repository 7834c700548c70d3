# compile-time errors raised for match statements
srcs = [
    "match x:\n case y:\n  pass\n case 1:\n  pass\n",
    "match x:\n case _:\n  pass\n case 1:\n  pass\n",
    "match x:\n case [a, a]:\n  pass\n",
    "match x:\n case [a] | [b]:\n  pass\n",
    "match x:\n case a | 1:\n  pass\n",
    "match x:\n case {1: a, 1: b}:\n  pass\n",
    "match x:\n case {True: a, 1: b}:\n  pass\n",
    "match x:\n case C(a=1, a=2):\n  pass\n",
    "match x:\n case [*a, *b]:\n  pass\n",
    "match x:\n case [a, (b | a)]:\n  pass\n",
    "match x:\n case (a | b) | (b | a):\n  pass\n",
    "match x:\n case y if y:\n  pass\n case 1:\n  pass\n",
    "match x:\n case y as z:\n  pass\n case 1:\n  pass\n",
    "match x:\n case (y):\n  pass\n case 1:\n  pass\n",
    "match x:\n case {'a': a, 'b': a}:\n  pass\n",
    "match x:\n case Point(a, b=a):\n  pass\n",
    "match x:\n case [1, 2] as a | [a]:\n  pass\n",
]
for src in srcs:
    try:
        compile(src, "<match>", "exec")
        print("compiled")
    except SyntaxError as e:
        print(f"{e.msg} (line {e.lineno}, col {e.offset}-{e.end_offset})")
