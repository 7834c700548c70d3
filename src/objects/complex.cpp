// complex: pairs of doubles with CPython 3.14's arithmetic (including the
// mixed-mode real/complex rules), repr, hash, parsing and __format__.
#include "objects/complex.h"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <cctype>
#include <cstring>
#include <string>

#include "core/abstract.h"
#include "core/alloc.h"
#include "core/error.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/exceptions.h"
#include "objects/float.h"
#include "objects/format_spec.h"
#include "objects/int.h"
#include "objects/method.h"
#include "objects/num_args.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"

namespace pyxx {

Type ComplexType;

struct Cx { double re, im; };

static inline ComplexObject* as_cx(Object* o) { return static_cast<ComplexObject*>(o); }

Object* complex_from_doubles(double re, double im) {
  auto* o = static_cast<ComplexObject*>(object_alloc(&ComplexType, sizeof(ComplexObject)));
  if (!o) return nullptr;
  o->real = re;
  o->imag = im;
  return o;
}
static Object* from_cx(Cx c) { return complex_from_doubles(c.re, c.im); }

static void complex_dealloc(Object* op) {
  Type* t = op->type;
  if (t->tp_free) t->tp_free(op); else object_free(op);
}

// ---------------------------------------------------------------- repr
// A component as repr() shows it inside a complex: like float repr but
// without the ".0" added to integral values.
static std::string component(double v) {
  std::string s = float_repr_string(v);
  if (s.size() > 2 && s.compare(s.size() - 2, 2, ".0") == 0) s.resize(s.size() - 2);
  return s;
}

static Object* complex_repr(Object* self) {
  double re = as_cx(self)->real, im = as_cx(self)->imag;
  std::string s;
  if (re == 0.0 && !std::signbit(re)) {
    s = component(im) + "j";
  } else {
    std::string ims = component(im);
    if (ims[0] != '-') ims.insert(0, "+");
    s = "(" + component(re) + ims + "j)";
  }
  return str_from_utf8(s.data(), ssize(s.size()));
}

static Hash complex_hash(Object* self) {
  Hash hr = float_hash_value(as_cx(self)->real);
  Hash hi = float_hash_value(as_cx(self)->imag);
  if (std::isnan(as_cx(self)->real) || std::isnan(as_cx(self)->imag)) {
    // nan components hash by identity as floats do
    uintptr_t y = reinterpret_cast<uintptr_t>(self);
    y = (y >> 4) | (y << (8 * sizeof(y) - 4));
    if (std::isnan(as_cx(self)->real)) hr = Hash(y);
    if (std::isnan(as_cx(self)->imag)) hi = Hash(y);
  }
  uint64_t h = uint64_t(hr) + uint64_t(1000003) * uint64_t(hi);
  Hash r = Hash(h);
  return r == -1 ? -2 : r;
}

// ---------------------------------------------------------------- arithmetic
// Kind of operand: 0 not a number (NotImplemented), 1 real, 2 complex, -1 error.
static int operand(Object* o, Cx* out) {
  if (o->type == &ComplexType) { out->re = as_cx(o)->real; out->im = as_cx(o)->imag; return 2; }
  if (o->type != &FloatType && !int_check(o) && complex_check(o)) { out->re = as_cx(o)->real; out->im = as_cx(o)->imag; return 2; }
  double d;
  int r = float_convert_operand(o, &d);
  if (r <= 0) return r;
  out->re = d;
  out->im = 0.0;
  return 1;
}

#define CX_OPERANDS(a, b, x, y, ka, kb)                          \
  Cx x, y;                                                       \
  int ka = operand(a, &x);                                       \
  if (ka <= 0) return ka < 0 ? nullptr : new_ref(NotImplemented); \
  int kb = operand(b, &y);                                       \
  if (kb <= 0) return kb < 0 ? nullptr : new_ref(NotImplemented);

static Cx c_quot(Cx a, Cx b) {
  Cx r;
  double abr = std::fabs(b.re), abi = std::fabs(b.im);
  if (abr >= abi) {
    double ratio = b.im / b.re;
    double denom = b.re + b.im * ratio;
    r.re = (a.re + a.im * ratio) / denom;
    r.im = (a.im - a.re * ratio) / denom;
  } else if (abi >= abr) {
    double ratio = b.re / b.im;
    double denom = b.re * ratio + b.im;
    r.re = (a.re * ratio + a.im) / denom;
    r.im = (a.im * ratio - a.re) / denom;
  } else {
    r.re = r.im = NAN;
  }
  // Recover infinities and zeros that should not be nan (C11 Annex G).
  if (std::isnan(r.re) && std::isnan(r.im)) {
    if ((std::isinf(a.re) || std::isinf(a.im)) && std::isfinite(b.re) && std::isfinite(b.im)) {
      double x = std::copysign(std::isinf(a.re) ? 1.0 : 0.0, a.re);
      double y = std::copysign(std::isinf(a.im) ? 1.0 : 0.0, a.im);
      r.re = HUGE_VAL * (x * b.re + y * b.im);
      r.im = HUGE_VAL * (y * b.re - x * b.im);
    } else if ((std::isinf(abr) || std::isinf(abi)) && std::isfinite(a.re) && std::isfinite(a.im)) {
      double x = std::copysign(std::isinf(b.re) ? 1.0 : 0.0, b.re);
      double y = std::copysign(std::isinf(b.im) ? 1.0 : 0.0, b.im);
      r.re = 0.0 * (a.re * x + a.im * y);
      r.im = 0.0 * (a.im * x - a.re * y);
    }
  }
  return r;
}

// Product with C11 Annex G recovery of infinities from nan results (3.14).
static Cx c_prod(Cx z, Cx w) {
  double a = z.re, b = z.im, c = w.re, d = w.im;
  double ac = a * c, bd = b * d, ad = a * d, bc = b * c;
  Cx r{ac - bd, ad + bc};
  if (std::isnan(r.re) && std::isnan(r.im)) {
    bool recalc = false;
    if (std::isinf(a) || std::isinf(b)) {
      a = std::copysign(std::isinf(a) ? 1.0 : 0.0, a);
      b = std::copysign(std::isinf(b) ? 1.0 : 0.0, b);
      if (std::isnan(c)) c = std::copysign(0.0, c);
      if (std::isnan(d)) d = std::copysign(0.0, d);
      recalc = true;
    }
    if (std::isinf(c) || std::isinf(d)) {
      c = std::copysign(std::isinf(c) ? 1.0 : 0.0, c);
      d = std::copysign(std::isinf(d) ? 1.0 : 0.0, d);
      if (std::isnan(a)) a = std::copysign(0.0, a);
      if (std::isnan(b)) b = std::copysign(0.0, b);
      recalc = true;
    }
    if (!recalc && (std::isinf(ac) || std::isinf(bd) || std::isinf(ad) || std::isinf(bc))) {
      if (std::isnan(a)) a = std::copysign(0.0, a);
      if (std::isnan(b)) b = std::copysign(0.0, b);
      if (std::isnan(c)) c = std::copysign(0.0, c);
      if (std::isnan(d)) d = std::copysign(0.0, d);
      recalc = true;
    }
    if (recalc) {
      r.re = HUGE_VAL * (a * c - b * d);
      r.im = HUGE_VAL * (a * d + b * c);
    }
  }
  return r;
}

static Object* complex_add(Object* a, Object* b) {
  CX_OPERANDS(a, b, x, y, ka, kb);
  if (ka == 1) return from_cx({x.re + y.re, y.im});
  if (kb == 1) return from_cx({x.re + y.re, x.im});
  return from_cx({x.re + y.re, x.im + y.im});
}
static Object* complex_sub(Object* a, Object* b) {
  CX_OPERANDS(a, b, x, y, ka, kb);
  if (ka == 1) return from_cx({x.re - y.re, -y.im});
  if (kb == 1) return from_cx({x.re - y.re, x.im});
  return from_cx({x.re - y.re, x.im - y.im});
}
static Object* complex_mul(Object* a, Object* b) {
  CX_OPERANDS(a, b, x, y, ka, kb);
  if (ka == 1) return from_cx({x.re * y.re, x.re * y.im});
  if (kb == 1) return from_cx({x.re * y.re, x.im * y.re});
  return from_cx(c_prod(x, y));
}
static Object* complex_div(Object* a, Object* b) {
  CX_OPERANDS(a, b, x, y, ka, kb);
  if (y.re == 0.0 && y.im == 0.0) return err_string(&exc::ZeroDivisionError, "division by zero");
  if (kb == 1) return from_cx({x.re / y.re, x.im / y.re});
  return from_cx(c_quot(x, y));
}

static Cx c_powu(Cx x, long n) {
  Cx r{1.0, 0.0}, p = x;
  long mask = 1;
  while (mask > 0 && n >= mask) {
    if (n & mask) r = c_prod(r, p);
    mask <<= 1;
    p = c_prod(p, p);
  }
  return r;
}

static Object* complex_pow(Object* a, Object* b, Object* mod) {
  if (mod && mod != None) return err_string(&exc::ValueError, "complex modulo");
  CX_OPERANDS(a, b, x, y, ka, kb);
  (void)ka;
  (void)kb;
  Cx r;
  bool edom = false;
  if (y.im == 0.0 && y.re == std::floor(y.re) && std::fabs(y.re) <= 100.0) {
    long n = long(y.re);
    if (n == 0) r = {1.0, 0.0};
    else if (n > 0) r = c_powu(x, n);
    else {
      if (x.re == 0.0 && x.im == 0.0) edom = true;
      else r = c_quot(Cx{1.0, 0.0}, c_powu(x, -n));
    }
  } else if (y.re == 0.0 && y.im == 0.0) {
    r = {1.0, 0.0};
  } else if (x.re == 0.0 && x.im == 0.0) {
    if (y.im != 0.0 || y.re < 0.0) edom = true;
    r = {0.0, 0.0};
  } else {
    double vabs = std::hypot(x.re, x.im);
    double len = std::pow(vabs, y.re);
    double at = std::atan2(x.im, x.re);
    double phase = at * y.re;
    if (y.im != 0.0) {
      len *= std::exp(-at * y.im);  // 3.14 multiplies (matches its results bit for bit)
      phase += y.im * std::log(vabs);
    }
    r.re = len * std::cos(phase);
    r.im = len * std::sin(phase);
  }
  if (edom) return err_string(&exc::ZeroDivisionError, "zero to a negative or complex power");
  // As CPython's _Py_ADJUST_ERANGE2: an infinite component means overflow.
  if (std::isinf(r.re) || std::isinf(r.im)) return err_string(&exc::OverflowError, "complex exponentiation");
  return from_cx(r);
}

static Object* complex_neg(Object* a) { return complex_from_doubles(-as_cx(a)->real, -as_cx(a)->imag); }
static Object* complex_pos(Object* a) {
  if (a->type == &ComplexType) return new_ref(a);
  return complex_from_doubles(as_cx(a)->real, as_cx(a)->imag);
}
static Object* complex_abs(Object* a) {
  double re = as_cx(a)->real, im = as_cx(a)->imag;
  double r;
  if (std::isinf(re) || std::isinf(im)) r = HUGE_VAL;
  else if (std::isnan(re) || std::isnan(im)) r = NAN;
  else {
    r = std::hypot(re, im);
    if (std::isinf(r)) return err_string(&exc::OverflowError, "absolute value too large");
  }
  return float_from_double(r);
}
static int complex_bool(Object* a) { return as_cx(a)->real != 0.0 || as_cx(a)->imag != 0.0; }

static Object* complex_richcompare(Object* a, Object* b, int op) {
  if (op != kEQ && op != kNE) return new_ref(NotImplemented);
  double re = as_cx(a)->real, im = as_cx(a)->imag;
  bool eq;
  if (int_check(b)) {
    if (im == 0.0) {
      int c = int_compare_double(b, re);
      eq = c == 0;
    } else {
      eq = false;
    }
  } else if (float_check(b)) {
    eq = re == float_value(b) && im == 0.0;
  } else if (complex_check(b)) {
    eq = re == as_cx(b)->real && im == as_cx(b)->imag;
  } else {
    return new_ref(NotImplemented);
  }
  return bool_from(op == kEQ ? eq : !eq);
}

// ---------------------------------------------------------------- parsing
static bool is_space(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

// Parses a float at p (sign, digits with single underscores, '.', exponent,
// inf/infinity/nan). Advances p; false if no number starts here.
static bool parse_float_prefix(const char*& p, const char* end, double* out) {
  const char* q = p;
  std::string clean;
  if (q < end && (*q == '+' || *q == '-')) clean.push_back(*q++);
  auto word = [&](const char* w) {
    size_t n = std::strlen(w);
    if (size_t(end - q) < n) return false;
    for (size_t i = 0; i < n; ++i) if ((q[i] | 0x20) != w[i]) return false;
    return true;
  };
  if (word("infinity")) { q += 8; *out = clean == "-" ? -HUGE_VAL : HUGE_VAL; p = q; return true; }
  if (word("inf")) { q += 3; *out = clean == "-" ? -HUGE_VAL : HUGE_VAL; p = q; return true; }
  if (word("nan")) { q += 3; *out = clean == "-" ? -NAN : NAN; p = q; return true; }
  bool any = false;
  auto digits = [&]() {
    bool got = false;
    while (q < end) {
      if (*q >= '0' && *q <= '9') { clean.push_back(*q++); got = true; }
      else if (*q == '_' && got && q + 1 < end && q[1] >= '0' && q[1] <= '9') ++q;
      else break;
    }
    return got;
  };
  any |= digits();
  if (q < end && *q == '.') { clean.push_back('.'); ++q; any |= digits(); }
  if (!any) return false;
  if (q < end && (*q == 'e' || *q == 'E')) {
    const char* save = q;
    std::string saved = clean;
    clean.push_back('e');
    ++q;
    if (q < end && (*q == '+' || *q == '-')) clean.push_back(*q++);
    if (!digits()) { q = save; clean = saved; }
  }
  *out = std::strtod(clean.c_str(), nullptr);
  p = q;
  return true;
}

static Object* complex_from_text(Object* orig, std::string_view text) {
  const char* p = text.data();
  const char* end = p + text.size();
  auto malformed = []() -> Object* { return err_string(&exc::ValueError, "complex() arg is a malformed string"); };
  while (p < end && is_space((unsigned char)*p)) ++p;
  bool paren = false;
  if (p < end && *p == '(') { paren = true; ++p; while (p < end && is_space((unsigned char)*p)) ++p; }
  double x = 0.0, y = 0.0, z;
  const char* start = p;
  if (parse_float_prefix(p, end, &z)) {
    if (p < end && (*p == '+' || *p == '-')) {
      x = z;
      const char* s = p;
      if (parse_float_prefix(p, end, &y)) {
      } else {
        y = *s == '+' ? 1.0 : -1.0;
        p = s + 1;
      }
      if (!(p < end && (*p == 'j' || *p == 'J'))) return malformed();
      ++p;
    } else if (p < end && (*p == 'j' || *p == 'J')) {
      y = z;
      ++p;
    } else {
      x = z;
    }
  } else {
    p = start;
    if (p < end && (*p == '+' || *p == '-')) { y = *p == '-' ? -1.0 : 1.0; ++p; }
    else y = 1.0;
    if (!(p < end && (*p == 'j' || *p == 'J'))) return malformed();
    ++p;
  }
  while (p < end && is_space((unsigned char)*p)) ++p;
  if (paren) {
    if (!(p < end && *p == ')')) return malformed();
    ++p;
    while (p < end && is_space((unsigned char)*p)) ++p;
  }
  if (p != end) return malformed();
  (void)orig;
  return complex_from_doubles(x, y);
}

// ---------------------------------------------------------------- construction
// complex(x) for a non-string: __complex__, then __float__/__index__.
static int complex_value_of(Object* o, Cx* out, bool* is_complex, bool two_args) {
  *is_complex = false;
  if (complex_check(o) && o->type == &ComplexType) {
    *out = {as_cx(o)->real, as_cx(o)->imag};
    *is_complex = true;
    return 0;
  }
  Object* f = nullptr;
  static Object* name = nullptr;
  if (!name) name = str_intern_cstr("__complex__");
  if (type_lookup_ref(o->type, name, &f) < 0) return -1;
  if (f) {
    decref(f);
    Ref<> r = steal(call_method(o, name));
    if (!r) return -1;
    if (!complex_check(r.get())) {
      err_format(&exc::TypeError, "__complex__ returned non-complex (type %.200s)", type_name(r->type));
      return -1;
    }
    *out = {as_cx(r.get())->real, as_cx(r.get())->imag};
    *is_complex = true;
    return 0;
  }
  if (complex_check(o)) {
    *out = {as_cx(o)->real, as_cx(o)->imag};
    *is_complex = true;
    return 0;
  }
  NumberMethods* nb = o->type->tp_as_number;
  if (!nb || (!nb->nb_float && !nb->nb_index)) {
    if (two_args)
      err_format(&exc::TypeError, "complex() argument 'real' must be a real number, not %.200s", type_name(o->type));
    else
      err_format(&exc::TypeError, "complex() argument must be a string or a number, not %.200s", type_name(o->type));
    return -1;
  }
  double d = float_as_double(o);
  if (d == -1.0 && err_occurred()) return -1;
  *out = {d, 0.0};
  return 0;
}

static Object* complex_subtype(Type* type, Cx c) {
  if (type == &ComplexType) return from_cx(c);
  Object* o = type->tp_alloc ? type->tp_alloc(type, 0) : type_generic_alloc(type, 0);
  if (!o) return nullptr;
  as_cx(o)->real = c.re;
  as_cx(o)->imag = c.im;
  return o;
}

static Object* complex_new_impl(Type* type, Object* r, Object* i) {
  if (r && str_check(r)) {
    if (i) return err_string(&exc::TypeError, "complex() argument 'real' must be a real number, not str");
    std::string t = numargs::ascii_digits(r);
    // As _Py_string_to_number_with_underscores: each '_' must sit between two
    // digits, then the underscores are dropped before parsing.
    if (t.find('_') != std::string::npos) {
      std::string clean;
      for (size_t k = 0; k < t.size(); ++k) {
        if (t[k] == '_') {
          bool ok = k > 0 && k + 1 < t.size() && isdigit((unsigned char)t[k - 1]) && isdigit((unsigned char)t[k + 1]);
          if (!ok) return err_format(&exc::ValueError, "could not convert string to complex: %R", r);
          continue;
        }
        clean.push_back(t[k]);
      }
      t.swap(clean);
    }
    Ref<> c = steal(complex_from_text(r, t));
    if (!c) return nullptr;
    return complex_subtype(type, {as_cx(c.get())->real, as_cx(c.get())->imag});
  }
  if (i && str_check(i)) return err_string(&exc::TypeError, "complex() argument 'imag' must be a real number, not str");
  if (r && r->type == &ComplexType && !i && type == &ComplexType) return new_ref(r);
  Cx a{0.0, 0.0}, b{0.0, 0.0};
  bool ac = false, bc = false;
  if (r && complex_value_of(r, &a, &ac, i != nullptr) < 0) return nullptr;
  if (i) {
    if (complex_check(i)) { b = {as_cx(i)->real, as_cx(i)->imag}; bc = true; }
    else {
      NumberMethods* nb = i->type->tp_as_number;
      if (!nb || (!nb->nb_float && !nb->nb_index))
        return err_format(&exc::TypeError, "complex() argument 'imag' must be a real number, not %.200s",
                          type_name(i->type));
      double d = float_as_double(i);
      if (d == -1.0 && err_occurred()) return nullptr;
      b = {d, 0.0};
    }
  }
  Cx res;
  if (!i) res = a;
  else {
    // complex(a, b) = a + b*1j with the mixed-mode rules.
    res.re = a.re - (bc ? b.im : 0.0);
    res.im = (ac ? a.im : 0.0) + b.re;
    if (!ac && !bc) res = {a.re, b.re};
  }
  return complex_subtype(type, res);
}

static Object* complex_tp_new(Type* type, Object* args, Object* kwds) {
  Object* r = nullptr;
  Object* i = nullptr;
  ssize n = args ? tuple_size(args) : 0;
  if (n > 2) return err_format(&exc::TypeError, "complex() takes at most 2 arguments (%zd given)", n);
  if (n >= 1) r = tuple_get(args, 0);
  if (n >= 2) i = tuple_get(args, 1);
  if (kwds) {
    ssize pos = 0;
    Object *k, *v;
    while (dict_next(kwds, &pos, &k, &v)) {
      if (str_eq_cstr(k, "real")) {
        if (r) return err_string(&exc::TypeError, "argument for complex() given by name ('real') and position (1)");
        r = v;
      } else if (str_eq_cstr(k, "imag")) {
        if (i) return err_string(&exc::TypeError, "argument for complex() given by name ('imag') and position (2)");
        i = v;
      } else {
        return err_format(&exc::TypeError, "complex() got an unexpected keyword argument '%U'", k);
      }
    }
  }
  return complex_new_impl(type, r, i);
}

// ---------------------------------------------------------------- methods
static Object* complex_conjugate(Object* self, Object*) { return complex_from_doubles(as_cx(self)->real, -as_cx(self)->imag); }
static Object* complex_complex(Object* self, Object*) { return complex_pos(self); }
static Object* complex_getnewargs(Object* self, Object*) {
  Ref<> a = steal(float_from_double(as_cx(self)->real));
  Ref<> b = steal(float_from_double(as_cx(self)->imag));
  if (!a || !b) return nullptr;
  return tuple_pack({a.get(), b.get()});
}
static Object* complex_from_number(Object* cls, Object* x) {
  if (str_check(x)) return err_format(&exc::TypeError, "must be real number, not str");
  Cx c;
  bool isc;
  if (complex_value_of(x, &c, &isc, false) < 0) return nullptr;
  Ref<> r = steal(from_cx(c));
  if (!r || cls == &ComplexType) return r.release();
  return call_one_arg(cls, r.get());
}

// Inserts digit-group separators into a formatted component ("3422.5" ->
// "3,422.5"); complex has no zero padding so only the digits themselves.
static std::string group_component(const std::string& s, char sep, char frac_sep) {
  size_t k = 0;
  while (k < s.size() && s[k] >= '0' && s[k] <= '9') ++k;
  std::string out;
  if (sep) {
    for (size_t i = 0; i < k; ++i) {
      if (i > 0 && (k - i) % 3 == 0) out.push_back(sep);
      out.push_back(s[i]);
    }
  } else {
    out.assign(s, 0, k);
  }
  if (frac_sep && k < s.size() && s[k] == '.') {
    out.push_back('.');
    size_t i = k + 1, cnt = 0;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
      if (cnt == 3) { out.push_back(frac_sep); cnt = 0; }
      out.push_back(s[i++]);
      ++cnt;
    }
    out.append(s, i, std::string::npos);
  } else {
    out.append(s, k, std::string::npos);
  }
  return out;
}

static Object* complex_format(Object* self, Object* spec_obj) {
  if (!str_check(spec_obj))
    return err_format(&exc::TypeError, "__format__() argument must be str, not %.50s", type_name(spec_obj->type));
  if (str_length(spec_obj) == 0) return object_str(self);
  FormatSpec spec;
  if (!format_spec_parse(spec_obj, &spec, '>', "complex")) return nullptr;
  uint32_t t = spec.type;
  switch (t) {
    case 0: case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'n': break;
    default: return format_unknown_code(t, "complex");
  }
  if (spec.fill == '0') return err_string(&exc::ValueError, "Zero padding is not allowed in complex format specifier");
  if (spec.align == '=')
    return err_string(&exc::ValueError, "'=' alignment flag is not allowed in complex format specifier");
  double re = as_cx(self)->real, im = as_cx(self)->imag;
  char ft = char(t);
  bool skip_re = false, parens = false;
  if (t == 0) {
    ft = spec.precision < 0 ? 'r' : 'g';
    if (re == 0.0 && !std::signbit(re)) skip_re = true;
    else parens = true;
  }
  auto body = [&](double v, bool* neg) {
    std::string s = format_double_body(v, ft, int(spec.precision), spec.alternate, neg);
    // repr-style components drop the ".0" of integral values; '#' keeps the point.
    if (t == 0 && s.size() > 2 && s.compare(s.size() - 2, 2, ".0") == 0 && ft == 'r')
      s.resize(s.size() - (spec.alternate ? 1 : 2));
    if (spec.thousands || spec.frac_thousands) s = group_component(s, spec.thousands, spec.frac_thousands);
    if (*neg && spec.no_neg_zero && std::isfinite(v)) {
      bool zero = true;
      for (char c : s) {
        if (c == 'e' || c == 'E') break;
        if (c >= '1' && c <= '9') { zero = false; break; }
      }
      if (zero) *neg = false;
    }
    return s;
  };
  std::string out;
  if (parens) out += "(";
  if (!skip_re) {
    bool neg;
    std::string r = body(re, &neg);
    out += neg ? "-" : spec.sign == '+' ? "+" : spec.sign == ' ' ? " " : "";
    out += r;
  }
  bool ineg;
  std::string i = body(im, &ineg);
  if (skip_re) out += ineg ? "-" : spec.sign == '+' ? "+" : spec.sign == ' ' ? " " : "";
  else out += ineg ? "-" : "+";
  out += i;
  out += "j";
  if (parens) out += ")";
  FormatSpec pad = spec;
  return format_pad(out, ssize(out.size()), pad);
}

static NumberMethods complex_as_number;

static const MethodDef complex_methods[] = {
    {"from_number", (void*)complex_from_number, kMethO | kMethClass, "Convert number to a complex floating-point number."},
    {"conjugate", (void*)complex_conjugate, kMethNoArgs, "Return the complex conjugate of its argument. (3-4j).conjugate() == 3+4j."},
    {"__complex__", (void*)complex_complex, kMethNoArgs, "Convert this value to exact type complex."},
    {"__format__", (void*)complex_format, kMethO, "Convert to a string according to format_spec."},
    {"__getnewargs__", (void*)complex_getnewargs, kMethNoArgs, nullptr},
    {nullptr, nullptr, 0, nullptr}};

static const MemberDef complex_members[] = {
    {"real", MemberKind::Double, ssize(offsetof(ComplexObject, real)), kMemberReadonly, "the real part of a complex number"},
    {"imag", MemberKind::Double, ssize(offsetof(ComplexObject, imag)), kMemberReadonly, "the imaginary part of a complex number"},
    {nullptr, MemberKind::Object, 0, 0, nullptr}};

void init_complex_type() {
  NumberMethods& nb = complex_as_number;
  nb.nb_add = complex_add;
  nb.nb_subtract = complex_sub;
  nb.nb_multiply = complex_mul;
  nb.nb_power = complex_pow;
  nb.nb_negative = complex_neg;
  nb.nb_positive = complex_pos;
  nb.nb_absolute = complex_abs;
  nb.nb_bool = complex_bool;
  nb.nb_true_divide = complex_div;
  Type& t = ComplexType;
  t.tp_name = "complex";
  t.tp_basicsize = sizeof(ComplexObject);
  t.tp_dealloc = complex_dealloc;
  t.tp_repr = complex_repr;
  t.tp_as_number = &complex_as_number;
  t.tp_hash = complex_hash;
  t.tp_flags = kTpflagsDefault | kTpflagsBaseType;  // complex has no MATCH_SELF in CPython
  t.tp_doc =
      "Create a complex number from a string or numbers.\n\n"
      "If a string is given, parse it as a complex number.\n"
      "If a single number is given, convert it to a complex number.\n"
      "If the 'real' or 'imag' arguments are given, create a complex number\n"
      "with the specified real and imaginary components.";
  t.tp_richcompare = complex_richcompare;
  t.tp_methods = complex_methods;
  t.tp_members = complex_members;
  t.tp_base = &ObjectType;
  t.tp_new = complex_tp_new;
  t.tp_free = object_free;
}

}  // namespace pyxx
