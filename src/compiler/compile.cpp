// compile_ast / compile_source: the compiler's public entry points.
#include "compiler/compile.h"

#include <string>

#include "compiler/codegen.h"
#include "compiler/symtable.h"
#include "core/state.h"
#include "parser/arena.h"
#include "parser/ast_nodes.h"

namespace pyxx {

namespace {

// PEP 765: `return`, `break` and `continue` that would leave a `finally` block
// get a SyntaxWarning before code generation (CPython's AST preprocessing
// pass). Only the innermost function/loop/finally context counts: a `return`
// in a loop inside a `finally`, or a `break` in a loop body, is not warned.
class FinallyChecker {
 public:
  explicit FinallyChecker(Object* filename) : filename_(filename) {}

  bool stmts(ast::Seq<ast::Stmt*> body) {
    for (ast::Stmt* s : body)
      if (!stmt(s)) return false;
    return true;
  }

 private:
  enum Ctx { kNone, kFinally, kFunc, kLoop };
  Object* filename_;
  Ctx top_ = kNone;

  bool in(Ctx c, ast::Seq<ast::Stmt*> body) {
    Ctx saved = top_;
    top_ = c;
    bool ok = stmts(body);
    top_ = saved;
    return ok;
  }

  bool warn(const char* kw, ast::Stmt* s) {
    std::string msg = std::string("'") + kw + "' in a 'finally' block";
    SyntaxWarningHook hook = syntax_warning_hook();
    if (!hook) return true;
    int r = hook(filename_, s->lineno, msg.c_str());
    if (r == 0) return true;
    if (r > 0)
      compiler::raise_syntax_error(filename_, s->lineno, s->col_offset, s->end_lineno, s->end_col_offset, "%s",
                                   msg.c_str());
    return false;
  }

  bool stmt(ast::Stmt* s) {
    using K = ast::Stmt::Kind;
    switch (s->kind) {
      case K::FunctionDef: return in(kFunc, ast::cast<ast::FunctionDef>(s)->body);
      case K::AsyncFunctionDef: return in(kFunc, ast::cast<ast::AsyncFunctionDef>(s)->body);
      case K::ClassDef: return stmts(ast::cast<ast::ClassDef>(s)->body);
      case K::Return: return top_ != kFinally || warn("return", s);
      case K::Break: return top_ != kFinally || warn("break", s);
      case K::Continue: return top_ != kFinally || warn("continue", s);
      case K::For: {
        auto* n = ast::cast<ast::For>(s);
        return in(kLoop, n->body) && stmts(n->orelse);
      }
      case K::AsyncFor: {
        auto* n = ast::cast<ast::AsyncFor>(s);
        return in(kLoop, n->body) && stmts(n->orelse);
      }
      case K::While: {
        auto* n = ast::cast<ast::While>(s);
        return in(kLoop, n->body) && stmts(n->orelse);
      }
      case K::If: {
        auto* n = ast::cast<ast::If>(s);
        return stmts(n->body) && stmts(n->orelse);
      }
      case K::With: return stmts(ast::cast<ast::With>(s)->body);
      case K::AsyncWith: return stmts(ast::cast<ast::AsyncWith>(s)->body);
      case K::Match:
        for (ast::MatchCase* c : ast::cast<ast::Match>(s)->cases)
          if (!stmts(c->body)) return false;
        return true;
      case K::Try: {
        auto* n = ast::cast<ast::Try>(s);
        if (!stmts(n->body)) return false;
        for (ast::ExceptHandler* h : n->handlers)
          if (!stmts(h->body)) return false;
        return stmts(n->orelse) && in(kFinally, n->finalbody);
      }
      case K::TryStar: {
        auto* n = ast::cast<ast::TryStar>(s);
        if (!stmts(n->body)) return false;
        for (ast::ExceptHandler* h : n->handlers)
          if (!stmts(h->body)) return false;
        return stmts(n->orelse) && in(kFinally, n->finalbody);
      }
      default: return true;
    }
  }
};

}  // namespace

Object* compile_ast(ast::Mod* mod, Object* filename, ParseMode mode, int flags, int optimize, ast::Arena& arena) {
  (void)flags;
  (void)arena;
  if (optimize < 0) {
    ThreadState* ts = tstate_fast();
    optimize = ts && ts->interp ? ts->interp->optimize : 0;
  }
  if (mod->kind == ast::Mod::Kind::Module || mod->kind == ast::Mod::Kind::Interactive) {
    FinallyChecker check(filename);
    ast::Seq<ast::Stmt*> body = mod->kind == ast::Mod::Kind::Module ? ast::cast<ast::Module>(mod)->body
                                                                    : ast::cast<ast::Interactive>(mod)->body;
    if (!check.stmts(body)) return nullptr;
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
