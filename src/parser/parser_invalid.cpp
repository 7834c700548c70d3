// The invalid_* rules of CPython 3.14's grammar: only tried in the second
// pass, they raise the specialised SyntaxError messages. Each returns nullptr;
// callers test error_ afterwards.
#include <string>

#include "objects/str.h"
#include "parser/parser_impl.h"

namespace pyxx::parser {

#define FAIL_IF_ERR() \
  do {                \
    if (error_) return nullptr; \
  } while (0)

namespace {
Expr* last_comprehension_item(Comprehension* c) {
  if (c->ifs.size == 0) return c->iter;
  return c->ifs[c->ifs.size - 1];
}
}  // namespace

bool Parser::check_legacy_stmt(Expr* name) {
  if (name->kind != Expr::Kind::Name) return false;
  Object* id = cast<Name>(name)->id;
  return str_eq_cstr(id, "print") || str_eq_cstr(id, "exec");
}

// Parses `','.(starred_expression | (assignment_expression | expression !':=') !'=')+`.
static bool positional_args(Parser& p, std::vector<Expr*>& out) {
  for (;;) {
    int m = p.mark_;
    Expr* e = p.starred_expression();
    if (!e) {
      if (p.error_) return false;
      p.mark_ = m;
      e = p.assignment_expression();
      if (!e) {
        if (p.error_) return false;
        p.mark_ = m;
        e = p.expression();
        if (e && p.check(COLONEQUAL)) e = nullptr;
      }
      if (e && p.check(EQUAL)) e = nullptr;
    }
    if (p.error_) return false;
    if (!e) { p.mark_ = m; if (!out.empty()) p.mark_ = m - 1; break; }
    out.push_back(e);
    if (!p.expect(COMMA)) break;
  }
  return !out.empty();
}

void* Parser::invalid_arguments() {
  FAIL_IF_ERR();
  int start = mark_;
  // ((positional ',' kwargs) | kwargs) a=',' ','.(starred_expression !'=')+
  {
    bool ok = false;
    std::vector<Expr*> pos;
    std::vector<KeywordOrStarred*> kw;
    if (positional_args(*this, pos) && expect(COMMA) && kwargs(kw)) ok = true;
    FAIL_IF_ERR();
    if (!ok) {
      mark_ = start;
      kw.clear();
      ok = kwargs(kw);
      FAIL_IF_ERR();
    }
    if (ok) {
      PToken* a = expect(COMMA);
      if (a) {
        Expr* s = starred_expression();
        if (s && !check(EQUAL)) return error_starting_from(a, "iterable argument unpacking follows keyword argument unpacking");
        FAIL_IF_ERR();
      }
    }
    mark_ = start;
  }
  // a=expression b=for_if_clauses ',' [args | expression for_if_clauses]
  {
    Expr* a = expression();
    std::vector<Comprehension*> b;
    if (a && for_if_clauses(b) && expect(COMMA)) {
      int m = mark_;
      if (!args()) {
        FAIL_IF_ERR();
        mark_ = m;
        std::vector<Comprehension*> c;
        if (!(expression() && for_if_clauses(c))) mark_ = m;
      }
      FAIL_IF_ERR();
      return error_range(a, last_comprehension_item(b.back()), "Generator expression must be parenthesized");
    }
    FAIL_IF_ERR();
    mark_ = start;
  }
  // a=NAME b='=' expression for_if_clauses
  {
    PToken* a = expect(NAME);
    PToken* b = a ? expect(EQUAL) : nullptr;
    std::vector<Comprehension*> c;
    if (b && expression() && for_if_clauses(c))
      return error_range(a, b, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
    FAIL_IF_ERR();
    mark_ = start;
  }
  // (args ',')? a=NAME b='=' &(',' | ')')
  {
    if (!(args() && expect(COMMA))) mark_ = start;
    FAIL_IF_ERR();
    PToken* a = expect(NAME);
    PToken* b = a ? expect(EQUAL) : nullptr;
    if (b && (check(COMMA) || check(RPAR))) return error_range(a, b, "expected argument value expression");
    FAIL_IF_ERR();
    mark_ = start;
  }
  // a=args b=for_if_clauses
  {
    Expr* a = args();
    std::vector<Comprehension*> b;
    if (a && for_if_clauses(b)) {
      nonparen_genexp_in_call(a, b);
      if (error_) return nullptr;
    }
    FAIL_IF_ERR();
    mark_ = start;
  }
  // args ',' a=expression b=for_if_clauses
  {
    if (args() && expect(COMMA)) {
      Expr* a = expression();
      std::vector<Comprehension*> b;
      if (a && for_if_clauses(b))
        return error_range(a, last_comprehension_item(b.back()), "Generator expression must be parenthesized");
    }
    FAIL_IF_ERR();
    mark_ = start;
  }
  // a=args ',' args
  {
    Expr* a = args();
    if (a && expect(COMMA) && args()) return arguments_parsing_error(a);
    FAIL_IF_ERR();
    mark_ = start;
  }
  return nullptr;
}

void* Parser::nonparen_genexp_in_call(Expr* a, std::vector<Comprehension*>& b) {
  Call* c = cast<Call>(a);
  ssize len = c->args.size;
  if (len <= 1) return nullptr;
  return error_range(c->args[len - 1], last_comprehension_item(b.back()), "Generator expression must be parenthesized");
}

void* Parser::arguments_parsing_error(Expr* e) {
  bool keyword_unpacking = false;
  for (Keyword* k : cast<Call>(e)->keywords)
    if (!k->arg) keyword_unpacking = true;
  return syntax_error(keyword_unpacking ? "positional argument follows keyword argument unpacking"
                                        : "positional argument follows keyword argument");
}

void* Parser::invalid_kwarg() {
  FAIL_IF_ERR();
  int start = mark_;
  {
    PToken* a = peek();
    if (a && (a->ptype == KW_TRUE || a->ptype == KW_FALSE || a->ptype == KW_NONE)) {
      mark_++;
      if (PToken* b = expect(EQUAL)) {
        std::string txt(a->text());
        return error_range(a, b, "cannot assign to %s", txt.c_str());
      }
    }
    mark_ = start;
  }
  {
    PToken* a = expect(NAME);
    PToken* b = a ? expect(EQUAL) : nullptr;
    std::vector<Comprehension*> c;
    if (b && expression() && for_if_clauses(c))
      return error_range(a, b, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
    FAIL_IF_ERR();
    mark_ = start;
  }
  {
    bool name_eq = false;
    if (expect(NAME) && check(EQUAL)) name_eq = true;
    mark_ = start;
    if (!name_eq) {
      Expr* a = expression();
      if (a) {
        if (PToken* b = expect(EQUAL))
          return error_range(a, b, "expression cannot contain assignment, perhaps you meant \"==\"?");
      }
      FAIL_IF_ERR();
    }
    mark_ = start;
  }
  {
    PToken* a = expect(DOUBLESTAR);
    if (a && expression() && expect(EQUAL)) {
      Expr* b = expression();
      if (b) return error_range(a, b, "cannot assign to keyword argument unpacking");
    }
    FAIL_IF_ERR();
    mark_ = start;
  }
  return nullptr;
}

void* Parser::invalid_legacy_expression() {
  FAIL_IF_ERR();
  int start = mark_;
  Expr* a = name_token();
  if (a && !check(LPAR)) {
    Expr* b = star_expressions();
    if (b && check_legacy_stmt(a)) {
      std::string id(str_view(cast<Name>(a)->id));
      return error_range(a, b, "Missing parentheses in call to '%s'. Did you mean %s(...)?", id.c_str(), id.c_str());
    }
  }
  FAIL_IF_ERR();
  mark_ = start;
  return nullptr;
}

void* Parser::invalid_type_param() {
  FAIL_IF_ERR();
  int start = mark_;
  for (int which = 0; which < 2; which++) {
    if (expect(which == 0 ? STAR : DOUBLESTAR) && expect(NAME)) {
      PToken* colon = expect(COLON);
      if (colon) {
        Expr* e = expression();
        if (e) {
          bool tuple = e->kind == Expr::Kind::Tuple;
          const char* msg = which == 0 ? (tuple ? "cannot use constraints with TypeVarTuple" : "cannot use bound with TypeVarTuple")
                                       : (tuple ? "cannot use constraints with ParamSpec" : "cannot use bound with ParamSpec");
          return error_starting_from(colon, "%s", msg);
        }
      }
    }
    FAIL_IF_ERR();
    mark_ = start;
  }
  return nullptr;
}

static bool is_soft_keyword_tok(PToken* t) {
  if (t->ptype != NAME) return false;
  std::string_view s = t->text();
  return s == "_" || s == "case" || s == "match" || s == "type";
}

void* Parser::invalid_expression() {
  FAIL_IF_ERR();
  int start = mark_;
  // STRING (!STRING expression_without_invalid)+ STRING
  if (expect(STRING)) {
    std::vector<Expr*> a;
    for (;;) {
      int m = mark_;
      if (check(STRING)) break;
      Expr* e = expression_without_invalid();
      if (!e) { mark_ = m; break; }
      a.push_back(e);
    }
    FAIL_IF_ERR();
    if (!a.empty() && expect(STRING))
      return error_range(a.front(), a.back(), "invalid syntax. Is this intended to be part of the string?");
    mark_ = start;
  }
  // !(NAME STRING | SOFT_KEYWORD) a=disjunction b=expression_without_invalid
  {
    PToken* t = peek();
    bool skip = false;
    if (t && t->ptype == NAME) {
      mark_++;
      if (check(STRING)) skip = true;
      mark_ = start;
      if (is_soft_keyword_tok(t)) skip = true;
    }
    FAIL_IF_ERR();
    if (!skip) {
      Expr* a = disjunction();
      if (a) {
        Expr* b = expression_without_invalid();
        if (b) {
          if (!check_legacy_stmt(a) && tokens_[mark_ - 1]->level != 0)
            return error_range(a, b, "invalid syntax. Perhaps you forgot a comma?");
        }
      }
      FAIL_IF_ERR();
    }
    mark_ = start;
  }
  // a=disjunction 'if' b=disjunction !('else'|':')
  {
    Expr* a = disjunction();
    if (a && expect(KW_IF)) {
      Expr* b = disjunction();
      if (b && !check(KW_ELSE) && !check(COLON)) return error_range(a, b, "expected 'else' after 'if' expression");
      FAIL_IF_ERR();
      // a=disjunction 'if' b=disjunction 'else' !expression
      if (b && expect(KW_ELSE)) {
        int m = mark_;
        Expr* c = expression();
        FAIL_IF_ERR();
        mark_ = m;
        if (!c) return error_on_next_token("expected expression after 'else', but statement is given");
      }
    }
    FAIL_IF_ERR();
    mark_ = start;
  }
  // a=(pass_stmt|break_stmt|continue_stmt) 'if' b=disjunction 'else' c=simple_stmt
  {
    PToken* t = peek();
    if (t && (t->ptype == KW_PASS || t->ptype == KW_BREAK || t->ptype == KW_CONTINUE)) {
      mark_++;
      Stmt* a = t->ptype == KW_PASS ? static_cast<Stmt*>(node<Pass>(start))
                : t->ptype == KW_BREAK ? static_cast<Stmt*>(node<Break>(start))
                                        : static_cast<Stmt*>(node<Continue>(start));
      if (expect(KW_IF) && disjunction() && expect(KW_ELSE) && simple_stmt())
        return error_at(a, "expected expression before 'if', but statement is given");
      FAIL_IF_ERR();
    }
    mark_ = start;
  }
  // a='lambda' [lambda_params] b=':' &(FSTRING_MIDDLE | TSTRING_MIDDLE)
  {
    PToken* a = expect(KW_LAMBDA);
    if (a) {
      int m = mark_;
      if (!lambda_params()) { FAIL_IF_ERR(); mark_ = m; }
      PToken* b = expect(COLON);
      if (b && check(FSTRING_MIDDLE))
        return error_range(a, b, "f-string: lambda expressions are not allowed without parentheses");
      if (b && check(TSTRING_MIDDLE))
        return error_range(a, b, "t-string: lambda expressions are not allowed without parentheses");
    }
    FAIL_IF_ERR();
    mark_ = start;
  }
  return nullptr;
}

void* Parser::invalid_if_expression() { return nullptr; }  // not in 3.14

// Memoised like CPython's invalid_named_expression (memo): without it each unclosed
// '[' re-parses the rest through list()/genexp() twice, exponential in the nesting.
void* Parser::invalid_named_expression() {
  FAIL_IF_ERR();
  void* r;
  if (memo_get(R_invalid_named_expression, &r)) return r;
  int start = mark_;
  r = invalid_named_expression_raw();
  if (!r) mark_ = start;
  memo_set(start, R_invalid_named_expression, r);
  return r;
}

void* Parser::invalid_named_expression_raw() {
  FAIL_IF_ERR();
  int start = mark_;
  {
    Expr* a = expression();
    if (a && expect(COLONEQUAL) && expression())
      return error_at(a, "cannot use assignment expressions with %s", expr_name(a));
    FAIL_IF_ERR();
    mark_ = start;
  }
  {
    Expr* a = name_token();
    if (a && expect(EQUAL)) {
      Expr* b = bitwise_or();
      if (b && !check(EQUAL) && !check(COLONEQUAL))
        return error_range(a, b, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
    }
    FAIL_IF_ERR();
    mark_ = start;
  }
  {
    bool excluded = false;
    PToken* t = peek();
    if (t && (t->ptype == KW_TRUE || t->ptype == KW_NONE || t->ptype == KW_FALSE)) excluded = true;
    if (!excluded && t && (t->ptype == LSQB || t->ptype == LPAR)) {
      if (list() || tuple() || genexp()) excluded = true;
      FAIL_IF_ERR();
      mark_ = start;
    }
    if (!excluded) {
      Expr* a = bitwise_or();
      if (a && expect(EQUAL) && bitwise_or() && !check(EQUAL) && !check(COLONEQUAL))
        return error_at(a, "cannot assign to %s here. Maybe you meant '==' instead of '='?", expr_name(a));
      FAIL_IF_ERR();
    }
    mark_ = start;
  }
  return nullptr;
}

Expr* Parser::invalid_ann_assign_target() {
  FAIL_IF_ERR();
  int start = mark_;
  Expr* a = list();
  if (a || error_) return a;
  mark_ = start;
  a = tuple();
  if (a || error_) return a;
  mark_ = start;
  if (expect(LPAR)) {
    a = invalid_ann_assign_target();
    if (a && expect(RPAR)) return a;
  }
  mark_ = start;
  return nullptr;
}

void* Parser::invalid_assignment() {
  FAIL_IF_ERR();
  int start = mark_;
  {
    Expr* a = invalid_ann_assign_target();
    if (a && expect(COLON) && expression())
      return error_at(a, "only single target (not %s) can be annotated", expr_name(a));
    FAIL_IF_ERR();
    mark_ = start;
  }
  {
    Expr* a = star_named_expression();
    if (a && expect(COMMA)) {
      for (;;) {
        int m = mark_;
        std::vector<Expr*> tmp;
        if (!star_named_expressions(tmp)) { mark_ = m; break; }
      }
      FAIL_IF_ERR();
      if (expect(COLON) && expression()) return error_at(a, "only single target (not tuple) can be annotated");
    }
    FAIL_IF_ERR();
    mark_ = start;
  }
  {
    Expr* a = expression();
    if (a && expect(COLON) && expression()) return error_at(a, "illegal target for annotation");
    FAIL_IF_ERR();
    mark_ = start;
  }
  // (star_targets '=')* a=star_expressions '='   and   (star_targets '=')* a=yield_expr '='
  {
    for (;;) {
      int m = mark_;
      if (!(star_targets() && expect(EQUAL))) { mark_ = m; break; }
    }
    FAIL_IF_ERR();
    int m = mark_;
    Expr* a = star_expressions();
    if (a && expect(EQUAL)) {
      invalid_target_error(STAR_TARGETS, a);
      if (error_) return nullptr;
    }
    FAIL_IF_ERR();
    mark_ = start;
    for (;;) {
      int m2 = mark_;
      if (!(star_targets() && expect(EQUAL))) { mark_ = m2; break; }
    }
    FAIL_IF_ERR();
    (void)m;
    a = yield_expr();
    if (a && expect(EQUAL)) return error_at(a, "assignment to yield expression not possible");
    FAIL_IF_ERR();
    mark_ = start;
  }
  {
    Expr* a = star_expressions();
    Operator op;
    if (a && augassign(&op) && annotated_rhs())
      return error_at(a, "'%s' is an illegal expression for augmented assignment", expr_name(a));
    FAIL_IF_ERR();
    mark_ = start;
  }
  return nullptr;
}

void* Parser::invalid_raise_stmt() { return nullptr; }   // not in 3.14
void* Parser::invalid_assert_stmt() { return nullptr; }  // not in 3.14

void* Parser::invalid_del_stmt() {
  FAIL_IF_ERR();
  int start = mark_;
  if (expect(KW_DEL)) {
    Expr* a = star_expressions();
    if (a) {
      invalid_target_error(DEL_TARGETS, a);
      if (error_) return nullptr;
    }
  }
  FAIL_IF_ERR();
  mark_ = start;
  return nullptr;
}

void* Parser::invalid_block() {
  FAIL_IF_ERR();
  int start = mark_;
  if (expect(NEWLINE) && !check(INDENT)) return indentation_error("expected an indented block");
  FAIL_IF_ERR();
  mark_ = start;
  return nullptr;
}

void* Parser::invalid_comprehension() {
  FAIL_IF_ERR();
  int start = mark_;
  {
    PToken* t = peek();
    if (t && (t->ptype == LSQB || t->ptype == LPAR || t->ptype == LBRACE)) {
      mark_++;
      Expr* a = starred_expression();
      std::vector<Comprehension*> c;
      if (a && for_if_clauses(c)) return error_at(a, "iterable unpacking cannot be used in comprehension");
      FAIL_IF_ERR();
    }
    mark_ = start;
  }
  {
    PToken* t = peek();
    if (t && (t->ptype == LSQB || t->ptype == LBRACE)) {
      mark_++;
      Expr* a = star_named_expression();
      if (a) {
        int m = mark_;
        std::vector<Expr*> b;
        std::vector<Comprehension*> c;
        if (expect(COMMA) && star_named_expressions(b) && for_if_clauses(c))
          return error_range(a, b.back(), "did you forget parentheses around the comprehension target?");
        FAIL_IF_ERR();
        mark_ = m;
        PToken* comma = expect(COMMA);
        c.clear();
        if (comma && for_if_clauses(c))
          return error_range(a, comma, "did you forget parentheses around the comprehension target?");
      }
      FAIL_IF_ERR();
    }
    mark_ = start;
  }
  return nullptr;
}

void* Parser::invalid_parameters_helper() {
  // slash_with_default | param_with_default+
  int start = mark_;
  if (slash_with_default()) return this;
  FAIL_IF_ERR();
  mark_ = start;
  bool any = false;
  while (param_with_default()) any = true;
  FAIL_IF_ERR();
  if (any) return this;
  mark_ = start;
  return nullptr;
}

void* Parser::invalid_parameters() {
  FAIL_IF_ERR();
  int start = mark_;
  {
    PToken* a = expect(SLASH);
    if (a && expect(COMMA)) return error_at(a, "at least one argument must precede /");
    mark_ = start;
  }
  {
    std::vector<Arg*> tmp;
    bool ok = slash_no_default(tmp);
    if (!ok) { FAIL_IF_ERR(); mark_ = start; ok = slash_with_default() != nullptr; }
    FAIL_IF_ERR();
    if (ok) {
      while (param_maybe_default()) {}
      FAIL_IF_ERR();
      if (PToken* a = expect(SLASH)) return error_at(a, "/ may appear only once");
    }
    mark_ = start;
  }
  {
    std::vector<Arg*> tmp;
    if (!slash_no_default(tmp)) { FAIL_IF_ERR(); mark_ = start; }
    while (param_no_default()) {}
    FAIL_IF_ERR();
    if (invalid_parameters_helper()) {
      Arg* a = param_no_default();
      if (a) return error_at(a, "parameter without a default follows parameter with a default");
    }
    FAIL_IF_ERR();
    mark_ = start;
  }
  {
    while (param_no_default()) {}
    FAIL_IF_ERR();
    PToken* a = expect(LPAR);
    if (a) {
      bool any = false;
      while (param_no_default()) any = true;
      FAIL_IF_ERR();
      if (any) {
        expect(COMMA);
        if (PToken* b = expect(RPAR)) return error_range(a, b, "Function parameters cannot be parenthesized");
      }
    }
    mark_ = start;
  }
  {
    std::vector<Arg*> tmp;
    if (!slash_no_default(tmp)) {
      FAIL_IF_ERR();
      mark_ = start;
      if (!slash_with_default()) { FAIL_IF_ERR(); mark_ = start; }
    }
    while (param_maybe_default()) {}
    FAIL_IF_ERR();
    if (expect(STAR)) {
      bool ok = expect(COMMA) != nullptr;
      if (!ok) ok = param_no_default() != nullptr;
      FAIL_IF_ERR();
      if (ok) {
        while (param_maybe_default()) {}
        FAIL_IF_ERR();
        if (PToken* a = expect(SLASH)) return error_at(a, "/ must be ahead of *");
      }
    }
    mark_ = start;
  }
  {
    bool any = false;
    while (param_maybe_default()) any = true;
    FAIL_IF_ERR();
    if (any && expect(SLASH)) {
      if (PToken* a = expect(STAR)) return error_at(a, "expected comma between / and *");
    }
    mark_ = start;
  }
  return nullptr;
}

void* Parser::invalid_default() {
  FAIL_IF_ERR();
  int start = mark_;
  PToken* a = expect(EQUAL);
  if (a && (check(RPAR) || check(COMMA))) return error_at(a, "expected default value expression");
  mark_ = start;
  return nullptr;
}

void* Parser::invalid_star_etc() {
  FAIL_IF_ERR();
  int start = mark_;
  {
    PToken* a = expect(STAR);
    if (a) {
      if (check(RPAR)) return error_at(a, "named arguments must follow bare *");
      if (expect(COMMA) && (check(RPAR) || check(DOUBLESTAR))) return error_at(a, "named arguments must follow bare *");
    }
    mark_ = start;
  }
  {
    if (expect(STAR) && param()) {
      if (PToken* a = expect(EQUAL)) return error_at(a, "var-positional argument cannot have default value");
    }
    FAIL_IF_ERR();
    mark_ = start;
  }
  {
    if (expect(STAR)) {
      bool ok = param_no_default() != nullptr;
      if (!ok) { FAIL_IF_ERR(); ok = expect(COMMA) != nullptr; }
      if (ok) {
        while (param_maybe_default()) {}
        FAIL_IF_ERR();
        PToken* a = expect(STAR);
        if (a) {
          bool ok2 = param_no_default() != nullptr;
          if (!ok2) { FAIL_IF_ERR(); ok2 = expect(COMMA) != nullptr; }
          if (ok2) return error_at(a, "* argument may appear only once");
        }
      }
    }
    FAIL_IF_ERR();
    mark_ = start;
  }
  return nullptr;
}

void* Parser::invalid_kwds() {
  FAIL_IF_ERR();
  int start = mark_;
  if (expect(DOUBLESTAR) && param()) {
    int m = mark_;
    if (PToken* a = expect(EQUAL)) return error_at(a, "var-keyword argument cannot have default value");
    mark_ = m;
    if (expect(COMMA)) {
      int m2 = mark_;
      Arg* a = param();
      if (a) return error_at(a, "arguments cannot follow var-keyword argument");
      FAIL_IF_ERR();
      mark_ = m2;
      PToken* t = peek();
      if (t && (t->ptype == STAR || t->ptype == DOUBLESTAR || t->ptype == SLASH))
        return error_at(t, "arguments cannot follow var-keyword argument");
    }
  }
  FAIL_IF_ERR();
  mark_ = start;
  return nullptr;
}

void* Parser::invalid_lambda_parameters_helper() {
  int start = mark_;
  if (lambda_slash_with_default()) return this;
  FAIL_IF_ERR();
  mark_ = start;
  bool any = false;
  while (lambda_param_with_default()) any = true;
  FAIL_IF_ERR();
  if (any) return this;
  mark_ = start;
  return nullptr;
}

void* Parser::invalid_lambda_parameters() {
  FAIL_IF_ERR();
  int start = mark_;
  {
    PToken* a = expect(SLASH);
    if (a && expect(COMMA)) return error_at(a, "at least one argument must precede /");
    mark_ = start;
  }
  {
    std::vector<Arg*> tmp;
    bool ok = lambda_slash_no_default(tmp);
    if (!ok) { FAIL_IF_ERR(); mark_ = start; ok = lambda_slash_with_default() != nullptr; }
    FAIL_IF_ERR();
    if (ok) {
      while (lambda_param_maybe_default()) {}
      FAIL_IF_ERR();
      if (PToken* a = expect(SLASH)) return error_at(a, "/ may appear only once");
    }
    mark_ = start;
  }
  {
    std::vector<Arg*> tmp;
    if (!lambda_slash_no_default(tmp)) { FAIL_IF_ERR(); mark_ = start; }
    while (lambda_param_no_default()) {}
    FAIL_IF_ERR();
    if (invalid_lambda_parameters_helper()) {
      Arg* a = lambda_param_no_default();
      if (a) return error_at(a, "parameter without a default follows parameter with a default");
    }
    FAIL_IF_ERR();
    mark_ = start;
  }
  {
    while (lambda_param_no_default()) {}
    FAIL_IF_ERR();
    PToken* a = expect(LPAR);
    if (a) {
      bool any = false;
      for (;;) {
        int m = mark_;
        if (!lambda_param()) { mark_ = m; if (any) mark_ = m - 1; break; }
        any = true;
        if (!expect(COMMA)) break;
      }
      FAIL_IF_ERR();
      if (any) {
        expect(COMMA);
        if (PToken* b = expect(RPAR)) return error_range(a, b, "Lambda expression parameters cannot be parenthesized");
      }
    }
    mark_ = start;
  }
  {
    std::vector<Arg*> tmp;
    if (!lambda_slash_no_default(tmp)) {
      FAIL_IF_ERR();
      mark_ = start;
      if (!lambda_slash_with_default()) { FAIL_IF_ERR(); mark_ = start; }
    }
    while (lambda_param_maybe_default()) {}
    FAIL_IF_ERR();
    if (expect(STAR)) {
      bool ok = expect(COMMA) != nullptr;
      if (!ok) ok = lambda_param_no_default() != nullptr;
      FAIL_IF_ERR();
      if (ok) {
        while (lambda_param_maybe_default()) {}
        FAIL_IF_ERR();
        if (PToken* a = expect(SLASH)) return error_at(a, "/ must be ahead of *");
      }
    }
    mark_ = start;
  }
  {
    bool any = false;
    while (lambda_param_maybe_default()) any = true;
    FAIL_IF_ERR();
    if (any && expect(SLASH)) {
      if (PToken* a = expect(STAR)) return error_at(a, "expected comma between / and *");
    }
    mark_ = start;
  }
  return nullptr;
}

void* Parser::invalid_lambda_star_etc() {
  FAIL_IF_ERR();
  int start = mark_;
  if (expect(STAR)) {
    if (check(COLON)) return syntax_error("named arguments must follow bare *");
    if (expect(COMMA) && (check(COLON) || check(DOUBLESTAR))) return syntax_error("named arguments must follow bare *");
  }
  mark_ = start;
  if (expect(STAR) && lambda_param()) {
    if (PToken* a = expect(EQUAL)) return error_at(a, "var-positional argument cannot have default value");
  }
  FAIL_IF_ERR();
  mark_ = start;
  if (expect(STAR)) {
    bool ok = lambda_param_no_default() != nullptr;
    if (!ok) { FAIL_IF_ERR(); ok = expect(COMMA) != nullptr; }
    if (ok) {
      while (lambda_param_maybe_default()) {}
      FAIL_IF_ERR();
      PToken* a = expect(STAR);
      if (a) {
        bool ok2 = lambda_param_no_default() != nullptr;
        if (!ok2) { FAIL_IF_ERR(); ok2 = expect(COMMA) != nullptr; }
        if (ok2) return error_at(a, "* argument may appear only once");
      }
    }
  }
  FAIL_IF_ERR();
  mark_ = start;
  return nullptr;
}

void* Parser::invalid_lambda_kwds() {
  FAIL_IF_ERR();
  int start = mark_;
  if (expect(DOUBLESTAR) && lambda_param()) {
    int m = mark_;
    if (PToken* a = expect(EQUAL)) return error_at(a, "var-keyword argument cannot have default value");
    mark_ = m;
    if (expect(COMMA)) {
      int m2 = mark_;
      Arg* a = lambda_param();
      if (a) return error_at(a, "arguments cannot follow var-keyword argument");
      FAIL_IF_ERR();
      mark_ = m2;
      PToken* t = peek();
      if (t && (t->ptype == STAR || t->ptype == DOUBLESTAR || t->ptype == SLASH))
        return error_at(t, "arguments cannot follow var-keyword argument");
    }
  }
  FAIL_IF_ERR();
  mark_ = start;
  return nullptr;
}

void* Parser::invalid_with_item() {
  FAIL_IF_ERR();
  int start = mark_;
  if (expression() && expect(KW_AS)) {
    Expr* a = expression();
    if (a && (check(COMMA) || check(RPAR) || check(COLON))) {
      invalid_target_error(STAR_TARGETS, a);
      if (error_) return nullptr;
    }
  }
  FAIL_IF_ERR();
  mark_ = start;
  return nullptr;
}

void* Parser::invalid_for_if_clause() {
  FAIL_IF_ERR();
  int start = mark_;
  expect(KW_ASYNC);
  if (expect(KW_FOR)) {
    if (bitwise_or()) {
      for (;;) {
        int m = mark_;
        if (!(expect(COMMA) && bitwise_or())) { mark_ = m; break; }
      }
      FAIL_IF_ERR();
      expect(COMMA);
      if (!check(KW_IN)) return syntax_error("'in' expected after for-loop variables");
    }
  }
  FAIL_IF_ERR();
  mark_ = start;
  return nullptr;
}

void* Parser::invalid_for_target() {
  FAIL_IF_ERR();
  int start = mark_;
  expect(KW_ASYNC);
  if (expect(KW_FOR)) {
    Expr* a = star_expressions();
    if (a) {
      invalid_target_error(FOR_TARGETS, a);
      if (error_) return nullptr;
    }
  }
  FAIL_IF_ERR();
  mark_ = start;
  return nullptr;
}

void* Parser::invalid_group() {
  FAIL_IF_ERR();
  int start = mark_;
  if (expect(LPAR)) {
    Expr* a = starred_expression();
    if (a && expect(RPAR)) return error_at(a, "cannot use starred expression here");
    FAIL_IF_ERR();
  }
  mark_ = start;
  if (expect(LPAR)) {
    PToken* a = expect(DOUBLESTAR);
    if (a && expression() && expect(RPAR)) return error_at(a, "cannot use double starred expression here");
    FAIL_IF_ERR();
  }
  mark_ = start;
  return nullptr;
}

void* Parser::invalid_import() {
  FAIL_IF_ERR();
  int start = mark_;
  if (PToken* a = expect(KW_IMPORT)) {
    bool any = false;
    for (;;) {
      int m = mark_;
      if (!dotted_name()) { mark_ = m; if (any) mark_ = m - 1; break; }
      any = true;
      if (!expect(COMMA)) break;
    }
    FAIL_IF_ERR();
    if (any && expect(KW_FROM) && dotted_name())
      return error_starting_from(a, "Did you mean to use 'from ... import ...' instead?");
    FAIL_IF_ERR();
  }
  mark_ = start;
  if (expect(KW_IMPORT)) {
    if (PToken* t = expect(NEWLINE)) return error_starting_from(t, "Expected one or more names after 'import'");
  }
  mark_ = start;
  return nullptr;
}

static bool name_then_sep(Parser& p) {
  int m = p.mark_;
  bool r = p.expect(NAME) && (p.check(COMMA) || p.check(RPAR) || p.check(SEMI) || p.check(NEWLINE));
  p.mark_ = m;
  return r;
}

void* Parser::invalid_dotted_as_name() {
  FAIL_IF_ERR();
  int start = mark_;
  if (dotted_name() && expect(KW_AS) && !name_then_sep(*this)) {
    Expr* a = expression();
    if (a) return error_at(a, "cannot use %s as import target", expr_name(a));
  }
  FAIL_IF_ERR();
  mark_ = start;
  return nullptr;
}

void* Parser::invalid_import_from_as_name() {
  FAIL_IF_ERR();
  int start = mark_;
  if (expect(NAME) && expect(KW_AS) && !name_then_sep(*this)) {
    Expr* a = expression();
    if (a) return error_at(a, "cannot use %s as import target", expr_name(a));
  }
  FAIL_IF_ERR();
  mark_ = start;
  return nullptr;
}

void* Parser::invalid_import_from_targets() {
  FAIL_IF_ERR();
  int start = mark_;
  std::vector<Alias*> tmp;
  if (import_from_as_names(tmp) && expect(COMMA) && expect(NEWLINE))
    return syntax_error("trailing comma not allowed without surrounding parentheses");
  FAIL_IF_ERR();
  mark_ = start;
  if (PToken* t = expect(NEWLINE)) return error_starting_from(t, "Expected one or more names after 'import'");
  mark_ = start;
  return nullptr;
}

// ','.(expression ['as' star_target])+  (or expressions when `plural`)
static bool with_items_loose(Parser& p, bool plural) {
  bool any = false;
  for (;;) {
    int m = p.mark_;
    Expr* e = plural ? p.expressions() : p.expression();
    if (!e) { p.mark_ = m; if (any) p.mark_ = m - 1; break; }
    int m2 = p.mark_;
    if (!(p.expect(KW_AS) && p.star_target())) p.mark_ = m2;
    if (p.error_) return false;
    any = true;
    if (!p.expect(COMMA)) break;
  }
  return any && !p.error_;
}

void* Parser::invalid_with_stmt() {
  FAIL_IF_ERR();
  int start = mark_;
  expect(KW_ASYNC);
  if (expect(KW_WITH) && with_items_loose(*this, false) && expect(NEWLINE)) return syntax_error("expected ':'");
  FAIL_IF_ERR();
  mark_ = start;
  expect(KW_ASYNC);
  if (expect(KW_WITH) && expect(LPAR) && with_items_loose(*this, true)) {
    expect(COMMA);
    if (expect(RPAR) && expect(NEWLINE)) return syntax_error("expected ':'");
  }
  FAIL_IF_ERR();
  mark_ = start;
  return nullptr;
}

void* Parser::invalid_with_stmt_indent() {
  FAIL_IF_ERR();
  int start = mark_;
  expect(KW_ASYNC);
  if (PToken* a = expect(KW_WITH)) {
    if (with_items_loose(*this, false) && expect(COLON) && expect(NEWLINE) && !check(INDENT))
      return indentation_error("expected an indented block after 'with' statement on line %d", a->lineno);
  }
  FAIL_IF_ERR();
  mark_ = start;
  expect(KW_ASYNC);
  if (PToken* a = expect(KW_WITH)) {
    if (expect(LPAR) && with_items_loose(*this, true)) {
      expect(COMMA);
      if (expect(RPAR) && expect(COLON) && expect(NEWLINE) && !check(INDENT))
        return indentation_error("expected an indented block after 'with' statement on line %d", a->lineno);
    }
  }
  FAIL_IF_ERR();
  mark_ = start;
  return nullptr;
}

void* Parser::invalid_try_stmt() {
  FAIL_IF_ERR();
  int start = mark_;
  if (PToken* a = expect(KW_TRY)) {
    if (expect(COLON) && expect(NEWLINE) && !check(INDENT))
      return indentation_error("expected an indented block after 'try' statement on line %d", a->lineno);
  }
  FAIL_IF_ERR();
  mark_ = start;
  if (expect(KW_TRY) && expect(COLON) && block() && !check(KW_EXCEPT) && !check(KW_FINALLY))
    return syntax_error("expected 'except' or 'finally' block");
  FAIL_IF_ERR();
  mark_ = start;
  if (expect(KW_TRY) && expect(COLON)) {
    while (block()) {}
    FAIL_IF_ERR();
    int after = mark_;
    bool any = false;
    while (except_block()) any = true;
    FAIL_IF_ERR();
    if (any) {
      PToken* a = expect(KW_EXCEPT);
      PToken* b = a ? expect(STAR) : nullptr;
      if (b && expression()) {
        int m = mark_;
        if (!(expect(KW_AS) && expect(NAME))) mark_ = m;
        if (expect(COLON)) return error_range(a, b, "cannot have both 'except' and 'except*' on the same 'try'");
      }
      FAIL_IF_ERR();
    }
    mark_ = after;
    any = false;
    while (except_star_block()) any = true;
    FAIL_IF_ERR();
    if (any) {
      PToken* a = expect(KW_EXCEPT);
      if (a) {
        int m = mark_;
        if (expression()) {
          int m2 = mark_;
          if (!(expect(KW_AS) && expect(NAME))) mark_ = m2;
        } else {
          mark_ = m;
        }
        FAIL_IF_ERR();
        if (expect(COLON)) return error_at(a, "cannot have both 'except' and 'except*' on the same 'try'");
      }
      FAIL_IF_ERR();
    }
  }
  FAIL_IF_ERR();
  mark_ = start;
  return nullptr;
}

void* Parser::invalid_except_stmt() {
  FAIL_IF_ERR();
  int start = mark_;
  if (expect(KW_EXCEPT)) {
    Expr* a = expression();
    if (a && expect(COMMA) && expressions() && expect(KW_AS) && expect(NAME) && expect(COLON))
      return error_starting_from(a, "multiple exception types must be parenthesized when using 'as'");
  }
  FAIL_IF_ERR();
  mark_ = start;
  if (expect(KW_EXCEPT) && expression()) {
    int m = mark_;
    if (!(expect(KW_AS) && expect(NAME))) mark_ = m;
    if (expect(NEWLINE)) return syntax_error("expected ':'");
  }
  FAIL_IF_ERR();
  mark_ = start;
  if (expect(KW_EXCEPT) && expect(NEWLINE)) return syntax_error("expected ':'");
  mark_ = start;
  if (expect(KW_EXCEPT) && expression() && expect(KW_AS)) {
    Expr* a = expression();
    if (a && expect(COLON) && block()) return error_at(a, "cannot use except statement with %s", expr_name(a));
  }
  FAIL_IF_ERR();
  mark_ = start;
  return nullptr;
}

void* Parser::invalid_except_star_stmt() {
  FAIL_IF_ERR();
  int start = mark_;
  if (expect(KW_EXCEPT) && expect(STAR)) {
    Expr* a = expression();
    if (a && expect(COMMA) && expressions() && expect(KW_AS) && expect(NAME) && expect(COLON))
      return error_starting_from(a, "multiple exception types must be parenthesized when using 'as'");
  }
  FAIL_IF_ERR();
  mark_ = start;
  if (expect(KW_EXCEPT) && expect(STAR) && expression()) {
    int m = mark_;
    if (!(expect(KW_AS) && expect(NAME))) mark_ = m;
    if (expect(NEWLINE)) return syntax_error("expected ':'");
  }
  FAIL_IF_ERR();
  mark_ = start;
  if (expect(KW_EXCEPT) && expect(STAR) && (expect(NEWLINE) || expect(COLON)))
    return syntax_error("expected one or more exception types");
  mark_ = start;
  if (expect(KW_EXCEPT) && expect(STAR) && expression() && expect(KW_AS)) {
    Expr* a = expression();
    if (a && expect(COLON) && block()) return error_at(a, "cannot use except* statement with %s", expr_name(a));
  }
  FAIL_IF_ERR();
  mark_ = start;
  return nullptr;
}

void* Parser::invalid_finally_stmt() {
  FAIL_IF_ERR();
  int start = mark_;
  if (PToken* a = expect(KW_FINALLY)) {
    if (expect(COLON) && expect(NEWLINE) && !check(INDENT))
      return indentation_error("expected an indented block after 'finally' statement on line %d", a->lineno);
  }
  FAIL_IF_ERR();
  mark_ = start;
  return nullptr;
}

void* Parser::invalid_except_stmt_indent() {
  FAIL_IF_ERR();
  int start = mark_;
  if (PToken* a = expect(KW_EXCEPT)) {
    if (expression()) {
      int m = mark_;
      if (!(expect(KW_AS) && expect(NAME))) mark_ = m;
      if (expect(COLON) && expect(NEWLINE) && !check(INDENT))
        return indentation_error("expected an indented block after 'except' statement on line %d", a->lineno);
    }
    FAIL_IF_ERR();
    mark_ = start + 1;
    if (expect(COLON) && expect(NEWLINE) && !check(INDENT))
      return indentation_error("expected an indented block after 'except' statement on line %d", a->lineno);
  }
  FAIL_IF_ERR();
  mark_ = start;
  return nullptr;
}

void* Parser::invalid_except_star_stmt_indent() {
  FAIL_IF_ERR();
  int start = mark_;
  if (PToken* a = expect(KW_EXCEPT)) {
    if (expect(STAR) && expression()) {
      int m = mark_;
      if (!(expect(KW_AS) && expect(NAME))) mark_ = m;
      if (expect(COLON) && expect(NEWLINE) && !check(INDENT))
        return indentation_error("expected an indented block after 'except*' statement on line %d", a->lineno);
    }
  }
  FAIL_IF_ERR();
  mark_ = start;
  return nullptr;
}

void* Parser::invalid_match_stmt() {
  FAIL_IF_ERR();
  int start = mark_;
  if (expect_soft("match") && subject_expr() && expect(NEWLINE)) return syntax_error("expected ':'");
  FAIL_IF_ERR();
  mark_ = start;
  if (PToken* a = expect_soft("match")) {
    if (subject_expr() && expect(COLON) && expect(NEWLINE) && !check(INDENT))
      return indentation_error("expected an indented block after 'match' statement on line %d", a->lineno);
  }
  FAIL_IF_ERR();
  mark_ = start;
  return nullptr;
}

void* Parser::invalid_case_block() {
  FAIL_IF_ERR();
  int start = mark_;
  if (expect_soft("case") && patterns()) {
    int m = mark_;
    if (!guard()) { FAIL_IF_ERR(); mark_ = m; }
    if (expect(NEWLINE)) return syntax_error("expected ':'");
  }
  FAIL_IF_ERR();
  mark_ = start;
  if (PToken* a = expect_soft("case")) {
    if (patterns()) {
      int m = mark_;
      if (!guard()) { FAIL_IF_ERR(); mark_ = m; }
      if (expect(COLON) && expect(NEWLINE) && !check(INDENT))
        return indentation_error("expected an indented block after 'case' statement on line %d", a->lineno);
    }
  }
  FAIL_IF_ERR();
  mark_ = start;
  return nullptr;
}

void* Parser::invalid_as_pattern() {
  FAIL_IF_ERR();
  int start = mark_;
  if (or_pattern() && expect(KW_AS)) {
    int m = mark_;
    if (PToken* a = expect_soft("_")) return error_at(a, "cannot use '_' as a target");
    mark_ = m;
    Expr* a = expression();
    if (a) return error_at(a, "cannot use %s as pattern target", expr_name(a));
  }
  FAIL_IF_ERR();
  mark_ = start;
  return nullptr;
}

void* Parser::invalid_class_pattern() {
  FAIL_IF_ERR();
  int start = mark_;
  if (name_or_attr() && expect(LPAR)) {
    // invalid_class_argument_pattern: [positional_patterns ','] keyword_patterns ',' a=positional_patterns
    int m = mark_;
    std::vector<Pattern*> pos;
    if (!(positional_patterns(pos) && expect(COMMA))) { FAIL_IF_ERR(); mark_ = m; }
    std::vector<KeyPatternPair> kw;
    if (keyword_patterns(kw) && expect(COMMA)) {
      std::vector<Pattern*> a;
      if (positional_patterns(a))
        return error_range(a.front(), a.back(), "positional patterns follow keyword patterns");
    }
  }
  FAIL_IF_ERR();
  mark_ = start;
  return nullptr;
}

void* Parser::invalid_mapping_pattern() {
  FAIL_IF_ERR();
  int start = mark_;
  if (expect(LBRACE)) {
    int m = mark_;
    std::vector<KeyPatternPair> items;
    if (!(items_pattern(items) && expect(COMMA))) { FAIL_IF_ERR(); mark_ = m; }
    Expr* rest = double_star_pattern();
    if (rest && expect(COMMA)) {
      std::vector<KeyPatternPair> more;
      if (items_pattern(more)) {
        expect(COMMA);
        if (expect(RBRACE))
          return error_at(rest, "double star pattern must be the last (right-most) subpattern in the mapping pattern");
      }
    }
  }
  FAIL_IF_ERR();
  mark_ = start;
  return nullptr;
}

void* Parser::invalid_if_stmt() {
  FAIL_IF_ERR();
  int start = mark_;
  if (expect(KW_IF) && named_expression() && expect(NEWLINE)) return syntax_error("expected ':'");
  FAIL_IF_ERR();
  mark_ = start;
  if (PToken* a = expect(KW_IF)) {
    if (named_expression() && expect(COLON) && expect(NEWLINE) && !check(INDENT))
      return indentation_error("expected an indented block after 'if' statement on line %d", a->lineno);
  }
  FAIL_IF_ERR();
  mark_ = start;
  return nullptr;
}

void* Parser::invalid_elif_stmt() {
  FAIL_IF_ERR();
  int start = mark_;
  if (expect(KW_ELIF) && named_expression() && expect(NEWLINE)) return syntax_error("expected ':'");
  FAIL_IF_ERR();
  mark_ = start;
  if (PToken* a = expect(KW_ELIF)) {
    if (named_expression() && expect(COLON) && expect(NEWLINE) && !check(INDENT))
      return indentation_error("expected an indented block after 'elif' statement on line %d", a->lineno);
  }
  FAIL_IF_ERR();
  mark_ = start;
  return nullptr;
}

void* Parser::invalid_else_stmt() {
  FAIL_IF_ERR();
  int start = mark_;
  if (PToken* a = expect(KW_ELSE)) {
    if (expect(COLON) && expect(NEWLINE) && !check(INDENT))
      return indentation_error("expected an indented block after 'else' statement on line %d", a->lineno);
  }
  FAIL_IF_ERR();
  mark_ = start;
  if (expect(KW_ELSE) && expect(COLON) && block() && check(KW_ELIF))
    return syntax_error("'elif' block follows an 'else' block");
  FAIL_IF_ERR();
  mark_ = start;
  return nullptr;
}

void* Parser::invalid_while_stmt() {
  FAIL_IF_ERR();
  int start = mark_;
  if (expect(KW_WHILE) && named_expression() && expect(NEWLINE)) return syntax_error("expected ':'");
  FAIL_IF_ERR();
  mark_ = start;
  if (PToken* a = expect(KW_WHILE)) {
    if (named_expression() && expect(COLON) && expect(NEWLINE) && !check(INDENT))
      return indentation_error("expected an indented block after 'while' statement on line %d", a->lineno);
  }
  FAIL_IF_ERR();
  mark_ = start;
  return nullptr;
}

void* Parser::invalid_for_stmt() {
  FAIL_IF_ERR();
  int start = mark_;
  expect(KW_ASYNC);
  if (expect(KW_FOR) && star_targets() && expect(KW_IN) && star_expressions() && expect(NEWLINE))
    return syntax_error("expected ':'");
  FAIL_IF_ERR();
  mark_ = start;
  expect(KW_ASYNC);
  if (PToken* a = expect(KW_FOR)) {
    if (star_targets() && expect(KW_IN) && star_expressions() && expect(COLON) && expect(NEWLINE) && !check(INDENT))
      return indentation_error("expected an indented block after 'for' statement on line %d", a->lineno);
  }
  FAIL_IF_ERR();
  mark_ = start;
  return nullptr;
}

void* Parser::invalid_def_raw() {
  FAIL_IF_ERR();
  int start = mark_;
  expect(KW_ASYNC);
  if (PToken* a = expect(KW_DEF)) {
    if (expect(NAME)) {
      int m = mark_;
      Seq<TypeParam*> tp;
      if (!type_params(&tp)) { FAIL_IF_ERR(); mark_ = m; }
      if (expect(LPAR)) {
        m = mark_;
        if (!params()) { FAIL_IF_ERR(); mark_ = m; }
        if (expect(RPAR)) {
          m = mark_;
          if (!(expect(RARROW) && expression())) { FAIL_IF_ERR(); mark_ = m; }
          if (expect(COLON) && expect(NEWLINE) && !check(INDENT))
            return indentation_error("expected an indented block after function definition on line %d", a->lineno);
        }
      }
    }
  }
  FAIL_IF_ERR();
  mark_ = start;
  // ['async'] 'def' NAME [type_params] &&'(' [params] ')' ['->' expression] &&':' [func_type_comment] block
  expect(KW_ASYNC);
  if (expect(KW_DEF) && expect(NAME)) {
    int m = mark_;
    Seq<TypeParam*> tp;
    if (!type_params(&tp)) { FAIL_IF_ERR(); mark_ = m; }
    PToken* lp = peek();
    if (!lp) return nullptr;
    if (lp->ptype != LPAR) return error_at(lp, "expected '('");
    mark_++;
    m = mark_;
    if (!params()) { FAIL_IF_ERR(); mark_ = m; }
    if (expect(RPAR)) {
      m = mark_;
      if (!(expect(RARROW) && expression())) { FAIL_IF_ERR(); mark_ = m; }
      PToken* c = peek();
      if (!c) return nullptr;
      if (c->ptype != COLON) return error_at(c, "expected ':'");
    }
  }
  FAIL_IF_ERR();
  mark_ = start;
  return nullptr;
}

void* Parser::invalid_class_def_raw() {
  FAIL_IF_ERR();
  int start = mark_;
  for (int alt = 0; alt < 2; alt++) {
    PToken* a = expect(KW_CLASS);
    if (a && expect(NAME)) {
      int m = mark_;
      Seq<TypeParam*> tp;
      if (!type_params(&tp)) { FAIL_IF_ERR(); mark_ = m; }
      m = mark_;
      if (expect(LPAR)) {
        int m2 = mark_;
        if (!arguments()) { FAIL_IF_ERR(); mark_ = m2; }
        if (!expect(RPAR)) mark_ = m;
      }
      if (alt == 0) {
        if (expect(NEWLINE)) return syntax_error("expected ':'");
      } else if (expect(COLON) && expect(NEWLINE) && !check(INDENT)) {
        return indentation_error("expected an indented block after class definition on line %d", a->lineno);
      }
    }
    FAIL_IF_ERR();
    mark_ = start;
  }
  return nullptr;
}

void* Parser::invalid_double_starred_kvpairs() {
  FAIL_IF_ERR();
  int start = mark_;
  {
    std::vector<KeyValuePair> kvs;
    bool any = false;
    for (;;) {
      int m = mark_;
      KeyValuePair kv;
      if (!double_starred_kvpair(&kv)) { mark_ = m; if (any) mark_ = m - 1; break; }
      any = true;
      if (!expect(COMMA)) break;
    }
    FAIL_IF_ERR();
    if (any && expect(COMMA)) {
      invalid_kvpair();
      if (error_) return nullptr;
    }
    mark_ = start;
  }
  {
    if (expression() && expect(COLON)) {
      PToken* a = expect(STAR);
      if (a && bitwise_or()) return error_starting_from(a, "cannot use a starred expression in a dictionary value");
    }
    FAIL_IF_ERR();
    mark_ = start;
  }
  {
    if (expression()) {
      PToken* a = expect(COLON);
      if (a && (check(RBRACE) || check(COMMA))) return error_at(a, "expression expected after dictionary key and ':'");
    }
    FAIL_IF_ERR();
    mark_ = start;
  }
  return nullptr;
}

void* Parser::invalid_kvpair() {
  FAIL_IF_ERR();
  int start = mark_;
  {
    Expr* a = expression();
    if (a && !check(COLON))
      return raise_known_location(&exc::SyntaxError, a->lineno, a->end_col_offset - 1 + 1, a->end_lineno, 0,
                                  "':' expected after dictionary key");
    FAIL_IF_ERR();
    mark_ = start;
  }
  {
    if (expression() && expect(COLON)) {
      PToken* a = expect(STAR);
      if (a && bitwise_or()) return error_starting_from(a, "cannot use a starred expression in a dictionary value");
    }
    FAIL_IF_ERR();
    mark_ = start;
  }
  {
    if (expression()) {
      PToken* a = expect(COLON);
      if (a && (check(RBRACE) || check(COMMA))) return error_at(a, "expression expected after dictionary key and ':'");
    }
    FAIL_IF_ERR();
    mark_ = start;
  }
  return nullptr;
}

void* Parser::invalid_kvpair_unpacking() { return nullptr; }  // not in 3.14

void* Parser::invalid_starred_expression_unpacking() {
  FAIL_IF_ERR();
  int start = mark_;
  PToken* a = expect(STAR);
  if (a && expression() && expect(EQUAL)) {
    Expr* b = expression();
    if (b) return error_range(a, b, "cannot assign to iterable argument unpacking");
  }
  FAIL_IF_ERR();
  mark_ = start;
  return nullptr;
}

void* Parser::invalid_starred_expression_unpacking_sequence() { return nullptr; }  // not in 3.14

void* Parser::invalid_starred_expression() {
  FAIL_IF_ERR();
  int start = mark_;
  if (expect(STAR)) return syntax_error("Invalid star expression");
  mark_ = start;
  return nullptr;
}

void* Parser::invalid_fstring_conversion_character(bool is_t) {
  FAIL_IF_ERR();
  int start = mark_;
  char k = is_t ? 't' : 'f';
  if (expect(EXCLAMATION)) {
    if (check(COLON) || check(RBRACE)) return error_on_next_token("%c-string: missing conversion character", k);
    if (!check(NAME)) return error_on_next_token("%c-string: invalid conversion character", k);
  }
  mark_ = start;
  return nullptr;
}

void* Parser::invalid_fstring_replacement_field(bool is_t) {
  FAIL_IF_ERR();
  int start = mark_;
  char k = is_t ? 't' : 'f';
  if (!expect(LBRACE)) return nullptr;
  int after_brace = mark_;
  {
    PToken* a = peek();
    if (a) {
      const char* what = a->ptype == EQUAL ? "=" : a->ptype == EXCLAMATION ? "!" : a->ptype == COLON ? ":"
                         : a->ptype == RBRACE ? "}" : nullptr;
      if (what) return error_at(a, "%c-string: valid expression required before '%s'", k, what);
    }
  }
  FAIL_IF_ERR();
  Expr* e = annotated_rhs();
  FAIL_IF_ERR();
  if (!e) {
    mark_ = after_brace;
    return error_on_next_token("%c-string: expecting a valid expression after '{'", k);
  }
  int after_expr = mark_;
  if (!(check(EQUAL) || check(EXCLAMATION) || check(COLON) || check(RBRACE))) {
    if (err_occurred()) return nullptr;
    return error_on_next_token("%c-string: expecting '=', or '!', or ':', or '}'", k);
  }
  if (expect(EQUAL)) {
    if (!(check(EXCLAMATION) || check(COLON) || check(RBRACE))) {
      if (err_occurred()) return nullptr;
      return error_on_next_token("%c-string: expecting '!', or ':', or '}'", k);
    }
  }
  int after_eq = mark_;
  invalid_fstring_conversion_character(is_t);
  FAIL_IF_ERR();
  mark_ = after_eq;
  {
    int m = mark_;
    if (!(expect(EXCLAMATION) && expect(NAME))) mark_ = m;
    if (!(check(COLON) || check(RBRACE))) {
      if (err_occurred()) return nullptr;
      return error_on_next_token("%c-string: expecting ':' or '}'", k);
    }
    if (expect(COLON)) {
      for (;;) {
        int m2 = mark_;
        if (!fstring_format_spec(is_t)) { mark_ = m2; break; }
      }
      FAIL_IF_ERR();
      if (!check(RBRACE)) {
        if (err_occurred()) return nullptr;
        return error_on_next_token("%c-string: expecting '}', or format specs", k);
      }
    } else if (!check(RBRACE)) {
      if (err_occurred()) return nullptr;
      return error_on_next_token("%c-string: expecting '}'", k);
    }
  }
  (void)after_expr;
  mark_ = start;
  return nullptr;
}

void* Parser::invalid_string_tstring_concat() {
  FAIL_IF_ERR();
  int start = mark_;
  {
    std::vector<Expr*> a;
    for (;;) {
      PToken* t = peek();
      if (!t) break;
      Expr* e = nullptr;
      if (t->ptype == FSTRING_START) e = fstring();
      else if (t->ptype == STRING) e = string_();
      if (!e) break;
      a.push_back(e);
    }
    FAIL_IF_ERR();
    if (!a.empty() && check(TSTRING_START)) {
      Expr* b = tstring();
      if (b) return error_range(a.back(), b, "cannot mix t-string literals with string or bytes literals");
    }
    FAIL_IF_ERR();
    mark_ = start;
  }
  {
    std::vector<Expr*> a;
    while (check(TSTRING_START)) {
      Expr* e = tstring();
      if (!e) break;
      a.push_back(e);
    }
    FAIL_IF_ERR();
    if (!a.empty()) {
      Expr* b = nullptr;
      if (check(FSTRING_START)) b = fstring();
      else if (check(STRING)) b = string_();
      if (b) return error_range(a.back(), b, "cannot mix t-string literals with string or bytes literals");
    }
    FAIL_IF_ERR();
    mark_ = start;
  }
  return nullptr;
}

void* Parser::invalid_arithmetic() {
  FAIL_IF_ERR();
  int start = mark_;
  if (sum()) {
    PToken* t = peek();
    if (t && (t->ptype == PLUS || t->ptype == MINUS || t->ptype == STAR || t->ptype == SLASH ||
              t->ptype == PERCENT || t->ptype == DOUBLESLASH || t->ptype == AT)) {
      mark_++;
      PToken* a = expect(KW_NOT);
      if (a) {
        Expr* b = inversion();
        if (b) return error_range(a, b, "'not' after an operator must be parenthesized");
      }
    }
  }
  FAIL_IF_ERR();
  mark_ = start;
  return nullptr;
}

void* Parser::invalid_factor() {
  FAIL_IF_ERR();
  int start = mark_;
  PToken* t = peek();
  if (t && (t->ptype == PLUS || t->ptype == MINUS || t->ptype == TILDE)) {
    mark_++;
    PToken* a = expect(KW_NOT);
    if (a) {
      Expr* b = factor();
      if (b) return error_range(a, b, "'not' after an operator must be parenthesized");
    }
  }
  FAIL_IF_ERR();
  mark_ = start;
  return nullptr;
}

void* Parser::invalid_type_params() {
  FAIL_IF_ERR();
  int start = mark_;
  if (expect(LSQB)) {
    if (PToken* t = expect(RSQB)) return error_starting_from(t, "Type parameter list cannot be empty");
  }
  mark_ = start;
  return nullptr;
}

void* Parser::raise_missing_comma(Expr* a, Expr* b) { return error_range(a, b, "invalid syntax. Perhaps you forgot a comma?"); }

}  // namespace pyxx::parser
