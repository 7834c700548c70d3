// Literal decoding: numbers, string/bytes literals with escapes, f-string and
// t-string pieces, and adjacent-literal concatenation (CPython's
// string_parser.c and the string parts of action_helpers.c).
#include <cstdio>
#include <cstring>
#include <string>

#include "core/abstract.h"
#include "objects/bytes.h"
#include "objects/complex.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/unicode_tables.h"
#include "parser/parser_impl.h"

namespace pyxx::parser {

namespace {

bool has_char(const char* s, const char* e, char c) { return std::memchr(s, c, size_t(e - s)) != nullptr; }

void append_utf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out.push_back(char(cp));
  } else if (cp < 0x800) {
    out.push_back(char(0xC0 | (cp >> 6)));
    out.push_back(char(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(char(0xE0 | (cp >> 12)));
    out.push_back(char(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(char(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(char(0xF0 | (cp >> 18)));
    out.push_back(char(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(char(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(char(0x80 | (cp & 0x3F)));
  }
}

int hexval(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

// Decodes backslash escapes of a str literal body (UTF-8 in, UTF-8 out
// allowing surrogates). Returns a new str or nullptr with an error message in
// *err (CPython reports these as "(unicode error) ...").
static Object* decode_unicode_escapes(const char* s, const char* end, std::string* err,
                                      const char** first_invalid = nullptr) {
  std::string out;
  out.reserve(size_t(end - s));
  const char* p = s;
  while (p < end) {
    char c = *p;
    if (c != '\\') {
      out.push_back(c);
      p++;
      continue;
    }
    size_t pos = size_t(p - s);
    p++;
    // A backslash at the end or before a non-ASCII character stays a literal
    // backslash (CPython rewrites it to \u005c before decoding).
    if (p >= end || (static_cast<unsigned char>(*p) & 0x80)) {
      out.push_back('\\');
      continue;
    }
    c = *p++;
    switch (c) {
      case '\n': break;
      case '\\': out.push_back('\\'); break;
      case '\'': out.push_back('\''); break;
      case '"': out.push_back('"'); break;
      case 'a': out.push_back('\a'); break;
      case 'b': out.push_back('\b'); break;
      case 'f': out.push_back('\f'); break;
      case 'n': out.push_back('\n'); break;
      case 'r': out.push_back('\r'); break;
      case 't': out.push_back('\t'); break;
      case 'v': out.push_back('\v'); break;
      case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
        uint32_t v = uint32_t(c - '0');
        if (p < end && *p >= '0' && *p <= '7') {
          v = v * 8 + uint32_t(*p++ - '0');
          if (p < end && *p >= '0' && *p <= '7') v = v * 8 + uint32_t(*p++ - '0');
        }
        if (v > 0377 && first_invalid && !*first_invalid) *first_invalid = s + pos;  // SyntaxWarning
        append_utf8(out, v);
        break;
      }
      case 'x':
      case 'u':
      case 'U': {
        int n = c == 'x' ? 2 : c == 'u' ? 4 : 8;
        uint32_t v = 0;
        int i = 0;
        for (; i < n && p < end; i++, p++) {
          int h = hexval(*p);
          if (h < 0) break;
          v = v * 16 + uint32_t(h);
        }
        if (i < n) {
          const char* what = c == 'x' ? "truncated \\xXX escape" : c == 'u' ? "truncated \\uXXXX escape"
                                                                            : "truncated \\UXXXXXXXX escape";
          *err = "'unicodeescape' codec can't decode bytes in position " + std::to_string(pos) + "-" +
                 std::to_string(size_t(p - s) - 1) + ": " + what;
          return nullptr;
        }
        if (v > 0x10FFFF) {
          *err = "'unicodeescape' codec can't decode bytes in position " + std::to_string(pos) + "-" +
                 std::to_string(size_t(p - s) - 1) + ": illegal Unicode character";
          return nullptr;
        }
        append_utf8(out, v);
        break;
      }
      case 'N': {
        // \N{NAME}: the name as unicodedata.lookup (case-insensitive).
        const char* close = p < end && *p == '{' ? static_cast<const char*>(std::memchr(p, '}', size_t(end - p))) : nullptr;
        if (!close || close == p + 1) {
          size_t last = close ? size_t(close - s) : pos + 1;
          *err = "'unicodeescape' codec can't decode bytes in position " + std::to_string(pos) + "-" +
                 std::to_string(last) + ": malformed \\N character escape";
          return nullptr;
        }
        uint32_t cp;
        if (!unicode::lookup_name(std::string_view(p + 1, size_t(close - p - 1)), &cp)) {
          *err = "'unicodeescape' codec can't decode bytes in position " + std::to_string(pos) + "-" +
                 std::to_string(size_t(close - s)) + ": unknown Unicode character name";
          return nullptr;
        }
        append_utf8(out, cp);
        p = close + 1;
        break;
      }
      default:
        // Invalid escape: kept verbatim (reported as a SyntaxWarning by the caller).
        if (first_invalid && !*first_invalid) *first_invalid = s + pos;
        out.push_back('\\');
        p--;
        break;
    }
  }
  return str_from_utf8_surrogatepass(out.data(), ssize(out.size()));
}

static Object* decode_bytes_escapes(const char* s, const char* end, std::string* err,
                                    const char** first_invalid = nullptr) {
  std::string out;
  out.reserve(size_t(end - s));
  const char* p = s;
  while (p < end) {
    char c = *p;
    if (c != '\\') {
      out.push_back(c);
      p++;
      continue;
    }
    size_t pos = size_t(p - s);
    p++;
    if (p >= end) {
      *err = "Trailing \\ in string";
      return nullptr;
    }
    c = *p++;
    switch (c) {
      case '\n': break;
      case '\\': out.push_back('\\'); break;
      case '\'': out.push_back('\''); break;
      case '"': out.push_back('"'); break;
      case 'a': out.push_back('\a'); break;
      case 'b': out.push_back('\b'); break;
      case 'f': out.push_back('\f'); break;
      case 'n': out.push_back('\n'); break;
      case 'r': out.push_back('\r'); break;
      case 't': out.push_back('\t'); break;
      case 'v': out.push_back('\v'); break;
      case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
        unsigned v = unsigned(c - '0');
        if (p < end && *p >= '0' && *p <= '7') {
          v = v * 8 + unsigned(*p++ - '0');
          if (p < end && *p >= '0' && *p <= '7') v = v * 8 + unsigned(*p++ - '0');
        }
        if (v > 0377 && first_invalid && !*first_invalid) *first_invalid = s + pos;
        out.push_back(char(v & 0xFF));
        break;
      }
      case 'x': {
        int h1 = p < end ? hexval(p[0]) : -1;
        int h2 = p + 1 < end ? hexval(p[1]) : -1;
        if (h1 < 0 || h2 < 0) {
          *err = "invalid \\x escape at position " + std::to_string(pos);
          return nullptr;
        }
        out.push_back(char(h1 * 16 + h2));
        p += 2;
        break;
      }
      default:
        if (first_invalid && !*first_invalid) *first_invalid = s + pos;
        out.push_back('\\');
        p--;
        break;
    }
  }
  return bytes_from(out.data(), ssize(out.size()));
}

// CPython's warn_invalid_escape_sequence: SyntaxWarning located at the
// backslash (columns counted from the token start, plus its opening quotes
// when on the first line). Returns false when the warning became an error.
bool Parser::warn_invalid_escape(PToken* t, const char* buffer, const char* backslash) {
  SyntaxWarningHook hook = syntax_warning_hook();
  if (!hook || call_invalid_) return true;
  // The warning text has an extra sentence that the error text does not.
  char wmsg[220], emsg[160];
  const char* e = backslash + 1;
  bool octal = *e >= '4' && *e <= '7';
  if (octal) {
    std::snprintf(wmsg, sizeof wmsg,
                  "\"\\%.3s\" is an invalid octal escape sequence. Such sequences will not work in the future. "
                  "Did you mean \"\\\\%.3s\"? A raw string is also an option.", e, e);
    std::snprintf(emsg, sizeof emsg,
                  "\"\\%.3s\" is an invalid octal escape sequence. Did you mean \"\\\\%.3s\"? A raw string is also an option.",
                  e, e);
  } else {
    std::snprintf(wmsg, sizeof wmsg,
                  "\"\\%c\" is an invalid escape sequence. Such sequences will not work in the future. "
                  "Did you mean \"\\\\%c\"? A raw string is also an option.", *e, *e);
    std::snprintf(emsg, sizeof emsg,
                  "\"\\%c\" is an invalid escape sequence. Did you mean \"\\\\%c\"? A raw string is also an option.",
                  *e, *e);
  }
  int lineno = t->lineno, col = t->col_offset;
  for (const char* c = buffer; c < backslash; c++) {
    if (*c == '\n') { lineno++; col = 0; }
    else col++;
  }
  if (lineno == t->lineno) {
    int quotes = 0;
    char first = 0;
    for (const char* c = t->start; c < t->end && (*c == '\'' || *c == '"'); c++) {
      if (!quotes) first = *c;
      if (*c == first) quotes++;
    }
    col += quotes;
  }
  int r = hook(filename_, lineno, wmsg);
  if (r == 0) return true;
  if (r > 0) raise_known_location(&exc::SyntaxError, lineno, col + 1, lineno, col + 3, "%s", emsg);
  error_ = true;
  return false;
}

Expr* Parser::number_token(PToken* t) {
  const char* s = t->start;
  size_t n = size_t(t->end - t->start);
  std::string buf;
  if (has_char(s, t->end, '_')) {
    buf.reserve(n);
    for (size_t i = 0; i < n; i++)
      if (s[i] != '_') buf.push_back(s[i]);
  } else {
    buf.assign(s, n);
  }
  Object* v = nullptr;
  char last = buf.back();
  bool imag = last == 'j' || last == 'J';
  bool is_int;
  if (buf.size() > 1 && buf[0] == '0' && (buf[1] == 'x' || buf[1] == 'X' || buf[1] == 'o' || buf[1] == 'O' ||
                                           buf[1] == 'b' || buf[1] == 'B')) {
    is_int = true;
  } else {
    is_int = !imag && buf.find_first_of(".eE") == std::string::npos;
  }
  if (is_int) {
    v = int_from_string(buf, 0);
    if (!v && err_exception_matches(&exc::ValueError)) {
      // Too many digits for int_max_str_digits: CPython re-raises as SyntaxError.
      Object* e = err_get_raised();
      Ref<> msg = steal(object_str(e));
      xdecref(e);
      err_clear();
      if (msg) {
        std::string m(str_view(msg.get()));
        m += " - Consider hexadecimal for huge integer literals to avoid decimal conversion limits.";
        error_at(t, "%s", m.c_str());
      } else {
        error_ = true;
      }
      return nullptr;
    }
  } else if (imag) {
    buf.pop_back();
    Ref<> f = steal(float_from_string(buf));
    if (f) v = complex_from_doubles(0.0, float_value(f.get()));
  } else {
    v = float_from_string(buf);
  }
  if (!v) {
    error_ = true;
    return nullptr;
  }
  arena_.own(v);
  return arena_.make<Constant>(v, nullptr, t->lineno, t->col_offset, t->end_lineno, t->end_col_offset);
}

Expr* Parser::constant_from_string(PToken* t) {
  const char* s = t->start;
  bool bytesmode = false, rawmode = false;
  while (*s != '\'' && *s != '"') {
    char c = *s++;
    if (c == 'b' || c == 'B') bytesmode = true;
    else if (c == 'r' || c == 'R') rawmode = true;
  }
  char quote = *s;
  const char* body = s + 1;
  const char* end = t->end - 1;
  if (body + 1 < end && body[0] == quote && body[1] == quote && end - body >= 4 && end[-1] == quote &&
      end[-2] == quote) {
    body += 2;
    end -= 2;
  }
  Object* v = nullptr;
  std::string err;
  const char* invalid = nullptr;
  if (bytesmode) {
    for (const char* p = body; p < end; p++) {
      if (static_cast<unsigned char>(*p) >= 0x80) return error_at(t, "bytes can only contain ASCII literal characters");
    }
    if (rawmode || !has_char(body, end, '\\')) v = bytes_from(body, ssize(end - body));
    else v = decode_bytes_escapes(body, end, &err, &invalid);
  } else {
    if (rawmode || !has_char(body, end, '\\')) v = str_from_utf8(body, ssize(end - body));
    else v = decode_unicode_escapes(body, end, &err, &invalid);
  }
  if (v && invalid && !warn_invalid_escape(t, body, invalid)) {
    decref(v);
    return nullptr;
  }
  if (!v) {
    if (!err.empty()) {
      err_clear();
      error_ = false;
      if (bytesmode) return error_at(t, "(value error) %s", err.c_str());
      return error_at(t, "(unicode error) %s", err.c_str());
    }
    error_ = true;
    return nullptr;
  }
  arena_.own(v);
  Object* kind = nullptr;
  if (t->start[0] == 'u') kind = arena_.own(str_intern_cstr("u"));
  return arena_.make<Constant>(v, kind, t->lineno, t->col_offset, t->end_lineno, t->end_col_offset);
}

// FSTRING_MIDDLE text. Outside a format spec it stays raw here and is decoded
// by joined_str (as CPython's _PyPegen_constant_from_token); inside a format
// spec it is decoded at once and never raw (_PyPegen_decoded_constant_from_token).
Expr* Parser::constant_from_fstring_middle(PToken* t, bool in_format_spec) {
  Object* v;
  std::string err;
  const char* invalid = nullptr;
  if (in_format_spec && !fstring_raw_ && has_char(t->start, t->end, '\\'))
    v = decode_unicode_escapes(t->start, t->end, &err, &invalid);
  else v = str_from_utf8(t->start, ssize(t->end - t->start));
  if (v && invalid && invalid[1] != '{' && invalid[1] != '}' && !warn_invalid_escape(t, t->start, invalid)) {
    decref(v);
    return nullptr;
  }
  if (!v) {
    if (!err.empty()) return error_at(t, "(unicode error) %s", err.c_str());
    error_ = true;
    return nullptr;
  }
  arena_.own(v);
  return arena_.make<Constant>(v, nullptr, t->lineno, t->col_offset, t->end_lineno, t->end_col_offset);
}

namespace {
// The source text of an f-string debug expression, with comments removed as CPython does.
Object* debug_text(const char* s, const char* e) {
  if (!has_char(s, e, '#')) return str_from_utf8(s, ssize(e - s));
  std::string out;
  bool in_string = false;
  char quote = 0;
  for (const char* p = s; p < e; p++) {
    char ch = *p;
    if (in_string && ch == '\\' && p + 1 < e) {  // escaped char inside a string literal
      out.push_back(ch);
      out.push_back(*++p);
      continue;
    }
    if (ch == '"' || ch == '\'') {
      if (!in_string) { in_string = true; quote = ch; }
      else if (ch == quote) in_string = false;
    } else if (ch == '#' && !in_string) {
      while (p < e && *p != '\n') p++;
      if (p < e) out.push_back('\n');
      continue;
    }
    out.push_back(ch);
  }
  return str_from_utf8(out.data(), ssize(out.size()));
}
}  // namespace

Expr* Parser::formatted_value(bool is_t, bool interpolation, Expr* a, PToken* debug, PToken* conv_tok, Expr* conv_name,
                              FormatSpecResult* format, PToken* rbrace, int start) {
  int conversion = -1;
  if (conv_name) {
    Object* id = cast<Name>(conv_name)->id;
    std::string_view sv = str_view(id);
    char first = sv.empty() ? 0 : sv[0];
    if (str_length(id) > 1 || !(first == 's' || first == 'r' || first == 'a'))
      return error_at(conv_name, "%c-string: invalid conversion character %s: expected 's', 'r', or 'a'",
                      is_t ? 't' : 'f', std::string("'").append(sv).append("'").c_str());
    conversion = first;
  } else if (debug && !format) {
    conversion = 'r';
  }
  Loc l = loc(start);
  Expr* spec = format ? format->spec : nullptr;
  // The token that ended the expression carries its source text.
  PToken* meta_tok = conv_tok ? conv_tok : format ? format->colon : rbrace;
  Object* meta = nullptr;
  if (meta_tok->debug_start) {
    meta = arena_.own(debug_text(meta_tok->debug_start, meta_tok->debug_end));
    if (!meta) { error_ = true; return nullptr; }
  }
  Expr* value;
  if (interpolation) {
    // Interpolation.str is the expression source; with a debug '=' it stops
    // at that token (so "{a = }" gives "a ").
    Object* exprstr = meta;
    if (debug && meta_tok->debug_start && debug->start >= meta_tok->debug_start)
      exprstr = arena_.own(debug_text(meta_tok->debug_start, debug->start));
    if (!exprstr) exprstr = arena_.own(str_from_utf8("", 0));
    value = arena_.make<Interpolation>(a, exprstr, conversion, spec, l.lineno, l.col_offset, l.end_lineno,
                                       l.end_col_offset);
  } else {
    value = arena_.make<FormattedValue>(a, conversion, spec, l.lineno, l.col_offset, l.end_lineno, l.end_col_offset);
  }
  if (!debug) return value;
  int dl, dc;
  if (conv_tok) {
    dl = conv_name->lineno;
    dc = conv_name->col_offset;
  } else if (format) {
    dl = spec->lineno;
    dc = spec->col_offset + 1;
  } else {
    dl = l.end_lineno;
    dc = l.end_col_offset;
  }
  if (!meta) meta = arena_.own(str_from_utf8("", 0));
  Expr* text = arena_.make<Constant>(meta, nullptr, l.lineno, l.col_offset + 1, dl, dc - 1);
  Expr* items[2] = {text, value};
  return arena_.make<JoinedStr>(arena_.seq_from(items, 2), l.lineno, l.col_offset, dl, dc);
}

namespace {
bool is_empty_str_constant(Expr* e) {
  return e->kind == Expr::Kind::Constant && str_check(cast<Constant>(e)->value) &&
         str_length(cast<Constant>(e)->value) == 0;
}
}  // namespace

// _get_resized_exprs: flattens debug pairs and decodes literal parts.
static bool resize_fstring_parts(Parser& p, PToken* a, std::vector<Expr*>& items, std::vector<Expr*>& out,
                                 PToken* b_tok) {
  bool is_raw = false;
  for (const char* c = a->start; c < a->end; c++)
    if (*c == 'r' || *c == 'R') is_raw = true;
  for (Expr* item : items) {
    if (item->kind == Expr::Kind::JoinedStr) {
      JoinedStr* j = cast<JoinedStr>(item);
      out.push_back(j->values[0]);
      out.push_back(j->values[1]);
      continue;
    }
    if (item->kind == Expr::Kind::Constant) {
      Constant* c = cast<Constant>(item);
      std::string_view sv = str_view(c->value);
      size_t len = (sv == "{{" || sv == "}}") ? 1 : sv.size();
      bool raw = is_raw || sv.find('\\') == std::string_view::npos;
      Object* v;
      std::string err;
      const char* invalid = nullptr;
      if (raw) v = str_from_utf8(sv.data(), ssize(len));
      else v = decode_unicode_escapes(sv.data(), sv.data() + len, &err, &invalid);
      if (v && invalid && *invalid != '{' && *invalid != '}' && invalid[1] != '{' && invalid[1] != '}' &&
          !p.warn_invalid_escape(b_tok, sv.data(), invalid)) {
        decref(v);
        return false;
      }
      if (!v) {
        if (!err.empty()) p.error_at(item, "(unicode error) %s", err.c_str());
        else p.error_ = true;
        return false;
      }
      p.arena_.own(v);
      item = p.arena_.make<Constant>(v, nullptr, item->lineno, item->col_offset, item->end_lineno, item->end_col_offset);
      if (str_length(v) == 0) continue;
    }
    out.push_back(item);
  }
  return true;
}

Expr* Parser::joined_str(PToken* a, std::vector<Expr*>& items, PToken* b) {
  std::vector<Expr*> out;
  if (!resize_fstring_parts(*this, a, items, out, b)) return nullptr;
  return arena_.make<JoinedStr>(seq(out), a->lineno, a->col_offset, b->end_lineno, b->end_col_offset);
}

Expr* Parser::template_str(PToken* a, std::vector<Expr*>& items, PToken* b) {
  std::vector<Expr*> out;
  if (!resize_fstring_parts(*this, a, items, out, b)) return nullptr;
  return arena_.make<TemplateStr>(seq(out), a->lineno, a->col_offset, b->end_lineno, b->end_col_offset);
}

Expr* Parser::concatenate_strings(std::vector<Expr*>& strings, int start) {
  bool f_string_found = false, unicode_found = false, bytes_found = false;
  for (Expr* e : strings) {
    if (e->kind == Expr::Kind::Constant) {
      if (bytes_check(cast<Constant>(e)->value)) bytes_found = true;
      else unicode_found = true;
    } else {
      f_string_found = true;
    }
  }
  Loc l = loc(start);
  if ((unicode_found || f_string_found) && bytes_found) return syntax_error("cannot mix bytes and nonbytes literals");
  if (bytes_found) {
    if (strings.size() == 1) {
      Constant* c = cast<Constant>(strings[0]);
      return arena_.make<Constant>(c->value, c->str_kind, l.lineno, l.col_offset, l.end_lineno, l.end_col_offset);
    }
    std::string all;
    for (Expr* e : strings) {
      Object* b = cast<Constant>(e)->value;
      all.append(bytes_data(b), size_t(bytes_size(b)));
    }
    Object* v = arena_.own(bytes_from(all.data(), ssize(all.size())));
    if (!v) { error_ = true; return nullptr; }
    return arena_.make<Constant>(v, cast<Constant>(strings[0])->str_kind, l.lineno, l.col_offset, l.end_lineno,
                                 l.end_col_offset);
  }
  if (!f_string_found && strings.size() == 1) return strings[0];
  std::vector<Expr*> flat;
  for (Expr* e : strings) {
    if (e->kind == Expr::Kind::JoinedStr) {
      for (Expr* x : cast<JoinedStr>(e)->values) flat.push_back(x);
    } else {
      flat.push_back(e);
    }
  }
  std::vector<Expr*> values;
  for (size_t i = 0; i < flat.size(); i++) {
    Expr* elem = flat[i];
    if (elem->kind == Expr::Kind::Constant) {
      if (i + 1 < flat.size() && flat[i + 1]->kind == Expr::Kind::Constant) {
        Expr* first = elem;
        Expr* last = elem;
        Object* kind = cast<Constant>(elem)->str_kind;
        StrBuilder sb;
        size_t j = i;
        for (; j < flat.size() && flat[j]->kind == Expr::Kind::Constant; j++) {
          if (!sb.append_str(cast<Constant>(flat[j])->value)) { error_ = true; return nullptr; }
          last = flat[j];
        }
        i = j - 1;
        Object* s = arena_.own(sb.finish());
        if (!s) { error_ = true; return nullptr; }
        elem = arena_.make<Constant>(s, kind, first->lineno, first->col_offset, last->end_lineno, last->end_col_offset);
      }
      if (f_string_found && is_empty_str_constant(elem)) continue;
    }
    values.push_back(elem);
  }
  if (!f_string_found) return values[0];
  return arena_.make<JoinedStr>(seq(values), l.lineno, l.col_offset, l.end_lineno, l.end_col_offset);
}

Expr* Parser::concatenate_tstrings(std::vector<Expr*>& strings, int start) {
  Loc l = loc(start);
  std::vector<Expr*> flat;
  for (Expr* e : strings)
    for (Expr* x : cast<TemplateStr>(e)->values) flat.push_back(x);
  std::vector<Expr*> values;
  for (size_t i = 0; i < flat.size(); i++) {
    Expr* elem = flat[i];
    if (elem->kind == Expr::Kind::Constant) {
      if (i + 1 < flat.size() && flat[i + 1]->kind == Expr::Kind::Constant) {
        Expr* first = elem;
        Expr* last = elem;
        StrBuilder sb;
        size_t j = i;
        for (; j < flat.size() && flat[j]->kind == Expr::Kind::Constant; j++) {
          if (!sb.append_str(cast<Constant>(flat[j])->value)) { error_ = true; return nullptr; }
          last = flat[j];
        }
        i = j - 1;
        Object* s = arena_.own(sb.finish());
        if (!s) { error_ = true; return nullptr; }
        elem = arena_.make<Constant>(s, nullptr, first->lineno, first->col_offset, last->end_lineno, last->end_col_offset);
      }
      if (is_empty_str_constant(elem)) continue;
    }
    values.push_back(elem);
  }
  return arena_.make<TemplateStr>(seq(values), l.lineno, l.col_offset, l.end_lineno, l.end_col_offset);
}

Expr* Parser::ensure_real(Expr* e) {
  if (e->kind == Expr::Kind::Constant && complex_check(cast<Constant>(e)->value))
    return error_at(e, "real number required in complex literal");
  return e;
}

Expr* Parser::ensure_imaginary(Expr* e) {
  if (!(e->kind == Expr::Kind::Constant && complex_check(cast<Constant>(e)->value)))
    return error_at(e, "imaginary number required in complex literal");
  return e;
}

}  // namespace pyxx::parser
