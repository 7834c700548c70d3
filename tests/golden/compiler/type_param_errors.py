# Compile-time errors for PEP 695 type parameters and type aliases
srcs = [
 "def f[T = int, U](): pass",
 "class C[__classdict__]: pass",
 "def f[T, T](): pass",
 "type A[T: (yield)] = int",
 "def f[T: (x := 1)](): pass",
 "def f[T](): \n    global T",
 "type X = (await x)",
 "def f[T: lambda: T](): pass",
 "class C[T: [y for y in T]]: pass",
 "def f[*Ts = int](): pass",
 "type T[**P = int] = P",
]
for s in srcs:
    try:
        compile(s, "<s>", "exec"); print("ok")
    except SyntaxError as e:
        print("SyntaxError:", e.msg, e.lineno, e.offset)
