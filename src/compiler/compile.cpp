// compile_ast / compile_source: the compiler's public entry points.
#include "compiler/compile.h"

#include "compiler/codegen.h"
#include "core/state.h"
#include "parser/arena.h"
#include "parser/ast_nodes.h"

namespace pyxx {

Object* compile_ast(ast::Mod* mod, Object* filename, ParseMode mode, int flags, int optimize, ast::Arena& arena) {
  (void)flags;
  (void)arena;
  if (optimize < 0) {
    ThreadState* ts = tstate_fast();
    optimize = ts && ts->interp ? ts->interp->optimize : 0;
  }
  return compiler::codegen_module(mod, filename, optimize, mode == ParseMode::Single);
}

Object* compile_source(std::string_view source, Object* filename, ParseMode mode, int flags, int optimize) {
  ast::Arena arena;
  ast::Mod* mod = parse_source(source, filename, mode, flags, arena);
  if (!mod) return nullptr;
  return compile_ast(mod, filename, mode, flags, optimize, arena);
}

}  // namespace pyxx
