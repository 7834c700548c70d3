// Node-building helpers used by the grammar actions (CPython's
// action_helpers.c equivalents): expression contexts, argument lists, call
// argument collection, target validation and expression names for messages.
#include "objects/int.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "parser/parser_impl.h"

namespace pyxx::parser {

Expr* Parser::set_context(Expr* e, ExprContext ctx) {
  switch (e->kind) {
    case Expr::Kind::Name: {
      Name* n = cast<Name>(e);
      return arena_.make<Name>(n->id, ctx, e->lineno, e->col_offset, e->end_lineno, e->end_col_offset);
    }
    case Expr::Kind::Tuple: {
      Tuple* t = cast<Tuple>(e);
      Seq<Expr*> elts = arena_.new_seq<Expr*>(t->elts.size);
      for (ssize i = 0; i < t->elts.size; i++) elts[i] = set_context(t->elts[i], ctx);
      return arena_.make<Tuple>(elts, ctx, e->lineno, e->col_offset, e->end_lineno, e->end_col_offset);
    }
    case Expr::Kind::List: {
      List* t = cast<List>(e);
      Seq<Expr*> elts = arena_.new_seq<Expr*>(t->elts.size);
      for (ssize i = 0; i < t->elts.size; i++) elts[i] = set_context(t->elts[i], ctx);
      return arena_.make<List>(elts, ctx, e->lineno, e->col_offset, e->end_lineno, e->end_col_offset);
    }
    case Expr::Kind::Subscript: {
      Subscript* s = cast<Subscript>(e);
      return arena_.make<Subscript>(s->value, s->slice, ctx, e->lineno, e->col_offset, e->end_lineno, e->end_col_offset);
    }
    case Expr::Kind::Attribute: {
      Attribute* a = cast<Attribute>(e);
      return arena_.make<Attribute>(a->value, a->attr, ctx, e->lineno, e->col_offset, e->end_lineno, e->end_col_offset);
    }
    case Expr::Kind::Starred: {
      Starred* s = cast<Starred>(e);
      return arena_.make<Starred>(set_context(s->value, ctx), ctx, e->lineno, e->col_offset, e->end_lineno,
                                  e->end_col_offset);
    }
    default:
      return e;
  }
}

Arguments* Parser::empty_arguments() {
  return arena_.make<Arguments>(Seq<Arg*>{}, Seq<Arg*>{}, nullptr, Seq<Arg*>{}, Seq<Expr*>{}, nullptr, Seq<Expr*>{});
}

Arguments* Parser::make_arguments(std::vector<Arg*>* slash_no_default, SlashWithDefault* swd,
                                  std::vector<Arg*>* plain, std::vector<NameDefaultPair*>* with_default,
                                  StarEtc* star) {
  std::vector<Arg*> posonly;
  if (slash_no_default) {
    posonly = *slash_no_default;
  } else if (swd) {
    posonly = swd->plain;
    for (auto* p : swd->with_default) posonly.push_back(p->arg);
  }
  std::vector<Arg*> posargs;
  if (plain) posargs = *plain;
  if (with_default)
    for (auto* p : *with_default) posargs.push_back(p->arg);
  std::vector<Expr*> posdefaults;
  if (swd)
    for (auto* p : swd->with_default) posdefaults.push_back(p->value);
  if (with_default)
    for (auto* p : *with_default) posdefaults.push_back(p->value);
  Arg* vararg = star ? star->vararg : nullptr;
  std::vector<Arg*> kwonly;
  std::vector<Expr*> kwdefaults;
  if (star) {
    for (auto* p : star->kwonly) {
      kwonly.push_back(p->arg);
      kwdefaults.push_back(p->value);
    }
  }
  Arg* kwarg = star ? star->kwarg : nullptr;
  return arena_.make<Arguments>(seq(posonly), seq(posargs), vararg, seq(kwonly), seq(kwdefaults), kwarg,
                                seq(posdefaults));
}

Expr* Parser::collect_call_seqs(std::vector<Expr*>& a, std::vector<KeywordOrStarred*>* b, int start) {
  if (!b) return node<Call>(start, nullptr, seq(a), Seq<Keyword*>{});
  std::vector<Expr*> args = a;
  std::vector<Keyword*> keywords;
  for (auto* k : *b) {
    if (k->is_keyword) keywords.push_back(static_cast<Keyword*>(k->element));
    else args.push_back(static_cast<Expr*>(k->element));
  }
  return node<Call>(start, nullptr, seq(args), seq(keywords));
}

const char* Parser::expr_name(Expr* e) {
  switch (e->kind) {
    case Expr::Kind::Attribute: return "attribute";
    case Expr::Kind::Subscript: return "subscript";
    case Expr::Kind::Starred: return "starred";
    case Expr::Kind::Name: return "name";
    case Expr::Kind::List: return "list";
    case Expr::Kind::Tuple: return "tuple";
    case Expr::Kind::Lambda: return "lambda";
    case Expr::Kind::Call: return "function call";
    case Expr::Kind::BoolOp:
    case Expr::Kind::BinOp:
    case Expr::Kind::UnaryOp: return "expression";
    case Expr::Kind::GeneratorExp: return "generator expression";
    case Expr::Kind::Yield:
    case Expr::Kind::YieldFrom: return "yield expression";
    case Expr::Kind::Await: return "await expression";
    case Expr::Kind::ListComp: return "list comprehension";
    case Expr::Kind::SetComp: return "set comprehension";
    case Expr::Kind::DictComp: return "dict comprehension";
    case Expr::Kind::Dict: return "dict literal";
    case Expr::Kind::Set: return "set display";
    case Expr::Kind::JoinedStr:
    case Expr::Kind::FormattedValue: return "f-string expression";
    case Expr::Kind::TemplateStr:
    case Expr::Kind::Interpolation: return "t-string expression";
    case Expr::Kind::Constant: {
      Object* v = cast<Constant>(e)->value;
      if (v == None) return "None";
      if (v == False) return "False";
      if (v == True) return "True";
      if (v == Ellipsis) return "ellipsis";
      return "literal";
    }
    case Expr::Kind::Compare: return "comparison";
    case Expr::Kind::IfExp: return "conditional expression";
    case Expr::Kind::NamedExpr: return "named expression";
    default: return "unknown";
  }
}

Expr* Parser::get_invalid_target(Expr* e, TargetsType type) {
  if (!e) return nullptr;
  switch (e->kind) {
    case Expr::Kind::List:
      for (Expr* x : cast<List>(e)->elts) {
        Expr* r = get_invalid_target(x, type);
        if (r) return r;
      }
      return nullptr;
    case Expr::Kind::Tuple:
      for (Expr* x : cast<Tuple>(e)->elts) {
        Expr* r = get_invalid_target(x, type);
        if (r) return r;
      }
      return nullptr;
    case Expr::Kind::Starred:
      if (type == DEL_TARGETS) return e;
      return get_invalid_target(cast<Starred>(e)->value, type);
    case Expr::Kind::Compare:
      // "for x in y" parses as a comparison when the 'in' is missing elsewhere.
      if (type == FOR_TARGETS) {
        Compare* c = cast<Compare>(e);
        if (c->ops[0] == Cmpop::In) return get_invalid_target(c->left, type);
        return nullptr;
      }
      return e;
    case Expr::Kind::Name:
    case Expr::Kind::Subscript:
    case Expr::Kind::Attribute:
      return nullptr;
    default:
      return e;
  }
}

std::nullptr_t Parser::invalid_target_error(TargetsType type, Expr* e) {
  Expr* invalid = get_invalid_target(e, type);
  if (invalid) {
    const char* msg = type == DEL_TARGETS ? "cannot delete %s" : "cannot assign to %s";
    return error_at(invalid, msg, expr_name(invalid));
  }
  return nullptr;  // RAISE_SYNTAX_ERROR_INVALID_TARGET raises nothing then
}

}  // namespace pyxx::parser
