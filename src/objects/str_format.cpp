// String formatting: printf-style `str % args` (CPython's PyUnicode_Format),
// str.format / str.format_map (the replacement-field grammar of
// Objects/stringlib/unicode_format.h) and str.__format__ (format-spec
// mini-language for strings). Messages match CPython 3.14.
#include "objects/str_internal.h"
#include <string>
#include "objects/dict.h"
#include "objects/float.h"
#include "objects/format_spec.h"
#include "objects/int.h"
#include "objects/singletons.h"
#include "objects/tuple.h"

namespace pyxx {

// ---------------------------------------------------------------------------
// printf-style formatting

namespace {
struct PctArg {
  bool left = false, plus = false, space = false, alt = false, zero = false;
  ssize width = -1, prec = -1;
  uint32_t conv = 0;
};
}  // namespace

static bool append_repeat(StrBuilder& b, uint32_t c, ssize n) { return b.append_repeat(c, n); }

// Writes sign + prefix + body padded per flags (numbers: zero padding after the sign).
static bool emit_number(StrBuilder& b, const PctArg& a, char sign, std::string_view prefix, std::string_view body) {
  ssize len = (sign ? 1 : 0) + ssize(prefix.size()) + ssize(body.size());
  ssize pad = a.width > len ? a.width - len : 0;
  if (!a.left && !a.zero && !append_repeat(b, ' ', pad)) return false;
  if (sign && !b.append_char(uint32_t(sign))) return false;
  if (!b.append_ascii(prefix)) return false;
  if (!a.left && a.zero && !append_repeat(b, '0', pad)) return false;
  if (!b.append_ascii(body)) return false;
  if (a.left && !append_repeat(b, ' ', pad)) return false;
  return true;
}

static bool emit_text(StrBuilder& b, const PctArg& a, Object* s) {
  ssize n = str_length(s);
  if (a.prec >= 0 && n > a.prec) n = a.prec;
  ssize pad = a.width > n ? a.width - n : 0;
  if (!a.left && !append_repeat(b, ' ', pad)) return false;
  if (!b.append_substr(s, 0, n)) return false;
  if (a.left && !append_repeat(b, ' ', pad)) return false;
  return true;
}

static bool has_nb_int_like(Object* v) {
  NumberMethods* nb = v->type->tp_as_number;
  return nb && (nb->nb_index || nb->nb_int || nb->nb_float);
}

static bool format_int_arg(StrBuilder& b, const PctArg& a, Object* v) {
  uint32_t c = a.conv;
  Ref<> iv;
  if (int_check(v)) {
    iv = borrow(v);
  } else if (c == 'd' || c == 'i' || c == 'u') {
    if (!has_nb_int_like(v)) {
      err_format(&exc::TypeError, "%%%c format: a real number is required, not %.200s", int(c), v->type->tp_name);
      return false;
    }
    iv = steal(index_check(v) ? number_index(v) : number_long(v));
  } else {
    if (!index_check(v)) {
      err_format(&exc::TypeError, "%%%c format: an integer is required, not %.200s", int(c), v->type->tp_name);
      return false;
    }
    iv = steal(number_index(v));
  }
  if (!iv) return false;
  const char* spec = (c == 'x') ? "x" : (c == 'X') ? "X" : (c == 'o') ? "o" : "d";
  Ref<> specobj = steal(str_from_cstr(spec));
  if (!specobj) return false;
  // Formatting through int.__format__ keeps big ints and bases in one place.
  // bool and int subclasses format as plain ints.
  Ref<> plain = steal(int_check_exact(iv.get()) ? new_ref(iv.get()) : number_long(iv.get()));
  if (!plain) return false;
  Ref<> digits_obj = steal(object_format(plain.get(), specobj.get()));
  if (!digits_obj) return false;
  std::string digits(str_view(digits_obj.get()));
  char sign = 0;
  if (!digits.empty() && digits[0] == '-') { sign = '-'; digits.erase(0, 1); }
  else if (a.plus) sign = '+';
  else if (a.space) sign = ' ';
  if (a.prec >= 0 && ssize(digits.size()) < a.prec) digits.insert(0, size_t(a.prec - ssize(digits.size())), '0');
  const char* prefix = "";
  if (a.alt) prefix = c == 'x' ? "0x" : c == 'X' ? "0X" : c == 'o' ? "0o" : "";
  return emit_number(b, a, sign, prefix, digits);
}

static bool format_float_arg(StrBuilder& b, const PctArg& a, Object* v) {
  double d;
  if (float_check(v)) d = float_value(v);
  else {
    if (!has_nb_int_like(v)) {
      err_format(&exc::TypeError, "must be real number, not %.200s", v->type->tp_name);
      return false;
    }
    d = float_as_double(v);
    if (d == -1.0 && err_occurred()) return false;
  }
  bool neg = false;
  int prec = a.prec < 0 ? 6 : int(a.prec);
  std::string body = format_double_body(d, char(a.conv), prec, a.alt, &neg);
  char sign = neg ? '-' : a.plus ? '+' : a.space ? ' ' : 0;
  return emit_number(b, a, sign, "", body);
}

static bool format_char_arg(StrBuilder& b, const PctArg& a, Object* v) {
  uint32_t ch;
  if (str_check(v)) {
    if (str_length(v) != 1) {
      err_format(&exc::TypeError, "%%c requires an int or a unicode character, not a string of length %zd",
                 str_length(v));
      return false;
    }
    ch = str_char_at(v, 0);
  } else if (index_check(v)) {
    int overflow = 0;
    Ref<> iv = steal(number_index(v));
    if (!iv) return false;
    int64_t x = int_as_i64_overflow(iv.get(), &overflow);
    if (overflow || x < 0 || x > 0x10FFFF) {
      err_set_string(&exc::OverflowError, "%c arg not in range(0x110000)");
      return false;
    }
    ch = uint32_t(x);
  } else {
    err_format(&exc::TypeError, "%%c requires an int or a unicode character, not %.200s", v->type->tp_name);
    return false;
  }
  Ref<> s = steal(str_from_codepoint(ch));
  if (!s) return false;
  PctArg t = a;
  t.prec = -1;
  return emit_text(b, t, s.get());
}

Object* str_mod(Object* format, Object* args) {
  ssize n = str_length(format);
  int kind = str_kind(format);
  const void* d = str_data(format);
  Object* dict = nullptr;
  MappingMethods* mp = args->type->tp_as_mapping;
  if (mp && mp->mp_subscript && !tuple_check(args) && !str_check(args)) dict = args;
  // CPython's bookkeeping: a non-tuple argument is one value (argidx -2 -> -1).
  bool args_is_tuple = tuple_check(args);
  ssize arglen = args_is_tuple ? tuple_size(args) : -1;
  ssize argidx = args_is_tuple ? 0 : -2;
  auto next_arg = [&]() -> Object* {
    if (argidx < arglen) {
      argidx++;
      return arglen < 0 ? args : tuple_get(args, argidx - 1);
    }
    err_set_string(&exc::TypeError, "not enough arguments for format string");
    return nullptr;
  };
  StrBuilder b;
  ssize i = 0;
  while (i < n) {
    ssize j = i;
    while (j < n && str_read(kind, d, j) != '%') j++;
    if (j > i && !b.append_substr(format, i, j)) return nullptr;
    if (j >= n) break;
    ssize start = j;
    i = j + 1;
    if (i >= n) return err_string(&exc::ValueError, "incomplete format");
    uint32_t c = str_read(kind, d, i);
    if (c == '%') {
      if (!b.append_char('%')) return nullptr;
      i++;
      continue;
    }
    PctArg a;
    Ref<> keyed;  // value looked up by %(key)
    if (c == '(') {
      if (!dict) return err_string(&exc::TypeError, "format requires a mapping");
      ssize depth = 1, ks = ++i;
      while (i < n && depth) {
        uint32_t x = str_read(kind, d, i);
        if (x == '(') depth++;
        else if (x == ')') depth--;
        i++;
      }
      if (depth) return err_string(&exc::ValueError, "incomplete format key");
      Ref<> key = steal(str_substring(format, ks, i - 1));
      if (!key) return nullptr;
      keyed = steal(object_getitem(dict, key.get()));
      if (!keyed) return nullptr;
      arglen = -1;
      argidx = -1;
    }
    // flags
    for (; i < n; i++) {
      c = str_read(kind, d, i);
      if (c == '-') a.left = true;
      else if (c == '+') a.plus = true;
      else if (c == ' ') a.space = true;
      else if (c == '#') a.alt = true;
      else if (c == '0') a.zero = true;
      else break;
    }
    // '*' takes the width as a C ssize_t and the precision as a C int, as CPython.
    auto get_star = [&](ssize* out, bool is_precision) -> bool {
      Object* v = next_arg();
      if (!v) return false;
      if (!int_check(v)) { err_set_string(&exc::TypeError, "* wants int"); return false; }
      int overflow = 0;
      int64_t x = int_as_i64_overflow(v, &overflow);
      if (is_precision && (overflow || x > INT32_MAX || x < INT32_MIN)) {
        err_set_string(&exc::OverflowError, "Python int too large to convert to C int");
        return false;
      }
      if (overflow) {
        err_set_string(&exc::OverflowError, "Python int too large to convert to C ssize_t");
        return false;
      }
      *out = ssize(x);
      return true;
    };
    auto fetch = [&]() -> Object* { return keyed ? keyed.get() : next_arg(); };
    if (i < n && str_read(kind, d, i) == '*') {
      if (!get_star(&a.width, false)) return nullptr;
      if (a.width < 0) { a.left = true; a.width = -a.width; }
      i++;
    } else {
      while (i < n && (c = str_read(kind, d, i)) >= '0' && c <= '9') {
        if (a.width < 0) a.width = 0;
        if (a.width > (kSsizeMax - 9) / 10) return err_string(&exc::ValueError, "width too big");
        a.width = a.width * 10 + (c - '0');
        i++;
      }
    }
    if (i < n && str_read(kind, d, i) == '.') {
      i++;
      a.prec = 0;
      if (i < n && str_read(kind, d, i) == '*') {
        if (!get_star(&a.prec, true)) return nullptr;
        if (a.prec < 0) a.prec = 0;
        i++;
      } else {
        while (i < n && (c = str_read(kind, d, i)) >= '0' && c <= '9') {
          if (a.prec > (INT32_MAX - 9) / 10) return err_string(&exc::ValueError, "precision too big");
          a.prec = a.prec * 10 + (c - '0');
          i++;
        }
      }
    }
    // length modifiers are accepted and ignored
    while (i < n && ((c = str_read(kind, d, i)) == 'h' || c == 'l' || c == 'L')) i++;
    if (i >= n) return err_string(&exc::ValueError, "incomplete format");
    a.conv = str_read(kind, d, i++);
    Object* v = fetch();
    if (!v) return nullptr;
    bool ok;
    switch (a.conv) {
      case 's': case 'r': case 'a': {
        Ref<> s = steal(a.conv == 's' ? object_str(v) : a.conv == 'r' ? object_repr(v) : object_ascii(v));
        ok = s && emit_text(b, a, s.get());
        break;
      }
      case 'd': case 'i': case 'u': case 'x': case 'X': case 'o':
        ok = format_int_arg(b, a, v);
        break;
      case 'e': case 'E': case 'f': case 'F': case 'g': case 'G':
        ok = format_float_arg(b, a, v);
        break;
      case 'c':
        ok = format_char_arg(b, a, v);
        break;
      default:
        if (a.conv > 32 && a.conv < 127)
          err_format(&exc::ValueError, "unsupported format character '%c' (0x%x) at index %zd", int(a.conv),
                     unsigned(a.conv), i - 1);
        else
          err_format(&exc::ValueError, "unsupported format character '\\x%x' (0x%x) at index %zd", unsigned(a.conv),
                     unsigned(a.conv), i - 1);
        return nullptr;
    }
    (void)start;
    if (!ok) return nullptr;
  }
  if (argidx < arglen && !dict) {
    return err_string(&exc::TypeError, "not all arguments converted during string formatting");
  }
  return b.finish();
}

// ---------------------------------------------------------------------------
// str.__format__

static bool is_align_char(uint32_t c) { return c == '<' || c == '>' || c == '=' || c == '^'; }

Object* str_format_with_spec(Object* self, Object* spec) {
  // Empty spec: str() of the object, so a subclass's __str__ is honoured.
  if (str_length(spec) == 0) return str_check_exact(self) ? str_exact_copy(self) : object_str(self);
  FormatSpec fs;
  if (!format_spec_parse(spec, &fs, '<', "str")) return nullptr;
  if (fs.type != 0 && fs.type != 's') return format_unknown_code(fs.type, "str");
  if (fs.sign) return err_string(&exc::ValueError, "Sign not allowed in string format specifier");
  if (fs.no_neg_zero) return err_string(&exc::ValueError, "Negative zero coercion (z) not allowed in string format specifier");
  if (fs.alternate) return err_string(&exc::ValueError, "Alternate form (#) not allowed in string format specifier");
  if (fs.thousands) return err_format(&exc::ValueError, "Cannot specify '%c' with 's'.", fs.thousands);
  // The '0' flag only implies '=' alignment for numbers; str keeps its default.
  ssize sl = str_length(spec);
  bool explicit_align = (sl >= 2 && is_align_char(str_char_at(spec, 1))) || (sl >= 1 && is_align_char(str_char_at(spec, 0)));
  if (fs.align == '=' && !explicit_align) fs.align = '<';
  if (fs.align == '=') return err_string(&exc::ValueError, "'=' alignment not allowed in string format specifier");
  ssize len = str_length(self);
  if (fs.precision >= 0 && len > fs.precision) len = fs.precision;
  ssize pad = fs.width > len ? fs.width - len : 0;
  if (pad == 0 && len == str_length(self)) return str_exact_copy(self);
  ssize left = 0, right = 0;
  if (fs.align == '>') left = pad;
  else if (fs.align == '^') { left = pad / 2; right = pad - left; }
  else right = pad;
  uint32_t maxc = std::max(str_max_char_bound(self), fs.fill);
  Object* r = str_new(left + len + right, maxc);
  if (!r) return nullptr;
  int rk = str_kind(r);
  void* rd = str_data(r);
  for (ssize i = 0; i < left; i++) str_write(rk, rd, i, fs.fill);
  str_copy_chars(r, left, self, 0, len);
  for (ssize i = 0; i < right; i++) str_write(rk, rd, left + len + i, fs.fill);
  // Narrow if the fill or the truncation made the kind/ascii flag too wide.
  uint32_t m = str_max_char(r, 0, str_length(r));
  if (kind_for_maxchar(m) != rk || (m < 128) != bool(as_str(r)->ascii)) {
    Object* c = str_from_kind(rk, rd, str_length(r));
    decref(r);
    return c;
  }
  return r;
}

Object* str_dunder_format(Object* self, Object* spec) {
  if (!str_check(spec))
    return err_format(&exc::TypeError, "__format__() argument must be str, not %.50s", spec->type->tp_name);
  return str_format_with_spec(self, spec);
}

// ---------------------------------------------------------------------------
// str.format

namespace {
struct FormatCtx {
  Object* const* args;
  ssize nargs;
  Object* kwargs;    // dict, mapping (format_map) or null
  bool is_map;       // format_map: lookups through __getitem__
  int auto_state = 0;  // 0 unknown, 1 auto, 2 manual
  ssize auto_index = 0;
};

// Parses a non-negative decimal integer in s[a:b]; -1 if not all digits.
ssize get_integer(Object* s, ssize a, ssize b, bool* error) {
  *error = false;
  if (a >= b) return -1;
  ssize v = 0;
  for (ssize i = a; i < b; i++) {
    int dv = unicode_decimal_value(str_char_at(s, i));
    if (dv < 0) return -1;
    if (v > (kSsizeMax - dv) / 10) {
      err_set_string(&exc::ValueError, "Too many decimal digits in format string");
      *error = true;
      return -1;
    }
    v = v * 10 + dv;
  }
  return v;
}

Object* get_field_object(FormatCtx& ctx, Object* fmt, ssize a, ssize b) {
  ssize i = a;
  while (i < b) {
    uint32_t c = str_char_at(fmt, i);
    if (c == '.' || c == '[') break;
    i++;
  }
  bool err;
  ssize idx = get_integer(fmt, a, i, &err);
  if (err) return nullptr;
  Ref<> obj;
  if (a == i) {  // auto numbering
    if (ctx.auto_state == 2)
      return err_string(&exc::ValueError, "cannot switch from manual field specification to automatic field numbering");
    ctx.auto_state = 1;
    idx = ctx.auto_index++;
  } else if (idx >= 0) {
    if (ctx.auto_state == 1)
      return err_string(&exc::ValueError, "cannot switch from automatic field numbering to manual field specification");
    ctx.auto_state = 2;
  }
  if (idx >= 0) {
    if (idx >= ctx.nargs) {
      if (ctx.is_map) return err_string(&exc::ValueError, "Format string contains positional fields");
      return err_format(&exc::IndexError, "Replacement index %zd out of range for positional args tuple", idx);
    }
    obj = borrow(ctx.args[idx]);
  } else {
    Ref<> key = steal(str_substring(fmt, a, i));
    if (!key) return nullptr;
    if (!ctx.kwargs) {
      err_set_object(&exc::KeyError, key.get());
      return nullptr;
    }
    if (ctx.is_map) {
      obj = steal(object_getitem(ctx.kwargs, key.get()));
      if (!obj) return nullptr;
    } else {
      Object* v = dict_getitem(ctx.kwargs, key.get());
      if (!v) {
        if (err_occurred()) return nullptr;
        err_set_object(&exc::KeyError, key.get());
        return nullptr;
      }
      obj = borrow(v);
    }
  }
  // .attr and [key] chain
  while (i < b) {
    uint32_t c = str_char_at(fmt, i++);
    if (c == '.') {
      ssize s = i;
      while (i < b && str_char_at(fmt, i) != '.' && str_char_at(fmt, i) != '[') i++;
      if (s == i) return err_string(&exc::ValueError, "Empty attribute in format string");
      Ref<> name = steal(str_substring(fmt, s, i));
      if (!name) return nullptr;
      obj = steal(object_getattr(obj.get(), name.get()));
      if (!obj) return nullptr;
    } else if (c == '[') {
      ssize s = i;
      while (i < b && str_char_at(fmt, i) != ']') i++;
      if (i >= b) return err_string(&exc::ValueError, "Missing ']' in format string");
      if (s == i) return err_string(&exc::ValueError, "Empty attribute in format string");
      ssize k = get_integer(fmt, s, i, &err);
      if (err) return nullptr;
      Ref<> key = steal(k >= 0 ? int_from_ssize(k) : str_substring(fmt, s, i));
      if (!key) return nullptr;
      i++;  // ']'
      obj = steal(object_getitem(obj.get(), key.get()));
      if (!obj) return nullptr;
      if (i < b && str_char_at(fmt, i) != '.' && str_char_at(fmt, i) != '[')
        return err_string(&exc::ValueError, "Only '.' or '[' may follow ']' in format field specifier");
    } else {
      return err_string(&exc::ValueError, "Only '.' or '[' may follow ']' in format field specifier");
    }
  }
  return obj.release();
}

bool build_string(FormatCtx& ctx, Object* fmt, ssize start, ssize end, int depth, StrBuilder& out);

bool render_field(FormatCtx& ctx, Object* fmt, ssize name_a, ssize name_b, uint32_t conversion, ssize spec_a,
                  ssize spec_b, bool spec_expand, int depth, StrBuilder& out) {
  Ref<> obj = steal(get_field_object(ctx, fmt, name_a, name_b));
  if (!obj) return false;
  if (conversion) {
    Object* r;
    switch (conversion) {
      case 'r': r = object_repr(obj.get()); break;
      case 's': r = object_str(obj.get()); break;
      case 'a': r = object_ascii(obj.get()); break;
      default:
        if (conversion > 32 && conversion < 127)
          err_format(&exc::ValueError, "Unknown conversion specifier %c", int(conversion));
        else
          err_format(&exc::ValueError, "Unknown conversion specifier \\x%x", unsigned(conversion));
        return false;
    }
    if (!r) return false;
    obj = steal(r);
  }
  Ref<> spec;
  if (spec_expand) {
    StrBuilder sb;
    if (!build_string(ctx, fmt, spec_a, spec_b, depth - 1, sb)) return false;
    spec = steal(sb.finish());
  } else {
    spec = steal(str_substring(fmt, spec_a, spec_b));
  }
  if (!spec) return false;
  Ref<> res;
  if (str_check_exact(obj.get())) res = steal(str_format_with_spec(obj.get(), spec.get()));
  else res = steal(object_format(obj.get(), spec.get()));
  if (!res) return false;
  return out.append_str(res.get());
}

bool build_string(FormatCtx& ctx, Object* fmt, ssize start, ssize end, int depth, StrBuilder& out) {
  if (depth <= 0) {
    err_set_string(&exc::ValueError, "Max string recursion exceeded");
    return false;
  }
  ssize i = start;
  while (i < end) {
    // literal text
    ssize lit = i;
    uint32_t c = 0;
    bool markup = false;
    while (i < end) {
      c = str_char_at(fmt, i++);
      if (c == '{' || c == '}') { markup = true; break; }
    }
    bool at_end = i >= end;
    ssize litlen = i - lit;
    if (markup) {
      if (c == '}' && (at_end || str_char_at(fmt, i) != '}')) {
        err_set_string(&exc::ValueError, "Single '}' encountered in format string");
        return false;
      }
      if (at_end && c == '{') {
        err_set_string(&exc::ValueError, "Single '{' encountered in format string");
        return false;
      }
      if (str_char_at(fmt, i) == c) { i++; markup = false; }
      else litlen--;
    }
    if (litlen > 0 && !out.append_substr(fmt, lit, lit + litlen)) return false;
    if (!markup) continue;
    // parse field
    ssize name_a = i;
    c = 0;
    while (i < end) {
      c = str_char_at(fmt, i++);
      if (c == '{') { err_set_string(&exc::ValueError, "unexpected '{' in field name"); return false; }
      if (c == '[') {
        while (i < end && str_char_at(fmt, i) != ']') i++;
        c = 0;
        continue;
      }
      if (c == '}' || c == ':' || c == '!') break;
      c = 0;
    }
    ssize name_b = i - 1;
    uint32_t conversion = 0;
    ssize spec_a = i, spec_b = i;
    bool spec_expand = false;
    if (c == '!' || c == ':') {
      bool done = false;
      if (c == '!') {
        if (i >= end) {
          err_set_string(&exc::ValueError, "end of string while looking for conversion specifier");
          return false;
        }
        conversion = str_char_at(fmt, i++);
        if (i < end) {
          uint32_t c2 = str_char_at(fmt, i++);
          if (c2 == '}') { done = true; spec_a = spec_b = i - 1; }
          else if (c2 != ':') {
            err_set_string(&exc::ValueError, "expected ':' after conversion specifier");
            return false;
          }
        }
      }
      if (!done) {
        spec_a = i;
        int count = 1;
        bool closed = false;
        while (i < end) {
          uint32_t c3 = str_char_at(fmt, i++);
          if (c3 == '{') { spec_expand = true; count++; }
          else if (c3 == '}') {
            if (--count == 0) { spec_b = i - 1; closed = true; break; }
          }
        }
        if (!closed) {
          err_set_string(&exc::ValueError, "unmatched '{' in format spec");
          return false;
        }
      }
    } else if (c != '}') {
      err_set_string(&exc::ValueError, "expected '}' before end of string");
      return false;
    }
    if (!render_field(ctx, fmt, name_a, name_b, conversion, spec_a, spec_b, spec_expand, depth, out)) return false;
  }
  return true;
}
}  // namespace

Object* str_format_method(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  Ref<> kwargs;
  if (kwnames && tuple_size(kwnames)) {
    kwargs = steal(dict_new());
    if (!kwargs) return nullptr;
    for (ssize i = 0; i < tuple_size(kwnames); i++)
      if (dict_setitem(kwargs.get(), tuple_get(kwnames, i), args[nargs + i]) < 0) return nullptr;
  }
  FormatCtx ctx{args, nargs, kwargs.get(), false};
  StrBuilder out;
  if (!build_string(ctx, self, 0, str_length(self), 2, out)) return nullptr;
  return out.finish();
}

Object* str_format_map_method(Object* self, Object* mapping) {
  FormatCtx ctx{nullptr, 0, mapping, true};
  StrBuilder out;
  if (!build_string(ctx, self, 0, str_length(self), 2, out)) return nullptr;
  return out.finish();
}

}  // namespace pyxx
