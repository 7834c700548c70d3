// float: IEEE double with CPython 3.14's semantics. repr is the shortest
// round-trip text (std::to_chars) laid out by float_repr's rules; parsing
// follows Python's float syntax; comparisons with int are exact; hashing is
// _Py_HashDouble's algorithm so hash(x) == hash(int(x)) for integral x.
#include "objects/float.h"

#include <gmp.h>

#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <cstring>

#include "core/abstract.h"
#include "core/alloc.h"
#include "core/error.h"
#include "objects/bytes.h"
#include "objects/complex.h"
#include "objects/dict.h"
#include "objects/exceptions.h"
#include "objects/format_spec.h"
#include "objects/int.h"
#include "objects/method.h"
#include "objects/num_args.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"

namespace pyxx {

Type FloatType;

static constexpr int kFreeListMax = 128;
static thread_local FloatObject* free_list[kFreeListMax];
static thread_local int free_count = 0;

Object* float_from_double(double v) {
  FloatObject* o;
  if (free_count > 0) {
    o = free_list[--free_count];
    o->refcnt = 1;
    o->type = &FloatType;
  } else {
    o = static_cast<FloatObject*>(object_alloc(&FloatType, sizeof(FloatObject)));
    if (!o) return nullptr;
  }
  o->value = v;
  return o;
}

static void float_dealloc(Object* op) {
  if (op->type == &FloatType && free_count < kFreeListMax) {
    free_list[free_count++] = static_cast<FloatObject*>(op);
    return;
  }
  Type* t = op->type;
  if (t->tp_free) t->tp_free(op); else object_free(op);
}

// ---------------------------------------------------------------- repr
std::string float_repr_string(double v) {
  if (std::isnan(v)) return "nan";
  if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
  char buf[64];
  auto r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::scientific);
  // buf: [-]d[.ddd]e[+-]xx
  std::string out;
  const char* p = buf;
  if (*p == '-') { out.push_back('-'); ++p; }
  std::string digits;
  while (p < r.ptr && *p != 'e') { if (*p != '.') digits.push_back(*p); ++p; }
  *r.ptr = 0;
  int exp10 = std::atoi(p + 1);
  int decpt = exp10 + 1;  // value = 0.DIGITS * 10**decpt
  int nd = int(digits.size());
  if (decpt > -4 && decpt <= 16) {
    if (decpt <= 0) {
      out += "0.";
      out.append(size_t(-decpt), '0');
      out += digits;
    } else if (decpt >= nd) {
      out += digits;
      out.append(size_t(decpt - nd), '0');
      out += ".0";
    } else {
      out.append(digits, 0, size_t(decpt));
      out.push_back('.');
      out.append(digits, size_t(decpt), std::string::npos);
    }
  } else {
    out.push_back(digits[0]);
    if (nd > 1) { out.push_back('.'); out.append(digits, 1, std::string::npos); }
    int e = decpt - 1;
    char eb[16];
    std::snprintf(eb, sizeof eb, "e%c%02d", e < 0 ? '-' : '+', e < 0 ? -e : e);
    out += eb;
  }
  return out;
}

static Object* float_repr(Object* self) {
  std::string s = float_repr_string(float_value(self));
  return str_from_utf8(s.data(), ssize(s.size()));
}

// ---------------------------------------------------------------- parsing
static bool is_space(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

static bool ieq(const char* p, size_t n, const char* word) {
  if (std::strlen(word) != n) return false;
  for (size_t i = 0; i < n; ++i)
    if ((p[i] | 0x20) != word[i]) return false;
  return true;
}

// Parses Python float syntax; returns false when invalid.
static bool parse_double(std::string_view text, double* out) {
  const char* p = text.data();
  const char* end = p + text.size();
  while (p < end && is_space((unsigned char)*p)) ++p;
  while (end > p && is_space((unsigned char)end[-1])) --end;
  bool neg = false;
  if (p < end && (*p == '+' || *p == '-')) { neg = *p == '-'; ++p; }
  size_t n = size_t(end - p);
  if (ieq(p, n, "inf") || ieq(p, n, "infinity")) { *out = neg ? -HUGE_VAL : HUGE_VAL; return true; }
  if (ieq(p, n, "nan")) { *out = neg ? -NAN : NAN; return true; }
  std::string clean;
  clean.reserve(n + 1);
  if (neg) clean.push_back('-');
  // digits [. digits] [(e|E) [sign] digits]; '_' only between digits.
  bool any_digit = false;
  auto read_digits = [&](bool* got) {
    bool prev_digit = false;
    *got = false;
    while (p < end) {
      if (*p >= '0' && *p <= '9') { clean.push_back(*p); prev_digit = true; *got = true; ++p; }
      else if (*p == '_' && prev_digit && p + 1 < end && p[1] >= '0' && p[1] <= '9') { prev_digit = false; ++p; }
      else break;
    }
  };
  bool got;
  read_digits(&got);
  any_digit |= got;
  if (p < end && *p == '.') {
    clean.push_back('.');
    ++p;
    read_digits(&got);
    any_digit |= got;
  }
  if (!any_digit) return false;
  if (p < end && (*p == 'e' || *p == 'E')) {
    clean.push_back('e');
    ++p;
    if (p < end && (*p == '+' || *p == '-')) clean.push_back(*p++);
    read_digits(&got);
    if (!got) return false;
  }
  if (p != end) return false;
  errno = 0;
  *out = std::strtod(clean.c_str(), nullptr);
  return true;
}

static Object* float_from_text(std::string_view text, Object* orig) {
  double d;
  if (!parse_double(text, &d) || std::memchr(text.data(), 0, text.size())) {
    if (orig) return err_format(&exc::ValueError, "could not convert string to float: %R", orig);
    Ref<> s = steal(str_from_utf8(text.data(), ssize(text.size())));
    if (!s) return nullptr;
    return err_format(&exc::ValueError, "could not convert string to float: %R", s.get());
  }
  return float_from_double(d);
}

Object* float_from_string(std::string_view text) { return float_from_text(text, nullptr); }

static Object* float_from_str_object(Object* s) {
  if (!static_cast<StrObject*>(s)->ascii) {
    std::string t = numargs::ascii_digits(s);
    return float_from_text(t, s);
  }
  ssize len;
  const char* u = str_as_utf8(s, &len);
  if (!u) {
    err_clear();
    return err_format(&exc::ValueError, "could not convert string to float: %R", s);
  }
  return float_from_text(std::string_view(u, size_t(len)), s);
}

double float_as_double(Object* o) {
  if (float_check(o)) return float_value(o);
  Type* t = o->type;
  if (t->tp_as_number && t->tp_as_number->nb_float) {
    Ref<> r = steal(t->tp_as_number->nb_float(o));
    if (!r) return -1.0;
    if (!float_check(r.get())) {
      err_format(&exc::TypeError, "%.50s.__float__ returned non-float (type %.50s)", type_name(t), type_name(r->type));
      return -1.0;
    }
    return float_value(r.get());
  }
  if (t->tp_as_number && t->tp_as_number->nb_index) {
    Ref<> i = steal(number_index(o));
    if (!i) return -1.0;
    return int_as_double(i.get());
  }
  err_format(&exc::TypeError, "must be real number, not %.50s", type_name(t));
  return -1.0;
}

// ---------------------------------------------------------------- hashing
static constexpr uint64_t kHashModulus = (uint64_t(1) << 61) - 1;

Hash float_hash_value(double v) {
  if (std::isinf(v)) return v > 0 ? 314159 : -314159;
  if (std::isnan(v)) return 0;
  int e;
  double m = std::frexp(v, &e);
  int sign = 1;
  if (m < 0) { sign = -1; m = -m; }
  uint64_t x = 0;
  while (m) {
    x = ((x << 28) & kHashModulus) | x >> (61 - 28);
    m *= 268435456.0;
    e -= 28;
    uint64_t y = uint64_t(m);
    m -= double(y);
    x += y;
    if (x >= kHashModulus) x -= kHashModulus;
  }
  e = e >= 0 ? e % 61 : 61 - 1 - ((-1 - e) % 61);
  x = ((x << e) & kHashModulus) | x >> (61 - e);
  int64_t h = int64_t(x) * sign;
  return h == -1 ? -2 : Hash(h);
}

static Hash float_hash(Object* self) {
  double v = float_value(self);
  if (std::isnan(v)) {
    // 3.10+: nan hashes by identity (_Py_HashPointer: rotate by 4).
    uintptr_t y = reinterpret_cast<uintptr_t>(self);
    y = (y >> 4) | (y << (8 * sizeof(y) - 4));
    Hash h = Hash(y);
    return h == -1 ? -2 : h;
  }
  return float_hash_value(v);
}

// ---------------------------------------------------------------- arithmetic
int float_convert_operand(Object* o, double* out) {
  // Exact float and int first: float_check on other types walks the MRO.
  if (float_check_exact(o)) { *out = float_value(o); return 1; }
  if (int_check(o)) {
    if (int_is_compact(o)) {
      *out = double(int_compact_value(o));
      return 1;
    }
    *out = int_as_double(o);
    if (*out == -1.0 && err_occurred()) return -1;
    return 1;
  }
  if (float_check(o)) { *out = float_value(o); return 1; }
  return 0;
}

#define CONVERT_BINOP(a, b, x, y)                       \
  double x, y;                                          \
  {                                                     \
    int ra = float_convert_operand(a, &x);              \
    if (ra <= 0) return ra < 0 ? nullptr : new_ref(NotImplemented); \
    int rb = float_convert_operand(b, &y);              \
    if (rb <= 0) return rb < 0 ? nullptr : new_ref(NotImplemented); \
  }

static Object* float_add(Object* a, Object* b) { CONVERT_BINOP(a, b, x, y); return float_from_double(x + y); }
static Object* float_sub(Object* a, Object* b) { CONVERT_BINOP(a, b, x, y); return float_from_double(x - y); }
static Object* float_mul(Object* a, Object* b) { CONVERT_BINOP(a, b, x, y); return float_from_double(x * y); }
static Object* float_div(Object* a, Object* b) {
  CONVERT_BINOP(a, b, x, y);
  if (y == 0.0) return err_string(&exc::ZeroDivisionError, "division by zero");
  return float_from_double(x / y);
}

static void divmod_doubles(double vx, double wx, double* floordiv, double* mod) {
  double m = std::fmod(vx, wx);
  double div = (vx - m) / wx;
  if (m) {
    if ((wx < 0) != (m < 0)) { m += wx; div -= 1.0; }
  } else {
    m = std::copysign(0.0, wx);
  }
  double fd;
  if (div) {
    fd = std::floor(div);
    if (div - fd > 0.5) fd += 1.0;
  } else {
    fd = std::copysign(0.0, vx / wx);
  }
  *floordiv = fd;
  *mod = m;
}

static Object* float_mod(Object* a, Object* b) {
  CONVERT_BINOP(a, b, x, y);
  if (y == 0.0) return err_string(&exc::ZeroDivisionError, "division by zero");
  double m = std::fmod(x, y);
  if (m) {
    if ((y < 0) != (m < 0)) m += y;
  } else {
    m = std::copysign(0.0, y);
  }
  return float_from_double(m);
}
static Object* float_floordiv(Object* a, Object* b) {
  CONVERT_BINOP(a, b, x, y);
  if (y == 0.0) return err_string(&exc::ZeroDivisionError, "division by zero");
  double q, m;
  divmod_doubles(x, y, &q, &m);
  return float_from_double(q);
}
static Object* float_divmod(Object* a, Object* b) {
  CONVERT_BINOP(a, b, x, y);
  if (y == 0.0) return err_string(&exc::ZeroDivisionError, "division by zero");
  double q, m;
  divmod_doubles(x, y, &q, &m);
  Object* t = tuple_new(2);
  if (!t) return nullptr;
  Object* qo = float_from_double(q);
  Object* mo = qo ? float_from_double(m) : nullptr;
  if (!mo) { xdecref(qo); decref(t); return nullptr; }
  tuple_init_item(t, 0, qo);
  tuple_init_item(t, 1, mo);
  return t;
}

static bool is_odd_integer(double w) { return std::fmod(std::fabs(w), 2.0) == 1.0; }

Object* float_pow(Object* a, Object* b, Object* mod) {
  if (mod && mod != None)
    return err_string(&exc::TypeError, "pow() 3rd argument not allowed unless all arguments are integers");
  CONVERT_BINOP(a, b, iv, iw);
  if (iw == 0) return float_from_double(1.0);
  if (std::isnan(iv)) return float_from_double(iv);
  if (std::isnan(iw)) return float_from_double(iv == 1.0 ? 1.0 : iw);
  if (std::isinf(iw)) {
    double av = std::fabs(iv);
    if (av == 1.0) return float_from_double(1.0);
    if ((av > 1.0) == (iw > 0)) return float_from_double(std::fabs(iw));
    return float_from_double(0.0);
  }
  bool odd = is_odd_integer(iw);
  if (std::isinf(iv)) {
    if (iw > 0) return float_from_double(odd ? iv : std::fabs(iv));
    return float_from_double(odd ? std::copysign(0.0, iv) : 0.0);
  }
  if (iv == 0.0) {
    if (iw < 0) return err_string(&exc::ZeroDivisionError, "zero to a negative power");
    return float_from_double(odd ? iv : 0.0);
  }
  bool negate = false;
  if (iv < 0.0) {
    if (iw != std::floor(iw)) {
      // Negative base to a fractional power gives a complex result.
      Ref<> ca = steal(complex_from_doubles(iv, 0.0));
      Ref<> cb = steal(complex_from_doubles(iw, 0.0));
      if (!ca || !cb) return nullptr;
      return ComplexType.tp_as_number->nb_power(ca.get(), cb.get(), None);
    }
    iv = -iv;
    negate = odd;
  }
  if (iv == 1.0) return float_from_double(negate ? -1.0 : 1.0);
  errno = 0;
  double r = std::pow(iv, iw);
  if (negate) r = -r;
  if (std::isinf(r)) {
    Ref<> args = steal(tuple_pack({int_from_i64(34), str_from_cstr("Numerical result out of range")}));
    // tuple_pack does not steal: drop the temporaries' extra references.
    if (args) { decref(tuple_get(args.get(), 0)); decref(tuple_get(args.get(), 1)); }
    if (args) err_set_object(&exc::OverflowError, args.get());
    return nullptr;
  }
  return float_from_double(r);
}
static Object* float_nb_pow(Object* a, Object* b, Object* m) { return float_pow(a, b, m); }

static Object* float_neg(Object* a) { return float_from_double(-float_value(a)); }
static Object* float_pos(Object* a) { return float_from_double(float_value(a)); }
static Object* float_abs(Object* a) { return float_from_double(std::fabs(float_value(a))); }
static int float_bool(Object* a) { return float_value(a) != 0.0; }
static Object* float_int(Object* a) { return int_from_double(float_value(a)); }
static Object* float_float(Object* a) {
  if (float_check_exact(a)) return new_ref(a);
  return float_from_double(float_value(a));
}

static Object* float_richcompare(Object* a, Object* b, int op) {
  double x = float_value(a);
  int c;  // -1, 0, 1, 2 = unordered
  if (float_check_exact(b)) {
    double y = float_value(b);
    c = (std::isnan(x) || std::isnan(y)) ? 2 : x < y ? -1 : x > y;
  } else if (int_check(b)) {
    int r = int_compare_double(b, x);  // compares b with x
    c = r == 2 ? 2 : -r;
  } else if (float_check(b)) {
    double y = float_value(b);
    c = (std::isnan(x) || std::isnan(y)) ? 2 : x < y ? -1 : x > y;
  } else {
    return new_ref(NotImplemented);
  }
  bool res;
  if (c == 2) res = op == kNE;
  else switch (op) {
    case kLT: res = c < 0; break;
    case kLE: res = c <= 0; break;
    case kEQ: res = c == 0; break;
    case kNE: res = c != 0; break;
    case kGT: res = c > 0; break;
    default: res = c >= 0; break;
  }
  return bool_from(res);
}

// ---------------------------------------------------------------- construction
static Object* float_subtype_new(Type* type, double v) {
  Object* o = type->tp_alloc ? type->tp_alloc(type, 0) : type_generic_alloc(type, 0);
  if (!o) return nullptr;
  static_cast<FloatObject*>(o)->value = v;
  return o;
}

static Object* float_from_any(Object* x) {
  if (float_check_exact(x)) return new_ref(x);
  if (str_check(x)) return float_from_str_object(x);
  Type* t = x->type;
  if (!(t->tp_as_number && (t->tp_as_number->nb_float || t->tp_as_number->nb_index))) {
    const char* data;
    ssize len;
    if (bytes_like_view(x, &data, &len)) return float_from_text(std::string_view(data, size_t(len)), x);
  }
  if ((t->tp_as_number && (t->tp_as_number->nb_float || t->tp_as_number->nb_index)) || float_check(x)) {
    double d = float_as_double(x);
    if (d == -1.0 && err_occurred()) return nullptr;
    return float_from_double(d);
  }
  return err_format(&exc::TypeError, "float() argument must be a string or a real number, not '%.200s'", type_name(t));
}

static Object* float_tp_new(Type* type, Object* args, Object* kwds) {
  if (kwds && dict_size(kwds) > 0) return err_string(&exc::TypeError, "float() takes no keyword arguments");
  ssize n = args ? tuple_size(args) : 0;
  if (n > 1) return err_format(&exc::TypeError, "float expected at most 1 argument, got %zd", n);
  Ref<> r = steal(n == 0 ? float_from_double(0.0) : float_from_any(tuple_get(args, 0)));
  if (!r || type == &FloatType) return r.release();
  return float_subtype_new(type, float_value(r.get()));
}

static Object* float_vectorcall(Object* callable, Object* const* args, size_t nargsf, Object* kwnames) {
  if (kwnames && tuple_size(kwnames) > 0) return err_string(&exc::TypeError, "float() takes no keyword arguments");
  ssize n = vectorcall_nargs(nargsf);
  if (n > 1) return err_format(&exc::TypeError, "float expected at most 1 argument, got %zd", n);
  Ref<> r = steal(n == 0 ? float_from_double(0.0) : float_from_any(args[0]));
  Type* type = static_cast<Type*>(callable);
  if (!r || type == &FloatType) return r.release();
  return float_subtype_new(type, float_value(r.get()));
}

// ---------------------------------------------------------------- methods
static Object* float_is_integer(Object* self, Object*) {
  double v = float_value(self);
  if (!std::isfinite(v)) return new_ref(False);
  return bool_from(std::floor(v) == v);
}

static Object* float_as_integer_ratio(Object* self, Object*) {
  double v = float_value(self);
  if (std::isinf(v)) return err_string(&exc::OverflowError, "cannot convert Infinity to integer ratio");
  if (std::isnan(v)) return err_string(&exc::ValueError, "cannot convert NaN to integer ratio");
  int e;
  double m = std::frexp(v, &e);
  for (int i = 0; i < 300 && m != std::floor(m); ++i) { m *= 2.0; e--; }
  mpz_t num, den;
  mpz_init_set_d(num, m);
  mpz_init_set_ui(den, 1);
  if (e > 0) mpz_mul_2exp(num, num, mp_bitcnt_t(e));
  else mpz_mul_2exp(den, den, mp_bitcnt_t(-e));
  Ref<> n = steal(int_from_mpz_copy(num));
  Ref<> d = steal(int_from_mpz_copy(den));
  mpz_clear(num);
  mpz_clear(den);
  if (!n || !d) return nullptr;
  return tuple_pack({n.get(), d.get()});
}

static Object* float_conjugate(Object* self, Object*) { return float_float(self); }
static Object* float_trunc_m(Object* self, Object*) { return int_from_double(float_value(self)); }
static Object* float_floor_m(Object* self, Object*) { return int_from_double(std::floor(float_value(self))); }
static Object* float_ceil_m(Object* self, Object*) { return int_from_double(std::ceil(float_value(self))); }
static Object* float_getnewargs(Object* self, Object*) {
  Ref<> f = steal(float_from_double(float_value(self)));
  if (!f) return nullptr;
  return tuple_pack({f.get()});
}

// Exact rounding of x to ndigits decimal places (half-even on the exact binary
// value), then correctly rounded back to double: what CPython's dtoa-based
// double_round computes.
static Object* round_to_digits(double x, int64_t ndigits) {
  if (!std::isfinite(x) || x == 0.0) return float_from_double(x);
  if (ndigits > 323) return float_from_double(x);
  if (ndigits < -308) return float_from_double(0.0 * x);
  int e;
  double m = std::frexp(x, &e);
  // x = M * 2**E with integral M
  for (int i = 0; i < 60 && m != std::floor(m); ++i) { m *= 2.0; e--; }
  mpz_t M, num, den, q, r, p10;
  mpz_inits(M, num, den, q, r, p10, nullptr);
  mpz_set_d(M, m);
  mpz_abs(M, M);
  mpz_ui_pow_ui(p10, 10, (unsigned long)(ndigits < 0 ? -ndigits : ndigits));
  // value * 10**nd = M * 2**e * 10**nd = num / den
  mpz_set(num, M);
  mpz_set_ui(den, 1);
  if (e >= 0) mpz_mul_2exp(num, num, mp_bitcnt_t(e)); else mpz_mul_2exp(den, den, mp_bitcnt_t(-e));
  if (ndigits >= 0) mpz_mul(num, num, p10); else mpz_mul(den, den, p10);
  mpz_fdiv_qr(q, r, num, den);
  mpz_mul_2exp(r, r, 1);
  int c = mpz_cmp(r, den);
  if (c > 0 || (c == 0 && mpz_odd_p(q))) mpz_add_ui(q, q, 1);
  if (x < 0) mpz_neg(q, q);
  Ref<> qi = steal(int_from_mpz_copy(q));
  Ref<> pi = steal(int_from_mpz_copy(p10));
  mpz_clears(M, num, den, q, r, p10, nullptr);
  if (!qi || !pi) return nullptr;
  Ref<> res;
  if (ndigits >= 0) res = steal(int_true_divide(qi.get(), pi.get()));
  else {
    Ref<> prod = steal(int_mul(qi.get(), pi.get()));
    if (!prod) return nullptr;
    double d = int_as_double(prod.get());
    if (d == -1.0 && err_occurred()) {
      err_clear();
      return err_string(&exc::OverflowError, "rounded value too large to represent");
    }
    res = steal(float_from_double(d));
  }
  if (!res) {
    if (err_exception_matches(&exc::OverflowError)) {
      err_clear();
      return err_string(&exc::OverflowError, "rounded value too large to represent");
    }
    return nullptr;
  }
  double d = float_value(res.get());
  if (d == 0.0) d = std::copysign(0.0, x);
  if (!std::isfinite(d)) return err_string(&exc::OverflowError, "rounded value too large to represent");
  return float_from_double(d);
}

static Object* float_round(Object* self, Object* const* args, ssize nargs) {
  if (nargs > 1) return err_format(&exc::TypeError, "__round__ expected at most 1 argument, got %zd", nargs);
  double x = float_value(self);
  if (nargs == 0 || args[0] == None) {
    double r = std::round(x);
    if (std::fabs(x - r) == 0.5) r = 2.0 * std::round(x / 2.0);
    return int_from_double(r);
  }
  Ref<> nd = steal(number_index(args[0]));
  if (!nd) return nullptr;
  int overflow;
  int64_t n = int_as_i64_overflow(nd.get(), &overflow);
  if (overflow) n = overflow > 0 ? 1000 : -1000;
  return round_to_digits(x, n);
}

static Object* float_hex(Object* self, Object*) {
  double x = float_value(self);
  if (std::isnan(x) || std::isinf(x)) return float_repr(self);
  if (x == 0.0) return str_from_cstr(std::signbit(x) ? "-0x0.0p+0" : "0x0.0p+0");
  int e;
  double m = std::frexp(std::fabs(x), &e);  // m in [0.5, 1)
  int shift = 1 - std::max(-1021 - e, 0);
  m = std::ldexp(m, shift);
  e -= shift;
  std::string s = std::signbit(x) ? "-0x" : "0x";
  int lead = int(m);
  s.push_back(char('0' + lead));
  m -= lead;
  s.push_back('.');
  for (int i = 0; i < 13; ++i) {
    m *= 16.0;
    int d = int(m);
    s.push_back("0123456789abcdef"[d]);
    m -= d;
  }
  char eb[16];
  std::snprintf(eb, sizeof eb, "p%+d", e);
  s += eb;
  return str_from_utf8(s.data(), ssize(s.size()));
}

static int hexval(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  c = char(c | 0x20);
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

static Object* float_fromhex(Object* cls, Object* arg) {
  if (!str_check(arg))
    return err_format(&exc::TypeError, "fromhex() argument must be str, not %.50s", type_name(arg->type));
  ssize len;
  const char* u = str_as_utf8(arg, &len);
  if (!u) return nullptr;
  const char* p = u;
  const char* end = u + len;
  while (p < end && is_space((unsigned char)*p)) ++p;
  while (end > p && is_space((unsigned char)end[-1])) --end;
  std::string clean;
  double result;
  const char* q = p;
  bool neg = false;
  if (q < end && (*q == '+' || *q == '-')) { neg = *q == '-'; ++q; }
  size_t rest = size_t(end - q);
  if (ieq(q, rest, "inf") || ieq(q, rest, "infinity")) result = neg ? -HUGE_VAL : HUGE_VAL;
  else if (ieq(q, rest, "nan")) result = neg ? -NAN : NAN;
  else {
    if (end - q >= 2 && q[0] == '0' && (q[1] | 0x20) == 'x') q += 2;
    clean = neg ? "-0x" : "0x";
    bool any = false;
    while (q < end && hexval(*q) >= 0) { clean.push_back(*q++); any = true; }
    if (q < end && *q == '.') {
      clean.push_back(*q++);
      while (q < end && hexval(*q) >= 0) { clean.push_back(*q++); any = true; }
    }
    if (!any) return err_string(&exc::ValueError, "invalid hexadecimal floating-point string");
    clean.push_back('p');
    if (q < end && (*q | 0x20) == 'p') {
      ++q;
      if (q < end && (*q == '+' || *q == '-')) clean.push_back(*q++);
      bool got = false;
      while (q < end && *q >= '0' && *q <= '9') { clean.push_back(*q++); got = true; }
      if (!got) return err_string(&exc::ValueError, "invalid hexadecimal floating-point string");
    } else {
      clean.push_back('0');
    }
    if (q != end) return err_string(&exc::ValueError, "invalid hexadecimal floating-point string");
    result = std::strtod(clean.c_str(), nullptr);
    if (std::isinf(result))
      return err_string(&exc::OverflowError, "hexadecimal value too large to represent as a float");
  }
  Ref<> f = steal(float_from_double(result));
  if (!f || cls == &FloatType) return f.release();
  return call_one_arg(cls, f.get());
}

static Object* float_from_number(Object* cls, Object* x) {
  if (str_check(x) || bytes_check(x) || !x->type->tp_as_number ||
      !(x->type->tp_as_number->nb_float || x->type->tp_as_number->nb_index || float_check(x)))
    return err_format(&exc::TypeError, "must be real number, not %.50s", type_name(x->type));
  double d = float_as_double(x);
  if (d == -1.0 && err_occurred()) return nullptr;
  if (cls == &FloatType) return float_from_double(d);
  Ref<> f = steal(float_from_double(d));
  if (!f) return nullptr;
  return call_one_arg(cls, f.get());
}

static Object* float_getformat(Object*, Object* arg) {
  if (!str_check(arg))
    return err_format(&exc::TypeError, "__getformat__() argument must be str, not %.50s", type_name(arg->type));
  if (!str_eq_cstr(arg, "double") && !str_eq_cstr(arg, "float"))
    return err_string(&exc::ValueError, "__getformat__() argument 1 must be 'double' or 'float'");
  return str_from_cstr("IEEE, little-endian");
}

Object* float_format(Object* self, Object* spec_obj) {
  if (!str_check(spec_obj))
    return err_format(&exc::TypeError, "__format__() argument must be str, not %.50s", type_name(spec_obj->type));
  if (str_length(spec_obj) == 0) return object_str(self);
  FormatSpec spec;
  if (!format_spec_parse(spec_obj, &spec, '>', "float")) return nullptr;
  uint32_t t = spec.type;
  switch (t) {
    case 0: case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'n': case '%': break;
    default: return format_unknown_code(t, "float");
  }
  if (spec.precision > 0x7fffffff) return err_string(&exc::ValueError, "precision too big");
  bool neg;
  std::string body = format_double_body(float_value(self), char(t), int(spec.precision), spec.alternate, &neg);
  double v = float_value(self);
  if (neg && spec.no_neg_zero && std::isfinite(v)) {
    bool zero = true;
    for (char c : body) {
      if (c == 'e' || c == 'E') break;
      if (c >= '1' && c <= '9') { zero = false; break; }
    }
    if (zero) neg = false;
  }
  if (!std::isfinite(v)) spec.thousands = 0;  // nothing to group in "inf"/"nan"
  size_t k = 0;
  while (k < body.size() && body[k] >= '0' && body[k] <= '9') ++k;
  std::string intpart = body.substr(0, k), rest = body.substr(k);
  if (spec.frac_thousands && !rest.empty() && rest[0] == '.') {
    std::string r = ".";
    size_t i = 1, cnt = 0;
    while (i < rest.size() && rest[i] >= '0' && rest[i] <= '9') {
      if (cnt == 3) { r.push_back(spec.frac_thousands); cnt = 0; }
      r.push_back(rest[i++]);
      ++cnt;
    }
    r.append(rest, i, std::string::npos);
    rest = r;
  }
  const char* sign = neg ? "-" : spec.sign == '+' ? "+" : spec.sign == ' ' ? " " : "";
  return format_number(spec, sign, "", intpart, rest, 3);
}
static Object* float_format_method(Object* self, Object* spec) { return float_format(self, spec); }

static Object* float_get_real(Object* self, void*) { return float_float(self); }
static Object* float_get_imag(Object*, void*) { return float_from_double(0.0); }

static NumberMethods float_as_number;

static const MethodDef float_methods[] = {
    {"from_number", (void*)float_from_number, kMethO | kMethClass, "Convert real number to a floating-point number."},
    {"conjugate", (void*)float_conjugate, kMethNoArgs, "Return self, the complex conjugate of any float."},
    {"__trunc__", (void*)float_trunc_m, kMethNoArgs, "Return the Integral closest to x between 0 and x."},
    {"__floor__", (void*)float_floor_m, kMethNoArgs, "Return the floor as an Integral."},
    {"__ceil__", (void*)float_ceil_m, kMethNoArgs, "Return the ceiling as an Integral."},
    {"__round__", (void*)float_round, kMethFastcall, "Return the Integral closest to x, rounding half toward even."},
    {"as_integer_ratio", (void*)float_as_integer_ratio, kMethNoArgs, "Return a pair of integers, whose ratio is exactly equal to the original float."},
    {"fromhex", (void*)float_fromhex, kMethO | kMethClass, "Create a floating-point number from a hexadecimal string."},
    {"hex", (void*)float_hex, kMethNoArgs, "Return a hexadecimal representation of a floating-point number."},
    {"is_integer", (void*)float_is_integer, kMethNoArgs, "Return True if the float is an integer."},
    {"__getnewargs__", (void*)float_getnewargs, kMethNoArgs, nullptr},
    {"__getformat__", (void*)float_getformat, kMethO | kMethClass, "You probably don't want to use this function."},
    {"__format__", (void*)float_format_method, kMethO, "Formats the float according to format_spec."},
    {nullptr, nullptr, 0, nullptr}};

static const GetSetDef float_getset[] = {
    {"real", float_get_real, nullptr, "the real part of a complex number", nullptr},
    {"imag", float_get_imag, nullptr, "the imaginary part of a complex number", nullptr},
    {nullptr, nullptr, nullptr, nullptr, nullptr}};

void init_float_type() {
  NumberMethods& nb = float_as_number;
  nb.nb_add = float_add;
  nb.nb_subtract = float_sub;
  nb.nb_multiply = float_mul;
  nb.nb_remainder = float_mod;
  nb.nb_divmod = float_divmod;
  nb.nb_power = float_nb_pow;
  nb.nb_negative = float_neg;
  nb.nb_positive = float_pos;
  nb.nb_absolute = float_abs;
  nb.nb_bool = float_bool;
  nb.nb_int = float_int;
  nb.nb_float = float_float;
  nb.nb_floor_divide = float_floordiv;
  nb.nb_true_divide = float_div;
  Type& t = FloatType;
  t.tp_name = "float";
  t.tp_basicsize = sizeof(FloatObject);
  t.tp_dealloc = float_dealloc;
  t.tp_repr = float_repr;
  t.tp_as_number = &float_as_number;
  t.tp_hash = float_hash;
  t.tp_flags = kTpflagsDefault | kTpflagsBaseType | kTpflagsMatchSelf;
  t.tp_doc = "Convert a string or number to a floating-point number, if possible.";
  t.tp_richcompare = float_richcompare;
  t.tp_methods = float_methods;
  t.tp_getset = float_getset;
  t.tp_base = &ObjectType;
  t.tp_new = float_tp_new;
  t.tp_free = object_free;
  t.tp_vectorcall = float_vectorcall;
}

}  // namespace pyxx
