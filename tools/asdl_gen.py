#!/usr/bin/env python3
"""Generates src/parser/ast_nodes.h (C++ AST node structs) from src/parser/Python.asdl.

Usage: tools/cpython tools/asdl_gen.py   (or python3 tools/asdl_gen.py)

Naming in C++ (namespace pyxx::ast):
  * sum types with fields  -> base struct (Mod, Stmt, Expr, Pattern, TypeParam) with a
    nested `enum class Kind` and the location attributes; one struct per constructor
    deriving from it (stmt `Expr` becomes `ExprStmt` to avoid clashing with the base).
  * sum types with a single constructor (excepthandler, type_ignore) collapse into that
    constructor's struct (ExceptHandler, TypeIgnore), still with a one-value Kind.
  * enum-like sum types -> `enum class` (ExprContext, Boolop, Operator, Unaryop, Cmpop)
    numbered from 1 as CPython does.
  * product types -> plain structs (Arguments, Arg, Keyword, Alias, Withitem, MatchCase,
    Comprehension).
  * `T*` -> Seq<T*> (arena array), `T?` -> nullable pointer, identifier/string/constant ->
    Object* (owned by the Arena), int -> int.
  * Constant's field `kind` is called `str_kind` (the base already has `kind`).
"""
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
ASDL = os.path.join(ROOT, "src", "parser", "Python.asdl")
OUT = os.path.join(ROOT, "src", "parser", "ast_nodes.h")
DUMP_OUT = os.path.join(ROOT, "src", "parser", "ast_dump_gen.inc")

BUILTIN = {"identifier", "string", "constant", "int"}
CTOR_RENAME = {("stmt", "Expr"): "ExprStmt"}
FIELD_RENAME = {("Constant", "kind"): "str_kind"}
TYPE_NAMES = {
    "mod": "Mod", "stmt": "Stmt", "expr": "Expr", "expr_context": "ExprContext",
    "boolop": "Boolop", "operator": "Operator", "unaryop": "Unaryop", "cmpop": "Cmpop",
    "comprehension": "Comprehension", "excepthandler": "ExceptHandler",
    "arguments": "Arguments", "arg": "Arg", "keyword": "Keyword", "alias": "Alias",
    "withitem": "Withitem", "match_case": "MatchCase", "pattern": "Pattern",
    "type_ignore": "TypeIgnore", "type_param": "TypeParam",
}


# ---- a small ASDL reader ----------------------------------------------------
def tokenize(text):
    text = re.sub(r"--[^\n]*", "", text)
    return re.findall(r"[A-Za-z_][A-Za-z_0-9]*|[=|(),*?{}]", text)


class Field:
    def __init__(self, type, name, opt, seq):
        self.type, self.name, self.opt, self.seq = type, name, opt, seq


class Ctor:
    def __init__(self, name, fields):
        self.name, self.fields = name, fields


class Def:
    def __init__(self, name, ctors=None, product=None, attributes=()):
        self.name, self.ctors, self.product, self.attributes = name, ctors, product, list(attributes)


def parse(text):
    toks = tokenize(text)
    pos = 0

    def peek():
        return toks[pos] if pos < len(toks) else None

    def take(expect=None):
        nonlocal pos
        t = toks[pos]
        if expect is not None and t != expect:
            raise SyntaxError(f"ASDL: expected {expect!r}, got {t!r}")
        pos += 1
        return t

    def fields():
        take("(")
        out = []
        while True:
            ftype = take()
            opt = seq = False
            while peek() in ("?", "*"):
                if take() == "?":
                    opt = True
                else:
                    seq = True
            out.append(Field(ftype, take(), opt, seq))
            if peek() == ",":
                take()
                continue
            take(")")
            return out

    take("module")
    take()
    take("{")
    defs = []
    while peek() != "}":
        name = take()
        take("=")
        if peek() == "(":
            d = Def(name, product=fields())
        else:
            ctors = []
            while True:
                cname = take()
                ctors.append(Ctor(cname, fields() if peek() == "(" else []))
                if peek() == "|":
                    take()
                    continue
                break
            d = Def(name, ctors=ctors)
        if peek() == "attributes":
            take()
            d.attributes = fields()
        defs.append(d)
    take("}")
    return defs


def write_if_changed(path, text):
    # Keeps timestamps (and everyone's incremental builds) when nothing changed.
    try:
        with open(path) as f:
            if f.read() == text:
                print(f"unchanged {path}")
                return
    except FileNotFoundError:
        pass
    with open(path, "w") as f:
        f.write(text)
    print(f"wrote {path}")


# ---- C++ emission -------------------------------------------------------------
def main():
    with open(ASDL) as f:
        defs = parse(f.read())
    simple = {d.name for d in defs if d.ctors and all(not c.fields for c in d.ctors) and not d.attributes}
    kinds = {d.name: d for d in defs}

    def elem_type(t):
        if t in ("identifier", "string", "constant"):
            return "Object*"
        if t == "int":
            return "int"
        if t in simple:
            return TYPE_NAMES[t]
        return TYPE_NAMES[t] + "*"

    def ctype(f):
        e = elem_type(f.type)
        return f"Seq<{e}>" if f.seq else e

    def ctor_name(d, c):
        return CTOR_RENAME.get((d.name, c.name), c.name)

    out = []
    w = out.append
    w("// GENERATED by tools/asdl_gen.py from src/parser/Python.asdl -- do not edit; rebuild: tools/cpython tools/asdl_gen.py")
    w("// AST node structs (namespace pyxx::ast), allocated in an ast::Arena (parser/arena.h).")
    w("// Location attributes: lineno/end_lineno 1-based, col_offset/end_col_offset UTF-8 byte")
    w("// offsets, as CPython. Identifiers are interned str, constants/strings Python objects")
    w("// owned by the arena. Nodes are trivially destructible; the arena frees them in bulk.")
    w("#pragma once")
    w("#include <cstdint>")
    w('#include "parser/arena.h"')
    w("")
    w("namespace pyxx::ast {")
    w("")
    for d in defs:
        if d.name not in simple:
            w(f"struct {TYPE_NAMES[d.name]};")
    for d in defs:
        if d.ctors and d.name not in simple and len(d.ctors) > 1:
            for c in d.ctors:
                w(f"struct {ctor_name(d, c)};")
    w("")
    # enums
    for d in defs:
        if d.name in simple:
            names = ", ".join(f"{c.name} = {i + 1}" if i == 0 else c.name for i, c in enumerate(d.ctors))
            w(f"enum class {TYPE_NAMES[d.name]} : uint8_t {{ {names} }};")
            arr = ", ".join(['""'] + [f'"{c.name}"' for c in d.ctors])
            w(f"inline const char* name_of({TYPE_NAMES[d.name]} v) {{ static const char* const n[] = {{{arr}}}; return n[int(v)]; }}")
    w("")

    def member_lines(fields, owner):
        lines = []
        for f in fields:
            fname = FIELD_RENAME.get((owner, f.name), f.name)
            comment = ""
            if f.opt and not f.seq and f.type != "int":
                comment = "  // optional (may be null)"
            elif f.opt and f.seq:
                comment = "  // items may be null"
            init = "" if f.seq else (" = 0" if elem_type(f.type) == "int" else "")
            lines.append(f"  {ctype(f)} {fname}{init};{comment}")
        return lines

    def params(fields, owner):
        return [(ctype(f), FIELD_RENAME.get((owner, f.name), f.name)) for f in fields]

    attr_names = ["lineno", "col_offset", "end_lineno", "end_col_offset"]

    def emit_struct(name, base, kind_enum_owner, fields, attrs, extra=None, kind_value=None, single_kind=None):
        w(f"struct {name}{' final : ' + base if base else ''} {{")
        if single_kind is not None:
            w(f"  enum class Kind : uint8_t {{ {single_kind} = 1 }};")
            w(f"  static constexpr Kind kKind = Kind::{single_kind};")
            w("  Kind kind;")
            if attrs:
                w("  int " + ", ".join(attr_names) + ";")
        elif base:
            w(f"  static constexpr Kind kKind = Kind::{kind_value};")
        elif attrs:
            w("  int " + ", ".join(attr_names) + ";")
        for line in member_lines(fields, name):
            w(line)
        ps = params(fields, name)
        all_params = [f"{t} {n}_" for t, n in ps]
        if attrs or base:
            all_params += [f"int {a}_" for a in attr_names]
        if all_params:
            inits = []
            if base:
                inits.append(f"{base}(kKind, " + ", ".join(f"{a}_" for a in attr_names) + ")")
            elif single_kind is not None:
                inits.append("kind(kKind)")
                if attrs:
                    inits += [f"{a}({a}_)" for a in attr_names]
            elif attrs:
                inits += [f"{a}({a}_)" for a in attr_names]
            inits += [f"{n}({n}_)" for t, n in ps]
            w(f"  {name}(" + ", ".join(all_params) + ")")
            w("      : " + ", ".join(inits) + " {}")
        w("};")

    for d in defs:
        if d.name in simple:
            continue
        tname = TYPE_NAMES[d.name]
        if d.product is not None:
            emit_struct(tname, None, None, d.product, bool(d.attributes))
            w("")
            continue
        if len(d.ctors) == 1:
            c = d.ctors[0]
            emit_struct(tname, None, None, c.fields, bool(d.attributes), single_kind=c.name)
            w("")
            continue
        # base struct
        w(f"struct {tname} {{")
        w("  enum class Kind : uint8_t {")
        for i, c in enumerate(d.ctors):
            w(f"    {c.name}{' = 1' if i == 0 else ''},")
        w("  };")
        w("  Kind kind;")
        if d.attributes:
            w("  int " + ", ".join(attr_names) + ";")
            w(" protected:")
            w(f"  {tname}(Kind k, " + ", ".join(f"int {a}_" for a in attr_names) + ")")
            w("      : kind(k), " + ", ".join(f"{a}({a}_)" for a in attr_names) + " {}")
        else:
            w(" protected:")
            w(f"  explicit {tname}(Kind k) : kind(k) {{}}")
        w("};")
        arr = ", ".join(['""'] + [f'"{c.name}"' for c in d.ctors])
        w(f"inline const char* name_of({tname}::Kind k) {{ static const char* const n[] = {{{arr}}}; return n[int(k)]; }}")
        w("")
        for c in d.ctors:
            cname = ctor_name(d, c)
            w(f"struct {cname} final : {tname} {{")
            w(f"  static constexpr Kind kKind = Kind::{c.name};")
            for line in member_lines(c.fields, c.name):
                w(line)
            ps = params(c.fields, c.name)
            all_params = [f"{t} {n}_" for t, n in ps]
            base_args = ["kKind"]
            if d.attributes:
                all_params += [f"int {a}_" for a in attr_names]
                base_args += [f"{a}_" for a in attr_names]
            inits = [f"{tname}(" + ", ".join(base_args) + ")"] + [f"{n}({n}_)" for t, n in ps]
            w(f"  {'explicit ' if len(all_params) == 1 else ''}{cname}(" + ", ".join(all_params) + ")")
            w("      : " + ", ".join(inits) + " {}")
            w("};")
        w("")

    # helpers: checked casts and visit()
    w("// isa<T>(node) / cast<T>(node): kind test and checked downcast for sum types.")
    w("template <class T, class B> inline bool isa(const B* n) { return n->kind == T::kKind; }")
    w("template <class T, class B> inline T* cast(B* n) { return static_cast<T*>(n); }")
    w("template <class T, class B> inline T* dyn_cast(B* n) { return n && n->kind == T::kKind ? static_cast<T*>(n) : nullptr; }")
    w("")
    w("// visit(node, f): calls f(static_cast<Ctor*>(node)) for the node's constructor.")
    for d in defs:
        if d.name in simple or d.product is not None or len(d.ctors) == 1:
            continue
        tname = TYPE_NAMES[d.name]
        w(f"template <class F> decltype(auto) visit({tname}* n, F&& f) {{")
        w("  switch (n->kind) {")
        for c in d.ctors[:-1]:
            w(f"    case {tname}::Kind::{c.name}: return f(static_cast<{ctor_name(d, c)}*>(n));")
        w("    default: break;")
        w("  }")
        w(f"  return f(static_cast<{ctor_name(d, d.ctors[-1])}*>(n));")
        w("}")
    w("")
    w("}  // namespace pyxx::ast")
    text = "\n".join(out) + "\n"
    write_if_changed(OUT, text)
    emit_dump(defs, simple, ctor_name, elem_type)


def emit_dump(defs, simple, ctor_name, elem_type):
    """ast_dump_gen.inc: the body of ast.dump() for every node type (see ast_dump.cpp)."""
    out = []
    w = out.append
    w("// GENERATED by tools/asdl_gen.py from src/parser/Python.asdl -- do not edit; rebuild: tools/cpython tools/asdl_gen.py")
    w("// Included by parser/ast_dump.cpp inside class Dumper.")

    def field_code(f, owner, var):
        fname = FIELD_RENAME.get((owner, f.name), f.name)
        acc = f"{var}->{fname}"
        t = f.type
        if f.seq:
            if t in ("identifier", "string", "constant"):
                item = "obj(x)"
            elif t == "int":
                item = "integer(x)"
            elif t in simple:
                item = "enumv(name_of(x))"
            else:
                item = "node(x)"
            return [f"  if ({acc}.size) {{ key(\"{f.name}\"); out_ += '['; bool first = true;",
                    f"    for (auto x : {acc}) {{ if (!first) out_ += \", \"; first = false; {item}; }}",
                    "    out_ += ']'; }"]
        if t in ("identifier", "string", "constant"):
            if f.opt:
                return [f"  if ({acc}) {{ key(\"{f.name}\"); obj({acc}); }}"]
            return [f"  key(\"{f.name}\"); obj({acc});"]
        if t == "int":
            return [f"  key(\"{f.name}\"); integer({acc});"]
        if t in simple:
            return [f"  key(\"{f.name}\"); enumv(name_of({acc}));"]
        if f.opt:
            return [f"  if ({acc}) {{ key(\"{f.name}\"); node({acc}); }}"]
        return [f"  key(\"{f.name}\"); node({acc});"]

    def attrs_code(var):
        return ["  if (attrs_) { key(\"lineno\"); integer(" + var + "->lineno); key(\"col_offset\"); integer(" + var +
                "->col_offset); key(\"end_lineno\"); integer(" + var + "->end_lineno); key(\"end_col_offset\"); integer(" +
                var + "->end_col_offset); }"]

    for d in defs:
        if d.name in simple:
            continue
        tname = TYPE_NAMES[d.name]
        if d.product is not None:
            w(f"void node({tname}* n) {{")
            w("  if (!n) { out_ += \"None\"; return; }")
            w(f"  open(\"{d.name}\");")
            for f in d.product:
                out.extend(field_code(f, tname, "n"))
            if d.attributes:
                out.extend(attrs_code("n"))
            w("  close();")
            w("}")
            continue
        if len(d.ctors) == 1:
            c = d.ctors[0]
            w(f"void node({tname}* n) {{")
            w("  if (!n) { out_ += \"None\"; return; }")
            w(f"  open(\"{c.name}\");")
            for f in c.fields:
                out.extend(field_code(f, c.name, "n"))
            if d.attributes:
                out.extend(attrs_code("n"))
            w("  close();")
            w("}")
            continue
        w(f"void node({tname}* base) {{")
        w("  if (!base) { out_ += \"None\"; return; }")
        w("  switch (base->kind) {")
        for c in d.ctors:
            cn = ctor_name(d, c)
            w(f"    case {tname}::Kind::{c.name}: {{")
            w(f"      auto* n = static_cast<{cn}*>(base);")
            w(f"      (void)n;")
            w(f"      open(\"{c.name}\");")
            for f in c.fields:
                out.extend("    " + line for line in field_code(f, c.name, "n"))
            if d.attributes:
                out.extend("    " + line for line in attrs_code("n"))
            w("      close();")
            w("      break;")
            w("    }")
        w("  }")
        w("}")
    write_if_changed(DUMP_OUT, "\n".join(out) + "\n")


if __name__ == "__main__":
    main()
