// Tokenizer with CPython 3.14's observable behaviour (see tokenizer.h). The
// buffer is read "line by line" like CPython's string tokenizer so that error
// positions and the reported source line match.
#include "parser/tokenizer.h"

#include <cstdarg>
#include <cstdio>
#include <cstring>

#include "core/error.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "parser/parser.h"
#include "parser/unicode_ident.h"

namespace pyxx::parser {

namespace {
constexpr int kEOF = -1;
constexpr int kTabSize = 8;
constexpr int kMaxExprNesting = 3;  // CPython's MAX_EXPR_NESTING for f-string braces

inline bool is_digit(int c) { return c >= '0' && c <= '9'; }
inline bool is_xdigit(int c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
inline bool is_id_start(int c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 128; }
inline bool is_id_char(int c) { return is_id_start(c) || is_digit(c); }
inline bool is_alnum(int c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || is_digit(c); }
inline int lower(int c) { return (c >= 'A' && c <= 'Z') ? c + 32 : c; }

int one_char(int c) {
  switch (c) {
    case '!': return EXCLAMATION; case '%': return PERCENT; case '&': return AMPER;
    case '(': return LPAR; case ')': return RPAR; case '*': return STAR; case '+': return PLUS;
    case ',': return COMMA; case '-': return MINUS; case '.': return DOT; case '/': return SLASH;
    case ':': return COLON; case ';': return SEMI; case '<': return LESS; case '=': return EQUAL;
    case '>': return GREATER; case '@': return AT; case '[': return LSQB; case ']': return RSQB;
    case '^': return CIRCUMFLEX; case '{': return LBRACE; case '|': return VBAR; case '}': return RBRACE;
    case '~': return TILDE;
  }
  return OP;
}

int two_chars(int c1, int c2) {
  switch (c1) {
    case '!': if (c2 == '=') return NOTEQUAL; break;
    case '%': if (c2 == '=') return PERCENTEQUAL; break;
    case '&': if (c2 == '=') return AMPEREQUAL; break;
    case '*': if (c2 == '*') return DOUBLESTAR; if (c2 == '=') return STAREQUAL; break;
    case '+': if (c2 == '=') return PLUSEQUAL; break;
    case '-': if (c2 == '=') return MINEQUAL; if (c2 == '>') return RARROW; break;
    case '/': if (c2 == '/') return DOUBLESLASH; if (c2 == '=') return SLASHEQUAL; break;
    case ':': if (c2 == '=') return COLONEQUAL; break;
    case '<': if (c2 == '<') return LEFTSHIFT; if (c2 == '=') return LESSEQUAL; if (c2 == '>') return NOTEQUAL; break;
    case '=': if (c2 == '=') return EQEQUAL; break;
    case '>': if (c2 == '=') return GREATEREQUAL; if (c2 == '>') return RIGHTSHIFT; break;
    case '@': if (c2 == '=') return ATEQUAL; break;
    case '^': if (c2 == '=') return CIRCUMFLEXEQUAL; break;
    case '|': if (c2 == '=') return VBAREQUAL; break;
  }
  return OP;
}

int three_chars(int c1, int c2, int c3) {
  if (c3 != '=' && !(c1 == '.' && c2 == '.' && c3 == '.')) return OP;
  if (c1 == '*' && c2 == '*') return DOUBLESTAREQUAL;
  if (c1 == '/' && c2 == '/') return DOUBLESLASHEQUAL;
  if (c1 == '<' && c2 == '<') return LEFTSHIFTEQUAL;
  if (c1 == '>' && c2 == '>') return RIGHTSHIFTEQUAL;
  if (c1 == '.' && c2 == '.' && c3 == '.') return ELLIPSIS;
  return OP;
}

// Decodes one UTF-8 sequence at s (valid input assumed); sets *len.
uint32_t decode_utf8(const char* s, int* len) {
  const unsigned char* u = reinterpret_cast<const unsigned char*>(s);
  if (u[0] < 0x80) { *len = 1; return u[0]; }
  if ((u[0] & 0xE0) == 0xC0) { *len = 2; return ((u[0] & 0x1F) << 6) | (u[1] & 0x3F); }
  if ((u[0] & 0xF0) == 0xE0) { *len = 3; return ((u[0] & 0x0F) << 12) | ((u[1] & 0x3F) << 6) | (u[2] & 0x3F); }
  *len = 4;
  return ((u[0] & 0x07) << 18) | ((u[1] & 0x3F) << 12) | ((u[2] & 0x3F) << 6) | (u[3] & 0x3F);
}

void append_utf8(char*& p, uint32_t cp) {
  if (cp < 0x80) { *p++ = char(cp); }
  else if (cp < 0x800) { *p++ = char(0xC0 | (cp >> 6)); *p++ = char(0x80 | (cp & 0x3F)); }
  else if (cp < 0x10000) { *p++ = char(0xE0 | (cp >> 12)); *p++ = char(0x80 | ((cp >> 6) & 0x3F)); *p++ = char(0x80 | (cp & 0x3F)); }
  else { *p++ = char(0xF0 | (cp >> 18)); *p++ = char(0x80 | ((cp >> 12) & 0x3F)); *p++ = char(0x80 | ((cp >> 6) & 0x3F)); *p++ = char(0x80 | (cp & 0x3F)); }
}
}  // namespace

int utf8_char_count(const char* s, ssize n) {
  int count = 0;
  for (ssize i = 0; i < n; i++)
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) count++;
  return count;
}

void set_syntax_error(Type* type, const char* msg, Object* filename, int lineno, int offset,
                      std::string_view text, int end_lineno, int end_offset) {
  Ref<> m = steal(str_from_utf8(msg, ssize(std::strlen(msg))));
  // The source is valid UTF-8 (decoded by the caller); a line cut in the
  // middle of a character would not be, so fall back to an empty text.
  Ref<> t = steal(str_from_utf8(text.data(), ssize(text.size())));
  if (!t) { err_clear(); t = steal(str_from_utf8("", 0)); }
  if (!m || !t) return;
  Ref<> ln = steal(int_from_i64(lineno)), off = steal(int_from_i64(offset));
  Ref<> eln = steal(int_from_i64(end_lineno)), eoff = steal(int_from_i64(end_offset));
  Ref<> loc = steal(tuple_pack({filename, ln.get(), off.get(), t.get(), eln.get(), eoff.get()}));
  if (!loc) return;
  Ref<> args = steal(tuple_pack({m.get(), loc.get()}));
  if (!args) return;
  err_set_object(type, args.get());
}

const char* token_name(int type) {
  static const char* const names[] = {
      "ENDMARKER", "NAME", "NUMBER", "STRING", "NEWLINE", "INDENT", "DEDENT", "LPAR", "RPAR", "LSQB",
      "RSQB", "COLON", "COMMA", "SEMI", "PLUS", "MINUS", "STAR", "SLASH", "VBAR", "AMPER", "LESS",
      "GREATER", "EQUAL", "DOT", "PERCENT", "LBRACE", "RBRACE", "EQEQUAL", "NOTEQUAL", "LESSEQUAL",
      "GREATEREQUAL", "TILDE", "CIRCUMFLEX", "LEFTSHIFT", "RIGHTSHIFT", "DOUBLESTAR", "PLUSEQUAL",
      "MINEQUAL", "STAREQUAL", "SLASHEQUAL", "PERCENTEQUAL", "AMPEREQUAL", "VBAREQUAL",
      "CIRCUMFLEXEQUAL", "LEFTSHIFTEQUAL", "RIGHTSHIFTEQUAL", "DOUBLESTAREQUAL", "DOUBLESLASH",
      "DOUBLESLASHEQUAL", "AT", "ATEQUAL", "RARROW", "ELLIPSIS", "COLONEQUAL", "EXCLAMATION", "OP",
      "TYPE_IGNORE", "TYPE_COMMENT", "SOFT_KEYWORD", "FSTRING_START", "FSTRING_MIDDLE", "FSTRING_END",
      "TSTRING_START", "TSTRING_MIDDLE", "TSTRING_END", "COMMENT", "NL", "ERRORTOKEN", "ENCODING",
      "N_TOKENS"};
  if (type >= 0 && type <= N_TOKENS) return names[type];
  return "<keyword>";
}

Tokenizer::Tokenizer(const char* buf, size_t len, Object* filename)
    : buf_(buf), end_(buf + len), cur_(buf), inp_(buf), line_start_(buf), filename_(filename) {
  indstack_[0] = 0;
  altindstack_[0] = 0;
  modes_[0] = Mode{};
}

int Tokenizer::nextc() {
  for (;;) {
    if (cur_ != inp_) return static_cast<unsigned char>(*cur_++);
    if (done_ != kTokOk) return kEOF;
    if (inp_ >= end_) {
      done_ = kTokEof;
      return kEOF;
    }
    const char* nl = static_cast<const char*>(std::memchr(inp_, '\n', size_t(end_ - inp_)));
    const char* e = nl ? nl + 1 : end_;
    lineno_++;
    line_start_ = cur_;
    inp_ = e;
    if (std::memchr(line_start_, 0, size_t(inp_ - line_start_))) {
      raise_error(&exc::SyntaxError, -1, -1, "source code cannot contain null bytes");
      cur_ = inp_;
      return kEOF;
    }
  }
}

void Tokenizer::backup(int c) {
  if (c != kEOF) --cur_;
}

void Tokenizer::raise_error(Type* type, int col, int end_col, const char* fmt, ...) {
  if (error_set_) return;
  char msg[512];
  va_list ap;
  va_start(ap, fmt);
  std::vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  done_ = kTokError;
  error_set_ = true;
  int col_chars = col < 0 ? utf8_char_count(line_start_, cur_ - line_start_) : col;
  int end_chars = end_col < 0 ? col_chars : end_col;
  const char* nl = line_start_;
  while (nl < end_ && *nl != '\n') nl++;
  set_syntax_error(type, msg, filename_, lineno_, col_chars,
                   std::string_view(line_start_, size_t(nl - line_start_)), lineno_, end_chars);
}

bool Tokenizer::innermost_paren(char* ch, int* lineno, int* col) const {
  if (level_ == 0) return false;
  *ch = parenstack_[level_ - 1];
  *lineno = parenlineno_[level_ - 1];
  *col = parencol_[level_ - 1];
  return true;
}

int Tokenizer::make(Token& tok, int type, const char* s, const char* e) {
  tok.type = type;
  tok.level = level_;
  tok.start = s;
  tok.end = e;
  bool strlit = type == STRING || type == FSTRING_MIDDLE || type == TSTRING_MIDDLE;
  tok.lineno = strlit ? first_lineno_ : lineno_;
  tok.end_lineno = lineno_;
  tok.debug_start = tok.debug_end = nullptr;
  if (s && e) {
    tok.col_offset = int(tok_start_ - tok_line_start_);
    tok.end_col_offset = int(cur_ - line_start_);
  } else {
    tok.col_offset = tok.end_col_offset = -1;
  }
  return type;
}

int Tokenizer::indent_error() {
  done_ = kTokTabSpace;
  cur_ = inp_;
  return ERRORTOKEN;
}

int Tokenizer::continuation_line() {
  int c = nextc();
  if (c == '\r') c = nextc();
  if (c != '\n') {
    done_ = kTokLineCont;
    return -1;
  }
  c = nextc();
  if (c == kEOF) {
    done_ = kTokEof;
    cur_ = inp_;
    return -1;
  }
  backup(c);
  return c;
}

bool Tokenizer::lookahead(const char* test) {
  const char* s = test;
  for (;;) {
    int c = nextc();
    bool res = false;
    if (*s == 0) {
      res = !is_id_char(c);
    } else if (c == static_cast<unsigned char>(*s)) {
      s++;
      continue;
    }
    backup(c);
    while (s != test) { backup(*--s); }
    return res;
  }
}

bool Tokenizer::verify_end_of_number(int c, const char* kind) {
  bool r = false;
  if (c == 'a') r = lookahead("nd");
  else if (c == 'e') r = lookahead("lse");
  else if (c == 'f') r = lookahead("or");
  else if (c == 'i') {
    int c2 = nextc();
    if (c2 == 'f' || c2 == 'n' || c2 == 's') r = true;
    backup(c2);
  } else if (c == 'o') r = lookahead("r");
  else if (c == 'n') r = lookahead("ot");
  if (r) {
    backup(c);
    char msg[64];
    std::snprintf(msg, sizeof msg, "invalid %s literal", kind);
    if (!warn(msg, msg)) return false;
    nextc();
    return true;
  }
  if (c < 128 && is_id_char(c)) {
    backup(c);
    raise_error(&exc::SyntaxError, -1, -1, "invalid %s literal", kind);
    return false;
  }
  return true;
}

// Reports a SyntaxWarning through the parser's hook; false when it became an
// error (raised here as SyntaxError with `err_msg`) or failed.
bool Tokenizer::warn(const char* warn_msg, const char* err_msg) {
  SyntaxWarningHook hook = syntax_warning_hook();
  if (!hook) return true;
  int r = hook(filename_, lineno_, warn_msg);
  if (r == 0) return true;
  if (r > 0) raise_error(&exc::SyntaxError, -1, -1, "%s", err_msg);
  done_ = kTokError;
  error_set_ = true;
  return false;
}

int Tokenizer::decimal_tail() {
  int c;
  for (;;) {
    do { c = nextc(); } while (is_digit(c));
    if (c != '_') break;
    c = nextc();
    if (!is_digit(c)) {
      backup(c);
      raise_error(&exc::SyntaxError, -1, -1, "invalid decimal literal");
      return 0;
    }
  }
  return c;
}

bool Tokenizer::verify_identifier() {
  // Scan code points; the first one that is not a valid identifier char ends it.
  const char* p = tok_start_;
  bool first = true;
  while (p < cur_) {
    int len;
    uint32_t cp = decode_utf8(p, &len);
    bool ok = first ? is_xid_start(cp) : is_xid_continue(cp);
    if (!ok) {
      cur_ = p + len;
      char buf[64];
      if (is_printable(cp)) {
        char ch[8];
        char* q = ch;
        append_utf8(q, cp);
        *q = 0;
        std::snprintf(buf, sizeof buf, "invalid character '%s' (U+%04X)", ch, unsigned(cp));
      } else {
        std::snprintf(buf, sizeof buf, "invalid non-printable character U+%04X", unsigned(cp));
      }
      raise_error(&exc::SyntaxError, -1, -1, "%s", buf);
      return false;
    }
    first = false;
    p += len;
  }
  return true;
}

int Tokenizer::next(Token& tok) {
  tok.debug_start = tok.debug_end = nullptr;
  if (done_ != kTokOk && done_ != kTokEof) return make(tok, ERRORTOKEN, nullptr, nullptr);
  Mode& m = mode();
  int t = m.fstring ? get_fstring(tok) : get_normal(tok);
  return t;
}

void Tokenizer::note_fstring_expr_end(const char* at) {
  Mode& m = mode();
  if (m.expr_end == nullptr) m.expr_end = at;
}

int Tokenizer::get_normal(Token& tok) {
  int c;
  bool blankline;
nextline:
  tok_start_ = nullptr;
  blankline = false;
  if (atbol_) {
    int col = 0, altcol = 0, cont_line_col = 0;
    atbol_ = false;
    for (;;) {
      c = nextc();
      if (c == ' ') {
        col++, altcol++;
      } else if (c == '\t') {
        col = (col / kTabSize + 1) * kTabSize;
        altcol = altcol + 1;
      } else if (c == '\014') {
        col = altcol = 0;
      } else if (c == '\\') {
        cont_line_col = cont_line_col ? cont_line_col : col;
        if ((c = continuation_line()) == -1) return make(tok, ERRORTOKEN, nullptr, nullptr);
      } else {
        break;
      }
    }
    backup(c);
    if (c == '#' || c == '\n' || c == '\r') {
      if (col == 0 && c == '\n' && interactive) blankline = false;
      else if (interactive && lineno_ == 1) { blankline = false; col = altcol = 0; }
      else blankline = true;
    }
    if (!blankline && level_ == 0) {
      col = cont_line_col ? cont_line_col : col;
      altcol = cont_line_col ? cont_line_col : altcol;
      if (col == indstack_[indent_]) {
        if (altcol != altindstack_[indent_]) return make(tok, indent_error(), nullptr, nullptr);
      } else if (col > indstack_[indent_]) {
        if (indent_ + 1 >= kMaxIndent) {
          done_ = kTokTooDeep;
          cur_ = inp_;
          return make(tok, ERRORTOKEN, nullptr, nullptr);
        }
        if (altcol <= altindstack_[indent_]) return make(tok, indent_error(), nullptr, nullptr);
        pendin_++;
        indstack_[++indent_] = col;
        altindstack_[indent_] = altcol;
      } else {
        while (indent_ > 0 && col < indstack_[indent_]) {
          pendin_--;
          indent_--;
        }
        if (col != indstack_[indent_]) {
          done_ = kTokDedent;
          cur_ = inp_;
          return make(tok, ERRORTOKEN, nullptr, nullptr);
        }
        if (altcol != altindstack_[indent_]) return make(tok, indent_error(), nullptr, nullptr);
      }
    }
  }

  tok_start_ = cur_;
  tok_line_start_ = line_start_;
  if (pendin_ != 0) {
    if (pendin_ < 0) {
      pendin_++;
      return make(tok, DEDENT, nullptr, nullptr);
    }
    pendin_--;
    return make(tok, INDENT, nullptr, nullptr);
  }

again:
  tok_start_ = nullptr;
  do { c = nextc(); } while (c == ' ' || c == '\t' || c == '\014');
  tok_start_ = cur_ - 1;
  tok_line_start_ = line_start_;

  if (c == '#') {
    // Comments are skipped (type comments are not supported yet).
    while (c != kEOF && c != '\n' && c != '\r') c = nextc();
  }

  if (c == kEOF) {
    if (level_) return make(tok, ERRORTOKEN, nullptr, nullptr);
    if (done_ == kTokEof) {
      tok_start_ = cur_;
      return make(tok, ENDMARKER, nullptr, nullptr);
    }
    return make(tok, ERRORTOKEN, nullptr, nullptr);
  }

  // Identifier, or a string prefix.
  if (is_id_start(c)) {
    bool saw_b = false, saw_r = false, saw_u = false, saw_f = false, saw_t = false;
    bool nonascii = false;
    for (;;) {
      if (!saw_b && (c == 'b' || c == 'B')) saw_b = true;
      else if (!saw_u && (c == 'u' || c == 'U')) saw_u = true;
      else if (!saw_r && (c == 'r' || c == 'R')) saw_r = true;
      else if (!saw_f && (c == 'f' || c == 'F')) saw_f = true;
      else if (!saw_t && (c == 't' || c == 'T')) saw_t = true;
      else break;
      c = nextc();
      if (c == '"' || c == '\'') {
        // Incompatible prefix pairs (CPython's _PyLexer_check_string_prefixes).
        const char* bad = saw_u && saw_b ? "'u' and 'b'" : saw_u && saw_r ? "'u' and 'r'"
                        : saw_u && saw_f ? "'u' and 'f'" : saw_u && saw_t ? "'u' and 't'"
                        : saw_b && saw_f ? "'b' and 'f'" : saw_b && saw_t ? "'b' and 't'"
                        : saw_f && saw_t ? "'f' and 't'" : nullptr;
        if (bad) {
          raise_error(&exc::SyntaxError, int(tok_start_ + 1 - line_start_), int(cur_ - line_start_),
                      "%s prefixes are incompatible", bad);
          return make(tok, ERRORTOKEN, nullptr, nullptr);
        }
        if (saw_f || saw_t) goto fstring_quote;
        goto letter_quote;
      }
    }
    while (is_id_char(c)) {
      if (c >= 128) nonascii = true;
      c = nextc();
    }
    backup(c);
    if (nonascii && !verify_identifier()) return make(tok, ERRORTOKEN, nullptr, nullptr);
    return make(tok, NAME, tok_start_, cur_);
  }

  if (c == '\r') c = nextc();

  if (c == '\n') {
    atbol_ = true;
    if (blankline || level_ > 0) goto nextline;
    cont_line_ = false;
    return make(tok, NEWLINE, tok_start_, cur_ - 1);
  }

  if (c == '.') {
    c = nextc();
    if (is_digit(c)) goto fraction;
    if (c == '.') {
      c = nextc();
      if (c == '.') return make(tok, ELLIPSIS, tok_start_, cur_);
      backup(c);
      backup('.');
    } else {
      backup(c);
    }
    return make(tok, DOT, tok_start_, cur_);
  }

  if (is_digit(c)) {
    if (c == '0') {
      c = nextc();
      if (c == 'x' || c == 'X') {
        c = nextc();
        do {
          if (c == '_') c = nextc();
          if (!is_xdigit(c)) {
            backup(c);
            raise_error(&exc::SyntaxError, -1, -1, "invalid hexadecimal literal");
            return make(tok, ERRORTOKEN, nullptr, nullptr);
          }
          do { c = nextc(); } while (is_xdigit(c));
        } while (c == '_');
        if (!verify_end_of_number(c, "hexadecimal")) return make(tok, ERRORTOKEN, nullptr, nullptr);
      } else if (c == 'o' || c == 'O') {
        c = nextc();
        do {
          if (c == '_') c = nextc();
          if (c < '0' || c >= '8') {
            if (is_digit(c)) {
              raise_error(&exc::SyntaxError, -1, -1, "invalid digit '%c' in octal literal", c);
            } else {
              backup(c);
              raise_error(&exc::SyntaxError, -1, -1, "invalid octal literal");
            }
            return make(tok, ERRORTOKEN, nullptr, nullptr);
          }
          do { c = nextc(); } while ('0' <= c && c < '8');
        } while (c == '_');
        if (is_digit(c)) {
          raise_error(&exc::SyntaxError, -1, -1, "invalid digit '%c' in octal literal", c);
          return make(tok, ERRORTOKEN, nullptr, nullptr);
        }
        if (!verify_end_of_number(c, "octal")) return make(tok, ERRORTOKEN, nullptr, nullptr);
      } else if (c == 'b' || c == 'B') {
        c = nextc();
        do {
          if (c == '_') c = nextc();
          if (c != '0' && c != '1') {
            if (is_digit(c)) {
              raise_error(&exc::SyntaxError, -1, -1, "invalid digit '%c' in binary literal", c);
            } else {
              backup(c);
              raise_error(&exc::SyntaxError, -1, -1, "invalid binary literal");
            }
            return make(tok, ERRORTOKEN, nullptr, nullptr);
          }
          do { c = nextc(); } while (c == '0' || c == '1');
        } while (c == '_');
        if (is_digit(c)) {
          raise_error(&exc::SyntaxError, -1, -1, "invalid digit '%c' in binary literal", c);
          return make(tok, ERRORTOKEN, nullptr, nullptr);
        }
        if (!verify_end_of_number(c, "binary")) return make(tok, ERRORTOKEN, nullptr, nullptr);
      } else {
        bool nonzero = false;
        for (;;) {
          if (c == '_') {
            c = nextc();
            if (!is_digit(c)) {
              backup(c);
              raise_error(&exc::SyntaxError, -1, -1, "invalid decimal literal");
              return make(tok, ERRORTOKEN, nullptr, nullptr);
            }
          }
          if (c != '0') break;
          c = nextc();
        }
        const char* zeros_end = cur_;
        if (is_digit(c)) {
          nonzero = true;
          c = decimal_tail();
          if (c == 0) return make(tok, ERRORTOKEN, nullptr, nullptr);
        }
        if (c == '.') {
          c = nextc();
          goto fraction;
        } else if (c == 'e' || c == 'E') {
          goto exponent;
        } else if (c == 'j' || c == 'J') {
          goto imaginary;
        } else if (nonzero) {
          backup(c);
          raise_error(&exc::SyntaxError, int(tok_start_ + 1 - line_start_), int(zeros_end - line_start_),
                      "leading zeros in decimal integer literals are not permitted; "
                      "use an 0o prefix for octal integers");
          return make(tok, ERRORTOKEN, nullptr, nullptr);
        }
        if (!verify_end_of_number(c, "decimal")) return make(tok, ERRORTOKEN, nullptr, nullptr);
      }
    } else {
      c = decimal_tail();
      if (c == 0) return make(tok, ERRORTOKEN, nullptr, nullptr);
      if (c == '.') {
        c = nextc();
      fraction:
        if (is_digit(c)) {
          c = decimal_tail();
          if (c == 0) return make(tok, ERRORTOKEN, nullptr, nullptr);
        }
      }
      if (c == 'e' || c == 'E') {
        int e;
      exponent:
        e = c;
        c = nextc();
        if (c == '+' || c == '-') {
          c = nextc();
          if (!is_digit(c)) {
            backup(c);
            raise_error(&exc::SyntaxError, -1, -1, "invalid decimal literal");
            return make(tok, ERRORTOKEN, nullptr, nullptr);
          }
        } else if (!is_digit(c)) {
          backup(c);
          if (!verify_end_of_number(e, "decimal")) return make(tok, ERRORTOKEN, nullptr, nullptr);
          backup(e);
          return make(tok, NUMBER, tok_start_, cur_);
        }
        c = decimal_tail();
        if (c == 0) return make(tok, ERRORTOKEN, nullptr, nullptr);
      }
      if (c == 'j' || c == 'J') {
      imaginary:
        c = nextc();
        if (!verify_end_of_number(c, "imaginary")) return make(tok, ERRORTOKEN, nullptr, nullptr);
      } else if (!verify_end_of_number(c, "decimal")) {
        return make(tok, ERRORTOKEN, nullptr, nullptr);
      }
    }
    backup(c);
    return make(tok, NUMBER, tok_start_, cur_);
  }

fstring_quote:
  if ((lower(*tok_start_) == 'f' || lower(*tok_start_) == 'r' || lower(*tok_start_) == 't') &&
      (c == '\'' || c == '"')) {
    int quote = c;
    int quote_size = 1;
    first_lineno_ = lineno_;
    multi_line_start_ = line_start_;
    int after = nextc();
    if (after == quote) {
      int after2 = nextc();
      if (after2 == quote) {
        quote_size = 3;
      } else {
        backup(after2);
        backup(after);
      }
    }
    if (after != quote) backup(after);
    if (mode_index_ + 1 >= kMaxModes) {
      raise_error(&exc::SyntaxError, -1, -1, "too many nested f-strings");
      return make(tok, ERRORTOKEN, nullptr, nullptr);
    }
    bool is_t = false;
    bool raw = false;
    for (const char* p = tok_start_; p < cur_; p++) {
      int l = lower(*p);
      if (l == 't') is_t = true;
      if (l == 'r') raw = true;
    }
    Mode& nm = modes_[++mode_index_];
    nm = Mode{};
    nm.fstring = true;
    nm.is_t = is_t;
    nm.raw = raw;
    nm.quote = char(quote);
    nm.quote_size = quote_size;
    nm.start = tok_start_;
    nm.multi_line_start = line_start_;
    nm.line_start_no = lineno_;
    nm.curly_depth = 0;
    nm.expr_start_depth = -1;
    return make(tok, is_t ? TSTRING_START : FSTRING_START, tok_start_, cur_);
  }

letter_quote:
  if (c == '\'' || c == '"') {
    int quote = c;
    int quote_size = 1;
    int end_quote_size = 0;
    bool has_escaped_quote = false;
    first_lineno_ = lineno_;
    multi_line_start_ = line_start_;
    c = nextc();
    if (c == quote) {
      c = nextc();
      if (c == quote) quote_size = 3;
      else end_quote_size = 1;
    }
    if (c != quote) backup(c);
    while (end_quote_size != quote_size) {
      c = nextc();
      if (error_set_) return make(tok, ERRORTOKEN, nullptr, nullptr);
      if (c == kEOF || (quote_size == 1 && c == '\n')) {
        cur_ = tok_start_ + 1;
        line_start_ = multi_line_start_;
        int start = lineno_;
        lineno_ = first_lineno_;
        if (inside_fstring()) {
          Mode& fm = mode();
          if (fm.quote == quote && fm.quote_size == quote_size) {
            raise_error(&exc::SyntaxError, -1, -1, "%c-string: expecting '}'", fm.is_t ? 't' : 'f');
            return make(tok, ERRORTOKEN, nullptr, nullptr);
          }
        }
        if (quote_size == 3) {
          raise_error(&exc::SyntaxError, -1, -1, "unterminated triple-quoted string literal (detected at line %d)", start);
          if (c != '\n') done_ = kTokEofString;
        } else {
          if (has_escaped_quote)
            raise_error(&exc::SyntaxError, -1, -1,
                        "unterminated string literal (detected at line %d); perhaps you escaped the end quote?", start);
          else
            raise_error(&exc::SyntaxError, -1, -1, "unterminated string literal (detected at line %d)", start);
          if (c != '\n') done_ = kTokEolString;
        }
        return make(tok, ERRORTOKEN, nullptr, nullptr);
      }
      if (c == quote) {
        end_quote_size += 1;
      } else {
        end_quote_size = 0;
        if (c == '\\') {
          c = nextc();
          if (c == quote) has_escaped_quote = true;
          if (c == '\r') c = nextc();
        }
      }
    }
    return make(tok, STRING, tok_start_, cur_);
  }

  if (c == '\\') {
    if ((c = continuation_line()) == -1) return make(tok, ERRORTOKEN, nullptr, nullptr);
    cont_line_ = true;
    goto again;
  }

  {
    Mode& cm = mode();
    // '!=' is an operator, not the conversion marker (as CPython 3.14 behaves).
    bool punct = c == ':' || c == '}' || (c == '!' && *cur_ != '=') || c == '{';
    if (punct && inside_fstring() && cm.expr_start_depth >= 0) {
      int cursor = cm.curly_depth - (c != '{');
      bool cursor_valid = cursor == 0 || (cursor == 1 && (cm.debug || cm.in_format_spec));
      if (cursor_valid && c != '{') {
        // '}' and '!' always move the end of the expression text; ':' only
        // sets it once (CPython's _PyLexer_update_ftstring_expr).
        if (c == ':') note_fstring_expr_end(tok_start_);
        else cm.expr_end = tok_start_;
        if (cm.debug || cm.is_t) {  // t-strings always record the expression text
          tok.debug_start = cm.expr_start;
          tok.debug_end = cm.expr_end;
        }
      }
      if (c == ':' && cursor == cm.expr_start_depth) {
        cm.fstring = true;
        cm.in_format_spec = true;
        const char* ds = tok.debug_start;
        const char* de = tok.debug_end;
        int r = make(tok, COLON, tok_start_, cur_);
        tok.debug_start = ds;
        tok.debug_end = de;
        return r;
      }
    }
  }

  {
    int c2 = nextc();
    int t2 = two_chars(c, c2);
    if (t2 != OP) {
      int c3 = nextc();
      int t3 = three_chars(c, c2, c3);
      if (t3 != OP) t2 = t3;
      else backup(c3);
      const char* ds = tok.debug_start;
      const char* de = tok.debug_end;
      int r = make(tok, t2, tok_start_, cur_);
      tok.debug_start = ds;
      tok.debug_end = de;
      return r;
    }
    backup(c2);
  }

  switch (c) {
    case '(':
    case '[':
    case '{':
      if (level_ >= kMaxLevel) {
        raise_error(&exc::SyntaxError, -1, -1, "too many nested parentheses");
        return make(tok, ERRORTOKEN, nullptr, nullptr);
      }
      parenstack_[level_] = char(c);
      parenlineno_[level_] = lineno_;
      parencol_[level_] = int(tok_start_ - line_start_);
      level_++;
      if (inside_fstring()) mode().curly_depth++;
      break;
    case ')':
    case ']':
    case '}': {
      Mode& cm = mode();
      if (inside_fstring() && !cm.curly_depth && c == '}') {
        raise_error(&exc::SyntaxError, -1, -1, "%c-string: single '}' is not allowed", cm.is_t ? 't' : 'f');
        return make(tok, ERRORTOKEN, nullptr, nullptr);
      }
      if (!level_) {
        raise_error(&exc::SyntaxError, -1, -1, "unmatched '%c'", c);
        return make(tok, ERRORTOKEN, nullptr, nullptr);
      }
      level_--;
      int opening = parenstack_[level_];
      if (!((opening == '(' && c == ')') || (opening == '[' && c == ']') || (opening == '{' && c == '}'))) {
        if (inside_fstring() && opening == '{') {
          int previous = cm.curly_depth - 1;
          if (previous == cm.expr_start_depth) {
            raise_error(&exc::SyntaxError, -1, -1, "%c-string: unmatched '%c'", cm.is_t ? 't' : 'f', c);
            return make(tok, ERRORTOKEN, nullptr, nullptr);
          }
        }
        if (parenlineno_[level_] != lineno_)
          raise_error(&exc::SyntaxError, -1, -1,
                      "closing parenthesis '%c' does not match opening parenthesis '%c' on line %d", c, opening,
                      parenlineno_[level_]);
        else
          raise_error(&exc::SyntaxError, -1, -1, "closing parenthesis '%c' does not match opening parenthesis '%c'",
                      c, opening);
        return make(tok, ERRORTOKEN, nullptr, nullptr);
      }
      if (inside_fstring()) {
        cm.curly_depth--;
        if (cm.curly_depth < 0) {
          raise_error(&exc::SyntaxError, -1, -1, "%c-string: unmatched '%c'", cm.is_t ? 't' : 'f', c);
          return make(tok, ERRORTOKEN, nullptr, nullptr);
        }
        if (c == '}' && cm.curly_depth == cm.expr_start_depth) {
          cm.expr_start_depth--;
          cm.fstring = true;
          cm.in_format_spec = false;
          cm.debug = false;
        }
      }
      break;
    }
    default:
      break;
  }

  if (c < 32 || c == 127 || c >= 128) {
    if (c >= 128) {
      // A non-ASCII character that cannot start an identifier never gets here
      // (is_id_start accepts all non-ASCII); keep the generic message.
    }
    raise_error(&exc::SyntaxError, -1, -1, "invalid non-printable character U+%04X", unsigned(c));
    return make(tok, ERRORTOKEN, nullptr, nullptr);
  }
  if (c == '$' || c == '?' || c == '`') {
    // CPython yields an ERRORTOKEN-free OP token here and the parser reports
    // "invalid syntax"; keep the same by returning OP.
  }

  if (c == '=' && inside_fstring() && mode().expr_start_depth >= 0) mode().debug = true;

  {
    const char* ds = tok.debug_start;
    const char* de = tok.debug_end;
    int r = make(tok, one_char(c), tok_start_, cur_);
    tok.debug_start = ds;
    tok.debug_end = de;
    return r;
  }
}

int Tokenizer::get_fstring(Token& tok) {
  Mode& cm = mode();
  int end_quote_size = 0;
  bool unicode_escape = false;
  const char kc = cm.is_t ? 't' : 'f';
  const int middle = cm.is_t ? TSTRING_MIDDLE : FSTRING_MIDDLE;

  tok_start_ = cur_;
  tok_line_start_ = line_start_;
  first_lineno_ = lineno_;

  int start_char = nextc();
  if (start_char == '{') {
    int peek1 = nextc();
    backup(peek1);
    backup(start_char);
    if (peek1 != '{') {
      cm.expr_start_depth++;
      if (cm.expr_start_depth >= kMaxExprNesting) {
        raise_error(&exc::SyntaxError, -1, -1, "%c-string: expressions nested too deeply", kc);
        return make(tok, ERRORTOKEN, nullptr, nullptr);
      }
      cm.fstring = false;
      cm.expr_start = cur_ + 1;
      cm.expr_end = nullptr;
      return get_normal(tok);
    }
  } else {
    backup(start_char);
  }
  // tok_line_start_ may be stale if nextc crossed a line; the middle text starts here.
  tok_line_start_ = line_start_;
  first_lineno_ = lineno_;

  for (int i = 0; i < cm.quote_size; i++) {
    int q = nextc();
    if (q != cm.quote) {
      backup(q);
      goto middle_part;
    }
  }
  {
    int type = cm.is_t ? TSTRING_END : FSTRING_END;
    mode_index_--;
    return make(tok, type, tok_start_, cur_);
  }

middle_part:
  multi_line_start_ = line_start_;
  while (end_quote_size != cm.quote_size) {
    int c = nextc();
    if (error_set_) return make(tok, ERRORTOKEN, nullptr, nullptr);
    bool in_format_spec = cm.in_format_spec && cm.expr_start_depth >= 0;
    if (c == kEOF || (cm.quote_size == 1 && c == '\n')) {
      if (in_format_spec && c == '\n') {
        backup(c);
        cm.fstring = false;
        cm.in_format_spec = false;
        return make(tok, middle, tok_start_, cur_);
      }
      cur_ = cm.start + 1;
      line_start_ = cm.multi_line_start;
      int start = lineno_;
      lineno_ = cm.line_start_no;
      if (cm.quote_size == 3) {
        raise_error(&exc::SyntaxError, -1, -1, "unterminated triple-quoted %c-string literal (detected at line %d)", kc,
                    start);
        if (c != '\n') done_ = kTokEofString;
      } else {
        raise_error(&exc::SyntaxError, -1, -1, "unterminated %c-string literal (detected at line %d)", kc, start);
      }
      return make(tok, ERRORTOKEN, nullptr, nullptr);
    }
    if (c == cm.quote) {
      end_quote_size += 1;
      continue;
    }
    end_quote_size = 0;
    if (c == '{') {
      int peek = nextc();
      if (peek != '{' || in_format_spec) {
        backup(peek);
        backup(c);
        cm.expr_start_depth++;
        if (cm.expr_start_depth >= kMaxExprNesting) {
          raise_error(&exc::SyntaxError, -1, -1, "%c-string: expressions nested too deeply", kc);
          return make(tok, ERRORTOKEN, nullptr, nullptr);
        }
        cm.fstring = false;
        cm.in_format_spec = false;
        cm.expr_start = cur_ + 1;
        cm.expr_end = nullptr;
        return make(tok, middle, tok_start_, cur_);
      }
      return make(tok, middle, tok_start_, cur_ - 1);
    } else if (c == '}') {
      if (unicode_escape) return make(tok, middle, tok_start_, cur_);
      int peek = nextc();
      int cursor = cm.curly_depth;
      if (peek == '}' && !in_format_spec && cursor == 0) return make(tok, middle, tok_start_, cur_ - 1);
      backup(peek);
      backup(c);
      cm.fstring = false;
      cm.in_format_spec = false;
      return make(tok, middle, tok_start_, cur_);
    } else if (c == '\\') {
      int peek = nextc();
      if (peek == '\r') peek = nextc();
      if (peek == '{' || peek == '}') {
        if (!cm.raw) {
          char wmsg[200], emsg[128];
          std::snprintf(wmsg, sizeof wmsg,
                        "\"\\%c\" is an invalid escape sequence. Such sequences will not work in the future. "
                        "Did you mean \"\\\\%c\"? A raw string is also an option.", peek, peek);
          std::snprintf(emsg, sizeof emsg,
                        "\"\\%c\" is an invalid escape sequence. Did you mean \"\\\\%c\"? A raw string is also an option.",
                        peek, peek);
          if (!warn(wmsg, emsg)) return make(tok, ERRORTOKEN, nullptr, nullptr);
        }
        backup(peek);
        continue;
      }
      if (!cm.raw && peek == 'N') {
        peek = nextc();
        if (peek == '{') unicode_escape = true;
        else backup(peek);
      }
    }
  }
  for (int i = 0; i < cm.quote_size; i++) backup(cm.quote);
  return make(tok, middle, tok_start_, cur_);
}

}  // namespace pyxx::parser
