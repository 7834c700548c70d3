// Parser driver: token buffer, keywords, memo, error reporting with CPython's
// positions, the two-pass (plain, then invalid_* rules) strategy, and the
// parse_source() entry point.
#include "parser/parser.h"

#include <cstdio>
#include <cstring>
#include <string>

#include "core/error.h"
#include "core/state.h"
#include "objects/exceptions.h"
#include "objects/str.h"
#include "parser/parser_impl.h"

namespace pyxx {

// The hook lives in the interpreter state (no process-wide mutable globals).
void set_syntax_warning_hook(SyntaxWarningHook hook) { interp_get()->syntax_warning_hook = hook; }
SyntaxWarningHook syntax_warning_hook() { return interp_get()->syntax_warning_hook; }

namespace parser {

namespace {

int keyword_type(const char* s, size_t n) {
  struct KW { const char* name; int type; };
  static const KW kws[] = {
      {"False", KW_FALSE}, {"None", KW_NONE}, {"True", KW_TRUE}, {"and", KW_AND}, {"as", KW_AS},
      {"assert", KW_ASSERT}, {"async", KW_ASYNC}, {"await", KW_AWAIT}, {"break", KW_BREAK},
      {"class", KW_CLASS}, {"continue", KW_CONTINUE}, {"def", KW_DEF}, {"del", KW_DEL},
      {"elif", KW_ELIF}, {"else", KW_ELSE}, {"except", KW_EXCEPT}, {"finally", KW_FINALLY},
      {"for", KW_FOR}, {"from", KW_FROM}, {"global", KW_GLOBAL}, {"if", KW_IF},
      {"import", KW_IMPORT}, {"in", KW_IN}, {"is", KW_IS}, {"lambda", KW_LAMBDA},
      {"nonlocal", KW_NONLOCAL}, {"not", KW_NOT}, {"or", KW_OR}, {"pass", KW_PASS},
      {"raise", KW_RAISE}, {"return", KW_RETURN}, {"try", KW_TRY}, {"while", KW_WHILE},
      {"with", KW_WITH}, {"yield", KW_YIELD}};
  if (n < 2 || n > 8) return NAME;
  for (const KW& k : kws) {
    if (std::strlen(k.name) == n && std::memcmp(k.name, s, n) == 0) return k.type;
  }
  return NAME;
}

// Byte offset (1-based, CPython's col_offset+1) -> character offset in `line`.
int byte_to_char_offset(std::string_view line, int col) {
  int len = int(line.size());
  if (col > len + 1) col = len + 1;
  if (col <= 0) return col;
  int n = col > len ? len : col;
  int count = utf8_char_count(line.data(), n);
  if (col > len) count += 1;  // CPython decodes the terminating NUL too
  return count;
}

}  // namespace

Parser::Parser(Tokenizer& tok, Arena& arena, Object* filename, ParseMode mode, int flags)
    : tok_(tok), arena_(arena), filename_(filename), mode_(mode), flags_(flags) {
  tokens_.reserve(256);
}

bool Parser::fill_token() {
  PToken* t = arena_.make<PToken>();
  int type = tok_.next(*t);
  if (mode_ == ParseMode::Single && type == ENDMARKER && parsing_started_) {
    // Single-input: the end of the source ends the statement (extra NEWLINE),
    // as CPython's _PyPegen_fill_token does.
    type = NEWLINE;
    t->type = NEWLINE;
    parsing_started_ = false;
    if (!(flags_ & 0x0200)) tok_.imply_dedents();
  } else {
    parsing_started_ = true;
  }
  t->ptype = type == NAME ? keyword_type(t->start, size_t(t->end - t->start)) : type;
  t->memo = nullptr;
  t->name = nullptr;
  tokens_.push_back(t);
  fill_++;
  if (type == ERRORTOKEN) {
    error_ = true;
    tokenizer_error();
    return false;
  }
  return true;
}

PToken* Parser::peek() {
  if (mark_ == fill_) {
    if (error_) return nullptr;
    if (!fill_token()) return nullptr;
  }
  return tokens_[mark_];
}

PToken* Parser::expect(int type) {
  PToken* t = peek();
  if (!t || t->ptype != type) return nullptr;
  mark_++;
  return t;
}

bool Parser::check_soft(const char* kw) {
  PToken* t = peek();
  if (!t || t->ptype != NAME) return false;
  size_t n = std::strlen(kw);
  return size_t(t->end - t->start) == n && std::memcmp(t->start, kw, n) == 0;
}

PToken* Parser::expect_soft(const char* kw) {
  if (!check_soft(kw)) return nullptr;
  return tokens_[mark_++];
}

PToken* Parser::last_nonwhitespace() {
  PToken* t = nullptr;
  for (int m = mark_ - 1; m >= 0; m--) {
    t = tokens_[m];
    if (t->type != ENDMARKER && (t->type < NEWLINE || t->type > DEDENT)) break;
  }
  return t;
}

Object* Parser::token_name(PToken* t) {
  if (t->name) return t->name;
  // TODO: NFKC-normalise non-ASCII identifiers (PEP 3131) once unicodedata exists.
  Object* s = str_from_utf8(t->start, ssize(t->end - t->start));
  if (!s) { error_ = true; return nullptr; }
  s = str_intern(s);
  if (!s) { error_ = true; return nullptr; }
  t->name = arena_.own(s);
  return t->name;
}

Expr* Parser::name_token() {
  int start = mark_;
  PToken* t = expect(NAME);
  if (!t) return nullptr;
  Object* id = token_name(t);
  if (!id) return nullptr;
  (void)start;
  return arena_.make<Name>(id, ExprContext::Load, t->lineno, t->col_offset, t->end_lineno, t->end_col_offset);
}

// ---------------------------------------------------------------- errors

std::nullptr_t Parser::raise_known_location_va(Type* type, int lineno, int col, int end_lineno, int end_col,
                                               const char* fmt, va_list ap) {
  if (error_ && err_occurred()) return nullptr;
  error_ = true;
  if (end_lineno == -5) end_lineno = tok_.lineno();
  if (end_col == -5) end_col = int(tok_.cur() - tok_.line_start());
  char msg[1024];
  std::vsnprintf(msg, sizeof msg, fmt, ap);
  std::string_view line;
  if (tok_.lineno() <= lineno && tok_.inp() > tok_.line_start()) {
    line = std::string_view(tok_.line_start(), size_t(tok_.inp() - tok_.line_start()));
  } else {
    // Find line `lineno` in the buffer (without its newline).
    const char* p = tok_.buf_start();
    const char* end = tok_.inp();
    for (int i = 1; i < lineno; i++) {
      const char* nl = static_cast<const char*>(std::memchr(p, '\n', size_t(end - p)));
      if (!nl || nl + 1 > end) break;
      p = nl + 1;
    }
    const char* q = p;
    while (*q && *q != '\n') q++;
    line = std::string_view(p, size_t(q - p));
  }
  int col_number = byte_to_char_offset(line, col);
  int end_col_number = end_col;
  if (end_col > 0) end_col_number = byte_to_char_offset(line, end_col);
  parser::set_syntax_error(type, msg, filename_, lineno, col_number, line, end_lineno, end_col_number);
  return nullptr;
}

std::nullptr_t Parser::raise_known_location(Type* type, int lineno, int col, int end_lineno, int end_col,
                                            const char* fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  raise_known_location_va(type, lineno, col, end_lineno, end_col, fmt, ap);
  va_end(ap);
  return nullptr;
}

std::nullptr_t Parser::raise_error_va(Type* type, int use_mark, const char* fmt, va_list ap) {
  if (error_ && err_occurred()) return nullptr;
  if (fill_ == 0) return raise_known_location_va(type, 0, 0, 0, -1, fmt, ap);
  if (use_mark && mark_ == fill_ && !fill_token()) {
    error_ = true;
    return nullptr;
  }
  PToken* t = known_err_token_ ? known_err_token_ : tokens_[use_mark ? mark_ : fill_ - 1];
  int col, end_col = -1;
  if (t->col_offset == -1) {
    col = tok_.cur() == tok_.buf_start() ? 0 : int(tok_.cur() - tok_.line_start());
  } else {
    col = t->col_offset + 1;
  }
  if (t->end_col_offset != -1) end_col = t->end_col_offset + 1;
  return raise_known_location_va(type, t->lineno, col, t->end_lineno, end_col, fmt, ap);
}

std::nullptr_t Parser::raise_error(Type* type, int use_mark, const char* fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  raise_error_va(type, use_mark, fmt, ap);
  va_end(ap);
  return nullptr;
}

std::nullptr_t Parser::syntax_error(const char* fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  raise_error_va(&exc::SyntaxError, 0, fmt, ap);
  va_end(ap);
  return nullptr;
}

std::nullptr_t Parser::indentation_error(const char* fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  raise_error_va(&exc::IndentationError, 0, fmt, ap);
  va_end(ap);
  return nullptr;
}

std::nullptr_t Parser::error_on_next_token(const char* fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  raise_error_va(&exc::SyntaxError, 1, fmt, ap);
  va_end(ap);
  return nullptr;
}

std::nullptr_t Parser::error_known_location(int l, int c, int el, int ec, const char* fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  raise_known_location_va(&exc::SyntaxError, l, c, el, ec, fmt, ap);
  va_end(ap);
  return nullptr;
}

void Parser::raise_unclosed_paren() {
  char ch;
  int lineno, col;
  if (!tok_.innermost_paren(&ch, &lineno, &col)) return;
  raise_known_location(&exc::SyntaxError, lineno, col + 1, lineno, 0, "'%c' was never closed", ch);
}

std::nullptr_t Parser::tokenizer_error() {
  error_ = true;
  if (err_occurred()) return nullptr;
  const char* msg = nullptr;
  Type* type = &exc::SyntaxError;
  int col = -1;
  switch (tok_.done()) {
    case kTokEof:
      if (tok_.level()) raise_unclosed_paren();
      else syntax_error("unexpected EOF while parsing");
      return nullptr;
    case kTokDedent:
      raise_error(&exc::IndentationError, 0, "unindent does not match any outer indentation level");
      return nullptr;
    case kTokTabSpace:
      type = &exc::TabError;
      msg = "inconsistent use of tabs and spaces in indentation";
      break;
    case kTokTooDeep:
      type = &exc::IndentationError;
      msg = "too many levels of indentation";
      break;
    case kTokLineCont:
      col = int(tok_.cur() - tok_.line_start()) - 1;
      msg = "unexpected character after line continuation character";
      break;
    default:
      msg = "unknown parsing error";
  }
  raise_known_location(type, tok_.lineno(), col >= 0 ? col + 1 : 1, tok_.lineno(), 0, "%s", msg);
  return nullptr;
}

void Parser::tokenize_rest_for_errors() {
  Object* saved = err_get_raised();
  PToken* cur = known_err_token_ ? known_err_token_ : tokens_[fill_ - 1];
  int current_err_line = cur->lineno;
  Token t;
  for (;;) {
    int type = tok_.next(t);
    if (type == ERRORTOKEN) {
      if (err_occurred()) break;
      if (tok_.level() != 0) {
        char ch;
        int lineno, col;
        tok_.innermost_paren(&ch, &lineno, &col);
        if (current_err_line > lineno) {
          error_ = false;
          raise_unclosed_paren();
        }
      }
      break;
    }
    if (type == ENDMARKER) break;
  }
  if (err_occurred() && !tok_.in_fstring()) {
    xdecref(saved);
  } else {
    err_clear();
    if (saved) err_set_raised(saved);
  }
}

void Parser::set_syntax_error(PToken* last) {
  if (err_occurred()) {
    bool tok_ok = tok_.done() == kTokOk;
    if (tok_ok && err_exception_matches(&exc::SyntaxError)) tokenize_rest_for_errors();
    return;
  }
  error_ = false;
  if (fill_ == 0) {
    syntax_error("error at start before reading any input");
    return;
  }
  if (last->type == ERRORTOKEN && tok_.done() == kTokEof) {
    if (tok_.level()) raise_unclosed_paren();
    else syntax_error("unexpected EOF while parsing");
    return;
  }
  if (last->type == INDENT || last->type == DEDENT) {
    indentation_error(last->type == INDENT ? "unexpected indent" : "unexpected unindent");
    return;
  }
  error_at(last, "invalid syntax");
  tokenize_rest_for_errors();
}

// ---------------------------------------------------------------- driver

Mod* Parser::run() {
  Mod* res = nullptr;
  switch (mode_) {
    case ParseMode::File: res = file_rule(); break;
    case ParseMode::Single: res = interactive_rule(); break;
    case ParseMode::Eval: res = eval_rule(); break;
    case ParseMode::FuncType: res = func_type_rule(); break;
  }
  if (res && !error_ && !err_occurred()) {
    if (mode_ == ParseMode::Single) {
      // bad_single_statement: anything but whitespace/comments after the statement.
      const char* p = tok_.cur();
      for (;;) {
        while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\014') p++;
        if (*p == '#') {
          while (*p && *p != '\n') p++;
          continue;
        }
        break;
      }
      if (*p) {
        syntax_error("multiple statements found while compiling a single statement");
        return nullptr;
      }
    }
    return res;
  }
  if ((flags_ & 0x4000) && (tok_.done() == kTokEof || tok_.done() == kTokEofString || tok_.done() == kTokEolString)) {
    // PyCF_ALLOW_INCOMPLETE_INPUT (codeop): the source just ended too early.
    err_clear();
    error_ = false;
    raise_error(&exc::_IncompleteInputError, 0, "incomplete input");
    return nullptr;
  }
  if (err_occurred() && !err_exception_matches(&exc::SyntaxError)) return nullptr;
  if (fill_ == 0) {
    set_syntax_error(nullptr);
    return nullptr;
  }
  PToken* last = tokens_[fill_ - 1];
  // Second pass with the invalid_* rules enabled.
  for (int i = 0; i < fill_; i++) tokens_[i]->memo = nullptr;
  mark_ = 0;
  call_invalid_ = true;
  bool had_error = err_occurred() != nullptr;
  if (!had_error) error_ = false;
  switch (mode_) {
    case ParseMode::File: file_rule(); break;
    case ParseMode::Single: interactive_rule(); break;
    case ParseMode::Eval: eval_rule(); break;
    case ParseMode::FuncType: func_type_rule(); break;
  }
  set_syntax_error(last);
  return nullptr;
}

}  // namespace parser

ast::Mod* parse_source(std::string_view source, Object* filename, ParseMode mode, int flags, ast::Arena& arena) {
  // CPython's string tokenizer translates \r\n and \r to \n and, for "exec"
  // input, makes sure the source ends with a newline.
  std::string buf;
  buf.reserve(source.size() + 2);
  for (size_t i = 0; i < source.size(); i++) {
    char c = source[i];
    if (c == '\r') {
      buf.push_back('\n');
      if (i + 1 < source.size() && source[i + 1] == '\n') i++;
    } else {
      buf.push_back(c);
    }
  }
  if (mode == ParseMode::File && (buf.empty() || buf.back() != '\n')) buf.push_back('\n');
  char* copy = static_cast<char*>(arena.alloc(buf.size() + 1, 1));
  std::memcpy(copy, buf.data(), buf.size());
  copy[buf.size()] = 0;
  parser::Tokenizer tok(copy, buf.size(), filename);
  parser::Parser p(tok, arena, filename, mode, flags);
  return p.run();
}

}  // namespace pyxx
