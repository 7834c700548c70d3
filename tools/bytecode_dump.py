"""Recursive dump of every code object of a compiled module (bytecode parity format).
Used by tools/record-bytecode-parity; tests/unit/test_compiler.cpp produces the same text."""
import sys, types

def dump(co, out):
    consts = []
    for c in co.co_consts:
        consts.append(("<code %s>" % c.co_name) if isinstance(c, types.CodeType) else repr(c))
    out.append("code %s" % co.co_name)
    out.append("  qualname %s" % co.co_qualname)
    out.append("  flags %d" % co.co_flags)
    out.append("  argcount %d posonly %d kwonly %d nlocals %d stacksize %d firstlineno %d" % (
        co.co_argcount, co.co_posonlyargcount, co.co_kwonlyargcount, co.co_nlocals, co.co_stacksize, co.co_firstlineno))
    out.append("  varnames %s" % " ".join(co.co_varnames))
    out.append("  cellvars %s" % " ".join(co.co_cellvars))
    out.append("  freevars %s" % " ".join(co.co_freevars))
    out.append("  names %s" % " ".join(co.co_names))
    out.append("  consts %s" % " | ".join(consts))
    out.append("  code %s" % co.co_code.hex())
    out.append("  exctable %s" % co.co_exceptiontable.hex())
    out.append("  linetable %s" % co.co_linetable.hex())
    for c in co.co_consts:
        if isinstance(c, types.CodeType):
            dump(c, out)

if __name__ == "__main__":
    src_path, out_path = sys.argv[1], sys.argv[2]
    src = open(src_path, encoding="utf-8").read()
    name = src_path.rsplit("/", 1)[-1]
    out = []
    dump(compile(src, name, "exec"), out)
    open(out_path, "w").write("\n".join(out) + "\n")
