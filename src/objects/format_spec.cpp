// Format-spec mini-language (see format_spec.h). Behaviour follows CPython's
// formatter_unicode.c: [[fill]align][sign]["z"]["#"]["0"][width][grouping]
// ["." [precision][grouping]][type].
#include "objects/format_spec.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "core/error.h"
#include "objects/exceptions.h"
#include "objects/str.h"
#include "objects/float.h"

namespace pyxx {

static bool is_align(uint32_t c) { return c == '<' || c == '>' || c == '=' || c == '^'; }

std::nullptr_t format_unknown_code(uint32_t type, const char* tn) {
  if (type > 32 && type < 127)
    return err_format(&exc::ValueError, "Unknown format code '%c' for object of type '%.200s'", int(type), tn);
  return err_format(&exc::ValueError, "Unknown format code '\\x%x' for object of type '%.200s'", unsigned(type), tn);
}

bool format_spec_parse(Object* spec, FormatSpec* out, char default_align, const char* tn) {
  *out = FormatSpec();
  ssize n = str_length(spec);
  ssize i = 0;
  auto at = [&](ssize k) -> uint32_t { return k < n ? str_char_at(spec, k) : 0; };
  if (n >= 2 && is_align(at(1))) {
    out->fill = at(0); out->align = char(at(1)); out->fill_given = true; i = 2;
  } else if (n >= 1 && is_align(at(0))) {
    out->align = char(at(0)); i = 1;
  }
  if (i < n && (at(i) == '+' || at(i) == '-' || at(i) == ' ')) { out->sign = char(at(i)); ++i; }
  if (i < n && at(i) == 'z') { out->no_neg_zero = true; ++i; }
  if (i < n && at(i) == '#') { out->alternate = true; ++i; }
  if (i < n && at(i) == '0') {
    if (!out->fill_given) { out->fill = '0'; out->fill_given = true; }
    if (!out->align) out->align = '=';
    ++i;
  }
  auto read_int = [&](ssize* result) -> int {  // returns digits consumed, -1 on overflow
    ssize start = i, v = 0;
    while (i < n && at(i) >= '0' && at(i) <= '9') {
      if (v > (kSsizeMax - 9) / 10) {
        err_set_string(&exc::ValueError, "Too many decimal digits in format string");
        return -1;
      }
      v = v * 10 + (at(i) - '0');
      ++i;
    }
    *result = v;
    return int(i - start);
  };
  ssize w;
  int nd = read_int(&w);
  if (nd < 0) return false;
  if (nd > 0) out->width = w;
  if (i < n && at(i) == ',') { out->thousands = ','; ++i; }
  if (i < n && at(i) == '_') {
    if (out->thousands) { err_set_string(&exc::ValueError, "Cannot specify both ',' and '_'."); return false; }
    out->thousands = '_'; ++i;
  }
  if (i < n && at(i) == ',' && out->thousands == '_') {
    err_set_string(&exc::ValueError, "Cannot specify both ',' and '_'."); return false;
  }
  if (i < n && at(i) == '.') {
    ++i;
    ssize p;
    nd = read_int(&p);
    if (nd < 0) return false;
    if (nd > 0) out->precision = p;
    if (i < n && (at(i) == ',' || at(i) == '_')) { out->frac_thousands = char(at(i)); ++i;
      if (i < n && (at(i) == ',' || at(i) == '_')) {
        err_set_string(&exc::ValueError, "Cannot specify both ',' and '_'."); return false;
      }
    }
    if (nd == 0 && !out->frac_thousands) {
      err_set_string(&exc::ValueError, "Format specifier missing precision");
      return false;
    }
  }
  if (n - i > 1) {
    Object* s = spec;
    err_format(&exc::ValueError, "Invalid format specifier '%U' for object of type '%.200s'", s, tn);
    return false;
  }
  if (i < n) out->type = at(i);
  if (!out->align) out->align = default_align;
  if (out->thousands) {
    uint32_t t = out->type;
    bool ok;
    if (out->thousands == ',')
      ok = t == 0 || t == 'd' || t == 'e' || t == 'f' || t == 'g' || t == 'E' || t == 'G' || t == '%' || t == 'F';
    else
      ok = t == 0 || t == 'd' || t == 'e' || t == 'f' || t == 'g' || t == 'E' || t == 'G' || t == '%' || t == 'F' ||
           t == 'b' || t == 'o' || t == 'x' || t == 'X';
    if (!ok) {
      if (t > 32 && t < 127)
        err_format(&exc::ValueError, "Cannot specify '%c' with '%c'.", out->thousands, int(t));
      else
        err_format(&exc::ValueError, "Cannot specify '%c' with '\\x%x'.", out->thousands, unsigned(t));
      return false;
    }
  }
  return true;
}

static bool append_fill(StrBuilder& b, uint32_t fill, ssize n) { return b.append_repeat(fill, n); }

Object* format_pad(std::string_view body, ssize len, const FormatSpec& spec) {
  ssize pad = spec.width > len ? spec.width - len : 0;
  if (pad == 0) return str_from_utf8(body.data(), ssize(body.size()));
  ssize left = 0, right = 0;
  switch (spec.align) {
    case '>': case '=': left = pad; break;
    case '^': left = pad / 2; right = pad - left; break;
    default: right = pad; break;
  }
  StrBuilder b;
  if (!append_fill(b, spec.fill, left) || !b.append_utf8(body) || !append_fill(b, spec.fill, right)) return nullptr;
  return b.finish();
}

Object* format_number(const FormatSpec& spec, std::string_view sign, std::string_view prefix,
                      std::string_view digits, std::string_view rest, int group) {
  ssize fixed = ssize(sign.size() + prefix.size() + rest.size());
  std::string grouped;
  bool zero_fill = spec.align == '=' && spec.fill == '0';
  ssize min_digits = 0;
  if (zero_fill && spec.width > fixed) min_digits = spec.width - fixed;
  // The digits are built in a std::string: a width that cannot be allocated
  // is a MemoryError here rather than std::bad_alloc.
  if (min_digits > kSsizeMax / 8) return err_no_memory();
  if (spec.thousands) {
    // Build right-to-left; separators only ever precede a digit.
    std::string r;
    ssize nd = ssize(digits.size()), k = 0, count = 0;
    while (k < nd || ssize(r.size()) < min_digits) {
      if (count == group) { r.push_back(spec.thousands); count = 0; }
      r.push_back(k < nd ? digits[nd - 1 - k] : '0');
      ++k; ++count;
    }
    grouped.assign(r.rbegin(), r.rend());
  } else {
    grouped.assign(digits);
    if (ssize(grouped.size()) < min_digits) grouped.insert(0, size_t(min_digits - ssize(grouped.size())), '0');
  }
  ssize total = fixed + ssize(grouped.size());
  ssize pad = spec.width > total ? spec.width - total : 0;
  ssize left = 0, mid = 0, right = 0;
  switch (spec.align) {
    case '<': right = pad; break;
    case '^': left = pad / 2; right = pad - left; break;
    case '=': mid = pad; break;
    default: left = pad; break;
  }
  StrBuilder b;
  if (!append_fill(b, spec.fill, left) || !b.append_ascii(sign) || !b.append_ascii(prefix) ||
      !append_fill(b, spec.fill, mid) || !b.append_ascii(grouped) || !b.append_ascii(rest) ||
      !append_fill(b, spec.fill, right))
    return nullptr;
  return b.finish();
}

static std::string cfmt(const char* f, int prec, double v) {
  char small[128];
  int n = std::snprintf(small, sizeof small, f, prec, v);
  if (n < int(sizeof small)) return std::string(small, size_t(n));
  std::string s(size_t(n) + 1, '\0');
  std::snprintf(s.data(), s.size(), f, prec, v);
  s.resize(size_t(n));
  return s;
}

std::string format_double_body(double v, char type, int precision, bool alternate, bool* neg) {
  *neg = std::signbit(v) && !std::isnan(v);
  double a = std::fabs(v);
  bool upper = type == 'E' || type == 'F' || type == 'G';
  std::string s;
  if (std::isnan(a) || std::isinf(a)) {
    s = std::isnan(a) ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf");
    if (type == '%') s += '%';
    return s;
  }
  switch (type) {
    case 'e': case 'E':
      s = cfmt(alternate ? "%#.*e" : "%.*e", precision < 0 ? 6 : precision, a); break;
    case 'f': case 'F':
      s = cfmt(alternate ? "%#.*f" : "%.*f", precision < 0 ? 6 : precision, a); break;
    case '%':
      s = cfmt(alternate ? "%#.*f" : "%.*f", precision < 0 ? 6 : precision, a * 100) + "%"; break;
    case 'g': case 'G': case 'n': {
      int p = precision < 0 ? 6 : precision == 0 ? 1 : precision;
      s = cfmt(alternate ? "%#.*g" : "%.*g", p, a); break;
    }
    case 0: {
      if (precision < 0) {
        s = float_repr_string(a);
        // '#' keeps a decimal point in exponent form too ("1.e+16").
        size_t e = s.find('e');
        if (alternate && e != std::string::npos && s.find('.') == std::string::npos) s.insert(e, ".");
        break;
      }
      // 'g' with CPython's add-dot-0 rule: the switch to exponent notation
      // happens one digit earlier (decpt > precision - 1), and integral
      // fixed-point results get ".0".
      int p = precision == 0 ? 1 : precision;
      std::string e = cfmt("%.*e", p - 1, a);  // d.ddd e+XX, correctly rounded
      size_t epos = e.find('e');
      int exp10 = std::atoi(e.c_str() + epos + 1);
      std::string digits;
      for (size_t i = 0; i < epos; ++i) if (e[i] != '.') digits.push_back(e[i]);
      int decpt = exp10 + 1;
      if (!alternate) while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
      if (decpt <= -4 || decpt > p - 1) {
        s = digits.substr(0, 1);
        if (digits.size() > 1 || alternate) s += "." + digits.substr(1);
        char eb[16];
        std::snprintf(eb, sizeof eb, "e%c%02d", exp10 < 0 ? '-' : '+', exp10 < 0 ? -exp10 : exp10);
        s += eb;
      } else if (decpt <= 0) {
        s = "0." + std::string(size_t(-decpt), '0') + digits;
      } else if (size_t(decpt) >= digits.size()) {
        s = digits + std::string(size_t(decpt) - digits.size(), '0') + ".0";
      } else {
        s = digits.substr(0, size_t(decpt)) + "." + digits.substr(size_t(decpt));
      }
      break;
    }
    default: {  // 'r'
      s = float_repr_string(a);
      size_t e = s.find('e');
      if (alternate && e != std::string::npos && s.find('.') == std::string::npos) s.insert(e, ".");
      break;
    }
  }
  if (upper)
    for (auto& c : s) if (c >= 'a' && c <= 'z') c = char(c - 32);
  return s;
}

}  // namespace pyxx
