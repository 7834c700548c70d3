// Tokenizer for Python source with CPython 3.14's behaviour (token numbering of
// Lib/token.py, indentation stack, PEP 701 f-strings / PEP 750 t-strings split
// into *_START/_MIDDLE/_END, CPython's error messages and positions).
// Works on a NUL-terminated UTF-8 buffer whose newlines are already "\n".
#pragma once
#include <cstdint>
#include <string_view>
#include "core/object.h"

namespace pyxx::parser {

// Lib/token.py numbering.
enum TokenType : int {
  ENDMARKER = 0, NAME, NUMBER, STRING, NEWLINE, INDENT, DEDENT, LPAR, RPAR, LSQB, RSQB,
  COLON, COMMA, SEMI, PLUS, MINUS, STAR, SLASH, VBAR, AMPER, LESS, GREATER, EQUAL, DOT,
  PERCENT, LBRACE, RBRACE, EQEQUAL, NOTEQUAL, LESSEQUAL, GREATEREQUAL, TILDE, CIRCUMFLEX,
  LEFTSHIFT, RIGHTSHIFT, DOUBLESTAR, PLUSEQUAL, MINEQUAL, STAREQUAL, SLASHEQUAL,
  PERCENTEQUAL, AMPEREQUAL, VBAREQUAL, CIRCUMFLEXEQUAL, LEFTSHIFTEQUAL, RIGHTSHIFTEQUAL,
  DOUBLESTAREQUAL, DOUBLESLASH, DOUBLESLASHEQUAL, AT, ATEQUAL, RARROW, ELLIPSIS,
  COLONEQUAL, EXCLAMATION, OP, TYPE_IGNORE, TYPE_COMMENT, SOFT_KEYWORD, FSTRING_START,
  FSTRING_MIDDLE, FSTRING_END, TSTRING_START, TSTRING_MIDDLE, TSTRING_END, COMMENT, NL,
  ERRORTOKEN, ENCODING, N_TOKENS
};

const char* token_name(int type);

// Tokenizer completion codes (errcode.h's E_* subset the parser cares about).
enum TokDone : int { kTokOk = 10, kTokEof = 11, kTokError = 17, kTokDedent = 21,
                     kTokTabSpace = 18, kTokTooDeep = 20, kTokLineCont = 25,
                     kTokEofString = 26 /* E_EOFS */, kTokEolString = 27 /* E_EOLS */ };

struct Token {
  int type;
  int level;                  // bracket depth when the token was produced
  const char* start;          // token text [start, end); null for INDENT/DEDENT/ENDMARKER
  const char* end;
  int lineno, col_offset;     // col offsets: UTF-8 bytes from the line start; -1 if no text
  int end_lineno, end_col_offset;
  // f-string debug text ("{expr=}"): the expression source, set on the token
  // that ends the expression part ('=' specifier present), else null.
  const char* debug_start = nullptr;
  const char* debug_end = nullptr;
  std::string_view text() const { return start ? std::string_view(start, size_t(end - start)) : std::string_view(); }
};

class Tokenizer {
 public:
  // `buf` must stay alive and be NUL-terminated at buf[len].
  Tokenizer(const char* buf, size_t len, Object* filename);

  // Produces the next token. On error returns ERRORTOKEN; then either a
  // SyntaxError is already set (error_set() true), or done() tells the parser
  // which error to raise (EOF in multi-line statement, bad dedent, ...).
  int next(Token& tok);

  int done() const { return done_; }
  bool error_set() const { return error_set_; }
  int lineno() const { return lineno_; }
  int level() const { return level_; }
  const char* buf_start() const { return buf_; }
  const char* line_start() const { return line_start_; }
  const char* cur() const { return cur_; }
  const char* inp() const { return inp_; }
  // Innermost unclosed bracket (for "'(' was never closed").
  bool innermost_paren(char* ch, int* lineno, int* col) const;
  Object* filename() const { return filename_; }
  bool in_fstring() const { return mode_index_ > 0; }
  // Single-input mode at EOF: close all open blocks (CPython's pendin = -indent).
  void imply_dedents() { if (indent_) { pendin_ = -indent_; indent_ = 0; } }
  // Interactive-mode / incomplete-input knobs (set by the parser).
  bool interactive = false;

  // Raises SyntaxError (or `type`) located at byte columns [col, end_col) of
  // the current line (-1 = at cur); text is the current line without newline.
  void raise_error(Type* type, int col, int end_col, const char* fmt, ...);

 private:
  struct Mode {
    bool fstring;             // false: regular mode
    bool is_t;                // t-string
    bool raw;
    char quote;
    int quote_size;
    const char* start;        // the f-string's first character (prefix)
    const char* multi_line_start;
    int line_start_no;
    int curly_depth;
    int expr_start_depth;
    bool in_format_spec;
    bool debug;
    const char* expr_start;   // just after the '{' opening the current expression
    const char* expr_end;     // end of the expression text (at '=' '!' ':' '}')
  };

  int nextc();
  void backup(int c);
  int get_normal(Token& tok);
  int get_fstring(Token& tok);
  int make(Token& tok, int type, const char* s, const char* e);
  int indent_error();
  int continuation_line();
  bool verify_end_of_number(int c, const char* kind);
  int decimal_tail();
  bool lookahead(const char* s);
  bool verify_identifier();
  bool warn(const char* warn_msg, const char* err_msg);
  Mode& mode() { return modes_[mode_index_]; }
  bool inside_fstring() const { return mode_index_ > 0; }
  void note_fstring_expr_end(const char* at);

  const char* buf_;
  const char* end_;
  const char* cur_;
  const char* inp_;          // end of the current line (after its '\n')
  const char* line_start_;
  const char* tok_start_ = nullptr;
  const char* tok_line_start_ = nullptr;
  const char* multi_line_start_ = nullptr;
  int tok_lineno_ = 0;
  int first_lineno_ = 0;
  int lineno_ = 0;
  int done_ = kTokOk;
  bool error_set_ = false;
  bool atbol_ = true;
  bool cont_line_ = false;
  int pendin_ = 0;
  int indent_ = 0;
  static constexpr int kMaxIndent = 100;
  static constexpr int kMaxLevel = 200;
  static constexpr int kMaxModes = 150;
  int indstack_[kMaxIndent];
  int altindstack_[kMaxIndent];
  int level_ = 0;
  char parenstack_[kMaxLevel];
  int parenlineno_[kMaxLevel];
  int parencol_[kMaxLevel];
  Mode modes_[kMaxModes];
  int mode_index_ = 0;
  Object* filename_;
};

// Number of code points in the UTF-8 text [s, s+n).
int utf8_char_count(const char* s, ssize n);

}  // namespace pyxx::parser

namespace pyxx::parser {
// Sets a SyntaxError-family exception with CPython's args layout:
// (msg, (filename, lineno, offset, text, end_lineno, end_offset)).
void set_syntax_error(Type* type, const char* msg, Object* filename, int lineno, int offset,
                      std::string_view text, int end_lineno, int end_offset);
}  // namespace pyxx::parser
