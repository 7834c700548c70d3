// Expression rules of the PEG parser (CPython 3.14 Grammar/python.gram,
// "EXPRESSIONS" to "TYPING ELEMENTS"). Each function restores the mark on
// failure; memoized rules use Parser::memo_get/memo_set.
#include "objects/singletons.h"
#include "objects/int.h"
#include "objects/str.h"
#include "parser/parser_impl.h"

namespace pyxx::parser {

#define GUARD() \
  do {          \
    if (error_) return nullptr; \
  } while (0)

namespace {
struct DepthGuard {
  int& d;
  explicit DepthGuard(int& depth) : d(depth) { ++d; }
  ~DepthGuard() { --d; }
};
// CPython's parser gives up at 6000 nested rule calls (MAXSTACK); we count the
// recursive rules only, so the limit is reached at a similar nesting depth.
constexpr int kMaxDepth = 6000;
}  // namespace

bool Parser::too_deep() {
  if (depth_ <= kMaxDepth) return false;
  if (!error_) {
    error_ = true;
    err_set_string(&exc::MemoryError, "Parser stack overflowed - Python source too complex to parse");
  }
  return true;
}

Expr* Parser::expressions() {
  GUARD();
  int start = mark_;
  Expr* a = expression();
  if (!a) return nullptr;
  if (check(COMMA)) {
    std::vector<Expr*> elts{a};
    for (;;) {
      int m = mark_;
      if (!expect(COMMA)) break;
      Expr* c = expression();
      if (!c) { mark_ = m; break; }
      elts.push_back(c);
    }
    if (elts.size() > 1) {
      expect(COMMA);
      return node<Tuple>(start, seq(elts), ExprContext::Load);
    }
    if (expect(COMMA)) return node<Tuple>(start, seq(elts), ExprContext::Load);
  }
  return a;
}

Expr* Parser::expression() {
  GUARD();
  Expr* r;
  if (memo_get(R_expression, &r)) return r;
  int start = mark_;
  DepthGuard g(depth_);
  if (too_deep()) return nullptr;
  r = expression_raw();
  if (!r) mark_ = start;
  memo_set(start, R_expression, r);
  return r;
}

Expr* Parser::expression_raw() {
  int start = mark_;
  if (call_invalid_) {
    if (invalid_if_expression() || error_) return nullptr;
    mark_ = start;
    if (invalid_expression() || error_) return nullptr;
    mark_ = start;
    if (invalid_legacy_expression() || error_) return nullptr;
    mark_ = start;
  }
  Expr* a = disjunction();
  if (a) {
    int m = mark_;
    if (expect(KW_IF)) {
      Expr* b = disjunction();
      if (b && expect(KW_ELSE)) {
        Expr* c = expression();
        if (c) return node<IfExp>(start, b, a, c);
      }
      GUARD();
      mark_ = m;
    }
    return a;
  }
  GUARD();
  mark_ = start;
  return lambdef();
}

Expr* Parser::expression_without_invalid() {
  bool saved = call_invalid_;
  call_invalid_ = false;
  int start = mark_;
  Expr* r = nullptr;
  Expr* a = disjunction();
  if (a) {
    int m = mark_;
    if (expect(KW_IF)) {
      Expr* b = disjunction();
      if (b && expect(KW_ELSE)) {
        Expr* c = expression();
        if (c) r = node<IfExp>(start, b, a, c);
      }
      if (!r) mark_ = m;
    }
    if (!r) r = a;
  } else if (!error_) {
    mark_ = start;
    r = lambdef();
  }
  call_invalid_ = saved;
  if (!r) mark_ = start;
  return r;
}

Expr* Parser::yield_expr() {
  GUARD();
  int start = mark_;
  if (!expect(KW_YIELD)) return nullptr;
  if (expect(KW_FROM)) {
    Expr* a = expression();
    if (a) return node<YieldFrom>(start, a);
    GUARD();
    mark_ = start + 1;
  }
  Expr* a = star_expressions();
  GUARD();
  return node<Yield>(start, a);
}

Expr* Parser::star_expressions() {
  GUARD();
  int start = mark_;
  Expr* a = star_expression();
  if (!a) return nullptr;
  if (check(COMMA)) {
    std::vector<Expr*> elts{a};
    for (;;) {
      int m = mark_;
      if (!expect(COMMA)) break;
      Expr* c = star_expression();
      if (!c) { mark_ = m; break; }
      elts.push_back(c);
    }
    GUARD();
    expect(COMMA);
    return node<Tuple>(start, seq(elts), ExprContext::Load);
  }
  return a;
}

Expr* Parser::star_expression() {
  GUARD();
  Expr* r;
  if (memo_get(R_star_expression, &r)) return r;
  int start = mark_;
  r = nullptr;
  if (expect(STAR)) {
    Expr* a = bitwise_or();
    if (a) r = node<Starred>(start, a, ExprContext::Load);
    else mark_ = start;
  }
  if (!r && !error_) r = expression();
  if (!r) mark_ = start;
  memo_set(start, R_star_expression, r);
  return r;
}

bool Parser::star_named_expressions(std::vector<Expr*>& out) {
  if (error_) return false;
  int start = mark_;
  Expr* a = star_named_expression();
  if (!a) return false;
  out.push_back(a);
  for (;;) {
    int m = mark_;
    if (!expect(COMMA)) break;
    Expr* c = star_named_expression();
    if (!c) { mark_ = m; break; }
    out.push_back(c);
  }
  if (error_) { mark_ = start; return false; }
  expect(COMMA);
  return true;
}

bool Parser::star_named_expressions_sequence(std::vector<Expr*>& out) { return star_named_expressions(out); }

Expr* Parser::star_named_expression() {
  GUARD();
  int start = mark_;
  if (expect(STAR)) {
    Expr* a = bitwise_or();
    if (a) return node<Starred>(start, a, ExprContext::Load);
    GUARD();
    mark_ = start;
  }
  return named_expression();
}

Expr* Parser::star_named_expression_sequence() { return star_named_expression(); }

Expr* Parser::assignment_expression() {
  GUARD();
  int start = mark_;
  PToken* n = peek();
  if (!n || n->ptype != NAME) return nullptr;
  mark_++;
  bool ok = check(COLONEQUAL);
  mark_ = start;
  if (!ok) return nullptr;
  Expr* a = name_token();
  if (!a || !expect(COLONEQUAL)) { mark_ = start; return nullptr; }
  Expr* b = expression();
  if (!b) { mark_ = start; return nullptr; }  // cut: no other alternative for this rule
  return node<NamedExpr>(start, set_context(a, ExprContext::Store), b);
}

Expr* Parser::named_expression() {
  GUARD();
  int start = mark_;
  Expr* a = assignment_expression();
  if (a) return a;
  GUARD();
  mark_ = start;
  if (call_invalid_) {
    if (invalid_named_expression() || error_) return nullptr;
    mark_ = start;
  }
  a = expression();
  if (a && !check(COLONEQUAL)) return a;
  mark_ = start;
  return nullptr;
}

Expr* Parser::disjunction() {
  GUARD();
  Expr* r;
  if (memo_get(R_disjunction, &r)) return r;
  int start = mark_;
  r = conjunction();
  if (r && check(KW_OR)) {
    std::vector<Expr*> vals{r};
    for (;;) {
      int m = mark_;
      if (!expect(KW_OR)) break;
      Expr* c = conjunction();
      if (!c) { mark_ = m; break; }
      vals.push_back(c);
    }
    if (vals.size() > 1) r = node<BoolOp>(start, Boolop::Or, seq(vals));
  }
  if (error_) r = nullptr;
  if (!r) mark_ = start;
  memo_set(start, R_disjunction, r);
  return r;
}

Expr* Parser::conjunction() {
  GUARD();
  Expr* r;
  if (memo_get(R_conjunction, &r)) return r;
  int start = mark_;
  r = inversion();
  if (r && check(KW_AND)) {
    std::vector<Expr*> vals{r};
    for (;;) {
      int m = mark_;
      if (!expect(KW_AND)) break;
      Expr* c = inversion();
      if (!c) { mark_ = m; break; }
      vals.push_back(c);
    }
    if (vals.size() > 1) r = node<BoolOp>(start, Boolop::And, seq(vals));
  }
  if (error_) r = nullptr;
  if (!r) mark_ = start;
  memo_set(start, R_conjunction, r);
  return r;
}

Expr* Parser::inversion() {
  GUARD();
  Expr* r;
  if (memo_get(R_inversion, &r)) return r;
  int start = mark_;
  r = nullptr;
  DepthGuard g(depth_);
  if (too_deep()) return nullptr;
  if (expect(KW_NOT)) {
    Expr* a = inversion();
    if (a) r = node<UnaryOp>(start, Unaryop::Not, a);
    else mark_ = start;
  }
  if (!r && !error_) r = comparison();
  if (error_) r = nullptr;
  if (!r) mark_ = start;
  memo_set(start, R_inversion, r);
  return r;
}

Expr* Parser::comparison() {
  GUARD();
  int start = mark_;
  Expr* a = bitwise_or();
  if (!a) return nullptr;
  std::vector<Cmpop> ops;
  std::vector<Expr*> cmps;
  for (;;) {
    int m = mark_;
    PToken* t = peek();
    if (!t) break;
    Cmpop op;
    bool ok = true;
    switch (t->ptype) {
      case EQEQUAL: op = Cmpop::Eq; mark_++; break;
      case NOTEQUAL:
        if (t->end - t->start != 2 || t->start[0] != '!') { ok = false; break; }
        op = Cmpop::NotEq; mark_++; break;
      case LESSEQUAL: op = Cmpop::LtE; mark_++; break;
      case LESS: op = Cmpop::Lt; mark_++; break;
      case GREATEREQUAL: op = Cmpop::GtE; mark_++; break;
      case GREATER: op = Cmpop::Gt; mark_++; break;
      case KW_NOT:
        mark_++;
        if (!expect(KW_IN)) { ok = false; break; }
        op = Cmpop::NotIn;
        break;
      case KW_IN: op = Cmpop::In; mark_++; break;
      case KW_IS:
        mark_++;
        op = expect(KW_NOT) ? Cmpop::IsNot : Cmpop::Is;
        break;
      default: ok = false;
    }
    if (!ok) { mark_ = m; break; }
    Expr* b = bitwise_or();
    if (!b) {
      // "is not" may fall back to "is" followed by "not ..." failing anyway.
      if (op == Cmpop::IsNot && !error_) {
        mark_ = m + 1;
        b = bitwise_or();
        if (b) { ops.push_back(Cmpop::Is); cmps.push_back(b); continue; }
      }
      mark_ = m;
      break;
    }
    ops.push_back(op);
    cmps.push_back(b);
  }
  GUARD();
  if (ops.empty()) return a;
  return node<Compare>(start, a, seq(ops), seq(cmps));
}

Expr* Parser::bitwise_or() {
  GUARD();
  Expr* r;
  if (memo_get(R_bitwise_or, &r)) return r;
  int start = mark_;
  r = bitwise_xor();
  while (r) {
    int m = mark_;
    if (!expect(VBAR)) break;
    Expr* b = bitwise_xor();
    if (!b) { mark_ = m; break; }
    r = node<BinOp>(start, r, Operator::BitOr, b);
  }
  if (error_) r = nullptr;
  if (!r) mark_ = start;
  memo_set(start, R_bitwise_or, r);
  return r;
}

// bitwise_xor, bitwise_and, shift_expr, sum and term are left-recursive in CPython's
// grammar, hence memoised there. In the first pass their only callers are the memoised
// bitwise_or and each other, so we memoise them only in the second pass, where
// invalid_arithmetic / invalid_factor re-enter sum() and factor() at the same position.
Expr* Parser::bitwise_xor() {
  GUARD();
  Expr* r;
  if (call_invalid_ && memo_get(R_bitwise_xor, &r)) return r;
  int start = mark_;
  r = bitwise_and();
  while (r) {
    int m = mark_;
    if (!expect(CIRCUMFLEX)) break;
    Expr* b = bitwise_and();
    if (!b) { mark_ = m; break; }
    r = node<BinOp>(start, r, Operator::BitXor, b);
  }
  if (error_) r = nullptr;
  if (!r) mark_ = start;
  if (call_invalid_) memo_set(start, R_bitwise_xor, r);
  return r;
}

Expr* Parser::bitwise_and() {
  GUARD();
  Expr* r;
  if (call_invalid_ && memo_get(R_bitwise_and, &r)) return r;
  int start = mark_;
  r = shift_expr();
  while (r) {
    int m = mark_;
    if (!expect(AMPER)) break;
    Expr* b = shift_expr();
    if (!b) { mark_ = m; break; }
    r = node<BinOp>(start, r, Operator::BitAnd, b);
  }
  if (error_) r = nullptr;
  if (!r) mark_ = start;
  if (call_invalid_) memo_set(start, R_bitwise_and, r);
  return r;
}

Expr* Parser::shift_expr() {
  GUARD();
  Expr* r;
  if (call_invalid_ && memo_get(R_shift, &r)) return r;
  int start = mark_;
  if (call_invalid_) {
    if (invalid_arithmetic() || error_) return nullptr;
    mark_ = start;
  }
  r = sum();
  while (r) {
    int m = mark_;
    Operator op;
    if (expect(LEFTSHIFT)) op = Operator::LShift;
    else if (expect(RIGHTSHIFT)) op = Operator::RShift;
    else break;
    Expr* b = sum();
    if (!b) { mark_ = m; break; }
    r = node<BinOp>(start, r, op, b);
  }
  if (error_) r = nullptr;
  if (!r) mark_ = start;
  if (call_invalid_) memo_set(start, R_shift, r);
  return r;
}

Expr* Parser::sum() {
  GUARD();
  Expr* r;
  if (call_invalid_ && memo_get(R_sum, &r)) return r;
  int start = mark_;
  r = term();
  while (r) {
    int m = mark_;
    Operator op;
    if (expect(PLUS)) op = Operator::Add;
    else if (expect(MINUS)) op = Operator::Sub;
    else break;
    Expr* b = term();
    if (!b) { mark_ = m; break; }
    r = node<BinOp>(start, r, op, b);
  }
  if (error_) r = nullptr;
  if (!r) mark_ = start;
  if (call_invalid_) memo_set(start, R_sum, r);
  return r;
}

Expr* Parser::term() {
  GUARD();
  Expr* r;
  if (call_invalid_ && memo_get(R_term, &r)) return r;
  int start = mark_;
  if (call_invalid_) {
    if (invalid_factor() || error_) return nullptr;
    mark_ = start;
  }
  r = factor();
  while (r) {
    int m = mark_;
    Operator op;
    if (expect(STAR)) op = Operator::Mult;
    else if (expect(SLASH)) op = Operator::Div;
    else if (expect(DOUBLESLASH)) op = Operator::FloorDiv;
    else if (expect(PERCENT)) op = Operator::Mod;
    else if (expect(AT)) op = Operator::MatMult;
    else break;
    Expr* b = factor();
    if (!b) { mark_ = m; break; }
    r = node<BinOp>(start, r, op, b);
  }
  if (error_) r = nullptr;
  if (!r) mark_ = start;
  if (call_invalid_) memo_set(start, R_term, r);
  return r;
}

Expr* Parser::factor() {
  GUARD();
  Expr* r;
  if (memo_get(R_factor, &r)) return r;
  int start = mark_;
  DepthGuard g(depth_);
  if (too_deep()) return nullptr;
  r = nullptr;
  PToken* t = peek();
  if (t && (t->ptype == PLUS || t->ptype == MINUS || t->ptype == TILDE)) {
    mark_++;
    Expr* a = factor();
    if (a) {
      Unaryop op = t->ptype == PLUS ? Unaryop::UAdd : t->ptype == MINUS ? Unaryop::USub : Unaryop::Invert;
      r = node<UnaryOp>(start, op, a);
    } else {
      mark_ = start;
    }
  }
  if (!r && !error_) r = power();
  if (error_) r = nullptr;
  if (!r) mark_ = start;
  memo_set(start, R_factor, r);
  return r;
}

Expr* Parser::power() {
  GUARD();
  int start = mark_;
  Expr* a = await_primary();
  if (!a) return nullptr;
  int m = mark_;
  if (expect(DOUBLESTAR)) {
    Expr* b = factor();
    if (b) return node<BinOp>(start, a, Operator::Pow, b);
    GUARD();
    mark_ = m;
  }
  return a;
}

Expr* Parser::await_primary() {
  GUARD();
  Expr* r;
  if (memo_get(R_await_primary, &r)) return r;
  int start = mark_;
  r = nullptr;
  if (expect(KW_AWAIT)) {
    Expr* a = primary();
    if (a) r = node<Await>(start, a);
    else mark_ = start;
  }
  if (!r && !error_) r = primary();
  if (error_) r = nullptr;
  if (!r) mark_ = start;
  memo_set(start, R_await_primary, r);
  return r;
}

Expr* Parser::primary() {
  GUARD();
  Expr* r;
  if (memo_get(R_primary, &r)) return r;
  int start = mark_;
  r = atom();
  while (r) {
    int m = mark_;
    PToken* t = peek();
    if (!t) break;
    if (t->ptype == DOT) {
      mark_++;
      PToken* n = expect(NAME);
      if (n) {
        Object* id = token_name(n);
        if (!id) { r = nullptr; break; }
        r = node<Attribute>(start, r, id, ExprContext::Load);
        continue;
      }
      mark_ = m;
      break;
    }
    if (t->ptype == LPAR) {
      Expr* g = genexp();
      if (g) {
        Expr* items[1] = {g};
        r = node<Call>(start, r, arena_.seq_from(items, 1), Seq<Keyword*>{});
        continue;
      }
      if (error_) { r = nullptr; break; }
      mark_ = m + 1;
      Expr* b = arguments();
      if (error_) { r = nullptr; break; }
      if (expect(RPAR)) {
        if (b) {
          Call* c = cast<Call>(b);
          r = node<Call>(start, r, c->args, c->keywords);
        } else {
          r = node<Call>(start, r, Seq<Expr*>{}, Seq<Keyword*>{});
        }
        continue;
      }
      mark_ = m;
      break;
    }
    if (t->ptype == LSQB) {
      mark_++;
      Expr* b = slices();
      if (b && expect(RSQB)) {
        r = node<Subscript>(start, r, b, ExprContext::Load);
        continue;
      }
      if (error_) { r = nullptr; break; }
      mark_ = m;
      break;
    }
    break;
  }
  if (error_) r = nullptr;
  if (!r) mark_ = start;
  memo_set(start, R_primary, r);
  return r;
}

Expr* Parser::slices() {
  GUARD();
  int start = mark_;
  Expr* a = slice();
  if (a && !check(COMMA)) return a;
  GUARD();
  mark_ = start;
  std::vector<Expr*> elts;
  for (;;) {
    int m = mark_;
    Expr* e = slice();
    if (!e) {
      GUARD();
      mark_ = m;
      e = starred_expression();
    }
    GUARD();
    if (!e) { mark_ = m; break; }  // a consumed ',' stays as the optional trailing comma
    elts.push_back(e);
    if (!expect(COMMA)) break;
  }
  if (elts.empty()) { mark_ = start; return nullptr; }
  return node<Tuple>(start, seq(elts), ExprContext::Load);
}

Expr* Parser::slice() {
  GUARD();
  int start = mark_;
  Expr* a = expression();
  GUARD();
  if (!a) mark_ = start;
  if (expect(COLON)) {
    int m = mark_;
    Expr* b = expression();
    GUARD();
    if (!b) mark_ = m;
    Expr* c = nullptr;
    m = mark_;
    if (expect(COLON)) {
      int m2 = mark_;
      c = expression();
      GUARD();
      if (!c) mark_ = m2;
    } else {
      mark_ = m;
    }
    return node<Slice>(start, a, b, c);
  }
  mark_ = start;
  return named_expression();
}

Expr* Parser::atom() {
  GUARD();
  int start = mark_;
  PToken* t = peek();
  if (!t) return nullptr;
  DepthGuard g(depth_);
  if (too_deep()) return nullptr;
  switch (t->ptype) {
    case NAME: return name_token();
    case KW_TRUE: mark_++; return node<Constant>(start, True, nullptr);
    case KW_FALSE: mark_++; return node<Constant>(start, False, nullptr);
    case KW_NONE: mark_++; return node<Constant>(start, None, nullptr);
    case STRING:
    case FSTRING_START:
    case TSTRING_START:
      return strings();
    case NUMBER: mark_++; return number_token(t);
    case LPAR: {
      Expr* r = tuple();
      if (r || error_) return r;
      mark_ = start;
      r = group();
      if (r || error_) return r;
      mark_ = start;
      return genexp();
    }
    case LSQB: {
      Expr* r = list();
      if (r || error_) return r;
      mark_ = start;
      return listcomp();
    }
    case LBRACE: {
      Expr* r = dict();
      if (r || error_) return r;
      mark_ = start;
      r = set();
      if (r || error_) return r;
      mark_ = start;
      r = dictcomp();
      if (r || error_) return r;
      mark_ = start;
      return setcomp();
    }
    case ELLIPSIS: mark_++; return node<Constant>(start, Ellipsis, nullptr);
    default: return nullptr;
  }
}

Expr* Parser::group() {
  GUARD();
  int start = mark_;
  if (expect(LPAR)) {
    Expr* a = yield_expr();
    if (!a) {
      GUARD();
      mark_ = start + 1;
      a = named_expression();
    }
    if (a && expect(RPAR)) return a;
    GUARD();
  }
  mark_ = start;
  if (call_invalid_) {
    invalid_group();
    mark_ = start;
  }
  return nullptr;
}

Expr* Parser::lambdef() {
  GUARD();
  DepthGuard g(depth_);
  if (too_deep()) return nullptr;
  int start = mark_;
  if (!expect(KW_LAMBDA)) return nullptr;
  int m = mark_;
  Arguments* a = lambda_params();
  GUARD();
  if (!a) mark_ = m;
  if (!expect(COLON)) { mark_ = start; return nullptr; }
  Expr* b = expression();
  if (!b) { mark_ = start; return nullptr; }
  return node<Lambda>(start, a ? a : empty_arguments(), b);
}

Arguments* Parser::lambda_params() {
  GUARD();
  int start = mark_;
  if (call_invalid_) {
    if (invalid_lambda_parameters() || error_) return nullptr;
    mark_ = start;
  }
  return lambda_parameters();
}

Arguments* Parser::lambda_parameters() {
  GUARD();
  int start = mark_;
  {
    std::vector<Arg*> a;
    if (lambda_slash_no_default(a)) {
      std::vector<Arg*> b;
      for (Arg* x; (x = lambda_param_no_default());) b.push_back(x);
      std::vector<NameDefaultPair*> c;
      for (NameDefaultPair* x; (x = lambda_param_with_default());) c.push_back(x);
      int m = mark_;
      StarEtc* d = lambda_star_etc();
      if (!d) mark_ = m;
      GUARD();
      return make_arguments(&a, nullptr, &b, &c, d);
    }
    GUARD();
    mark_ = start;
  }
  {
    SlashWithDefault* a = lambda_slash_with_default();
    if (a) {
      std::vector<NameDefaultPair*> b;
      for (NameDefaultPair* x; (x = lambda_param_with_default());) b.push_back(x);
      int m = mark_;
      StarEtc* c = lambda_star_etc();
      if (!c) mark_ = m;
      GUARD();
      return make_arguments(nullptr, a, nullptr, &b, c);
    }
    GUARD();
    mark_ = start;
  }
  {
    std::vector<Arg*> a;
    for (Arg* x; (x = lambda_param_no_default());) a.push_back(x);
    GUARD();
    if (!a.empty()) {
      std::vector<NameDefaultPair*> b;
      for (NameDefaultPair* x; (x = lambda_param_with_default());) b.push_back(x);
      int m = mark_;
      StarEtc* c = lambda_star_etc();
      if (!c) mark_ = m;
      GUARD();
      return make_arguments(nullptr, nullptr, &a, &b, c);
    }
    mark_ = start;
  }
  {
    std::vector<NameDefaultPair*> a;
    for (NameDefaultPair* x; (x = lambda_param_with_default());) a.push_back(x);
    GUARD();
    if (!a.empty()) {
      int m = mark_;
      StarEtc* b = lambda_star_etc();
      if (!b) mark_ = m;
      GUARD();
      return make_arguments(nullptr, nullptr, nullptr, &a, b);
    }
    mark_ = start;
  }
  StarEtc* a = lambda_star_etc();
  if (a) return make_arguments(nullptr, nullptr, nullptr, nullptr, a);
  mark_ = start;
  return nullptr;
}

bool Parser::lambda_slash_no_default(std::vector<Arg*>& out) {
  int start = mark_;
  for (Arg* x; (x = lambda_param_no_default());) out.push_back(x);
  if (!out.empty() && expect(SLASH)) {
    if (expect(COMMA) || check(COLON)) return true;
  }
  out.clear();
  mark_ = start;
  return false;
}

SlashWithDefault* Parser::lambda_slash_with_default() {
  GUARD();
  int start = mark_;
  SlashWithDefault tmp;
  for (Arg* x; (x = lambda_param_no_default());) tmp.plain.push_back(x);
  for (NameDefaultPair* x; (x = lambda_param_with_default());) tmp.with_default.push_back(x);
  if (!tmp.with_default.empty() && expect(SLASH)) {
    if (expect(COMMA) || check(COLON)) {
      swd_pool_.push_back(std::move(tmp));
      return &swd_pool_.back();
    }
  }
  mark_ = start;
  return nullptr;
}

StarEtc* Parser::lambda_star_etc() {
  GUARD();
  int start = mark_;
  if (call_invalid_) {
    if (invalid_lambda_star_etc() || error_) return nullptr;
    mark_ = start;
  }
  if (expect(STAR)) {
    Arg* a = lambda_param_no_default();
    if (a) {
      StarEtc* r = new_star_etc();
      r->vararg = a;
      for (NameDefaultPair* x; (x = lambda_param_maybe_default());) r->kwonly.push_back(x);
      int m = mark_;
      r->kwarg = lambda_kwds();
      if (!r->kwarg) mark_ = m;
      GUARD();
      return r;
    }
    GUARD();
    mark_ = start + 1;
    if (expect(COMMA)) {
      StarEtc* r = new_star_etc();
      for (NameDefaultPair* x; (x = lambda_param_maybe_default());) r->kwonly.push_back(x);
      GUARD();
      if (!r->kwonly.empty()) {
        int m = mark_;
        r->kwarg = lambda_kwds();
        if (!r->kwarg) mark_ = m;
        GUARD();
        return r;
      }
    }
    mark_ = start;
  }
  Arg* k = lambda_kwds();
  if (k) {
    StarEtc* r = new_star_etc();
    r->kwarg = k;
    return r;
  }
  mark_ = start;
  return nullptr;
}

Arg* Parser::lambda_kwds() {
  GUARD();
  int start = mark_;
  if (call_invalid_) {
    if (invalid_lambda_kwds() || error_) return nullptr;
    mark_ = start;
  }
  if (expect(DOUBLESTAR)) {
    Arg* a = lambda_param_no_default();
    if (a) return a;
  }
  mark_ = start;
  return nullptr;
}

Arg* Parser::lambda_param_no_default() {
  GUARD();
  int start = mark_;
  Arg* a = lambda_param();
  if (!a) return nullptr;
  if (expect(COMMA) || check(COLON)) return a;
  mark_ = start;
  return nullptr;
}

NameDefaultPair* Parser::lambda_param_with_default() {
  GUARD();
  int start = mark_;
  Arg* a = lambda_param();
  if (a) {
    Expr* c = default_();
    if (c && (expect(COMMA) || check(COLON))) return arena_.make<NameDefaultPair>(NameDefaultPair{a, c});
  }
  mark_ = start;
  return nullptr;
}

NameDefaultPair* Parser::lambda_param_maybe_default() {
  GUARD();
  int start = mark_;
  Arg* a = lambda_param();
  if (a) {
    int m = mark_;
    Expr* c = default_();
    GUARD();
    if (!c) mark_ = m;
    if (expect(COMMA) || check(COLON)) return arena_.make<NameDefaultPair>(NameDefaultPair{a, c});
  }
  mark_ = start;
  return nullptr;
}

Arg* Parser::lambda_param() {
  GUARD();
  int start = mark_;
  PToken* t = expect(NAME);
  if (!t) return nullptr;
  Object* id = token_name(t);
  if (!id) return nullptr;
  return node<Arg>(start, id, nullptr, nullptr);
}

// ---------------------------------------------------------------- strings

Expr* Parser::strings() {
  GUARD();
  Expr* r;
  if (memo_get(R_strings, &r)) return r;
  int start = mark_;
  r = nullptr;
  if (call_invalid_) {
    invalid_string_tstring_concat();
    if (error_) return nullptr;
    mark_ = start;
  }
  std::vector<Expr*> parts;
  for (;;) {
    PToken* t = peek();
    if (!t) break;
    Expr* e = nullptr;
    if (t->ptype == FSTRING_START) e = fstring();
    else if (t->ptype == STRING) e = string_();
    else break;
    if (!e) break;
    parts.push_back(e);
  }
  if (error_) return nullptr;
  if (!parts.empty()) {
    r = concatenate_strings(parts, start);
  } else {
    mark_ = start;
    for (;;) {
      PToken* t = peek();
      if (!t || t->ptype != TSTRING_START) break;
      Expr* e = tstring();
      if (!e) break;
      parts.push_back(e);
    }
    if (error_) return nullptr;
    if (!parts.empty()) r = concatenate_tstrings(parts, start);
  }
  if (error_) r = nullptr;
  if (!r) mark_ = start;
  memo_set(start, R_strings, r);
  return r;
}

Expr* Parser::string_() {
  GUARD();
  PToken* t = expect(STRING);
  if (!t) return nullptr;
  return constant_from_string(t);
}

Expr* Parser::fstring() {
  GUARD();
  int start = mark_;
  PToken* a = expect(FSTRING_START);
  if (!a) return nullptr;
  bool saved_raw = fstring_raw_;
  fstring_raw_ = std::string_view(a->start, size_t(a->end - a->start)).find_first_of("rR") != std::string_view::npos;
  struct Restore { bool& r; bool v; ~Restore() { r = v; } } restore{fstring_raw_, saved_raw};
  std::vector<Expr*> items;
  for (;;) {
    int m = mark_;
    Expr* e = fstring_middle(false);
    if (!e) { mark_ = m; break; }
    items.push_back(e);
  }
  GUARD();
  PToken* b = expect(FSTRING_END);
  if (!b) { mark_ = start; return nullptr; }
  return joined_str(a, items, b);
}

Expr* Parser::tstring() {
  GUARD();
  Expr* r;
  if (memo_get(R_tstring, &r)) return r;
  int start = mark_;
  r = nullptr;
  PToken* a = expect(TSTRING_START);
  bool saved_raw = fstring_raw_;
  struct Restore { bool& r; bool v; ~Restore() { r = v; } } restore{fstring_raw_, saved_raw};
  if (a) fstring_raw_ = std::string_view(a->start, size_t(a->end - a->start)).find_first_of("rR") != std::string_view::npos;
  if (a) {
    std::vector<Expr*> items;
    for (;;) {
      int m = mark_;
      Expr* e = fstring_middle(true);
      if (!e) { mark_ = m; break; }
      items.push_back(e);
    }
    PToken* b = error_ ? nullptr : expect(TSTRING_END);
    if (b) r = template_str(a, items, b);
  }
  if (error_) r = nullptr;
  if (!r) mark_ = start;
  memo_set(start, R_tstring, r);
  return r;
}

Expr* Parser::fstring_middle(bool is_t) {
  GUARD();
  int start = mark_;
  Expr* r = fstring_replacement_field(is_t, is_t);
  if (r || error_) return r;
  mark_ = start;
  PToken* t = expect(is_t ? TSTRING_MIDDLE : FSTRING_MIDDLE);
  if (!t) return nullptr;
  return constant_from_fstring_middle(t, false);
}

bool Parser::fstring_conversion(bool is_t, PToken** conv_tok, Expr** conv_name) {
  int start = mark_;
  PToken* t = expect(EXCLAMATION);
  if (!t) return false;
  Expr* n = name_token();
  if (!n) { mark_ = start; return false; }
  // _PyPegen_check_fstring_conversion: '!' and the name must be adjacent.
  if (t->end_lineno != n->lineno || t->end_col_offset != n->col_offset) {
    error_known_location(t->lineno, t->col_offset + 1, n->end_lineno, n->end_col_offset + 1,
                         "%c-string: conversion type must come right after the exclamanation mark",
                         is_t ? 't' : 'f');
    return false;
  }
  *conv_tok = t;
  *conv_name = n;
  return true;
}

bool Parser::fstring_full_format_spec(bool is_t, FormatSpecResult* out, int start) {
  int m0 = mark_;
  PToken* colon = expect(COLON);
  if (!colon) return false;
  std::vector<Expr*> spec;
  for (;;) {
    int m = mark_;
    Expr* e = fstring_format_spec(is_t);
    if (!e) { mark_ = m; break; }
    spec.push_back(e);
  }
  if (error_) { mark_ = m0; return false; }
  out->colon = colon;
  // _PyPegen_setup_full_format_spec: empty constants are dropped.
  Loc l = loc(m0);
  std::vector<Expr*> items;
  for (Expr* e : spec) {
    if (e->kind == Expr::Kind::Constant && str_length(cast<Constant>(e)->value) == 0) continue;
    if (e->kind == Expr::Kind::JoinedStr) {  // a "{x=}" debug pair inside the spec
      for (Expr* x : cast<JoinedStr>(e)->values) items.push_back(x);
      continue;
    }
    items.push_back(e);
  }
  // Adjacent constants (e.g. "h1" and the "y=" of a debug pair) are merged.
  std::vector<Expr*> folded;
  for (size_t i = 0; i < items.size(); i++) {
    Expr* e = items[i];
    if (e->kind == Expr::Kind::Constant && i + 1 < items.size() && items[i + 1]->kind == Expr::Kind::Constant) {
      StrBuilder sb;
      Expr* last = e;
      size_t j = i;
      for (; j < items.size() && items[j]->kind == Expr::Kind::Constant; j++) {
        if (!sb.append_str(cast<Constant>(items[j])->value)) { error_ = true; return false; }
        last = items[j];
      }
      Object* v = arena_.own(sb.finish());
      if (!v) { error_ = true; return false; }
      e = arena_.make<Constant>(v, nullptr, e->lineno, e->col_offset, last->end_lineno, last->end_col_offset);
      i = j - 1;
    }
    folded.push_back(e);
  }
  out->spec = arena_.make<JoinedStr>(seq(folded), l.lineno, l.col_offset, l.end_lineno, l.end_col_offset);
  (void)start;
  return true;
}

Expr* Parser::fstring_format_spec(bool is_t) {
  GUARD();
  int start = mark_;
  PToken* t = expect(is_t ? TSTRING_MIDDLE : FSTRING_MIDDLE);
  if (t) return constant_from_fstring_middle(t, true);
  mark_ = start;
  // Inside a t-string format spec, replacement fields are FormattedValue
  // (tstring_format_spec_replacement_field).
  return fstring_replacement_field(is_t, /*interpolation=*/false);
}

Expr* Parser::fstring_replacement_field(bool is_t, bool interpolation) {
  GUARD();
  int start = mark_;
  if (expect(LBRACE)) {
    Expr* a = annotated_rhs();
    if (a) {
      PToken* debug = expect(EQUAL);
      PToken* conv_tok = nullptr;
      Expr* conv_name = nullptr;
      int m = mark_;
      if (!fstring_conversion(is_t, &conv_tok, &conv_name)) {
        GUARD();
        mark_ = m;
      }
      FormatSpecResult fmt{nullptr, nullptr};
      bool has_fmt = false;
      m = mark_;
      if (fstring_full_format_spec(is_t, &fmt, start)) has_fmt = true;
      else { GUARD(); mark_ = m; }
      PToken* rbrace = expect(RBRACE);
      if (rbrace)
        return formatted_value(is_t, interpolation, a, debug, conv_tok, conv_name, has_fmt ? &fmt : nullptr, rbrace,
                               start);
    }
    GUARD();
  }
  mark_ = start;
  if (call_invalid_) {
    invalid_fstring_replacement_field(is_t);
    mark_ = start;
  }
  return nullptr;
}

// ---------------------------------------------------------------- displays

Expr* Parser::list() {
  GUARD();
  int start = mark_;
  if (!expect(LSQB)) return nullptr;
  std::vector<Expr*> a;
  int m = mark_;
  if (!star_named_expressions(a)) { GUARD(); mark_ = m; }
  if (!expect(RSQB)) { mark_ = start; return nullptr; }
  return node<List>(start, seq(a), ExprContext::Load);
}

Expr* Parser::tuple() {
  GUARD();
  int start = mark_;
  if (!expect(LPAR)) return nullptr;
  std::vector<Expr*> a;
  int m = mark_;
  Expr* y = star_named_expression();
  if (y && expect(COMMA)) {
    a.push_back(y);
    int m2 = mark_;
    if (!star_named_expressions(a)) { GUARD(); mark_ = m2; }
  } else {
    GUARD();
    a.clear();
    mark_ = m;
  }
  if (!expect(RPAR)) { mark_ = start; return nullptr; }
  return node<Tuple>(start, seq(a), ExprContext::Load);
}

Expr* Parser::set() {
  GUARD();
  int start = mark_;
  if (!expect(LBRACE)) return nullptr;
  std::vector<Expr*> a;
  if (!star_named_expressions(a) || !expect(RBRACE)) { mark_ = start; return nullptr; }
  return node<Set>(start, seq(a));
}

Expr* Parser::dict() {
  GUARD();
  int start = mark_;
  if (!expect(LBRACE)) return nullptr;
  std::vector<KeyValuePair> a;
  int m = mark_;
  if (!double_starred_kvpairs(a)) { GUARD(); mark_ = m; a.clear(); }
  if (expect(RBRACE)) {
    std::vector<Expr*> keys, values;
    for (auto& kv : a) { keys.push_back(kv.key); values.push_back(kv.value); }
    return node<Dict>(start, seq(keys), seq(values));
  }
  GUARD();
  mark_ = start;
  if (call_invalid_) {
    if (expect(LBRACE)) {
      invalid_double_starred_kvpairs();
      GUARD();
    }
    mark_ = start;
  }
  return nullptr;
}

bool Parser::double_starred_kvpairs(std::vector<KeyValuePair>& out) {
  int start = mark_;
  KeyValuePair kv;
  if (!double_starred_kvpair(&kv)) return false;
  out.push_back(kv);
  for (;;) {
    int m = mark_;
    if (!expect(COMMA)) break;
    if (!double_starred_kvpair(&kv)) { mark_ = m; break; }
    out.push_back(kv);
  }
  if (error_) { mark_ = start; return false; }
  expect(COMMA);
  return true;
}

bool Parser::double_starred_kvpair(KeyValuePair* out) {
  if (error_) return false;
  int start = mark_;
  if (expect(DOUBLESTAR)) {
    Expr* a = bitwise_or();
    if (a) { *out = KeyValuePair{nullptr, a}; return true; }
    if (error_) return false;
    mark_ = start;
  }
  return kvpair(out);
}

bool Parser::kvpair(KeyValuePair* out) {
  if (error_) return false;
  int start = mark_;
  Expr* a = expression();
  if (a && expect(COLON)) {
    Expr* b = expression();
    if (b) { *out = KeyValuePair{a, b}; return true; }
  }
  mark_ = start;
  return false;
}

bool Parser::for_if_clauses(std::vector<Comprehension*>& out) {
  for (;;) {
    int m = mark_;
    Comprehension* c = for_if_clause();
    if (!c) { mark_ = m; break; }
    out.push_back(c);
  }
  return !out.empty() && !error_;
}

Comprehension* Parser::for_if_clause() {
  GUARD();
  int start = mark_;
  int is_async = 0;
  if (expect(KW_ASYNC)) is_async = 1;
  if (expect(KW_FOR)) {
    Expr* a = star_targets();
    if (a && expect(KW_IN)) {
      // cut: from here on the rule fails as a whole.
      Expr* b = disjunction();
      if (!b) { mark_ = start; return nullptr; }
      std::vector<Expr*> ifs;
      for (;;) {
        int m = mark_;
        if (!expect(KW_IF)) break;
        Expr* z = disjunction();
        if (!z) { mark_ = m; break; }
        ifs.push_back(z);
      }
      GUARD();
      return arena_.make<Comprehension>(a, b, seq(ifs), is_async);
    }
    GUARD();
  }
  mark_ = start;
  if (call_invalid_) {
    if (invalid_for_if_clause() || error_) return nullptr;
    mark_ = start;
    if (invalid_for_target() || error_) return nullptr;
    mark_ = start;
  }
  return nullptr;
}

Expr* Parser::listcomp() {
  GUARD();
  int start = mark_;
  if (expect(LSQB)) {
    Expr* a = named_expression();
    std::vector<Comprehension*> b;
    if (a && for_if_clauses(b) && expect(RSQB)) return node<ListComp>(start, a, seq(b));
    GUARD();
  }
  mark_ = start;
  if (call_invalid_) { invalid_comprehension(); mark_ = start; }
  return nullptr;
}

Expr* Parser::setcomp() {
  GUARD();
  int start = mark_;
  if (expect(LBRACE)) {
    Expr* a = named_expression();
    std::vector<Comprehension*> b;
    if (a && for_if_clauses(b) && expect(RBRACE)) return node<SetComp>(start, a, seq(b));
    GUARD();
  }
  mark_ = start;
  if (call_invalid_) { invalid_comprehension(); mark_ = start; }
  return nullptr;
}

Expr* Parser::genexp() {
  GUARD();
  int start = mark_;
  if (expect(LPAR)) {
    int m = mark_;
    Expr* a = assignment_expression();
    if (!a) {
      GUARD();
      mark_ = m;
      a = expression();
      if (a && check(COLONEQUAL)) a = nullptr;
    }
    std::vector<Comprehension*> b;
    if (a && for_if_clauses(b) && expect(RPAR)) return node<GeneratorExp>(start, a, seq(b));
    GUARD();
  }
  mark_ = start;
  if (call_invalid_) { invalid_comprehension(); mark_ = start; }
  return nullptr;
}

Expr* Parser::dictcomp() {
  GUARD();
  int start = mark_;
  if (expect(LBRACE)) {
    KeyValuePair kv;
    std::vector<Comprehension*> b;
    if (kvpair(&kv) && for_if_clauses(b) && expect(RBRACE)) return node<DictComp>(start, kv.key, kv.value, seq(b));
    GUARD();
  }
  mark_ = start;
  if (call_invalid_) {
    // invalid_dict_comprehension
    if (expect(LBRACE)) {
      PToken* a = expect(DOUBLESTAR);
      std::vector<Comprehension*> b;
      if (a && bitwise_or() && for_if_clauses(b) && expect(RBRACE))
        return error_at(a, "dict unpacking cannot be used in dict comprehension");
    }
    mark_ = start;
  }
  return nullptr;
}

// ---------------------------------------------------------------- calls

Expr* Parser::arguments() {
  GUARD();
  Expr* r;
  if (memo_get(R_arguments, &r)) return r;
  int start = mark_;
  r = args();
  if (r) {
    expect(COMMA);
    if (!check(RPAR)) r = nullptr;
  }
  if (!r && !error_ && call_invalid_) {
    mark_ = start;
    invalid_arguments();
  }
  if (error_) r = nullptr;
  if (!r) mark_ = start;
  memo_set(start, R_arguments, r);
  return r;
}

Expr* Parser::args() {
  GUARD();
  int start = mark_;
  std::vector<Expr*> a;
  for (;;) {
    int m = mark_;
    Expr* e = starred_expression();
    if (!e) {
      GUARD();
      mark_ = m;
      e = assignment_expression();
      if (!e) {
        GUARD();
        mark_ = m;
        e = expression();
        if (e && check(COLONEQUAL)) e = nullptr;
      }
      if (e && check(EQUAL)) e = nullptr;
    }
    GUARD();
    if (!e) { mark_ = m; break; }
    a.push_back(e);
    int m2 = mark_;
    if (!expect(COMMA)) break;
    // Peek: another positional element must follow, else give back the comma.
    int m3 = mark_;
    Expr* probe = nullptr;
    {
      probe = starred_expression();
      if (!probe) {
        GUARD();
        mark_ = m3;
        probe = assignment_expression();
        if (!probe) {
          GUARD();
          mark_ = m3;
          probe = expression();
          if (probe && check(COLONEQUAL)) probe = nullptr;
        }
        if (probe && check(EQUAL)) probe = nullptr;
      }
    }
    GUARD();
    mark_ = m3;
    if (!probe) { mark_ = m2; break; }
  }
  if (!a.empty()) {
    std::vector<KeywordOrStarred*> b;
    bool have_b = false;
    int m = mark_;
    if (expect(COMMA) && kwargs(b)) have_b = true;
    else { GUARD(); mark_ = m; b.clear(); }
    return collect_call_seqs(a, have_b ? &b : nullptr, start);
  }
  mark_ = start;
  std::vector<KeywordOrStarred*> k;
  if (kwargs(k)) return collect_call_seqs(a, &k, start);
  mark_ = start;
  return nullptr;
}

bool Parser::kwargs(std::vector<KeywordOrStarred*>& out) {
  if (error_) return false;
  int start = mark_;
  // ','.kwarg_or_starred+ [',' ','.kwarg_or_double_starred+]  or  ','.kwarg_or_double_starred+
  std::vector<KeywordOrStarred*> a;
  for (;;) {
    int m = mark_;
    KeywordOrStarred* k = kwarg_or_starred();
    if (!k) { mark_ = m; if (!a.empty()) mark_ = m - 1; break; }
    a.push_back(k);
    if (!expect(COMMA)) break;
  }
  if (error_) return false;
  if (!a.empty()) {
    int m = mark_;
    std::vector<KeywordOrStarred*> b;
    if (expect(COMMA)) {
      for (;;) {
        int m2 = mark_;
        KeywordOrStarred* k = kwarg_or_double_starred();
        if (!k) { mark_ = m2; if (!b.empty()) mark_ = m2 - 1; break; }
        b.push_back(k);
        if (!expect(COMMA)) break;
      }
      if (error_) return false;
    }
    if (b.empty()) mark_ = m;
    out.insert(out.end(), a.begin(), a.end());
    out.insert(out.end(), b.begin(), b.end());
    return true;
  }
  mark_ = start;
  for (;;) {
    int m = mark_;
    KeywordOrStarred* k = kwarg_or_double_starred();
    if (!k) { mark_ = m; if (!out.empty()) mark_ = m - 1; break; }
    out.push_back(k);
    if (!expect(COMMA)) break;
  }
  if (error_) return false;
  if (out.empty()) { mark_ = start; return false; }
  return true;
}

Expr* Parser::starred_expression() {
  GUARD();
  int start = mark_;
  if (call_invalid_) {
    if (invalid_starred_expression_unpacking() || error_) return nullptr;
    mark_ = start;
  }
  if (expect(STAR)) {
    Expr* a = expression();
    if (a) return node<Starred>(start, a, ExprContext::Load);
    GUARD();
  }
  mark_ = start;
  if (call_invalid_) {
    invalid_starred_expression();
    mark_ = start;
  }
  return nullptr;
}

KeywordOrStarred* Parser::kwarg_or_starred() {
  GUARD();
  int start = mark_;
  if (call_invalid_) {
    if (invalid_kwarg() || error_) return nullptr;
    mark_ = start;
  }
  PToken* n = peek();
  if (n && n->ptype == NAME) {
    mark_++;
    if (expect(EQUAL)) {
      Expr* b = expression();
      if (b) {
        Keyword* k = node<Keyword>(start, token_name(n), b);
        return arena_.make<KeywordOrStarred>(KeywordOrStarred{k, true});
      }
      GUARD();
    }
    mark_ = start;
  }
  Expr* a = starred_expression();
  if (a) return arena_.make<KeywordOrStarred>(KeywordOrStarred{a, false});
  mark_ = start;
  return nullptr;
}

KeywordOrStarred* Parser::kwarg_or_double_starred() {
  GUARD();
  int start = mark_;
  if (call_invalid_) {
    if (invalid_kwarg() || error_) return nullptr;
    mark_ = start;
  }
  PToken* n = peek();
  if (n && n->ptype == NAME) {
    mark_++;
    if (expect(EQUAL)) {
      Expr* b = expression();
      if (b) {
        Keyword* k = node<Keyword>(start, token_name(n), b);
        return arena_.make<KeywordOrStarred>(KeywordOrStarred{k, true});
      }
      GUARD();
    }
    mark_ = start;
  }
  if (expect(DOUBLESTAR)) {
    Expr* a = expression();
    if (a) {
      Keyword* k = node<Keyword>(start, nullptr, a);
      return arena_.make<KeywordOrStarred>(KeywordOrStarred{k, true});
    }
  }
  mark_ = start;
  return nullptr;
}

// ---------------------------------------------------------------- targets

Expr* Parser::star_targets() {
  GUARD();
  int start = mark_;
  Expr* a = star_target();
  if (!a) return nullptr;
  if (!check(COMMA)) return a;
  std::vector<Expr*> elts{a};
  for (;;) {
    int m = mark_;
    if (!expect(COMMA)) break;
    Expr* c = star_target();
    if (!c) { mark_ = m; break; }
    elts.push_back(c);
  }
  GUARD();
  expect(COMMA);
  return node<Tuple>(start, seq(elts), ExprContext::Store);
}

bool Parser::star_targets_list_seq(std::vector<Expr*>& out) {
  int start = mark_;
  Expr* a = star_target();
  if (!a) return false;
  out.push_back(a);
  for (;;) {
    int m = mark_;
    if (!expect(COMMA)) break;
    Expr* c = star_target();
    if (!c) { mark_ = m; break; }
    out.push_back(c);
  }
  if (error_) { mark_ = start; return false; }
  expect(COMMA);
  return true;
}

bool Parser::star_targets_tuple_seq(std::vector<Expr*>& out) {
  int start = mark_;
  Expr* a = star_target();
  if (!a) return false;
  out.push_back(a);
  bool more = false;
  for (;;) {
    int m = mark_;
    if (!expect(COMMA)) break;
    Expr* c = star_target();
    if (!c) { mark_ = m; break; }
    out.push_back(c);
    more = true;
  }
  if (error_) { mark_ = start; out.clear(); return false; }
  if (more) {
    expect(COMMA);
    return true;
  }
  if (expect(COMMA)) return true;
  out.clear();
  mark_ = start;
  return false;
}

Expr* Parser::star_target() {
  GUARD();
  Expr* r;
  if (memo_get(R_star_target, &r)) return r;
  int start = mark_;
  r = nullptr;
  if (expect(STAR)) {
    if (!check(STAR)) {
      Expr* a = star_target();
      if (a) r = node<Starred>(start, set_context(a, ExprContext::Store), ExprContext::Store);
    }
    if (!r) mark_ = start;
  }
  if (!r && !error_) r = target_with_star_atom();
  if (error_) r = nullptr;
  if (!r) mark_ = start;
  memo_set(start, R_star_target, r);
  return r;
}

Expr* Parser::target_with_star_atom() {
  GUARD();
  Expr* r;
  if (memo_get(R_target_with_star_atom, &r)) return r;
  int start = mark_;
  r = single_subscript_attribute_target();
  if (!r && !error_) {
    mark_ = start;
    r = star_atom();
  }
  if (error_) r = nullptr;
  if (!r) mark_ = start;
  memo_set(start, R_target_with_star_atom, r);
  return r;
}

Expr* Parser::star_atom() {
  GUARD();
  int start = mark_;
  PToken* t = peek();
  if (!t) return nullptr;
  if (t->ptype == NAME) {
    Expr* a = name_token();
    return a ? set_context(a, ExprContext::Store) : nullptr;
  }
  if (t->ptype == LPAR) {
    mark_++;
    Expr* a = target_with_star_atom();
    if (a && expect(RPAR)) return set_context(a, ExprContext::Store);
    GUARD();
    mark_ = start + 1;
    std::vector<Expr*> elts;
    if (!star_targets_tuple_seq(elts)) { GUARD(); mark_ = start + 1; }
    if (expect(RPAR)) return node<Tuple>(start, seq(elts), ExprContext::Store);
    mark_ = start;
    return nullptr;
  }
  if (t->ptype == LSQB) {
    mark_++;
    std::vector<Expr*> elts;
    if (!star_targets_list_seq(elts)) { GUARD(); mark_ = start + 1; }
    if (expect(RSQB)) return node<List>(start, seq(elts), ExprContext::Store);
    mark_ = start;
  }
  return nullptr;
}

Expr* Parser::single_target() {
  GUARD();
  int start = mark_;
  Expr* a = single_subscript_attribute_target();
  if (a || error_) return a;
  mark_ = start;
  PToken* t = peek();
  if (t && t->ptype == NAME) {
    a = name_token();
    return a ? set_context(a, ExprContext::Store) : nullptr;
  }
  if (expect(LPAR)) {
    a = single_target();
    if (a && expect(RPAR)) return a;
  }
  mark_ = start;
  return nullptr;
}

Expr* Parser::single_subscript_attribute_target() {
  GUARD();
  int start = mark_;
  Expr* a = t_primary();
  if (!a) return nullptr;
  int m = mark_;
  if (expect(DOT)) {
    PToken* n = expect(NAME);
    if (n && !t_lookahead()) return node<Attribute>(start, a, token_name(n), ExprContext::Store);
    mark_ = m;
  }
  if (expect(LSQB)) {
    Expr* b = slices();
    if (b && expect(RSQB) && !t_lookahead()) return node<Subscript>(start, a, b, ExprContext::Store);
    GUARD();
  }
  mark_ = start;
  return nullptr;
}

bool Parser::t_lookahead() {
  PToken* t = peek();
  return t && (t->ptype == LPAR || t->ptype == LSQB || t->ptype == DOT);
}

Expr* Parser::t_primary() {
  GUARD();
  Expr* r;
  if (memo_get(R_t_primary, &r)) return r;
  int start = mark_;
  r = atom();
  if (r && !t_lookahead()) r = nullptr;
  while (r) {
    int m = mark_;
    PToken* t = peek();
    Expr* next = nullptr;
    if (t->ptype == DOT) {
      mark_++;
      PToken* n = expect(NAME);
      if (n && t_lookahead()) next = node<Attribute>(start, r, token_name(n), ExprContext::Load);
    } else if (t->ptype == LSQB) {
      mark_++;
      Expr* b = slices();
      if (b && expect(RSQB) && t_lookahead()) next = node<Subscript>(start, r, b, ExprContext::Load);
    } else if (t->ptype == LPAR) {
      Expr* g = genexp();
      if (g && t_lookahead()) {
        Expr* items[1] = {g};
        next = node<Call>(start, r, arena_.seq_from(items, 1), Seq<Keyword*>{});
      } else if (!error_) {
        mark_ = m + 1;
        Expr* b = arguments();
        if (!error_ && expect(RPAR) && t_lookahead()) {
          next = b ? node<Call>(start, r, cast<Call>(b)->args, cast<Call>(b)->keywords)
                   : node<Call>(start, r, Seq<Expr*>{}, Seq<Keyword*>{});
        }
      }
    }
    if (error_) { r = nullptr; break; }
    if (!next) { mark_ = m; break; }
    r = next;
  }
  if (error_) r = nullptr;
  if (!r) mark_ = start;
  memo_set(start, R_t_primary, r);
  return r;
}

bool Parser::del_targets(std::vector<Expr*>& out) {
  int start = mark_;
  Expr* a = del_target();
  if (!a) return false;
  out.push_back(a);
  for (;;) {
    int m = mark_;
    if (!expect(COMMA)) break;
    Expr* c = del_target();
    if (!c) { mark_ = m; break; }
    out.push_back(c);
  }
  if (error_) { mark_ = start; return false; }
  expect(COMMA);
  return true;
}

Expr* Parser::del_target() {
  GUARD();
  Expr* r;
  if (memo_get(R_del_target, &r)) return r;
  int start = mark_;
  r = nullptr;
  Expr* a = t_primary();
  if (a) {
    int m = mark_;
    if (expect(DOT)) {
      PToken* n = expect(NAME);
      if (n && !t_lookahead()) r = node<Attribute>(start, a, token_name(n), ExprContext::Del);
    }
    if (!r && !error_) {
      mark_ = m;
      if (expect(LSQB)) {
        Expr* b = slices();
        if (b && expect(RSQB) && !t_lookahead()) r = node<Subscript>(start, a, b, ExprContext::Del);
      }
    }
  }
  if (!r && !error_) {
    mark_ = start;
    r = del_t_atom();
  }
  if (error_) r = nullptr;
  if (!r) mark_ = start;
  memo_set(start, R_del_target, r);
  return r;
}

Expr* Parser::del_t_atom() {
  GUARD();
  int start = mark_;
  PToken* t = peek();
  if (!t) return nullptr;
  if (t->ptype == NAME) {
    Expr* a = name_token();
    return a ? set_context(a, ExprContext::Del) : nullptr;
  }
  if (t->ptype == LPAR) {
    mark_++;
    Expr* a = del_target();
    if (a && expect(RPAR)) return set_context(a, ExprContext::Del);
    GUARD();
    mark_ = start + 1;
    std::vector<Expr*> elts;
    if (!del_targets(elts)) { GUARD(); mark_ = start + 1; }
    if (expect(RPAR)) return node<Tuple>(start, seq(elts), ExprContext::Del);
    mark_ = start;
    return nullptr;
  }
  if (t->ptype == LSQB) {
    mark_++;
    std::vector<Expr*> elts;
    if (!del_targets(elts)) { GUARD(); mark_ = start + 1; }
    if (expect(RSQB)) return node<List>(start, seq(elts), ExprContext::Del);
    mark_ = start;
  }
  return nullptr;
}

bool Parser::type_expressions(std::vector<Expr*>& out) {
  if (error_) return false;
  int start = mark_;
  // ','.expression+ optionally followed by ',' '*' expression and/or ',' '**' expression
  std::vector<Expr*> a;
  for (;;) {
    int m = mark_;
    Expr* e = expression();
    if (!e) { mark_ = m; if (!a.empty()) mark_ = m - 1; break; }
    a.push_back(e);
    if (!expect(COMMA)) break;
  }
  if (error_) return false;
  int m = mark_;
  if (!a.empty()) {
    if (expect(COMMA)) {
      if (expect(STAR)) {
        Expr* b = expression();
        if (b) {
          a.push_back(b);
          int m2 = mark_;
          if (expect(COMMA) && expect(DOUBLESTAR)) {
            Expr* c = expression();
            if (c) { a.push_back(c); out = a; return true; }
          }
          mark_ = m2;
          out = a;
          return true;
        }
      } else if (expect(DOUBLESTAR)) {
        Expr* b = expression();
        if (b) { a.push_back(b); out = a; return true; }
      }
    }
    mark_ = m;
    out = a;
    return true;
  }
  mark_ = start;
  if (expect(STAR)) {
    Expr* b = expression();
    if (b) {
      a.push_back(b);
      int m2 = mark_;
      if (expect(COMMA) && expect(DOUBLESTAR)) {
        Expr* c = expression();
        if (c) { a.push_back(c); out = a; return true; }
      }
      mark_ = m2;
      out = a;
      return true;
    }
  }
  mark_ = start;
  if (expect(DOUBLESTAR)) {
    Expr* b = expression();
    if (b) { out.push_back(b); return true; }
  }
  mark_ = start;
  return false;
}

}  // namespace pyxx::parser
