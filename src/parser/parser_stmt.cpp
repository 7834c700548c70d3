// Statement rules of the PEG parser (CPython 3.14 Grammar/python.gram,
// "STARTING RULES" to "Type parameter declaration").
#include "objects/singletons.h"
#include "objects/int.h"
#include "objects/complex.h"
#include "objects/str.h"
#include "parser/parser_impl.h"

namespace pyxx::parser {

#define GUARD() \
  do {          \
    if (error_) return nullptr; \
  } while (0)
#define GUARD_B() \
  do {            \
    if (error_) return false; \
  } while (0)

namespace {
// &&'x': a forced token; raises "expected 'x'" at the next token when absent.
}

// ---------------------------------------------------------------- start rules

Mod* Parser::file_rule() {
  GUARD();
  std::vector<Stmt*> body;
  int m = mark_;
  if (!statements(body)) {
    GUARD();
    mark_ = m;
    body.clear();
  }
  if (!expect(ENDMARKER)) return nullptr;
  return arena_.make<Module>(seq(body), Seq<TypeIgnore*>{});
}

Mod* Parser::interactive_rule() {
  GUARD();
  std::vector<Stmt*> body;
  if (!statement_newline(body)) return nullptr;
  return arena_.make<Interactive>(seq(body));
}

Mod* Parser::eval_rule() {
  GUARD();
  Expr* a = expressions();
  if (!a) return nullptr;
  while (expect(NEWLINE)) {}
  if (!expect(ENDMARKER)) return nullptr;
  return arena_.make<Expression>(a);
}

Mod* Parser::func_type_rule() {
  GUARD();
  if (!expect(LPAR)) return nullptr;
  std::vector<Expr*> a;
  int m = mark_;
  if (!type_expressions(a)) { GUARD(); mark_ = m; }
  if (!expect(RPAR) || !expect(RARROW)) return nullptr;
  Expr* b = expression();
  if (!b) return nullptr;
  while (expect(NEWLINE)) {}
  if (!expect(ENDMARKER)) return nullptr;
  return arena_.make<FunctionType>(seq(a), b);
}

bool Parser::statements(std::vector<Stmt*>& out) {
  bool any = false;
  for (;;) {
    int m = mark_;
    size_t n = out.size();
    if (!statement(out)) {
      out.resize(n);
      mark_ = m;
      break;
    }
    any = true;
  }
  return any && !error_;
}

bool Parser::statement(std::vector<Stmt*>& out) {
  GUARD_B();
  int start = mark_;
  Stmt* s = compound_stmt();
  if (s) { out.push_back(s); return true; }
  GUARD_B();
  mark_ = start;
  return simple_stmts(out);
}

bool Parser::statement_newline(std::vector<Stmt*>& out) {
  GUARD_B();
  int start = mark_;
  Stmt* s = compound_stmt();
  if (s && expect(NEWLINE)) { out.push_back(s); return true; }
  GUARD_B();
  mark_ = start;
  if (simple_stmts(out)) return true;
  GUARD_B();
  mark_ = start;
  if (expect(NEWLINE)) {
    out.push_back(node<Pass>(start));
    return true;
  }
  if (expect(ENDMARKER)) return false;  // _PyPegen_interactive_exit
  return false;
}

bool Parser::simple_stmts(std::vector<Stmt*>& out) {
  GUARD_B();
  int start = mark_;
  Stmt* a = simple_stmt();
  if (a && !check(SEMI) && expect(NEWLINE)) {
    out.push_back(a);
    return true;
  }
  GUARD_B();
  mark_ = start;
  std::vector<Stmt*> items;
  for (;;) {
    int m = mark_;
    Stmt* s = simple_stmt();
    if (!s) { mark_ = m; break; }  // a consumed ';' is the optional trailing one
    items.push_back(s);
    if (!expect(SEMI)) break;
  }
  GUARD_B();
  if (!items.empty() && expect(NEWLINE)) {
    out.insert(out.end(), items.begin(), items.end());
    return true;
  }
  mark_ = start;
  return false;
}

Stmt* Parser::simple_stmt() {
  GUARD();
  Stmt* r;
  if (memo_get(R_simple_stmt, &r)) return r;
  int start = mark_;
  r = simple_stmt_raw();
  if (error_) r = nullptr;
  if (!r) mark_ = start;
  memo_set(start, R_simple_stmt, r);
  return r;
}

Stmt* Parser::simple_stmt_raw() {
  int start = mark_;
  Stmt* s = assignment();
  if (s || error_) return s;
  mark_ = start;
  if (check_soft("type")) {
    s = type_alias();
    if (s || error_) return s;
    mark_ = start;
  }
  Expr* e = star_expressions();
  if (e) return node<ExprStmt>(start, e);
  GUARD();
  mark_ = start;
  PToken* t = peek();
  if (!t) return nullptr;
  switch (t->ptype) {
    case KW_RETURN: return return_stmt();
    case KW_IMPORT:
    case KW_FROM: return import_stmt();
    case KW_RAISE: return raise_stmt();
    case KW_PASS: mark_++; return node<Pass>(start);
    case KW_DEL: return del_stmt();
    case KW_YIELD: return yield_stmt();
    case KW_ASSERT: return assert_stmt();
    case KW_BREAK: mark_++; return node<Break>(start);
    case KW_CONTINUE: mark_++; return node<Continue>(start);
    case KW_GLOBAL: return global_stmt();
    case KW_NONLOCAL: return nonlocal_stmt();
    default: return nullptr;
  }
}

Stmt* Parser::compound_stmt() {
  GUARD();
  PToken* t = peek();
  if (!t) return nullptr;
  int start = mark_;
  Stmt* s = nullptr;
  switch (t->ptype) {
    case KW_DEF: return function_def();
    case AT:
      s = function_def();
      if (s || error_) return s;
      mark_ = start;
      return class_def();
    case KW_ASYNC:
      s = function_def();
      if (s || error_) return s;
      mark_ = start;
      s = with_stmt();
      if (s || error_) return s;
      mark_ = start;
      return for_stmt();
    case KW_IF: return if_stmt();
    case KW_CLASS: return class_def();
    case KW_WITH: return with_stmt();
    case KW_FOR: return for_stmt();
    case KW_TRY: return try_stmt();
    case KW_WHILE: return while_stmt();
    default: return match_stmt();
  }
}

// ---------------------------------------------------------------- simple statements

Stmt* Parser::assignment() {
  GUARD();
  int start = mark_;
  PToken* t = peek();
  if (!t) return nullptr;
  // NAME ':' expression ['=' annotated_rhs]
  if (t->ptype == NAME) {
    Expr* a = name_token();
    if (a && expect(COLON)) {
      Expr* b = expression();
      if (b) {
        int m = mark_;
        Expr* c = nullptr;
        if (expect(EQUAL)) {
          c = annotated_rhs();
          if (!c) { GUARD(); mark_ = m; }
        }
        return node<AnnAssign>(start, set_context(a, ExprContext::Store), b, c, 1);
      }
    }
    GUARD();
    mark_ = start;
  }
  // ('(' single_target ')' | single_subscript_attribute_target) ':' expression ['=' annotated_rhs]
  {
    Expr* a = nullptr;
    if (expect(LPAR)) {
      a = single_target();
      if (!(a && expect(RPAR))) a = nullptr;
    }
    GUARD();
    if (!a) {
      mark_ = start;
      a = single_subscript_attribute_target();
    }
    if (a && expect(COLON)) {
      Expr* b = expression();
      if (b) {
        int m = mark_;
        Expr* c = nullptr;
        if (expect(EQUAL)) {
          c = annotated_rhs();
          if (!c) { GUARD(); mark_ = m; }
        }
        return node<AnnAssign>(start, a, b, c, 0);
      }
    }
    GUARD();
    mark_ = start;
  }
  // (star_targets '=')+ annotated_rhs !'=' [TYPE_COMMENT]
  {
    std::vector<Expr*> targets;
    for (;;) {
      int m = mark_;
      Expr* z = star_targets();
      if (!z || !expect(EQUAL)) { mark_ = m; break; }
      targets.push_back(z);
    }
    GUARD();
    if (!targets.empty()) {
      Expr* b = annotated_rhs();
      if (b && !check(EQUAL)) return node<Assign>(start, seq(targets), b, nullptr);
      GUARD();
    }
    mark_ = start;
  }
  // single_target augassign ~ annotated_rhs
  {
    Expr* a = single_target();
    Operator op;
    if (a && augassign(&op)) {
      Expr* c = annotated_rhs();
      if (c) return node<AugAssign>(start, a, op, c);
      mark_ = start;
      return nullptr;  // cut
    }
    GUARD();
    mark_ = start;
  }
  if (call_invalid_) {
    invalid_assignment();
    mark_ = start;
  }
  return nullptr;
}

Expr* Parser::annotated_rhs() {
  GUARD();
  int start = mark_;
  Expr* e = yield_expr();
  if (e || error_) return e;
  mark_ = start;
  return star_expressions();
}

bool Parser::augassign(Operator* op) {
  PToken* t = peek();
  if (!t) return false;
  switch (t->ptype) {
    case PLUSEQUAL: *op = Operator::Add; break;
    case MINEQUAL: *op = Operator::Sub; break;
    case STAREQUAL: *op = Operator::Mult; break;
    case ATEQUAL: *op = Operator::MatMult; break;
    case SLASHEQUAL: *op = Operator::Div; break;
    case PERCENTEQUAL: *op = Operator::Mod; break;
    case AMPEREQUAL: *op = Operator::BitAnd; break;
    case VBAREQUAL: *op = Operator::BitOr; break;
    case CIRCUMFLEXEQUAL: *op = Operator::BitXor; break;
    case LEFTSHIFTEQUAL: *op = Operator::LShift; break;
    case RIGHTSHIFTEQUAL: *op = Operator::RShift; break;
    case DOUBLESTAREQUAL: *op = Operator::Pow; break;
    case DOUBLESLASHEQUAL: *op = Operator::FloorDiv; break;
    default: return false;
  }
  mark_++;
  return true;
}

Stmt* Parser::return_stmt() {
  GUARD();
  int start = mark_;
  if (!expect(KW_RETURN)) return nullptr;
  int m = mark_;
  Expr* a = star_expressions();
  GUARD();
  if (!a) mark_ = m;
  return node<Return>(start, a);
}

Stmt* Parser::raise_stmt() {
  GUARD();
  int start = mark_;
  if (!expect(KW_RAISE)) return nullptr;
  Expr* a = expression();
  if (a) {
    int m = mark_;
    Expr* b = nullptr;
    if (expect(KW_FROM)) {
      b = expression();
      if (!b) { GUARD(); mark_ = m; }
    }
    return node<Raise>(start, a, b);
  }
  GUARD();
  mark_ = start + 1;
  return node<Raise>(start, nullptr, nullptr);
}

Stmt* Parser::global_stmt() {
  GUARD();
  int start = mark_;
  if (!expect(KW_GLOBAL)) return nullptr;
  std::vector<Object*> names;
  for (;;) {
    int m = mark_;
    PToken* n = expect(NAME);
    if (!n) { mark_ = m; if (!names.empty()) mark_ = m - 1; break; }
    names.push_back(token_name(n));
    if (!expect(COMMA)) break;
  }
  if (names.empty()) { mark_ = start; return nullptr; }
  return node<Global>(start, seq(names));
}

Stmt* Parser::nonlocal_stmt() {
  GUARD();
  int start = mark_;
  if (!expect(KW_NONLOCAL)) return nullptr;
  std::vector<Object*> names;
  for (;;) {
    int m = mark_;
    PToken* n = expect(NAME);
    if (!n) { mark_ = m; if (!names.empty()) mark_ = m - 1; break; }
    names.push_back(token_name(n));
    if (!expect(COMMA)) break;
  }
  if (names.empty()) { mark_ = start; return nullptr; }
  return node<Nonlocal>(start, seq(names));
}

Stmt* Parser::del_stmt() {
  GUARD();
  int start = mark_;
  if (expect(KW_DEL)) {
    std::vector<Expr*> a;
    if (del_targets(a) && (check(SEMI) || check(NEWLINE))) return node<Delete>(start, seq(a));
    GUARD();
  }
  mark_ = start;
  if (call_invalid_) {
    invalid_del_stmt();
    mark_ = start;
  }
  return nullptr;
}

Stmt* Parser::yield_stmt() {
  GUARD();
  int start = mark_;
  Expr* y = yield_expr();
  if (!y) return nullptr;
  return node<ExprStmt>(start, y);
}

Stmt* Parser::assert_stmt() {
  GUARD();
  int start = mark_;
  if (!expect(KW_ASSERT)) return nullptr;
  Expr* a = expression();
  if (!a) { mark_ = start; return nullptr; }
  int m = mark_;
  Expr* b = nullptr;
  if (expect(COMMA)) {
    b = expression();
    if (!b) { GUARD(); mark_ = m; }
  }
  return node<Assert>(start, a, b);
}

Stmt* Parser::import_stmt() {
  GUARD();
  Stmt* r;
  if (memo_get(R_import_stmt, &r)) return r;
  int start = mark_;
  r = nullptr;
  if (call_invalid_) {
    invalid_import();
    mark_ = start;
  }
  if (!error_) r = import_name();
  if (!r && !error_) {
    mark_ = start;
    r = import_from();
  }
  if (error_) r = nullptr;
  if (!r) mark_ = start;
  memo_set(start, R_import_stmt, r);
  return r;
}

Stmt* Parser::import_name() {
  GUARD();
  int start = mark_;
  if (!expect(KW_IMPORT)) return nullptr;
  std::vector<Alias*> a;
  if (!dotted_as_names(a)) { mark_ = start; return nullptr; }
  return node<Import>(start, seq(a));
}

Stmt* Parser::import_from() {
  GUARD();
  int start = mark_;
  if (!expect(KW_FROM)) return nullptr;
  int dots = 0;
  for (;;) {
    if (expect(DOT)) dots += 1;
    else if (expect(ELLIPSIS)) dots += 3;
    else break;
  }
  int after_dots = mark_;
  Expr* b = dotted_name();
  if (b && expect(KW_IMPORT)) {
    std::vector<Alias*> c;
    if (import_from_targets(c)) return node<ImportFrom>(start, cast<Name>(b)->id, seq(c), dots);
  }
  GUARD();
  mark_ = after_dots;
  if (dots > 0 && expect(KW_IMPORT)) {
    std::vector<Alias*> c;
    if (import_from_targets(c)) return node<ImportFrom>(start, nullptr, seq(c), dots);
  }
  mark_ = start;
  return nullptr;
}

bool Parser::import_from_targets(std::vector<Alias*>& out) {
  GUARD_B();
  int start = mark_;
  if (expect(LPAR)) {
    if (import_from_as_names(out)) {
      expect(COMMA);
      if (expect(RPAR)) return true;
    }
    GUARD_B();
    out.clear();
    mark_ = start;
  }
  if (import_from_as_names(out) && !check(COMMA)) return true;
  GUARD_B();
  out.clear();
  mark_ = start;
  if (PToken* s = expect(STAR)) {
    Object* star = arena_.own(str_intern_cstr("*"));
    out.push_back(arena_.make<Alias>(star, nullptr, s->lineno, s->col_offset, s->end_lineno, s->end_col_offset));
    return true;
  }
  if (call_invalid_) {
    invalid_import_from_targets();
    mark_ = start;
  }
  return false;
}

bool Parser::import_from_as_names(std::vector<Alias*>& out) {
  GUARD_B();
  for (;;) {
    int m = mark_;
    Alias* a = import_from_as_name();
    if (!a) { mark_ = m; if (!out.empty()) mark_ = m - 1; break; }
    out.push_back(a);
    if (!expect(COMMA)) break;
  }
  return !out.empty() && !error_;
}

Alias* Parser::import_from_as_name() {
  GUARD();
  int start = mark_;
  if (call_invalid_) {
    if (invalid_import_from_as_name() || error_) return nullptr;
    mark_ = start;
  }
  PToken* a = expect(NAME);
  if (!a) return nullptr;
  Object* asname = nullptr;
  int m = mark_;
  if (expect(KW_AS)) {
    PToken* z = expect(NAME);
    if (z) asname = token_name(z);
    else mark_ = m;
  }
  return node<Alias>(start, token_name(a), asname);
}

bool Parser::dotted_as_names(std::vector<Alias*>& out) {
  GUARD_B();
  for (;;) {
    int m = mark_;
    Alias* a = dotted_as_name();
    if (!a) { mark_ = m; if (!out.empty()) mark_ = m - 1; break; }
    out.push_back(a);
    if (!expect(COMMA)) break;
  }
  return !out.empty() && !error_;
}

Alias* Parser::dotted_as_name() {
  GUARD();
  int start = mark_;
  if (call_invalid_) {
    if (invalid_dotted_as_name() || error_) return nullptr;
    mark_ = start;
  }
  Expr* a = dotted_name();
  if (!a) return nullptr;
  Object* asname = nullptr;
  int m = mark_;
  if (expect(KW_AS)) {
    PToken* z = expect(NAME);
    if (z) asname = token_name(z);
    else mark_ = m;
  }
  return node<Alias>(start, cast<Name>(a)->id, asname);
}

Expr* Parser::dotted_name() {
  GUARD();
  int start = mark_;
  Expr* a = name_token();
  if (!a) return nullptr;
  for (;;) {
    int m = mark_;
    if (!expect(DOT)) break;
    PToken* b = expect(NAME);
    if (!b) { mark_ = m; break; }
    Object* bid = token_name(b);
    Object* joined = str_from_format("%U.%U", cast<Name>(a)->id, bid);
    if (!joined) { error_ = true; return nullptr; }
    joined = arena_.own(str_intern(joined));
    if (!joined) { error_ = true; return nullptr; }
    a = node<Name>(start, joined, ExprContext::Load);
  }
  return a;
}

// ---------------------------------------------------------------- blocks

Seq<Stmt*>* Parser::block() {
  GUARD();
  Seq<Stmt*>* r;
  if (memo_get(R_block, &r)) return r;
  int start = mark_;
  r = nullptr;
  std::vector<Stmt*> body;
  if (block_raw(body)) {
    r = arena_.make<Seq<Stmt*>>(seq(body));
  }
  if (error_) r = nullptr;
  if (!r) mark_ = start;
  memo_set(start, R_block, r);
  return r;
}

bool Parser::block_raw(std::vector<Stmt*>& out) {
  int start = mark_;
  if (expect(NEWLINE) && expect(INDENT)) {
    if (statements(out) && expect(DEDENT)) return true;
  }
  GUARD_B();
  out.clear();
  mark_ = start;
  if (simple_stmts(out)) return true;
  GUARD_B();
  out.clear();
  mark_ = start;
  if (call_invalid_) {
    invalid_block();
    mark_ = start;
  }
  return false;
}

bool Parser::decorators(std::vector<Expr*>& out) {
  for (;;) {
    int m = mark_;
    if (!expect(AT)) break;
    Expr* f = named_expression();
    if (!f || !expect(NEWLINE)) { mark_ = m; break; }
    out.push_back(f);
  }
  return !out.empty() && !error_;
}

Stmt* Parser::class_def() {
  GUARD();
  int start = mark_;
  std::vector<Expr*> d;
  if (decorators(d)) {
    Stmt* b = class_def_raw();
    if (b) {
      cast<ClassDef>(b)->decorator_list = seq(d);
      return b;
    }
    GUARD();
  }
  mark_ = start;
  return class_def_raw();
}

Stmt* Parser::class_def_raw() {
  GUARD();
  int start = mark_;
  if (call_invalid_) {
    if (invalid_class_def_raw() || error_) return nullptr;
    mark_ = start;
  }
  if (!expect(KW_CLASS)) return nullptr;
  PToken* a = expect(NAME);
  if (!a) { mark_ = start; return nullptr; }
  Seq<TypeParam*> t;
  int m = mark_;
  if (!type_params(&t)) { GUARD(); mark_ = m; }
  Expr* b = nullptr;
  bool have_b = false;
  m = mark_;
  if (expect(LPAR)) {
    int m2 = mark_;
    b = arguments();
    GUARD();
    if (!b) mark_ = m2;
    if (expect(RPAR)) have_b = true;
    else mark_ = m;
  }
  if (!expect(COLON)) { mark_ = start; return nullptr; }
  Seq<Stmt*>* c = block();
  if (!c) { mark_ = start; return nullptr; }
  Seq<Expr*> bases;
  Seq<Keyword*> keywords;
  if (have_b && b) {
    bases = cast<Call>(b)->args;
    keywords = cast<Call>(b)->keywords;
  }
  return node<ClassDef>(start, token_name(a), bases, keywords, *c, Seq<Expr*>{}, t);
}

Stmt* Parser::function_def() {
  GUARD();
  int start = mark_;
  std::vector<Expr*> d;
  if (decorators(d)) {
    Stmt* f = function_def_raw();
    if (f) {
      if (f->kind == Stmt::Kind::FunctionDef) cast<FunctionDef>(f)->decorator_list = seq(d);
      else cast<AsyncFunctionDef>(f)->decorator_list = seq(d);
      return f;
    }
    GUARD();
  }
  mark_ = start;
  return function_def_raw();
}

Stmt* Parser::function_def_raw() {
  GUARD();
  int start = mark_;
  if (call_invalid_) {
    if (invalid_def_raw() || error_) return nullptr;
    mark_ = start;
  }
  bool is_async = false;
  if (expect(KW_ASYNC)) is_async = true;
  if (!expect(KW_DEF)) { mark_ = start; return nullptr; }
  PToken* n = expect(NAME);
  if (!n) { mark_ = start; return nullptr; }
  Seq<TypeParam*> t;
  int m = mark_;
  if (!type_params(&t)) { GUARD(); mark_ = m; }
  if (!expect(LPAR)) { mark_ = start; return nullptr; }
  m = mark_;
  Arguments* params_ = params();
  GUARD();
  if (!params_) mark_ = m;
  if (!expect(RPAR)) { mark_ = start; return nullptr; }
  Expr* a = nullptr;
  m = mark_;
  if (expect(RARROW)) {
    a = expression();
    if (!a) { GUARD(); mark_ = m; }
  }
  if (!expect(COLON)) { mark_ = start; return nullptr; }
  Seq<Stmt*>* b = block();
  if (!b) { mark_ = start; return nullptr; }
  Arguments* args = params_ ? params_ : empty_arguments();
  if (is_async) return node<AsyncFunctionDef>(start, token_name(n), args, *b, Seq<Expr*>{}, a, nullptr, t);
  return node<FunctionDef>(start, token_name(n), args, *b, Seq<Expr*>{}, a, nullptr, t);
}

// ---------------------------------------------------------------- parameters

Arguments* Parser::params() {
  GUARD();
  int start = mark_;
  if (call_invalid_) {
    if (invalid_parameters() || error_) return nullptr;
    mark_ = start;
  }
  return parameters();
}

Arguments* Parser::parameters() {
  GUARD();
  int start = mark_;
  {
    std::vector<Arg*> a;
    if (slash_no_default(a)) {
      std::vector<Arg*> b;
      for (Arg* x; (x = param_no_default());) b.push_back(x);
      std::vector<NameDefaultPair*> c;
      for (NameDefaultPair* x; (x = param_with_default());) c.push_back(x);
      int m = mark_;
      StarEtc* d = star_etc();
      if (!d) mark_ = m;
      GUARD();
      return make_arguments(&a, nullptr, &b, &c, d);
    }
    GUARD();
    mark_ = start;
  }
  {
    SlashWithDefault* a = slash_with_default();
    if (a) {
      std::vector<NameDefaultPair*> b;
      for (NameDefaultPair* x; (x = param_with_default());) b.push_back(x);
      int m = mark_;
      StarEtc* c = star_etc();
      if (!c) mark_ = m;
      GUARD();
      return make_arguments(nullptr, a, nullptr, &b, c);
    }
    GUARD();
    mark_ = start;
  }
  {
    std::vector<Arg*> a;
    for (Arg* x; (x = param_no_default());) a.push_back(x);
    GUARD();
    if (!a.empty()) {
      std::vector<NameDefaultPair*> b;
      for (NameDefaultPair* x; (x = param_with_default());) b.push_back(x);
      int m = mark_;
      StarEtc* c = star_etc();
      if (!c) mark_ = m;
      GUARD();
      return make_arguments(nullptr, nullptr, &a, &b, c);
    }
    mark_ = start;
  }
  {
    std::vector<NameDefaultPair*> a;
    for (NameDefaultPair* x; (x = param_with_default());) a.push_back(x);
    GUARD();
    if (!a.empty()) {
      int m = mark_;
      StarEtc* b = star_etc();
      if (!b) mark_ = m;
      GUARD();
      return make_arguments(nullptr, nullptr, nullptr, &a, b);
    }
    mark_ = start;
  }
  StarEtc* a = star_etc();
  if (a) return make_arguments(nullptr, nullptr, nullptr, nullptr, a);
  mark_ = start;
  return nullptr;
}

bool Parser::slash_no_default(std::vector<Arg*>& out) {
  int start = mark_;
  for (Arg* x; (x = param_no_default());) out.push_back(x);
  if (!out.empty() && expect(SLASH)) {
    if (expect(COMMA) || check(RPAR)) return true;
  }
  out.clear();
  mark_ = start;
  return false;
}

SlashWithDefault* Parser::slash_with_default() {
  GUARD();
  int start = mark_;
  SlashWithDefault tmp;
  for (Arg* x; (x = param_no_default());) tmp.plain.push_back(x);
  for (NameDefaultPair* x; (x = param_with_default());) tmp.with_default.push_back(x);
  if (!tmp.with_default.empty() && expect(SLASH)) {
    if (expect(COMMA) || check(RPAR)) {
      swd_pool_.push_back(std::move(tmp));
      return &swd_pool_.back();
    }
  }
  mark_ = start;
  return nullptr;
}

StarEtc* Parser::star_etc() {
  GUARD();
  int start = mark_;
  if (call_invalid_) {
    if (invalid_star_etc() || error_) return nullptr;
    mark_ = start;
  }
  if (expect(STAR)) {
    Arg* a = param_no_default();
    if (!a) {
      GUARD();
      mark_ = start + 1;
      a = param_no_default_star_annotation();
    }
    if (a) {
      StarEtc* r = new_star_etc();
      r->vararg = a;
      for (NameDefaultPair* x; (x = param_maybe_default());) r->kwonly.push_back(x);
      int m = mark_;
      r->kwarg = kwds();
      if (!r->kwarg) mark_ = m;
      GUARD();
      return r;
    }
    GUARD();
    mark_ = start + 1;
    if (expect(COMMA)) {
      StarEtc* r = new_star_etc();
      for (NameDefaultPair* x; (x = param_maybe_default());) r->kwonly.push_back(x);
      GUARD();
      if (!r->kwonly.empty()) {
        int m = mark_;
        r->kwarg = kwds();
        if (!r->kwarg) mark_ = m;
        GUARD();
        return r;
      }
    }
    mark_ = start;
  }
  Arg* k = kwds();
  if (k) {
    StarEtc* r = new_star_etc();
    r->kwarg = k;
    return r;
  }
  mark_ = start;
  return nullptr;
}

Arg* Parser::kwds() {
  GUARD();
  int start = mark_;
  if (call_invalid_) {
    if (invalid_kwds() || error_) return nullptr;
    mark_ = start;
  }
  if (expect(DOUBLESTAR)) {
    Arg* a = param_no_default();
    if (a) return a;
  }
  mark_ = start;
  return nullptr;
}

Arg* Parser::param_no_default() {
  GUARD();
  int start = mark_;
  Arg* a = param();
  if (!a) return nullptr;
  if (expect(COMMA) || check(RPAR)) return a;
  mark_ = start;
  return nullptr;
}

Arg* Parser::param_no_default_star_annotation() {
  GUARD();
  int start = mark_;
  Arg* a = param_star_annotation();
  if (!a) return nullptr;
  if (expect(COMMA) || check(RPAR)) return a;
  mark_ = start;
  return nullptr;
}

NameDefaultPair* Parser::param_with_default() {
  GUARD();
  int start = mark_;
  Arg* a = param();
  if (a) {
    Expr* c = default_();
    if (c && (expect(COMMA) || check(RPAR))) return arena_.make<NameDefaultPair>(NameDefaultPair{a, c});
  }
  mark_ = start;
  return nullptr;
}

NameDefaultPair* Parser::param_maybe_default() {
  GUARD();
  int start = mark_;
  Arg* a = param();
  if (a) {
    int m = mark_;
    Expr* c = default_();
    GUARD();
    if (!c) mark_ = m;
    if (expect(COMMA) || check(RPAR)) return arena_.make<NameDefaultPair>(NameDefaultPair{a, c});
  }
  mark_ = start;
  return nullptr;
}

Arg* Parser::param() {
  GUARD();
  int start = mark_;
  PToken* n = expect(NAME);
  if (!n) return nullptr;
  int m = mark_;
  Expr* b = annotation();
  GUARD();
  if (!b) mark_ = m;
  return node<Arg>(start, token_name(n), b, nullptr);
}

Arg* Parser::param_star_annotation() {
  GUARD();
  int start = mark_;
  PToken* n = expect(NAME);
  if (!n) return nullptr;
  Expr* b = star_annotation();
  if (!b) { mark_ = start; return nullptr; }
  return node<Arg>(start, token_name(n), b, nullptr);
}

Expr* Parser::annotation() {
  GUARD();
  int start = mark_;
  if (!expect(COLON)) return nullptr;
  Expr* a = expression();
  if (!a) mark_ = start;
  return a;
}

Expr* Parser::star_annotation() {
  GUARD();
  int start = mark_;
  if (!expect(COLON)) return nullptr;
  Expr* a = star_expression();
  if (!a) mark_ = start;
  return a;
}

Expr* Parser::default_() {
  GUARD();
  int start = mark_;
  if (expect(EQUAL)) {
    Expr* a = expression();
    if (a) return a;
    GUARD();
  }
  mark_ = start;
  if (call_invalid_) {
    invalid_default();
    mark_ = start;
  }
  return nullptr;
}

// ---------------------------------------------------------------- if / while / for / with

Stmt* Parser::if_stmt() {
  GUARD();
  int start = mark_;
  if (call_invalid_) {
    if (invalid_if_stmt() || error_) return nullptr;
    mark_ = start;
  }
  if (!expect(KW_IF)) return nullptr;
  Expr* a = named_expression();
  if (!a || !expect(COLON)) { mark_ = start; return nullptr; }
  Seq<Stmt*>* b = block();
  if (!b) { mark_ = start; return nullptr; }
  int m = mark_;
  Stmt* c = elif_stmt();
  if (c) {
    Stmt* items[1] = {c};
    return node<If>(start, a, *b, arena_.seq_from(items, 1));
  }
  GUARD();
  mark_ = m;
  std::vector<Stmt*> e;
  if (!else_block(e)) { GUARD(); mark_ = m; e.clear(); }
  return node<If>(start, a, *b, seq(e));
}

Stmt* Parser::elif_stmt() {
  GUARD();
  int start = mark_;
  if (call_invalid_) {
    if (invalid_elif_stmt() || error_) return nullptr;
    mark_ = start;
  }
  if (!expect(KW_ELIF)) return nullptr;
  Expr* a = named_expression();
  if (!a || !expect(COLON)) { mark_ = start; return nullptr; }
  Seq<Stmt*>* b = block();
  if (!b) { mark_ = start; return nullptr; }
  int m = mark_;
  Stmt* c = elif_stmt();
  if (c) {
    Stmt* items[1] = {c};
    return node<If>(start, a, *b, arena_.seq_from(items, 1));
  }
  GUARD();
  mark_ = m;
  std::vector<Stmt*> e;
  if (!else_block(e)) { GUARD(); mark_ = m; e.clear(); }
  return node<If>(start, a, *b, seq(e));
}

bool Parser::else_block(std::vector<Stmt*>& out) {
  GUARD_B();
  int start = mark_;
  if (call_invalid_) {
    if (invalid_else_stmt() || error_) return false;
    mark_ = start;
  }
  if (!expect(KW_ELSE)) return false;
  PToken* c = peek();
  if (!c) return false;
  if (c->ptype != COLON) { error_at(c, "expected ':'"); return false; }
  mark_++;
  Seq<Stmt*>* b = block();
  if (!b) { mark_ = start; return false; }
  out.assign(b->begin(), b->end());
  return true;
}

Stmt* Parser::while_stmt() {
  GUARD();
  int start = mark_;
  if (call_invalid_) {
    if (invalid_while_stmt() || error_) return nullptr;
    mark_ = start;
  }
  if (!expect(KW_WHILE)) return nullptr;
  Expr* a = named_expression();
  if (!a || !expect(COLON)) { mark_ = start; return nullptr; }
  Seq<Stmt*>* b = block();
  if (!b) { mark_ = start; return nullptr; }
  int m = mark_;
  std::vector<Stmt*> e;
  if (!else_block(e)) { GUARD(); mark_ = m; e.clear(); }
  return node<While>(start, a, *b, seq(e));
}

Stmt* Parser::for_stmt() {
  GUARD();
  int start = mark_;
  if (call_invalid_) {
    if (invalid_for_stmt() || error_) return nullptr;
    mark_ = start;
  }
  bool is_async = expect(KW_ASYNC) != nullptr;
  if (expect(KW_FOR)) {
    Expr* t = star_targets();
    if (t && expect(KW_IN)) {
      // cut
      Expr* ex = star_expressions();
      if (!ex || !expect(COLON)) { mark_ = start; return nullptr; }
      Seq<Stmt*>* b = block();
      if (!b) { mark_ = start; return nullptr; }
      int m = mark_;
      std::vector<Stmt*> e;
      if (!else_block(e)) { GUARD(); mark_ = m; e.clear(); }
      if (is_async) return node<AsyncFor>(start, t, ex, *b, seq(e), nullptr);
      return node<For>(start, t, ex, *b, seq(e), nullptr);
    }
    GUARD();
  }
  mark_ = start;
  if (call_invalid_) {
    invalid_for_target();
    mark_ = start;
  }
  return nullptr;
}

Stmt* Parser::with_stmt() {
  GUARD();
  int start = mark_;
  if (call_invalid_) {
    if (invalid_with_stmt_indent() || error_) return nullptr;
    mark_ = start;
  }
  bool is_async = expect(KW_ASYNC) != nullptr;
  int after_async = mark_;
  if (expect(KW_WITH)) {
    int after_with = mark_;
    if (expect(LPAR)) {
      std::vector<Withitem*> items;
      for (;;) {
        int m = mark_;
        Withitem* w = with_item();
        if (!w) { mark_ = m; break; }
        items.push_back(w);
        if (!expect(COMMA)) break;
      }
      GUARD();
      if (!items.empty() && expect(RPAR) && expect(COLON)) {
        Seq<Stmt*>* b = block();
        if (b) {
          if (is_async) return node<AsyncWith>(start, seq(items), *b, nullptr);
          return node<With>(start, seq(items), *b, nullptr);
        }
      }
      GUARD();
    }
    mark_ = after_with;
    std::vector<Withitem*> items;
    for (;;) {
      int m = mark_;
      Withitem* w = with_item();
      if (!w) { mark_ = m; if (!items.empty()) mark_ = m - 1; break; }
      items.push_back(w);
      if (!expect(COMMA)) break;
    }
    GUARD();
    if (!items.empty() && expect(COLON)) {
      Seq<Stmt*>* b = block();
      if (b) {
        if (is_async) return node<AsyncWith>(start, seq(items), *b, nullptr);
        return node<With>(start, seq(items), *b, nullptr);
      }
    }
    GUARD();
  }
  (void)after_async;
  mark_ = start;
  if (call_invalid_) {
    invalid_with_stmt();
    mark_ = start;
  }
  return nullptr;
}

Withitem* Parser::with_item() {
  GUARD();
  int start = mark_;
  Expr* e = expression();
  if (!e) return nullptr;
  int m = mark_;
  if (expect(KW_AS)) {
    Expr* t = star_target();
    if (t && (check(COMMA) || check(RPAR) || check(COLON))) return arena_.make<Withitem>(e, t);
    GUARD();
  }
  mark_ = start;
  if (call_invalid_) {
    if (invalid_with_item() || error_) return nullptr;
    mark_ = start;
  }
  e = expression();
  if (!e) return nullptr;
  (void)m;
  return arena_.make<Withitem>(e, nullptr);
}

// ---------------------------------------------------------------- try

Stmt* Parser::try_stmt() {
  GUARD();
  int start = mark_;
  if (call_invalid_) {
    if (invalid_try_stmt() || error_) return nullptr;
    mark_ = start;
  }
  if (!expect(KW_TRY)) return nullptr;
  PToken* c = peek();
  if (!c) return nullptr;
  if (c->ptype != COLON) return error_at(c, "expected ':'");
  mark_++;
  Seq<Stmt*>* b = block();
  if (!b) { mark_ = start; return nullptr; }
  int after_body = mark_;
  {
    std::vector<Stmt*> f;
    if (finally_block(f)) return node<Try>(start, *b, Seq<ExceptHandler*>{}, Seq<Stmt*>{}, seq(f));
    GUARD();
    mark_ = after_body;
  }
  {
    std::vector<ExceptHandler*> ex;
    for (;;) {
      int m = mark_;
      ExceptHandler* h = except_block();
      if (!h) { mark_ = m; break; }
      ex.push_back(h);
    }
    GUARD();
    if (!ex.empty()) {
      int m = mark_;
      std::vector<Stmt*> el, f;
      if (!else_block(el)) { GUARD(); mark_ = m; el.clear(); }
      m = mark_;
      if (!finally_block(f)) { GUARD(); mark_ = m; f.clear(); }
      return node<Try>(start, *b, seq(ex), seq(el), seq(f));
    }
    mark_ = after_body;
  }
  {
    std::vector<ExceptHandler*> ex;
    for (;;) {
      int m = mark_;
      ExceptHandler* h = except_star_block();
      if (!h) { mark_ = m; break; }
      ex.push_back(h);
    }
    GUARD();
    if (!ex.empty()) {
      int m = mark_;
      std::vector<Stmt*> el, f;
      if (!else_block(el)) { GUARD(); mark_ = m; el.clear(); }
      m = mark_;
      if (!finally_block(f)) { GUARD(); mark_ = m; f.clear(); }
      return node<TryStar>(start, *b, seq(ex), seq(el), seq(f));
    }
  }
  mark_ = start;
  return nullptr;
}

ExceptHandler* Parser::except_block() {
  GUARD();
  int start = mark_;
  if (call_invalid_) {
    if (invalid_except_stmt_indent() || error_) return nullptr;
    mark_ = start;
  }
  if (expect(KW_EXCEPT)) {
    int m = mark_;
    Expr* e = expression();
    if (e) {
      int m2 = mark_;
      if (expect(COLON)) {
        Seq<Stmt*>* b = block();
        if (b) return node<ExceptHandler>(start, e, nullptr, *b);
        GUARD();
      }
      mark_ = m2;
      if (expect(KW_AS)) {
        PToken* t = expect(NAME);
        if (t && expect(COLON)) {
          Seq<Stmt*>* b = block();
          if (b) return node<ExceptHandler>(start, e, token_name(t), *b);
          GUARD();
        }
      }
    }
    GUARD();
    mark_ = m;
    e = expressions();
    if (e && expect(COLON)) {
      Seq<Stmt*>* b = block();
      if (b) return node<ExceptHandler>(start, e, nullptr, *b);
    }
    GUARD();
    mark_ = m;
    if (expect(COLON)) {
      Seq<Stmt*>* b = block();
      if (b) return node<ExceptHandler>(start, nullptr, nullptr, *b);
    }
    GUARD();
  }
  mark_ = start;
  if (call_invalid_) {
    invalid_except_stmt();
    mark_ = start;
  }
  return nullptr;
}

ExceptHandler* Parser::except_star_block() {
  GUARD();
  int start = mark_;
  if (call_invalid_) {
    if (invalid_except_star_stmt_indent() || error_) return nullptr;
    mark_ = start;
  }
  if (expect(KW_EXCEPT) && expect(STAR)) {
    int m = mark_;
    Expr* e = expression();
    if (e) {
      int m2 = mark_;
      if (expect(COLON)) {
        Seq<Stmt*>* b = block();
        if (b) return node<ExceptHandler>(start, e, nullptr, *b);
        GUARD();
      }
      mark_ = m2;
      if (expect(KW_AS)) {
        PToken* t = expect(NAME);
        if (t && expect(COLON)) {
          Seq<Stmt*>* b = block();
          if (b) return node<ExceptHandler>(start, e, token_name(t), *b);
          GUARD();
        }
      }
    }
    GUARD();
    mark_ = m;
    e = expressions();
    if (e && expect(COLON)) {
      Seq<Stmt*>* b = block();
      if (b) return node<ExceptHandler>(start, e, nullptr, *b);
    }
    GUARD();
  }
  mark_ = start;
  if (call_invalid_) {
    invalid_except_star_stmt();
    mark_ = start;
  }
  return nullptr;
}

bool Parser::finally_block(std::vector<Stmt*>& out) {
  GUARD_B();
  int start = mark_;
  if (call_invalid_) {
    if (invalid_finally_stmt() || error_) return false;
    mark_ = start;
  }
  if (!expect(KW_FINALLY)) return false;
  PToken* c = peek();
  if (!c) return false;
  if (c->ptype != COLON) { error_at(c, "expected ':'"); return false; }
  mark_++;
  Seq<Stmt*>* b = block();
  if (!b) { mark_ = start; return false; }
  out.assign(b->begin(), b->end());
  return true;
}

// ---------------------------------------------------------------- match

Stmt* Parser::match_stmt() {
  GUARD();
  int start = mark_;
  if (expect_soft("match")) {
    Expr* subject = subject_expr();
    if (subject && expect(COLON) && expect(NEWLINE) && expect(INDENT)) {
      std::vector<MatchCase*> cases;
      for (;;) {
        int m = mark_;
        MatchCase* c = case_block();
        if (!c) { mark_ = m; break; }
        cases.push_back(c);
      }
      GUARD();
      if (!cases.empty() && expect(DEDENT)) return node<Match>(start, subject, seq(cases));
    }
    GUARD();
  }
  mark_ = start;
  if (call_invalid_) {
    invalid_match_stmt();
    mark_ = start;
  }
  return nullptr;
}

Expr* Parser::subject_expr() {
  GUARD();
  int start = mark_;
  Expr* value = star_named_expression();
  if (value && expect(COMMA)) {
    std::vector<Expr*> values{value};
    int m = mark_;
    if (!star_named_expressions(values)) { GUARD(); mark_ = m; }
    return node<Tuple>(start, seq(values), ExprContext::Load);
  }
  GUARD();
  mark_ = start;
  return named_expression();
}

MatchCase* Parser::case_block() {
  GUARD();
  int start = mark_;
  if (call_invalid_) {
    if (invalid_case_block() || error_) return nullptr;
    mark_ = start;
  }
  if (!expect_soft("case")) return nullptr;
  Pattern* pattern = patterns();
  if (!pattern) { mark_ = start; return nullptr; }
  int m = mark_;
  Expr* g = guard();
  GUARD();
  if (!g) mark_ = m;
  if (!expect(COLON)) { mark_ = start; return nullptr; }
  Seq<Stmt*>* body = block();
  if (!body) { mark_ = start; return nullptr; }
  return arena_.make<MatchCase>(pattern, g, *body);
}

Expr* Parser::guard() {
  GUARD();
  int start = mark_;
  if (!expect(KW_IF)) return nullptr;
  Expr* g = named_expression();
  if (!g) mark_ = start;
  return g;
}

Pattern* Parser::patterns() {
  GUARD();
  int start = mark_;
  std::vector<Pattern*> ps;
  if (open_sequence_pattern(ps)) return node<MatchSequence>(start, seq(ps));
  GUARD();
  mark_ = start;
  return pattern();
}

Pattern* Parser::pattern() {
  GUARD();
  int start = mark_;
  Pattern* p = as_pattern();
  if (p || error_) return p;
  mark_ = start;
  return or_pattern();
}

Pattern* Parser::as_pattern() {
  GUARD();
  int start = mark_;
  Pattern* p = or_pattern();
  if (p && expect(KW_AS)) {
    Expr* target = pattern_capture_target();
    if (target) return node<MatchAs>(start, p, cast<Name>(target)->id);
  }
  GUARD();
  mark_ = start;
  if (call_invalid_) {
    invalid_as_pattern();
    mark_ = start;
  }
  return nullptr;
}

Pattern* Parser::or_pattern() {
  GUARD();
  int start = mark_;
  std::vector<Pattern*> ps;
  for (;;) {
    int m = mark_;
    Pattern* p = closed_pattern();
    if (!p) { mark_ = m; if (!ps.empty()) mark_ = m - 1; break; }
    ps.push_back(p);
    if (!expect(VBAR)) break;
  }
  GUARD();
  if (ps.empty()) { mark_ = start; return nullptr; }
  if (ps.size() == 1) return ps[0];
  return node<MatchOr>(start, seq(ps));
}

Pattern* Parser::closed_pattern() {
  GUARD();
  Pattern* r;
  if (memo_get(R_closed_pattern, &r)) return r;
  int start = mark_;
  r = closed_pattern_raw();
  if (error_) r = nullptr;
  if (!r) mark_ = start;
  memo_set(start, R_closed_pattern, r);
  return r;
}

Pattern* Parser::closed_pattern_raw() {
  int start = mark_;
  Pattern* p;
#define TRY_PAT(call)          \
  p = call;                    \
  if (p || error_) return p;   \
  mark_ = start;
  TRY_PAT(literal_pattern());
  TRY_PAT(capture_pattern());
  TRY_PAT(wildcard_pattern());
  TRY_PAT(value_pattern());
  TRY_PAT(group_pattern());
  TRY_PAT(sequence_pattern());
  TRY_PAT(mapping_pattern());
  TRY_PAT(class_pattern());
#undef TRY_PAT
  return nullptr;
}

Pattern* Parser::literal_pattern() {
  GUARD();
  int start = mark_;
  Expr* v = signed_number();
  if (v && !check(PLUS) && !check(MINUS)) return node<MatchValue>(start, v);
  GUARD();
  mark_ = start;
  v = complex_number();
  if (v) return node<MatchValue>(start, v);
  GUARD();
  mark_ = start;
  PToken* t = peek();
  if (!t) return nullptr;
  if (t->ptype == STRING || t->ptype == FSTRING_START || t->ptype == TSTRING_START) {
    v = strings();
    if (v) return node<MatchValue>(start, v);
    GUARD();
    mark_ = start;
  }
  if (expect(KW_NONE)) return node<MatchSingleton>(start, None);
  if (expect(KW_TRUE)) return node<MatchSingleton>(start, True);
  if (expect(KW_FALSE)) return node<MatchSingleton>(start, False);
  return nullptr;
}

Expr* Parser::literal_expr() {
  GUARD();
  int start = mark_;
  Expr* v = signed_number();
  if (v && !check(PLUS) && !check(MINUS)) return v;
  GUARD();
  mark_ = start;
  v = complex_number();
  if (v) return v;
  GUARD();
  mark_ = start;
  PToken* t = peek();
  if (!t) return nullptr;
  if (t->ptype == STRING || t->ptype == FSTRING_START || t->ptype == TSTRING_START) {
    v = strings();
    if (v) return v;
    GUARD();
    mark_ = start;
  }
  if (expect(KW_NONE)) return node<Constant>(start, None, nullptr);
  if (expect(KW_TRUE)) return node<Constant>(start, True, nullptr);
  if (expect(KW_FALSE)) return node<Constant>(start, False, nullptr);
  return nullptr;
}

Expr* Parser::complex_number() {
  GUARD();
  int start = mark_;
  Expr* real = signed_real_number();
  if (!real) return nullptr;
  Operator op;
  if (expect(PLUS)) op = Operator::Add;
  else if (expect(MINUS)) op = Operator::Sub;
  else { mark_ = start; return nullptr; }
  Expr* imag = imaginary_number();
  if (!imag) { mark_ = start; return nullptr; }
  return node<BinOp>(start, real, op, imag);
}

Expr* Parser::signed_number() {
  GUARD();
  int start = mark_;
  if (PToken* t = expect(NUMBER)) return number_token(t);
  if (expect(MINUS)) {
    if (PToken* t = expect(NUMBER)) {
      Expr* n = number_token(t);
      if (!n) return nullptr;
      return node<UnaryOp>(start, Unaryop::USub, n);
    }
  }
  mark_ = start;
  return nullptr;
}

Expr* Parser::signed_real_number() {
  GUARD();
  int start = mark_;
  Expr* r = real_number();
  if (r || error_) return r;
  mark_ = start;
  if (expect(MINUS)) {
    Expr* real = real_number();
    if (real) return node<UnaryOp>(start, Unaryop::USub, real);
  }
  mark_ = start;
  return nullptr;
}

Expr* Parser::real_number() {
  GUARD();
  PToken* t = expect(NUMBER);
  if (!t) return nullptr;
  Expr* e = number_token(t);
  return e ? ensure_real(e) : nullptr;
}

Expr* Parser::imaginary_number() {
  GUARD();
  PToken* t = expect(NUMBER);
  if (!t) return nullptr;
  Expr* e = number_token(t);
  return e ? ensure_imaginary(e) : nullptr;
}

Pattern* Parser::capture_pattern() {
  GUARD();
  int start = mark_;
  Expr* target = pattern_capture_target();
  if (!target) return nullptr;
  return node<MatchAs>(start, nullptr, cast<Name>(target)->id);
}

Expr* Parser::pattern_capture_target() {
  GUARD();
  int start = mark_;
  if (check_soft("_")) return nullptr;
  Expr* name = name_token();
  if (!name) return nullptr;
  if (check(DOT) || check(LPAR) || check(EQUAL)) { mark_ = start; return nullptr; }
  return set_context(name, ExprContext::Store);
}

Pattern* Parser::wildcard_pattern() {
  GUARD();
  int start = mark_;
  if (!expect_soft("_")) return nullptr;
  return node<MatchAs>(start, nullptr, nullptr);
}

Pattern* Parser::value_pattern() {
  GUARD();
  int start = mark_;
  Expr* a = attr();
  if (!a) return nullptr;
  if (check(DOT) || check(LPAR) || check(EQUAL)) { mark_ = start; return nullptr; }
  return node<MatchValue>(start, a);
}

Expr* Parser::attr() {
  GUARD();
  int start = mark_;
  Expr* r = name_token();
  if (!r) return nullptr;
  bool any = false;
  for (;;) {
    int m = mark_;
    if (!expect(DOT)) break;
    PToken* n = expect(NAME);
    if (!n) { mark_ = m; break; }
    r = node<Attribute>(start, r, token_name(n), ExprContext::Load);
    any = true;
  }
  if (!any) { mark_ = start; return nullptr; }
  return r;
}

Expr* Parser::name_or_attr() {
  GUARD();
  int start = mark_;
  Expr* a = attr();
  if (a || error_) return a;
  mark_ = start;
  return name_token();
}

Pattern* Parser::group_pattern() {
  GUARD();
  int start = mark_;
  if (!expect(LPAR)) return nullptr;
  Pattern* p = pattern();
  if (p && expect(RPAR)) return p;
  mark_ = start;
  return nullptr;
}

Pattern* Parser::sequence_pattern() {
  GUARD();
  int start = mark_;
  if (expect(LSQB)) {
    std::vector<Pattern*> ps;
    int m = mark_;
    if (!maybe_sequence_pattern(ps)) { GUARD(); mark_ = m; ps.clear(); }
    if (expect(RSQB)) return node<MatchSequence>(start, seq(ps));
    GUARD();
    mark_ = start;
  }
  if (expect(LPAR)) {
    std::vector<Pattern*> ps;
    int m = mark_;
    if (!open_sequence_pattern(ps)) { GUARD(); mark_ = m; ps.clear(); }
    if (expect(RPAR)) return node<MatchSequence>(start, seq(ps));
  }
  mark_ = start;
  return nullptr;
}

bool Parser::open_sequence_pattern(std::vector<Pattern*>& out) {
  GUARD_B();
  int start = mark_;
  Pattern* p = maybe_star_pattern();
  if (p && expect(COMMA)) {
    out.push_back(p);
    int m = mark_;
    if (!maybe_sequence_pattern(out)) { GUARD_B(); mark_ = m; out.resize(1); }
    return true;
  }
  mark_ = start;
  return false;
}

bool Parser::maybe_sequence_pattern(std::vector<Pattern*>& out) {
  GUARD_B();
  size_t n0 = out.size();
  for (;;) {
    int m = mark_;
    Pattern* p = maybe_star_pattern();
    if (!p) { mark_ = m; break; }
    out.push_back(p);
    if (!expect(COMMA)) break;
  }
  GUARD_B();
  return out.size() > n0;
}

Pattern* Parser::maybe_star_pattern() {
  GUARD();
  int start = mark_;
  Pattern* p = star_pattern();
  if (p || error_) return p;
  mark_ = start;
  return pattern();
}

Pattern* Parser::star_pattern() {
  GUARD();
  Pattern* r;
  if (memo_get(R_star_pattern, &r)) return r;
  int start = mark_;
  r = nullptr;
  if (expect(STAR)) {
    Expr* t = pattern_capture_target();
    if (t) {
      r = node<MatchStar>(start, cast<Name>(t)->id);
    } else if (!error_) {
      mark_ = start + 1;
      if (wildcard_pattern()) r = node<MatchStar>(start, nullptr);
    }
  }
  if (error_) r = nullptr;
  if (!r) mark_ = start;
  memo_set(start, R_star_pattern, r);
  return r;
}

Pattern* Parser::mapping_pattern() {
  GUARD();
  int start = mark_;
  if (!expect(LBRACE)) return nullptr;
  if (expect(RBRACE)) return node<MatchMapping>(start, Seq<Expr*>{}, Seq<Pattern*>{}, nullptr);
  int m = mark_;
  Expr* rest = double_star_pattern();
  if (rest) {
    expect(COMMA);
    if (expect(RBRACE)) return node<MatchMapping>(start, Seq<Expr*>{}, Seq<Pattern*>{}, cast<Name>(rest)->id);
  }
  GUARD();
  mark_ = m;
  std::vector<KeyPatternPair> items;
  if (items_pattern(items)) {
    int m2 = mark_;
    if (expect(COMMA)) {
      Expr* r2 = double_star_pattern();
      if (r2) {
        expect(COMMA);
        if (expect(RBRACE)) {
          std::vector<Expr*> keys;
          std::vector<Pattern*> pats;
          for (auto& kp : items) { keys.push_back(kp.key); pats.push_back(kp.pattern); }
          return node<MatchMapping>(start, seq(keys), seq(pats), cast<Name>(r2)->id);
        }
      }
      GUARD();
    }
    mark_ = m2;
    expect(COMMA);
    if (expect(RBRACE)) {
      std::vector<Expr*> keys;
      std::vector<Pattern*> pats;
      for (auto& kp : items) { keys.push_back(kp.key); pats.push_back(kp.pattern); }
      return node<MatchMapping>(start, seq(keys), seq(pats), nullptr);
    }
  }
  GUARD();
  mark_ = start;
  if (call_invalid_) {
    invalid_mapping_pattern();
    mark_ = start;
  }
  return nullptr;
}

bool Parser::items_pattern(std::vector<KeyPatternPair>& out) {
  GUARD_B();
  for (;;) {
    int m = mark_;
    KeyPatternPair kp;
    if (!key_value_pattern(&kp)) { mark_ = m; if (!out.empty()) mark_ = m - 1; break; }
    out.push_back(kp);
    if (!expect(COMMA)) break;
  }
  GUARD_B();
  return !out.empty();
}

bool Parser::key_value_pattern(KeyPatternPair* out) {
  GUARD_B();
  int start = mark_;
  Expr* key = literal_expr();
  if (!key) {
    GUARD_B();
    mark_ = start;
    key = attr();
  }
  if (key && expect(COLON)) {
    Pattern* p = pattern();
    if (p) { *out = KeyPatternPair{key, p}; return true; }
  }
  mark_ = start;
  return false;
}

Expr* Parser::double_star_pattern() {
  GUARD();
  int start = mark_;
  if (!expect(DOUBLESTAR)) return nullptr;
  Expr* t = pattern_capture_target();
  if (!t) mark_ = start;
  return t;
}

Pattern* Parser::class_pattern() {
  GUARD();
  int start = mark_;
  Expr* cls = name_or_attr();
  if (!cls || !expect(LPAR)) { mark_ = start; return nullptr; }
  int after = mark_;
  if (expect(RPAR)) return node<MatchClass>(start, cls, Seq<Pattern*>{}, Seq<Object*>{}, Seq<Pattern*>{});
  std::vector<Pattern*> pos;
  if (positional_patterns(pos)) {
    int m = mark_;
    expect(COMMA);
    if (expect(RPAR)) return node<MatchClass>(start, cls, seq(pos), Seq<Object*>{}, Seq<Pattern*>{});
    mark_ = m;
  }
  GUARD();
  mark_ = after;
  std::vector<KeyPatternPair> kw;
  if (keyword_patterns(kw)) {
    expect(COMMA);
    if (expect(RPAR)) {
      std::vector<Object*> names;
      std::vector<Pattern*> pats;
      for (auto& kp : kw) { names.push_back(cast<Name>(kp.key)->id); pats.push_back(kp.pattern); }
      return node<MatchClass>(start, cls, Seq<Pattern*>{}, seq(names), seq(pats));
    }
  }
  GUARD();
  mark_ = after;
  pos.clear();
  if (positional_patterns(pos) && expect(COMMA)) {
    kw.clear();
    if (keyword_patterns(kw)) {
      expect(COMMA);
      if (expect(RPAR)) {
        std::vector<Object*> names;
        std::vector<Pattern*> pats;
        for (auto& kp : kw) { names.push_back(cast<Name>(kp.key)->id); pats.push_back(kp.pattern); }
        return node<MatchClass>(start, cls, seq(pos), seq(names), seq(pats));
      }
    }
  }
  GUARD();
  mark_ = start;
  if (call_invalid_) {
    invalid_class_pattern();
    mark_ = start;
  }
  return nullptr;
}

bool Parser::positional_patterns(std::vector<Pattern*>& out) {
  GUARD_B();
  for (;;) {
    int m = mark_;
    Pattern* p = pattern();
    if (!p) { mark_ = m; if (!out.empty()) mark_ = m - 1; break; }
    out.push_back(p);
    if (!expect(COMMA)) break;
  }
  GUARD_B();
  return !out.empty();
}

bool Parser::keyword_patterns(std::vector<KeyPatternPair>& out) {
  GUARD_B();
  for (;;) {
    int m = mark_;
    KeyPatternPair kp;
    if (!keyword_pattern(&kp)) { mark_ = m; if (!out.empty()) mark_ = m - 1; break; }
    out.push_back(kp);
    if (!expect(COMMA)) break;
  }
  GUARD_B();
  return !out.empty();
}

bool Parser::keyword_pattern(KeyPatternPair* out) {
  GUARD_B();
  int start = mark_;
  Expr* arg = name_token();
  if (arg && expect(EQUAL)) {
    Pattern* value = pattern();
    if (value) { *out = KeyPatternPair{arg, value}; return true; }
  }
  mark_ = start;
  return false;
}

// ---------------------------------------------------------------- type statements

Stmt* Parser::type_alias() {
  GUARD();
  int start = mark_;
  if (!expect_soft("type")) return nullptr;
  Expr* n = name_token();
  if (!n) { mark_ = start; return nullptr; }
  Seq<TypeParam*> t;
  int m = mark_;
  if (!type_params(&t)) { GUARD(); mark_ = m; }
  if (!expect(EQUAL)) { mark_ = start; return nullptr; }
  Expr* b = expression();
  if (!b) { mark_ = start; return nullptr; }
  return node<TypeAlias>(start, set_context(n, ExprContext::Store), t, b);
}

bool Parser::type_params(Seq<TypeParam*>* out) {
  GUARD_B();
  int start = mark_;
  if (call_invalid_) {
    if (invalid_type_params() || error_) return false;
    mark_ = start;
  }
  if (!expect(LSQB)) return false;
  std::vector<TypeParam*> ps;
  for (;;) {
    int m = mark_;
    TypeParam* p = type_param();
    if (!p) { mark_ = m; break; }
    ps.push_back(p);
    if (!expect(COMMA)) break;
  }
  GUARD_B();
  if (ps.empty() || !expect(RSQB)) { mark_ = start; return false; }
  *out = seq(ps);
  return true;
}

TypeParam* Parser::type_param() {
  GUARD();
  TypeParam* r;
  if (memo_get(R_type_param, &r)) return r;
  int start = mark_;
  r = type_param_raw();
  if (error_) r = nullptr;
  if (!r) mark_ = start;
  memo_set(start, R_type_param, r);
  return r;
}

TypeParam* Parser::type_param_raw() {
  int start = mark_;
  if (PToken* a = expect(NAME)) {
    Expr* b = nullptr;
    int m = mark_;
    if (expect(COLON)) {
      b = expression();
      if (!b) { GUARD(); mark_ = m; }
    }
    Expr* c = nullptr;
    m = mark_;
    if (expect(EQUAL)) {
      c = expression();
      if (!c) { GUARD(); mark_ = m; }
    }
    return node<TypeVar>(start, token_name(a), b, c);
  }
  if (call_invalid_) {
    if (invalid_type_param() || error_) return nullptr;
    mark_ = start;
  }
  if (expect(STAR)) {
    if (PToken* a = expect(NAME)) {
      Expr* b = nullptr;
      int m = mark_;
      if (expect(EQUAL)) {
        b = star_expression();
        if (!b) { GUARD(); mark_ = m; }
      }
      return node<TypeVarTuple>(start, token_name(a), b);
    }
    mark_ = start;
  }
  if (expect(DOUBLESTAR)) {
    if (PToken* a = expect(NAME)) {
      Expr* b = nullptr;
      int m = mark_;
      if (expect(EQUAL)) {
        b = expression();
        if (!b) { GUARD(); mark_ = m; }
      }
      return node<ParamSpec>(start, token_name(a), b);
    }
  }
  mark_ = start;
  return nullptr;
}

}  // namespace pyxx::parser
