// Compiler entry points: AST -> code object (compiler/compile.cpp).
#pragma once
#include <string_view>
#include "core/object.h"
#include "objects/code.h"  // code_check etc. for users of compile()
#include "parser/parser.h"

namespace pyxx {
// compile() flags (CPython's PyCF_* values).
enum : int {
  kCfOnlyAst = 0x0400, kCfTypeComments = 0x1000, kCfAllowTopLevelAwait = 0x2000,
  kCfAllowIncompleteInput = 0x4000, kCfOptimizedAst = 0x8000 | 0x0400, kCfDontImplyDedent = 0x0200,
  kCfSource_is_utf8 = 0x0100,
};
// Compiles an AST; `optimize` is -1 (use interpreter's), 0, 1 or 2.
[[nodiscard]] Object* compile_ast(ast::Mod* mod, Object* filename, ParseMode mode, int flags, int optimize, ast::Arena& arena);
// Parse + compile. Returns a code object or nullptr with SyntaxError etc. set.
[[nodiscard]] Object* compile_source(std::string_view source, Object* filename, ParseMode mode, int flags, int optimize);
// Stack effect of an instruction (CPython's PyCompile_OpcodeStackEffectWithJump):
// jump -1 = max of both branches, 1 = jump taken, 0 = not taken.
int stack_effect(int opcode, int oparg, int jump);
}  // namespace pyxx
