// Internal interface of the PEG parser (parser/*.cpp). The rule functions
// mirror CPython 3.14's Grammar/python.gram rule by rule; left-recursive rules
// are written as loops (same result as PEG seed growing for these rules).
#pragma once
#include <cstdarg>
#include <deque>
#include <vector>

#include "parser/arena.h"
#include "parser/ast_nodes.h"
#include "parser/parser.h"
#include "parser/tokenizer.h"
#include "objects/exceptions.h"
#include "core/error.h"

namespace pyxx::parser {

using namespace pyxx::ast;

// Keyword token types (after the tokenizer's numbering).
enum KeywordTokens : int {
  KW_FIRST = 500,
  KW_FALSE = KW_FIRST, KW_NONE, KW_TRUE, KW_AND, KW_AS, KW_ASSERT, KW_ASYNC, KW_AWAIT, KW_BREAK,
  KW_CLASS, KW_CONTINUE, KW_DEF, KW_DEL, KW_ELIF, KW_ELSE, KW_EXCEPT, KW_FINALLY, KW_FOR, KW_FROM,
  KW_GLOBAL, KW_IF, KW_IMPORT, KW_IN, KW_IS, KW_LAMBDA, KW_NONLOCAL, KW_NOT, KW_OR, KW_PASS,
  KW_RAISE, KW_RETURN, KW_TRY, KW_WHILE, KW_WITH, KW_YIELD, KW_LAST
};

struct Memo {
  int rule;
  int end_mark;
  void* node;
  Memo* next;
};

struct PToken : Token {
  int ptype;          // token type with keywords resolved
  Memo* memo;
  Object* name;       // interned identifier for NAME tokens (lazily)
};

// Memoized rule ids.
enum RuleId : int {
  R_expression = 1, R_disjunction, R_conjunction, R_inversion, R_bitwise_or, R_factor,
  R_await_primary, R_primary, R_t_primary, R_star_expression, R_star_target,
  R_target_with_star_atom, R_del_target, R_simple_stmt, R_block, R_arguments, R_strings,
  R_closed_pattern, R_star_pattern, R_type_param, R_import_stmt, R_invalid_named_expression,
  R_tstring, R_sum, R_term, R_shift, R_bitwise_xor, R_bitwise_and, R_comparison,
  R_star_expressions, R_named_expression, R_atom, R_invalid_expression,
};

// Small helper pairs used while building nodes (CPython's pegen helper structs).
struct KeyValuePair { Expr* key; Expr* value; };
struct NameDefaultPair { Arg* arg; Expr* value; };
struct SlashWithDefault { std::vector<Arg*> plain; std::vector<NameDefaultPair*> with_default; };
struct StarEtc { Arg* vararg; std::vector<NameDefaultPair*> kwonly; Arg* kwarg; };
struct KeywordOrStarred { void* element; bool is_keyword; };
struct CmpopExprPair { Cmpop op; Expr* expr; };
struct KeyPatternPair { Expr* key; Pattern* pattern; };
struct FormatSpecResult { PToken* colon; Expr* spec; };

enum TargetsType { STAR_TARGETS, DEL_TARGETS, FOR_TARGETS };

class Parser {
 public:
  Parser(Tokenizer& tok, Arena& arena, Object* filename, ParseMode mode, int flags);
  Mod* run();

  // ---- token access ----
  bool fill_token();
  PToken* peek();               // token at mark (filling); null on error
  PToken* expect(int type);
  PToken* expect_soft(const char* kw);
  PToken* last_nonwhitespace();
  bool check(int type) { PToken* t = peek(); return t && t->ptype == type; }
  bool check_soft(const char* kw);
  bool too_deep();  // sets MemoryError like CPython's MAXSTACK check
  Expr* name_token();           // NAME -> Name(Load)
  Object* token_name(PToken* t);

  // ---- errors ----
  std::nullptr_t raise_error(Type* type, int use_mark, const char* fmt, ...);
  std::nullptr_t raise_error_va(Type* type, int use_mark, const char* fmt, va_list ap);
  std::nullptr_t raise_known_location(Type* type, int lineno, int col, int end_lineno, int end_col,
                                      const char* fmt, ...);
  std::nullptr_t raise_known_location_va(Type* type, int lineno, int col, int end_lineno, int end_col,
                                         const char* fmt, va_list ap);
  std::nullptr_t syntax_error(const char* fmt, ...);                           // RAISE_SYNTAX_ERROR
  std::nullptr_t indentation_error(const char* fmt, ...);                      // RAISE_INDENTATION_ERROR
  std::nullptr_t error_known_location(int l, int c, int el, int ec, const char* fmt, ...);
  template <class A> std::nullptr_t error_at(A* a, const char* fmt, ...);      // KNOWN_LOCATION
  template <class A, class B> std::nullptr_t error_range(A* a, B* b, const char* fmt, ...);
  template <class A> std::nullptr_t error_starting_from(A* a, const char* fmt, ...);
  std::nullptr_t error_on_next_token(const char* fmt, ...);
  std::nullptr_t tokenizer_error();
  void raise_unclosed_paren();
  void set_syntax_error(PToken* last);
  void tokenize_rest_for_errors();
  std::nullptr_t invalid_target_error(TargetsType type, Expr* e);
  Expr* get_invalid_target(Expr* e, TargetsType type);
  const char* expr_name(Expr* e);

  // ---- helpers for nodes ----
  struct Loc { int lineno, col_offset, end_lineno, end_col_offset; };
  Loc loc(int start_mark);
  template <class T, class... Args> T* node(int start_mark, Args&&... args);
  template <class T> Seq<T> seq(const std::vector<T>& v) { return arena_.seq_from(v.data(), ssize(v.size())); }
  Expr* set_context(Expr* e, ExprContext ctx);
  Arguments* empty_arguments();
  Arguments* make_arguments(std::vector<Arg*>* slash_no_default, SlashWithDefault* swd,
                            std::vector<Arg*>* plain, std::vector<NameDefaultPair*>* with_default, StarEtc* star);
  Expr* collect_call_seqs(std::vector<Expr*>& a, std::vector<KeywordOrStarred*>* b, int start);
  Expr* concatenate_strings(std::vector<Expr*>& strings, int start);
  Expr* concatenate_tstrings(std::vector<Expr*>& strings, int start);

  // ---- memo ----
  template <class T> bool memo_get(int rule, T** out);
  void memo_set(int start_mark, int rule, void* node);

  // ---- rules: statements (parser_stmt.cpp) ----
  Mod* file_rule();
  Mod* interactive_rule();
  Mod* eval_rule();
  Mod* func_type_rule();
  bool statements(std::vector<Stmt*>& out);
  bool statement(std::vector<Stmt*>& out);
  bool statement_newline(std::vector<Stmt*>& out);
  bool simple_stmts(std::vector<Stmt*>& out);
  Stmt* simple_stmt();
  Stmt* simple_stmt_raw();
  Stmt* compound_stmt();
  Stmt* assignment();
  Expr* annotated_rhs();
  bool augassign(Operator* op);
  Stmt* return_stmt();
  Stmt* raise_stmt();
  Stmt* global_stmt();
  Stmt* nonlocal_stmt();
  Stmt* del_stmt();
  Stmt* yield_stmt();
  Stmt* assert_stmt();
  Stmt* import_stmt();
  Stmt* import_name();
  Stmt* import_from();
  bool import_from_targets(std::vector<Alias*>& out);
  bool import_from_as_names(std::vector<Alias*>& out);
  Alias* import_from_as_name();
  bool dotted_as_names(std::vector<Alias*>& out);
  Alias* dotted_as_name();
  Expr* dotted_name();
  Seq<Stmt*>* block();
  bool block_raw(std::vector<Stmt*>& out);
  bool decorators(std::vector<Expr*>& out);
  Stmt* class_def();
  Stmt* class_def_raw();
  Stmt* function_def();
  Stmt* function_def_raw();
  Arguments* params();
  Arguments* parameters();
  bool slash_no_default(std::vector<Arg*>& out);
  SlashWithDefault* slash_with_default();
  StarEtc* star_etc();
  Arg* kwds();
  Arg* param_no_default();
  Arg* param_no_default_star_annotation();
  NameDefaultPair* param_with_default();
  NameDefaultPair* param_maybe_default();
  Arg* param();
  Arg* param_star_annotation();
  Expr* annotation();
  Expr* star_annotation();
  Expr* default_();
  Stmt* if_stmt();
  Stmt* elif_stmt();
  bool else_block(std::vector<Stmt*>& out);
  Stmt* while_stmt();
  Stmt* for_stmt();
  Stmt* with_stmt();
  Withitem* with_item();
  Stmt* try_stmt();
  ExceptHandler* except_block();
  ExceptHandler* except_star_block();
  bool finally_block(std::vector<Stmt*>& out);
  Stmt* match_stmt();
  Expr* subject_expr();
  MatchCase* case_block();
  Expr* guard();
  Pattern* patterns();
  Pattern* pattern();
  Pattern* as_pattern();
  Pattern* or_pattern();
  Pattern* closed_pattern();
  Pattern* closed_pattern_raw();
  Pattern* literal_pattern();
  Expr* literal_expr();
  Expr* complex_number();
  Expr* signed_number();
  Expr* signed_real_number();
  Expr* real_number();
  Expr* imaginary_number();
  Pattern* capture_pattern();
  Expr* pattern_capture_target();
  Pattern* wildcard_pattern();
  Pattern* value_pattern();
  Expr* attr();
  Expr* name_or_attr();
  Pattern* group_pattern();
  Pattern* sequence_pattern();
  bool open_sequence_pattern(std::vector<Pattern*>& out);
  bool maybe_sequence_pattern(std::vector<Pattern*>& out);
  Pattern* maybe_star_pattern();
  Pattern* star_pattern();
  Pattern* mapping_pattern();
  bool items_pattern(std::vector<KeyPatternPair>& out);
  bool key_value_pattern(KeyPatternPair* out);
  Expr* double_star_pattern();
  Pattern* class_pattern();
  bool positional_patterns(std::vector<Pattern*>& out);
  bool keyword_patterns(std::vector<KeyPatternPair>& out);
  bool keyword_pattern(KeyPatternPair* out);
  Stmt* type_alias();
  bool type_params(Seq<TypeParam*>* out);
  TypeParam* type_param();
  TypeParam* type_param_raw();

  // ---- rules: expressions (parser_expr.cpp) ----
  Expr* expressions();
  Expr* expression();
  Expr* expression_raw();
  Expr* expression_without_invalid();
  Expr* yield_expr();
  Expr* star_expressions();
  Expr* star_expression();
  bool star_named_expressions(std::vector<Expr*>& out);
  bool star_named_expressions_sequence(std::vector<Expr*>& out);
  Expr* star_named_expression();
  Expr* star_named_expression_sequence();
  Expr* assignment_expression();
  Expr* named_expression();
  Expr* disjunction();
  Expr* conjunction();
  Expr* inversion();
  Expr* comparison();
  Expr* bitwise_or();
  Expr* bitwise_xor();
  Expr* bitwise_and();
  Expr* shift_expr();
  Expr* sum();
  Expr* term();
  Expr* factor();
  Expr* power();
  Expr* await_primary();
  Expr* primary();
  Expr* slices();
  Expr* slice();
  Expr* atom();
  Expr* group();
  Expr* lambdef();
  Arguments* lambda_params();
  Arguments* lambda_parameters();
  bool lambda_slash_no_default(std::vector<Arg*>& out);
  SlashWithDefault* lambda_slash_with_default();
  StarEtc* lambda_star_etc();
  Arg* lambda_kwds();
  Arg* lambda_param_no_default();
  NameDefaultPair* lambda_param_with_default();
  NameDefaultPair* lambda_param_maybe_default();
  Arg* lambda_param();
  Expr* strings();
  Expr* fstring();
  Expr* tstring();
  Expr* string_();
  Expr* fstring_middle(bool is_t);
  Expr* fstring_replacement_field(bool is_t, bool interpolation);
  bool fstring_conversion(bool is_t, PToken** conv_tok, Expr** conv_name);
  bool fstring_full_format_spec(bool is_t, FormatSpecResult* out, int start);
  Expr* fstring_format_spec(bool is_t);
  Expr* list();
  Expr* tuple();
  Expr* set();
  Expr* dict();
  bool double_starred_kvpairs(std::vector<KeyValuePair>& out);
  bool double_starred_kvpair(KeyValuePair* out);
  bool kvpair(KeyValuePair* out);
  bool for_if_clauses(std::vector<Comprehension*>& out);
  Comprehension* for_if_clause();
  Expr* listcomp();
  Expr* setcomp();
  Expr* genexp();
  Expr* dictcomp();
  Expr* arguments();
  Expr* args();
  bool kwargs(std::vector<KeywordOrStarred*>& out);
  Expr* starred_expression();
  KeywordOrStarred* kwarg_or_starred();
  KeywordOrStarred* kwarg_or_double_starred();
  Expr* star_targets();
  bool star_targets_list_seq(std::vector<Expr*>& out);
  bool star_targets_tuple_seq(std::vector<Expr*>& out);
  Expr* star_target();
  Expr* target_with_star_atom();
  Expr* star_atom();
  Expr* single_target();
  Expr* single_subscript_attribute_target();
  Expr* t_primary();
  bool t_lookahead();
  bool del_targets(std::vector<Expr*>& out);
  Expr* del_target();
  Expr* del_t_atom();
  bool type_expressions(std::vector<Expr*>& out);

  // ---- literal decoding (string_parser.cpp) ----
  Expr* number_token(PToken* t);
  Expr* constant_from_string(PToken* t);
  Expr* constant_from_fstring_middle(PToken* t, bool in_format_spec);
  Expr* joined_str(PToken* a, std::vector<Expr*>& items, PToken* b);
  Expr* template_str(PToken* a, std::vector<Expr*>& items, PToken* b);
  Expr* formatted_value(bool is_t, bool interpolation, Expr* a, PToken* debug, PToken* conv_tok, Expr* conv_name,
                        FormatSpecResult* format, PToken* rbrace, int start);
  bool warn_invalid_escape(PToken* t, const char* buffer, const char* backslash);
  Expr* ensure_real(Expr* e);
  Expr* ensure_imaginary(Expr* e);

  // ---- invalid rules (parser_invalid.cpp) ----
  void* invalid_arguments();
  void* invalid_kwarg();
  void* invalid_legacy_expression();
  void* invalid_type_param();
  void* invalid_expression();
  void* invalid_if_expression();
  void* invalid_named_expression();
  void* invalid_named_expression_raw();
  void* invalid_assignment();
  Expr* invalid_ann_assign_target();
  void* invalid_raise_stmt();
  void* invalid_del_stmt();
  void* invalid_assert_stmt();
  void* invalid_block();
  void* invalid_comprehension();
  void* invalid_parameters();
  void* invalid_default();
  void* invalid_star_etc();
  void* invalid_kwds();
  void* invalid_parameters_helper();
  void* invalid_lambda_parameters();
  void* invalid_lambda_parameters_helper();
  void* invalid_lambda_star_etc();
  void* invalid_lambda_kwds();
  void* invalid_with_item();
  void* invalid_for_if_clause();
  void* invalid_for_target();
  void* invalid_group();
  void* invalid_import();
  void* invalid_dotted_as_name();
  void* invalid_import_from_as_name();
  void* invalid_import_from_targets();
  void* invalid_with_stmt();
  void* invalid_with_stmt_indent();
  void* invalid_try_stmt();
  void* invalid_except_stmt();
  void* invalid_except_star_stmt();
  void* invalid_finally_stmt();
  void* invalid_except_stmt_indent();
  void* invalid_except_star_stmt_indent();
  void* invalid_match_stmt();
  void* invalid_case_block();
  void* invalid_as_pattern();
  void* invalid_class_pattern();
  void* invalid_mapping_pattern();
  void* invalid_if_stmt();
  void* invalid_elif_stmt();
  void* invalid_else_stmt();
  void* invalid_while_stmt();
  void* invalid_for_stmt();
  void* invalid_def_raw();
  void* invalid_class_def_raw();
  void* invalid_double_starred_kvpairs();
  void* invalid_kvpair_unpacking();
  void* invalid_kvpair();
  void* invalid_starred_expression_unpacking();
  void* invalid_starred_expression_unpacking_sequence();
  void* invalid_starred_expression();
  void* invalid_fstring_replacement_field(bool is_t);
  void* invalid_fstring_conversion_character(bool is_t);
  void* invalid_string_tstring_concat();
  void* invalid_arithmetic();
  void* invalid_factor();
  void* invalid_type_params();
  void* raise_missing_comma(Expr* a, Expr* b);
  void* nonparen_genexp_in_call(Expr* a, std::vector<Comprehension*>& b);
  void* arguments_parsing_error(Expr* e);
  bool check_legacy_stmt(Expr* name);

  // ---- state ----
  Tokenizer& tok_;
  Arena& arena_;
  Object* filename_;
  ParseMode mode_;
  int flags_;
  std::vector<PToken*> tokens_;
  int mark_ = 0;
  int fill_ = 0;
  bool error_ = false;
  bool call_invalid_ = false;
  int depth_ = 0;
  PToken* known_err_token_ = nullptr;
  int feature_version_ = 14;
  bool parsing_started_ = false;
  bool fstring_raw_ = false;  // innermost f-/t-string has an r prefix
  std::deque<SlashWithDefault> swd_pool_;
  std::deque<StarEtc> staretc_pool_;
  StarEtc* new_star_etc() { staretc_pool_.push_back(StarEtc{}); return &staretc_pool_.back(); }
};

// ---- template implementations ----
inline Parser::Loc Parser::loc(int start_mark) {
  PToken* s = tokens_[start_mark];
  PToken* e = last_nonwhitespace();
  if (!e) e = s;
  return Loc{s->lineno, s->col_offset, e->end_lineno, e->end_col_offset};
}

template <class T, class... Args>
T* Parser::node(int start_mark, Args&&... args) {
  Loc l = loc(start_mark);
  return arena_.make<T>(std::forward<Args>(args)..., l.lineno, l.col_offset, l.end_lineno, l.end_col_offset);
}

template <class T>
bool Parser::memo_get(int rule, T** out) {
  PToken* t = peek();
  if (!t) { *out = nullptr; return true; }
  for (Memo* m = t->memo; m; m = m->next) {
    if (m->rule == rule) {
      mark_ = m->end_mark;
      *out = static_cast<T*>(m->node);
      return true;
    }
  }
  return false;
}

inline void Parser::memo_set(int start_mark, int rule, void* node) {
  PToken* t = tokens_[start_mark];
  for (Memo* m = t->memo; m; m = m->next) {
    if (m->rule == rule) { m->node = node; m->end_mark = mark_; return; }
  }
  t->memo = arena_.make<Memo>(Memo{rule, mark_, node, t->memo});
}

template <class A>
std::nullptr_t Parser::error_at(A* a, const char* fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  raise_known_location_va(&exc::SyntaxError, a->lineno, a->col_offset + 1, a->end_lineno, a->end_col_offset + 1, fmt, ap);
  va_end(ap);
  return nullptr;
}

template <class A, class B>
std::nullptr_t Parser::error_range(A* a, B* b, const char* fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  raise_known_location_va(&exc::SyntaxError, a->lineno, a->col_offset + 1, b->end_lineno, b->end_col_offset + 1, fmt, ap);
  va_end(ap);
  return nullptr;
}

template <class A>
std::nullptr_t Parser::error_starting_from(A* a, const char* fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  raise_known_location_va(&exc::SyntaxError, a->lineno, a->col_offset + 1, -5, -5, fmt, ap);
  va_end(ap);
  return nullptr;
}

}  // namespace pyxx::parser
