// Code generation entry (compiler/codegen.cpp): symtable + codegen + assemble.
#pragma once
#include "core/object.h"
#include "parser/ast_nodes.h"

namespace pyxx::compiler {
// Compiles a module / expression / interactive AST to a code object (new ref).
[[nodiscard]] Object* codegen_module(ast::Mod* mod, Object* filename, int optimize, bool interactive);
}  // namespace pyxx::compiler
