// int: CPython 3.14 semantics on a two-tier representation. Values that fit
// int64 live inline ("compact") and take overflow-checked fast paths without
// GMP; anything larger is a GMP mpz owned by the object. Every result is
// normalised back to compact when it fits, and -5..256 come from the
// immortal small-int cache so the hot paths do not allocate.
#include "objects/int.h"

#include <gmp.h>

#include <array>
#include <charconv>
#include <cmath>
#include <cstring>
#include <string>

#include "core/abstract.h"
#include "core/alloc.h"
#include "core/error.h"
#include "core/state.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/exceptions.h"
#include "objects/float.h"
#include "objects/format_spec.h"
#include "objects/method.h"
#include "objects/num_args.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/args.h"

namespace pyxx {

Type IntType;

// ---------------------------------------------------------------- small ints
static constexpr int kNumSmall = kSmallIntMax - kSmallIntMin + 1;
static constexpr std::array<IntObject, kNumSmall> make_small_ints() {
  std::array<IntObject, kNumSmall> a{};
  for (int i = 0; i < kNumSmall; ++i) {
    a[i].refcnt = kImmortalRefcnt;
    a[i].type = &IntType;
    a[i].value = i + kSmallIntMin;
    a[i].big = nullptr;
  }
  return a;
}
static std::array<IntObject, kNumSmall> small_ints = make_small_ints();

static inline IntObject* as_int(Object* o) { return static_cast<IntObject*>(o); }
static inline mpz_ptr big_of(Object* o) { return static_cast<mpz_ptr>(as_int(o)->big); }

// Free list of exact-int objects (CPython keeps one too); per thread.
static constexpr int kFreeListMax = 128;
static thread_local IntObject* free_list[kFreeListMax];
static thread_local int free_count = 0;

static Object* alloc_int() {
  if (free_count > 0) {
    IntObject* o = free_list[--free_count];
    o->refcnt = 1;
    o->type = &IntType;
    return o;
  }
  return object_alloc(&IntType, sizeof(IntObject));
}

Object* int_from_i64(int64_t v) {
  if (uint64_t(v) - uint64_t(int64_t(kSmallIntMin)) < uint64_t(kNumSmall)) return &small_ints[size_t(v - kSmallIntMin)];
  Object* o = alloc_int();
  if (!o) return nullptr;
  as_int(o)->value = v;
  as_int(o)->big = nullptr;
  return o;
}

static void int_dealloc(Object* op) {
  IntObject* io = as_int(op);
  if (io->big) {
    mpz_clear(static_cast<mpz_ptr>(io->big));
    mem_free(io->big);
    io->big = nullptr;
  }
  Type* t = op->type;
  if (t == &IntType && free_count < kFreeListMax) {
    free_list[free_count++] = io;
    return;
  }
  if (t->tp_free) t->tp_free(op); else object_free(op);
}

// Owning mpz for temporaries.
struct Mpz {
  mpz_t v;
  bool live = true;
  Mpz() { mpz_init(v); }
  ~Mpz() { if (live) mpz_clear(v); }
  Mpz(const Mpz&) = delete;
};

// Read-only mpz view of any int object (compact values get a temporary).
struct MpzArg {
  mpz_t tmp;
  mpz_srcptr p;
  bool own;
  explicit MpzArg(Object* o) {
    if (as_int(o)->big) { p = big_of(o); own = false; }
    else { mpz_init_set_si(tmp, long(as_int(o)->value)); p = tmp; own = true; }
  }
  ~MpzArg() { if (own) mpz_clear(tmp); }
};

// Results larger than this many bits raise MemoryError up front (2**36 bits =
// 8 GiB): GMP has no failure path for allocation and aborts ("overflow in mpz
// type") past 2**31 limbs, and its algorithms need scratch space beyond the result.
static constexpr uint64_t kMaxResultBits = uint64_t(1) << 36;

// Takes the value out of m (normalising to compact if it fits).
static Object* from_mpz(Mpz& m) {
  if (mpz_fits_slong_p(m.v)) return int_from_i64(mpz_get_si(m.v));
  Object* o = alloc_int();
  if (!o) return nullptr;
  auto* z = static_cast<mpz_ptr>(mem_alloc(sizeof(__mpz_struct)));
  if (!z) { decref(o); return err_no_memory(); }
  std::memcpy(z, m.v, sizeof(__mpz_struct));
  m.live = false;
  as_int(o)->value = 0;
  as_int(o)->big = z;
  return o;
}
static Object* from_mpz_copy(mpz_srcptr src) {
  Mpz m;
  mpz_set(m.v, src);
  return from_mpz(m);
}

Object* int_from_u64(uint64_t v) {
  if (v <= uint64_t(INT64_MAX)) return int_from_i64(int64_t(v));
  Mpz m;
  mpz_set_ui(m.v, v);
  return from_mpz(m);
}

static Object* from_i128(__int128 v) {
  if (v >= INT64_MIN && v <= INT64_MAX) return int_from_i64(int64_t(v));
  Mpz m;
  bool neg = v < 0;
  unsigned __int128 u = neg ? -(unsigned __int128)v : (unsigned __int128)v;
  mpz_set_ui(m.v, uint64_t(u >> 64));
  mpz_mul_2exp(m.v, m.v, 64);
  mpz_add_ui(m.v, m.v, uint64_t(u));
  if (neg) mpz_neg(m.v, m.v);
  return from_mpz(m);
}

Object* int_from_double(double d) {
  if (std::isnan(d)) return err_string(&exc::ValueError, "cannot convert float NaN to integer");
  if (std::isinf(d)) return err_string(&exc::OverflowError, "cannot convert float infinity to integer");
  if (d > -9.2233720368547758e18 && d < 9.2233720368547758e18) return int_from_i64(int64_t(d));
  Mpz m;
  mpz_set_d(m.v, d);
  return from_mpz(m);
}

int int_sign(Object* o) {
  if (!as_int(o)->big) return as_int(o)->value < 0 ? -1 : as_int(o)->value > 0;
  return mpz_sgn(big_of(o));
}

int64_t int_as_i64_overflow(Object* o, int* overflow) {
  *overflow = 0;
  if (!as_int(o)->big) return as_int(o)->value;
  *overflow = mpz_sgn(big_of(o));
  return -1;
}

int64_t int_as_i64(Object* o) {
  if (!int_check(o)) {
    Ref<> idx = steal(number_index(o));
    if (!idx) return -1;
    return int_as_i64(idx.get());
  }
  if (!as_int(o)->big) return as_int(o)->value;
  err_set_string(&exc::OverflowError, "Python int too large to convert to C long");
  return -1;
}

ssize int_as_ssize(Object* o) {
  if (!int_check(o)) {
    Ref<> idx = steal(number_index(o));
    if (!idx) return -1;
    return int_as_ssize(idx.get());
  }
  if (!as_int(o)->big) return ssize(as_int(o)->value);
  err_set_string(&exc::OverflowError, "Python int too large to convert to C ssize_t");
  return -1;
}

static size_t bit_length_of(Object* o) {
  if (!as_int(o)->big) {
    int64_t v = as_int(o)->value;
    uint64_t u = v < 0 ? uint64_t(0) - uint64_t(v) : uint64_t(v);
    return u ? size_t(64 - __builtin_clzll(u)) : 0;
  }
  return mpz_sizeinbase(big_of(o), 2);
}

// Rounds |x| (mpz, >0) * 2**scale to a double, half-even, honouring subnormals.
// Returns inf on overflow. `sticky` says bits below x were non-zero.
static double round_mpz_to_double(mpz_srcptr x, long scale, bool sticky) {
  size_t n = mpz_sizeinbase(x, 2);
  long top = long(n) + scale;  // value < 2**top
  if (top > 1024) return HUGE_VAL;
  // Number of low bits of x to drop: keep 53 bits, or fewer for subnormals.
  long drop = long(n) - 53;
  long min_drop = -1074 - scale;  // lsb must be >= 2**-1074
  if (drop < min_drop) drop = min_drop;
  if (drop <= 0) {
    // Exact: x fits in 53 bits at this scale.
    double m = mpz_get_d(x);
    return std::ldexp(m, int(scale));
  }
  if (size_t(drop) > n + 1) return 0.0;
  Mpz q;
  mpz_fdiv_q_2exp(q.v, x, mp_bitcnt_t(drop));
  bool half = mpz_tstbit(x, mp_bitcnt_t(drop - 1));
  bool below = sticky || (mpz_scan1(x, 0) < mp_bitcnt_t(drop - 1));
  if (half && (below || mpz_odd_p(q.v))) mpz_add_ui(q.v, q.v, 1);
  double m = mpz_get_d(q.v);  // <= 2**53, exact
  return std::ldexp(m, int(drop + scale));
}

double int_as_double(Object* o) {
  if (!as_int(o)->big) {
    int64_t v = as_int(o)->value;
    return double(v);  // the hardware conversion rounds half-even
  }
  mpz_srcptr z = big_of(o);
  Mpz a;
  mpz_abs(a.v, z);
  double d = round_mpz_to_double(a.v, 0, false);
  if (std::isinf(d)) {
    err_set_string(&exc::OverflowError, "int too large to convert to float");
    return -1.0;
  }
  return mpz_sgn(z) < 0 ? -d : d;
}

// ---------------------------------------------------------------- hashing
static constexpr uint64_t kHashModulus = (uint64_t(1) << 61) - 1;

Hash int_hash(Object* o) {
  if (!as_int(o)->big) {
    int64_t v = as_int(o)->value;
    uint64_t u = v < 0 ? uint64_t(0) - uint64_t(v) : uint64_t(v);
    int64_t h = int64_t(u % kHashModulus);
    if (v < 0) h = -h;
    return h == -1 ? -2 : Hash(h);
  }
  mpz_srcptr z = big_of(o);
  Mpz a;
  mpz_abs(a.v, z);
  int64_t h = int64_t(mpz_fdiv_ui(a.v, kHashModulus));
  if (mpz_sgn(z) < 0) h = -h;
  return h == -1 ? -2 : Hash(h);
}

// ---------------------------------------------------------------- strings
static int max_str_digits() {
  ThreadState* ts = tstate_fast();
  return ts && ts->interp ? ts->interp->int_max_str_digits : 4300;
}

static std::nullptr_t str_digits_error_out() {
  return err_format(&exc::ValueError,
                    "Exceeds the limit (%d digits) for integer string conversion; "
                    "use sys.set_int_max_str_digits() to increase the limit",
                    max_str_digits());
}

// Decimal text of o into out (with '-'); false + ValueError when over the limit.
static bool decimal_text(Object* o, std::string* out) {
  if (!as_int(o)->big) {
    char buf[24];
    auto r = std::to_chars(buf, buf + sizeof buf, as_int(o)->value);
    out->assign(buf, r.ptr);
    return true;
  }
  mpz_srcptr z = big_of(o);
  int limit = max_str_digits();
  if (limit > 0 && mpz_sizeinbase(z, 10) > size_t(limit) + 1) { str_digits_error_out(); return false; }
  out->resize(mpz_sizeinbase(z, 10) + 2);
  mpz_get_str(out->data(), 10, z);
  out->resize(std::strlen(out->c_str()));
  size_t nd = out->size() - ((*out)[0] == '-');
  if (limit > 0 && nd > size_t(limit)) { str_digits_error_out(); return false; }
  return true;
}

Object* int_to_decimal_string(Object* o) {
  if (!as_int(o)->big) {
    char buf[24];
    auto r = std::to_chars(buf, buf + sizeof buf, as_int(o)->value);
    return str_from_utf8(buf, ssize(r.ptr - buf));
  }
  std::string s;
  if (!decimal_text(o, &s)) return nullptr;
  return str_from_utf8(s.data(), ssize(s.size()));
}

static Object* int_repr(Object* o) { return int_to_decimal_string(o); }

static bool is_py_space(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

static int digit_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'z') return c - 'a' + 10;
  if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
  return 99;
}

static std::nullptr_t invalid_literal(int base, Object* orig, std::string_view text) {
  Ref<> shown;
  if (orig && str_check(orig) && str_length(orig) > 200) shown = steal(str_substring(orig, 0, 200));
  else if (orig) shown = borrow(orig);
  else shown = steal(str_from_utf8(text.data(), ssize(std::min<size_t>(text.size(), 200))));
  if (!shown) return nullptr;
  return err_format(&exc::ValueError, "invalid literal for int() with base %d: %R", base, shown.get());
}

// Core of int(text, base). `orig` (str or bytes) is shown in error messages.
static Object* parse_int(std::string_view text, int base, Object* orig) {
  if ((base != 0 && base < 2) || base > 36)
    return err_string(&exc::ValueError, "int() base must be >= 2 and <= 36, or 0");
  const char* p = text.data();
  const char* end = p + text.size();
  while (p < end && is_py_space((unsigned char)*p)) ++p;
  while (end > p && is_py_space((unsigned char)end[-1])) --end;
  const char* start = p;
  bool neg = false;
  if (p < end && (*p == '+' || *p == '-')) { neg = *p == '-'; ++p; }
  int b = base;
  bool prefixed = false;
  if (end - p >= 2 && p[0] == '0') {
    char c = char(p[1] | 0x20);
    if ((c == 'x' && (b == 16 || b == 0)) || (c == 'o' && (b == 8 || b == 0)) || (c == 'b' && (b == 2 || b == 0))) {
      b = c == 'x' ? 16 : c == 'o' ? 8 : 2;
      p += 2;
      prefixed = true;
    }
  }
  int orig_base = base;
  if (b == 0) b = 10;
  // Validate digits and underscores; collect the clean digit string.
  std::string digits;
  digits.reserve(size_t(end - p));
  bool prev_us = prefixed;  // "0x_1" is allowed: underscore right after a prefix
  bool allow_us = prefixed;
  bool nonzero = false;
  if (p == end) return invalid_literal(orig_base, orig, text);
  for (const char* q = p; q < end; ++q) {
    char c = *q;
    if (c == '_') {
      if (!allow_us || (prev_us && !(prefixed && q == p))) return invalid_literal(orig_base, orig, text);
      if (q == p && !prefixed) return invalid_literal(orig_base, orig, text);
      prev_us = true;
      allow_us = false;
      continue;
    }
    if (digit_value(c) >= b) return invalid_literal(orig_base, orig, text);
    if (c != '0') nonzero = true;
    digits.push_back(c);
    prev_us = false;
    allow_us = true;
  }
  if (prev_us || digits.empty()) return invalid_literal(orig_base, orig, text);
  // Base 0: a decimal literal may not have leading zeros unless it is zero.
  if (orig_base == 0 && !prefixed && digits.size() > 1 && digits[0] == '0' && nonzero)
    return invalid_literal(orig_base, orig, text);
  (void)start;
  if (digits.size() <= 18 && b <= 10) {
    int64_t v = 0;
    for (char c : digits) v = v * b + (c - '0');
    return int_from_i64(neg ? -v : v);
  }
  if ((b & (b - 1)) != 0) {
    int limit = max_str_digits();
    if (limit > 0 && digits.size() > size_t(limit))
      return err_format(&exc::ValueError,
                        "Exceeds the limit (%d digits) for integer string conversion: value has %zd digits; "
                        "use sys.set_int_max_str_digits() to increase the limit",
                        limit, ssize(digits.size()));
  }
  Mpz m;
  if (mpz_set_str(m.v, digits.c_str(), b) != 0) return invalid_literal(orig_base, orig, text);
  if (neg) mpz_neg(m.v, m.v);
  return from_mpz(m);
}

Object* int_from_string(std::string_view text, int base) { return parse_int(text, base, nullptr); }

// int(str): non-ASCII decimal digits and spaces are accepted (mapped to ASCII).
static Object* int_from_str_object(Object* s, int base) {
  if (!static_cast<StrObject*>(s)->ascii) {
    std::string t = numargs::ascii_digits(s);
    return parse_int(t, base, s);
  }
  ssize len;
  const char* u = str_as_utf8(s, &len);
  if (!u) return nullptr;
  if (std::memchr(u, 0, size_t(len))) return invalid_literal(base, s, {});
  return parse_int(std::string_view(u, size_t(len)), base, s);
}

// ---------------------------------------------------------------- arithmetic
#define CHECK_BINOP(a, b) \
  if (!int_check(a) || !int_check(b)) return new_ref(NotImplemented)

static inline bool both_compact(Object* a, Object* b) { return !as_int(a)->big && !as_int(b)->big; }

Object* int_add(Object* a, Object* b) {
  if (both_compact(a, b)) {
    int64_t r;
    if (!__builtin_add_overflow(as_int(a)->value, as_int(b)->value, &r)) return int_from_i64(r);
    return from_i128(__int128(as_int(a)->value) + as_int(b)->value);
  }
  MpzArg x(a), y(b);
  Mpz r;
  mpz_add(r.v, x.p, y.p);
  return from_mpz(r);
}

Object* int_sub(Object* a, Object* b) {
  if (both_compact(a, b)) {
    int64_t r;
    if (!__builtin_sub_overflow(as_int(a)->value, as_int(b)->value, &r)) return int_from_i64(r);
    return from_i128(__int128(as_int(a)->value) - as_int(b)->value);
  }
  MpzArg x(a), y(b);
  Mpz r;
  mpz_sub(r.v, x.p, y.p);
  return from_mpz(r);
}

Object* int_mul(Object* a, Object* b) {
  if (both_compact(a, b)) {
    int64_t r;
    if (!__builtin_mul_overflow(as_int(a)->value, as_int(b)->value, &r)) return int_from_i64(r);
    return from_i128(__int128(as_int(a)->value) * as_int(b)->value);
  }
  MpzArg x(a), y(b);
  Mpz r;
  mpz_mul(r.v, x.p, y.p);
  return from_mpz(r);
}

static Object* nb_add(Object* a, Object* b) { CHECK_BINOP(a, b); return int_add(a, b); }
static Object* nb_sub(Object* a, Object* b) { CHECK_BINOP(a, b); return int_sub(a, b); }
static Object* nb_mul(Object* a, Object* b) { CHECK_BINOP(a, b); return int_mul(a, b); }

static std::nullptr_t zero_div() { return err_string(&exc::ZeroDivisionError, "division by zero"); }

// Floor division and modulo (rounding toward -inf). Either out may be null.
static bool int_divmod_impl(Object* a, Object* b, Object** q_out, Object** r_out) {
  if (int_sign(b) == 0) { zero_div(); return false; }
  if (both_compact(a, b)) {
    int64_t x = as_int(a)->value, y = as_int(b)->value;
    if (!(x == INT64_MIN && y == -1)) {
      int64_t q = x / y, r = x % y;
      if (r != 0 && ((r ^ y) < 0)) { r += y; q -= 1; }
      if (q_out && !(*q_out = int_from_i64(q))) return false;
      if (r_out && !(*r_out = int_from_i64(r))) { if (q_out) clear_ref(*q_out); return false; }
      return true;
    }
  }
  MpzArg x(a), y(b);
  Mpz q, r;
  mpz_fdiv_qr(q.v, r.v, x.p, y.p);
  if (q_out && !(*q_out = from_mpz(q))) return false;
  if (r_out && !(*r_out = from_mpz(r))) { if (q_out) clear_ref(*q_out); return false; }
  return true;
}

static Object* nb_floordiv(Object* a, Object* b) {
  CHECK_BINOP(a, b);
  Object* q = nullptr;
  if (!int_divmod_impl(a, b, &q, nullptr)) return nullptr;
  return q;
}
static Object* nb_mod(Object* a, Object* b) {
  CHECK_BINOP(a, b);
  Object* r = nullptr;
  if (!int_divmod_impl(a, b, nullptr, &r)) return nullptr;
  return r;
}
static Object* nb_divmod(Object* a, Object* b) {
  CHECK_BINOP(a, b);
  Object *q = nullptr, *r = nullptr;
  if (!int_divmod_impl(a, b, &q, &r)) return nullptr;
  Object* t = tuple_new(2);
  if (!t) { decref(q); decref(r); return nullptr; }
  tuple_init_item(t, 0, q);
  tuple_init_item(t, 1, r);
  return t;
}

// int / int, correctly rounded (as CPython's long_true_divide).
Object* int_true_divide(Object* a, Object* b) {
  if (int_sign(b) == 0) return zero_div();
  constexpr int64_t kExact = int64_t(1) << 53;
  if (both_compact(a, b)) {
    int64_t x = as_int(a)->value, y = as_int(b)->value;
    if (x > -kExact && x < kExact && y > -kExact && y < kExact) return float_from_double(double(x) / double(y));
  }
  MpzArg x(a), y(b);
  bool neg = (mpz_sgn(x.p) < 0) != (mpz_sgn(y.p) < 0);
  if (mpz_sgn(x.p) == 0) return float_from_double(neg ? -0.0 : 0.0);
  Mpz ax, ay;
  mpz_abs(ax.v, x.p);
  mpz_abs(ay.v, y.p);
  long na = long(mpz_sizeinbase(ax.v, 2)), nb = long(mpz_sizeinbase(ay.v, 2));
  long e = na - nb;  // quotient in [2**(e-1), 2**(e+1))
  if (e > 1025) return err_string(&exc::OverflowError, "integer division result too large for a float");
  if (e < -1080) return float_from_double(neg ? -0.0 : 0.0);
  // q = floor(ax * 2**-shift / ay) with at least 55 significant bits.
  long shift = e - 56;
  if (shift < -1078) shift = -1078;
  Mpz num, den, q, r;
  if (shift < 0) { mpz_mul_2exp(num.v, ax.v, mp_bitcnt_t(-shift)); mpz_set(den.v, ay.v); }
  else { mpz_set(num.v, ax.v); mpz_mul_2exp(den.v, ay.v, mp_bitcnt_t(shift)); }
  mpz_tdiv_qr(q.v, r.v, num.v, den.v);
  double d = mpz_sgn(q.v) == 0 ? 0.0 : round_mpz_to_double(q.v, shift, mpz_sgn(r.v) != 0);
  if (std::isinf(d)) return err_string(&exc::OverflowError, "integer division result too large for a float");
  return float_from_double(neg ? -d : d);
}
static Object* nb_truediv(Object* a, Object* b) { CHECK_BINOP(a, b); return int_true_divide(a, b); }

static Object* int_neg(Object* a) {
  if (!as_int(a)->big && as_int(a)->value != INT64_MIN) return int_from_i64(-as_int(a)->value);
  MpzArg x(a);
  Mpz r;
  mpz_neg(r.v, x.p);
  return from_mpz(r);
}
static Object* int_pos(Object* a) {
  if (int_check_exact(a)) return new_ref(a);
  if (!as_int(a)->big) return int_from_i64(as_int(a)->value);
  return from_mpz_copy(big_of(a));
}
static Object* int_abs(Object* a) { return int_sign(a) < 0 ? int_neg(a) : int_pos(a); }
static int int_bool(Object* a) { return int_sign(a) != 0; }
static Object* int_invert(Object* a) {
  if (!as_int(a)->big) return int_from_i64(~as_int(a)->value);
  Mpz r;
  mpz_com(r.v, big_of(a));
  return from_mpz(r);
}

// Exact copy as an exact int (int(x) of an int subclass).
static Object* int_long(Object* a) { return int_pos(a); }
static Object* int_float(Object* a) {
  double d = int_as_double(a);
  if (d == -1.0 && err_occurred()) return nullptr;
  return float_from_double(d);
}

static Object* int_pow_impl(Object* a, Object* b, Object* m) {
  if (!int_check(a) || !int_check(b)) return new_ref(NotImplemented);
  if (m != None && !int_check(m)) return new_ref(NotImplemented);
  if (m == None) {
    if (int_sign(b) < 0) return float_pow(a, b, None);
    // Small fast path by repeated squaring with overflow checks.
    if (both_compact(a, b)) {
      int64_t base = as_int(a)->value, e = as_int(b)->value, r = 1;
      bool ok = true;
      while (e > 0) {
        if (e & 1) { if (__builtin_mul_overflow(r, base, &r)) { ok = false; break; } }
        e >>= 1;
        if (e && __builtin_mul_overflow(base, base, &base)) { ok = false; break; }
      }
      if (ok) return int_from_i64(r);
    }
    MpzArg x(a);
    if (as_int(b)->big) {
      // Only 0, 1 and -1 survive an astronomically large exponent.
      if (mpz_cmpabs_ui(x.p, 1) <= 0) {
        if (mpz_sgn(x.p) >= 0) return int_from_i64(mpz_get_si(x.p));
        return int_from_i64(mpz_odd_p(big_of(b)) ? -1 : 1);
      }
      return err_no_memory();
    }
    if (mpz_cmpabs_ui(x.p, 1) > 0 &&
        __int128(bit_length_of(a) - 1) * as_int(b)->value > __int128(kMaxResultBits))
      return err_no_memory();  // GMP would abort instead of failing
    Mpz r;
    mpz_pow_ui(r.v, x.p, (unsigned long)as_int(b)->value);
    return from_mpz(r);
  }
  if (int_sign(m) == 0) return err_string(&exc::ValueError, "pow() 3rd argument cannot be 0");
  MpzArg x(a), y(b), z(m);
  Mpz am, base, r;
  mpz_abs(am.v, z.p);
  mpz_mod(base.v, x.p, am.v);
  Mpz ey;
  mpz_set(ey.v, y.p);
  if (mpz_sgn(ey.v) < 0) {
    if (!mpz_invert(base.v, base.v, am.v) && mpz_cmp_ui(am.v, 1) != 0)
      return err_string(&exc::ValueError, "base is not invertible for the given modulus");
    mpz_neg(ey.v, ey.v);
  }
  mpz_powm(r.v, base.v, ey.v, am.v);
  if (mpz_sgn(z.p) < 0 && mpz_sgn(r.v) != 0) mpz_add(r.v, r.v, z.p);
  return from_mpz(r);
}
static Object* nb_pow(Object* a, Object* b, Object* m) { return int_pow_impl(a, b, m ? m : None); }

static Object* nb_lshift(Object* a, Object* b) {
  CHECK_BINOP(a, b);
  if (int_sign(b) < 0) return err_string(&exc::ValueError, "negative shift count");
  if (int_sign(a) == 0) return int_from_i64(0);
  if (as_int(b)->big) return err_string(&exc::OverflowError, "too many digits in integer");
  int64_t s = as_int(b)->value;
  if (!as_int(a)->big && s < 63) {
    int64_t v = as_int(a)->value;
    __int128 r = __int128(v) * (__int128(1) << s);
    return from_i128(r);
  }
  // GMP aborts the process when it cannot allocate; refuse absurd sizes first
  // (CPython ends in MemoryError for these too).
  if (uint64_t(s) + bit_length_of(a) > kMaxResultBits) return err_no_memory();
  MpzArg x(a);
  Mpz r;
  mpz_mul_2exp(r.v, x.p, mp_bitcnt_t(s));
  return from_mpz(r);
}

static Object* nb_rshift(Object* a, Object* b) {
  CHECK_BINOP(a, b);
  if (int_sign(b) < 0) return err_string(&exc::ValueError, "negative shift count");
  if (as_int(b)->big) return int_from_i64(int_sign(a) < 0 ? -1 : 0);
  int64_t s = as_int(b)->value;
  if (!as_int(a)->big) {
    int64_t v = as_int(a)->value;
    return int_from_i64(s >= 64 ? (v < 0 ? -1 : 0) : (v >> s));  // arithmetic shift floors
  }
  Mpz r;
  mpz_fdiv_q_2exp(r.v, big_of(a), mp_bitcnt_t(s));
  return from_mpz(r);
}

// GMP's logical functions use two's complement semantics for negatives, as Python.
static Object* nb_and(Object* a, Object* b) {
  CHECK_BINOP(a, b);
  if (both_compact(a, b)) return int_from_i64(as_int(a)->value & as_int(b)->value);
  MpzArg x(a), y(b);
  Mpz r;
  mpz_and(r.v, x.p, y.p);
  return from_mpz(r);
}
static Object* nb_or(Object* a, Object* b) {
  CHECK_BINOP(a, b);
  if (both_compact(a, b)) return int_from_i64(as_int(a)->value | as_int(b)->value);
  MpzArg x(a), y(b);
  Mpz r;
  mpz_ior(r.v, x.p, y.p);
  return from_mpz(r);
}
static Object* nb_xor(Object* a, Object* b) {
  CHECK_BINOP(a, b);
  if (both_compact(a, b)) return int_from_i64(as_int(a)->value ^ as_int(b)->value);
  MpzArg x(a), y(b);
  Mpz r;
  mpz_xor(r.v, x.p, y.p);
  return from_mpz(r);
}

int int_compare(Object* a, Object* b) {
  if (both_compact(a, b)) {
    int64_t x = as_int(a)->value, y = as_int(b)->value;
    return x < y ? -1 : x > y;
  }
  MpzArg x(a), y(b);
  int c = mpz_cmp(x.p, y.p);
  return c < 0 ? -1 : c > 0;
}

static Object* int_richcompare(Object* a, Object* b, int op) {
  CHECK_BINOP(a, b);
  int c = int_compare(a, b);
  bool r = false;
  switch (op) {
    case kLT: r = c < 0; break;
    case kLE: r = c <= 0; break;
    case kEQ: r = c == 0; break;
    case kNE: r = c != 0; break;
    case kGT: r = c > 0; break;
    case kGE: r = c >= 0; break;
  }
  return bool_from(r);
}

// Exact int <-> double comparison: -1, 0, 1, or 2 when d is nan.
int int_compare_double(Object* i, double d) {
  if (std::isnan(d)) return 2;
  if (std::isinf(d)) return d > 0 ? -1 : 1;
  if (!as_int(i)->big) {
    int64_t v = as_int(i)->value;
    if (v > -(int64_t(1) << 53) && v < (int64_t(1) << 53)) {
      double x = double(v);
      return x < d ? -1 : x > d;
    }
  }
  double t = std::trunc(d);
  MpzArg x(i);
  Mpz dt;
  mpz_set_d(dt.v, t);
  int c = mpz_cmp(x.p, dt.v);
  if (c != 0) return c < 0 ? -1 : 1;
  double frac = d - t;
  return frac > 0 ? -1 : frac < 0 ? 1 : 0;
}

// ---------------------------------------------------------------- construction
static Object* int_subtype_from(Type* type, Object* value) {
  Object* o = type->tp_alloc ? type->tp_alloc(type, 0) : type_generic_alloc(type, 0);
  if (!o) return nullptr;
  if (as_int(value)->big) {
    auto* z = static_cast<mpz_ptr>(mem_alloc(sizeof(__mpz_struct)));
    if (!z) { decref(o); return err_no_memory(); }
    mpz_init_set(z, big_of(value));
    as_int(o)->big = z;
    as_int(o)->value = 0;
  } else {
    as_int(o)->big = nullptr;
    as_int(o)->value = as_int(value)->value;
  }
  return o;
}

// int(bytes-like, base); error messages show the bytes form (CPython copies
// bytearray and buffers into a bytes object first).
static Object* int_from_bytes_like(Object* x, int base) {
  const char* data;
  ssize len;
  if (bytes_check(x)) return parse_int(std::string_view(bytes_data(x), size_t(bytes_size(x))), base, x);
  if (!bytes_like_view(x, &data, &len))
    return err_format(&exc::TypeError,
                      "int() argument must be a string, a bytes-like object or a real number, not '%.200s'",
                      type_name(x->type));
  Ref<> b = steal(bytes_from(data, len));
  if (!b) return nullptr;
  return parse_int(std::string_view(bytes_data(b.get()), size_t(len)), base, b.get());
}

// int(x) without base: __int__, __index__, str/bytes parsing.
Object* int_from_object(Object* x) {
  if (int_check_exact(x)) return new_ref(x);
  Type* t = x->type;
  if (t->tp_as_number && t->tp_as_number->nb_int) {
    Object* r = t->tp_as_number->nb_int(x);
    if (!r || int_check_exact(r)) return r;
    if (!int_check(r)) {
      err_format(&exc::TypeError, "__int__ returned non-int (type %.200s)", type_name(r->type));
      decref(r);
      return nullptr;
    }
    Ref<> keep = steal(r);
    return int_pos(r);
  }
  if (t->tp_as_number && t->tp_as_number->nb_index) return number_index(x);
  if (str_check(x)) return int_from_str_object(x, 10);
  return int_from_bytes_like(x, 10);
  return err_format(&exc::TypeError,
                    "int() argument must be a string, a bytes-like object or a real number, not '%.200s'",
                    type_name(t));
}

static Object* int_new_impl(Object* x, Object* obase) {
  if (!obase) {
    if (!x) return int_from_i64(0);
    return int_from_object(x);
  }
  int64_t base = int_as_i64(obase);
  if (base == -1 && err_occurred()) {
    if (err_exception_matches(&exc::OverflowError)) {
      err_clear();
      return err_string(&exc::ValueError, "int() base must be >= 2 and <= 36, or 0");
    }
    return nullptr;
  }
  if ((base != 0 && base < 2) || base > 36)
    return err_string(&exc::ValueError, "int() base must be >= 2 and <= 36, or 0");
  if (!x) return err_string(&exc::TypeError, "int() missing string argument");
  if (str_check(x)) return int_from_str_object(x, int(base));
  const char* data;
  ssize len;
  if (bytes_check(x) || bytes_like_view(x, &data, &len)) return int_from_bytes_like(x, int(base));
  return err_string(&exc::TypeError, "int() can't convert non-string with explicit base");
}

static Object* int_tp_new(Type* type, Object* args, Object* kwds) {
  Object* x = nullptr;
  Object* base = nullptr;
  ssize n = args ? tuple_size(args) : 0;
  if (n > 2) return err_format(&exc::TypeError, "int expected at most 2 arguments, got %zd", n);
  if (n >= 1) x = tuple_get(args, 0);
  if (n >= 2) base = tuple_get(args, 1);
  if (kwds && dict_size(kwds) > 0) {
    ssize pos = 0;
    Object *k, *v;
    while (dict_next(kwds, &pos, &k, &v)) {
      if (str_eq_cstr(k, "base")) {
        if (base) return err_string(&exc::TypeError, "argument for int() given by name ('base') and position (2)");
        base = v;
      } else {
        static const char* const kNames[] = {"base"};
        return err_unexpected_keyword("int", k, kNames, 1);
      }
    }
  }
  Ref<> r = steal(int_new_impl(x, base));
  if (!r || type == &IntType) return r.release();
  return int_subtype_from(type, r.get());
}

static Object* int_vectorcall(Object* callable, Object* const* args, size_t nargsf, Object* kwnames) {
  ssize n = vectorcall_nargs(nargsf);
  if (callable != &IntType || (kwnames && tuple_size(kwnames) > 0)) {
    Ref<> t = steal(tuple_from_array(args, n));
    if (!t) return nullptr;
    Ref<> kw;
    if (kwnames && tuple_size(kwnames) > 0) {
      kw = steal(dict_new());
      if (!kw) return nullptr;
      for (ssize i = 0; i < tuple_size(kwnames); ++i)
        if (dict_setitem(kw.get(), tuple_get(kwnames, i), args[n + i]) < 0) return nullptr;
    }
    Type* tp = static_cast<Type*>(callable);
    return int_tp_new(tp, t.get(), kw.get());
  }
  if (n > 2) return err_format(&exc::TypeError, "int expected at most 2 arguments, got %zd", n);
  return int_new_impl(n >= 1 ? args[0] : nullptr, n >= 2 ? args[1] : nullptr);
}

// ---------------------------------------------------------------- methods
static Object* int_bit_length(Object* self, Object*) { return int_from_u64(bit_length_of(self)); }
static Object* int_bit_count(Object* self, Object*) {
  if (!as_int(self)->big) {
    int64_t v = as_int(self)->value;
    uint64_t u = v < 0 ? uint64_t(0) - uint64_t(v) : uint64_t(v);
    return int_from_i64(__builtin_popcountll(u));
  }
  Mpz a;
  mpz_abs(a.v, big_of(self));
  return int_from_u64(mpz_popcount(a.v));
}
static Object* int_as_integer_ratio(Object* self, Object*) {
  Ref<> n = steal(int_long(self));
  if (!n) return nullptr;
  return tuple_pack({n.get(), int_from_i64(1)});
}
static Object* int_conjugate(Object* self, Object*) { return int_long(self); }
static Object* int_is_integer(Object*, Object*) { return new_ref(True); }
static Object* int_trunc(Object* self, Object*) { return int_long(self); }
static Object* int_getnewargs(Object* self, Object*) {
  Ref<> n = steal(int_long(self));
  if (!n) return nullptr;
  return tuple_pack({n.get()});
}
static Object* int_sizeof(Object* self, Object*) {
  size_t bits = bit_length_of(self);
  size_t digits = bits == 0 ? 1 : (bits + 29) / 30;
  return int_from_u64(24 + 4 * digits - (digits > 0 ? 0 : 0));
}

static Object* int_round(Object* self, Object* const* args, ssize nargs) {
  if (nargs > 1) return err_format(&exc::TypeError, "__round__ expected at most 1 argument, got %zd", nargs);
  if (nargs == 0 || args[0] == None) return int_long(self);
  Ref<> nd = steal(number_index(args[0]));
  if (!nd) return nullptr;
  if (int_sign(nd.get()) >= 0) return int_long(self);
  // round to 10**(-ndigits), ties to even.
  if (as_int(nd.get())->big) return int_from_i64(0);
  int64_t k = -as_int(nd.get())->value;
  MpzArg x(self);
  Mpz p, q, r, twice;
  if (size_t(k) > mpz_sizeinbase(x.p, 10) + 1) return int_from_i64(0);
  mpz_ui_pow_ui(p.v, 10, (unsigned long)k);
  mpz_fdiv_qr(q.v, r.v, x.p, p.v);
  mpz_mul_2exp(twice.v, r.v, 1);
  int c = mpz_cmp(twice.v, p.v);
  if (c > 0 || (c == 0 && mpz_odd_p(q.v))) mpz_add_ui(q.v, q.v, 1);
  mpz_mul(q.v, q.v, p.v);
  return from_mpz(q);
}

static bool parse_byteorder(Object* bo, bool* little) {
  if (!bo) { *little = false; return true; }
  if (!str_check(bo)) {
    err_format(&exc::TypeError, "to_bytes() argument 'byteorder' must be str, not %.50s", type_name(bo->type));
    return false;
  }
  if (str_eq_cstr(bo, "little")) *little = true;
  else if (str_eq_cstr(bo, "big")) *little = false;
  else { err_set_string(&exc::ValueError, "byteorder must be either 'little' or 'big'"); return false; }
  return true;
}

static Object* int_to_bytes(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const names[] = {"length", "byteorder", "signed"};
  Object* a[3];
  if (!numargs::parse("to_bytes", args, nargs, kwnames, names, 3, 0, 2, 0, a)) return nullptr;
  ssize length = 1;
  if (a[0]) {
    length = number_as_ssize(a[0], &exc::OverflowError);
    if (length == -1 && err_occurred()) return nullptr;
    if (length < 0) return err_string(&exc::ValueError, "length argument must be non-negative");
  }
  bool little;
  if (!parse_byteorder(a[1], &little)) return nullptr;
  int is_signed = 0;
  if (a[2] && (is_signed = object_is_true(a[2])) < 0) return nullptr;
  MpzArg x(self);
  if (!is_signed && mpz_sgn(x.p) < 0) return err_string(&exc::OverflowError, "can't convert negative int to unsigned");
  // Negative values are written as the one's complement of (-v - 1), which is
  // v's two's complement without materialising 2**(8*length).
  bool neg = mpz_sgn(x.p) < 0;
  Mpz w;
  if (neg) { mpz_neg(w.v, x.p); mpz_sub_ui(w.v, w.v, 1); }
  else mpz_set(w.v, x.p);
  uint64_t bits = mpz_sgn(w.v) == 0 ? 0 : mpz_sizeinbase(w.v, 2);
  uint64_t avail = uint64_t(length) * 8 - (is_signed && length > 0 ? 1 : 0);
  if (bits > avail || (length == 0 && (neg || bits > 0)))
    return err_string(&exc::OverflowError, "int too big to convert");
  Object* out = bytes_from(nullptr, length);
  if (!out) return nullptr;
  unsigned char* d = reinterpret_cast<unsigned char*>(bytes_data(out));
  std::memset(d, 0, size_t(length));
  if (bits > 0) {
    size_t count = 0;
    size_t need = (bits + 7) / 8;
    mpz_export(d + (little ? 0 : size_t(length) - need), &count, little ? -1 : 1, 1, 0, 0, w.v);
  }
  if (neg)
    for (ssize k = 0; k < length; ++k) d[k] = (unsigned char)~d[k];
  return out;
}

static Object* int_from_bytes(Object* cls, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const names[] = {"bytes", "byteorder", "signed"};
  Object* a[3];
  if (!numargs::parse("from_bytes", args, nargs, kwnames, names, 3, 0, 2, 1, a)) return nullptr;
  bool little;
  if (!parse_byteorder(a[1], &little)) return nullptr;
  int is_signed = 0;
  if (a[2] && (is_signed = object_is_true(a[2])) < 0) return nullptr;
  Ref<> b;
  const char* data;
  ssize n;
  if (!bytes_like_view(a[0], &data, &n)) {
    if (str_check(a[0])) return err_string(&exc::TypeError, "cannot convert 'str' object to bytes");
    b = steal(call_one_arg(&BytesType, a[0]));
    if (!b) return nullptr;
    data = bytes_data(b.get());
    n = bytes_size(b.get());
  }
  Mpz v;
  if (n > 0) mpz_import(v.v, size_t(n), little ? -1 : 1, 1, 0, 0, data);
  if (is_signed && n > 0) {
    unsigned char msb = (unsigned char)data[little ? n - 1 : 0];
    if (msb & 0x80) {
      Mpz full;
      mpz_setbit(full.v, size_t(n) * 8);
      mpz_sub(v.v, v.v, full.v);
    }
  }
  Ref<> r = steal(from_mpz(v));
  if (!r || cls == &IntType) return r.release();
  return call_one_arg(cls, r.get());
}

// __format__: the mini-language for integers, delegating float types.
Object* int_format(Object* self, Object* spec_obj) {
  if (!str_check(spec_obj))
    return err_format(&exc::TypeError, "__format__() argument must be str, not %.50s", type_name(spec_obj->type));
  if (str_length(spec_obj) == 0) return object_str(self);
  FormatSpec spec;
  if (!format_spec_parse(spec_obj, &spec, '>', "int")) return nullptr;
  uint32_t t = spec.type;
  switch (t) {
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%': {
      double d = int_as_double(self);
      if (d == -1.0 && err_occurred()) return nullptr;
      Ref<> f = steal(float_from_double(d));
      if (!f) return nullptr;
      return object_format(f.get(), spec_obj);
    }
    case 0: case 'd': case 'n': case 'b': case 'o': case 'x': case 'X': case 'c': break;
    default: return format_unknown_code(t, "int");
  }
  if (spec.precision >= 0) return err_string(&exc::ValueError, "Precision not allowed in integer format specifier");
  if (spec.no_neg_zero) return err_string(&exc::ValueError, "Negative zero coercion (z) not allowed in integer format specifier");
  if (t == 'c') {
    if (spec.sign) return err_string(&exc::ValueError, "Sign not allowed with integer format specifier 'c'");
    if (spec.alternate) return err_string(&exc::ValueError, "Alternate form (#) not allowed with integer format specifier 'c'");
    int overflow;
    int64_t cp = int_as_i64_overflow(self, &overflow);
    if (overflow) return err_string(&exc::OverflowError, "Python int too large to convert to C long");
    if (cp < 0 || cp > 0x10ffff) return err_string(&exc::OverflowError, "%c arg not in range(0x110000)");
    StrBuilder sb;
    if (!sb.append_char(uint32_t(cp))) return nullptr;
    Ref<> body = steal(sb.finish());
    if (!body) return nullptr;
    ssize blen;
    const char* u = str_as_utf8(body.get(), &blen);
    if (!u) return nullptr;
    return format_pad(std::string_view(u, size_t(blen)), 1, spec);
  }
  int base = 10;
  const char* prefix = "";
  if (t == 'b') { base = 2; prefix = "0b"; }
  else if (t == 'o') { base = 8; prefix = "0o"; }
  else if (t == 'x') { base = 16; prefix = "0x"; }
  else if (t == 'X') { base = 16; prefix = "0X"; }
  MpzArg x(self);
  bool neg = mpz_sgn(x.p) < 0;
  std::string digits;
  if (base == 10) {
    if (!decimal_text(self, &digits)) return nullptr;
    if (neg) digits.erase(0, 1);
  } else {
    Mpz a;
    mpz_abs(a.v, x.p);
    digits.resize(mpz_sizeinbase(a.v, base) + 2);
    mpz_get_str(digits.data(), t == 'X' ? -16 : base, a.v);
    digits.resize(std::strlen(digits.c_str()));
  }
  const char* sign = neg ? "-" : spec.sign == '+' ? "+" : spec.sign == ' ' ? " " : "";
  return format_number(spec, sign, spec.alternate ? prefix : "", digits, "", base == 10 ? 3 : 4);
}

static Object* int_format_method(Object* self, Object* spec) { return int_format(self, spec); }

static Object* int_get_real(Object* self, void*) { return int_long(self); }
static Object* int_get_imag(Object*, void*) { return int_from_i64(0); }
static Object* int_get_one(Object*, void*) { return int_from_i64(1); }

static Object* int_index(Object* self) { return int_long(self); }

static NumberMethods int_as_number;

static const MethodDef int_methods[] = {
    {"conjugate", (void*)int_conjugate, kMethNoArgs, "Returns self, the complex conjugate of any int."},
    {"bit_length", (void*)int_bit_length, kMethNoArgs, "Number of bits necessary to represent self in binary."},
    {"bit_count", (void*)int_bit_count, kMethNoArgs, "Number of ones in the binary representation of the absolute value of self."},
    {"to_bytes", (void*)int_to_bytes, kMethFastcall | kMethKeywords, "Return an array of bytes representing an integer."},
    {"from_bytes", (void*)int_from_bytes, kMethFastcall | kMethKeywords | kMethClass, "Return the integer represented by the given array of bytes."},
    {"as_integer_ratio", (void*)int_as_integer_ratio, kMethNoArgs, "Return a pair of integers, whose ratio is equal to the original int."},
    {"__trunc__", (void*)int_trunc, kMethNoArgs, "Truncating an Integral returns itself."},
    {"__floor__", (void*)int_trunc, kMethNoArgs, "Flooring an Integral returns itself."},
    {"__ceil__", (void*)int_trunc, kMethNoArgs, "Ceiling of an Integral returns itself."},
    {"__round__", (void*)int_round, kMethFastcall, "Rounding an Integral returns itself."},
    {"__getnewargs__", (void*)int_getnewargs, kMethNoArgs, nullptr},
    {"__format__", (void*)int_format_method, kMethO, "Convert to a string according to format_spec."},
    {"__sizeof__", (void*)int_sizeof, kMethNoArgs, "Returns size in memory, in bytes."},
    {"is_integer", (void*)int_is_integer, kMethNoArgs, "Returns True. Exists for duck type compatibility with float.is_integer."},
    {nullptr, nullptr, 0, nullptr}};

static const GetSetDef int_getset[] = {
    {"real", int_get_real, nullptr, "the real part of a complex number", nullptr},
    {"imag", int_get_imag, nullptr, "the imaginary part of a complex number", nullptr},
    {"numerator", int_get_real, nullptr, "the numerator of a rational number in lowest terms", nullptr},
    {"denominator", int_get_one, nullptr, "the denominator of a rational number in lowest terms", nullptr},
    {nullptr, nullptr, nullptr, nullptr, nullptr}};

void init_int_types() {
  NumberMethods& nb = int_as_number;
  nb.nb_add = nb_add;
  nb.nb_subtract = nb_sub;
  nb.nb_multiply = nb_mul;
  nb.nb_remainder = nb_mod;
  nb.nb_divmod = nb_divmod;
  nb.nb_power = nb_pow;
  nb.nb_negative = int_neg;
  nb.nb_positive = int_pos;
  nb.nb_absolute = int_abs;
  nb.nb_bool = int_bool;
  nb.nb_invert = int_invert;
  nb.nb_lshift = nb_lshift;
  nb.nb_rshift = nb_rshift;
  nb.nb_and = nb_and;
  nb.nb_xor = nb_xor;
  nb.nb_or = nb_or;
  nb.nb_int = int_long;
  nb.nb_float = int_float;
  nb.nb_floor_divide = nb_floordiv;
  nb.nb_true_divide = nb_truediv;
  nb.nb_index = int_index;

  Type& t = IntType;
  t.tp_name = "int";
  t.tp_basicsize = sizeof(IntObject);
  t.tp_itemsize = 0;
  t.tp_dealloc = int_dealloc;
  t.tp_repr = int_repr;
  t.tp_as_number = &int_as_number;
  t.tp_hash = int_hash;
  t.tp_flags = kTpflagsDefault | kTpflagsBaseType | kTpflagsLongSubclass | kTpflagsMatchSelf;
  t.tp_doc =
      "int([x]) -> integer\nint(x, base=10) -> integer\n\n"
      "Convert a number or string to an integer, or return 0 if no arguments\n"
      "are given.  If x is a number, return x.__int__().  For floating-point\n"
      "numbers, this truncates towards zero.\n\n"
      "If x is not a number or if base is given, then x must be a string,\n"
      "bytes, or bytearray instance representing an integer literal in the\n"
      "given base.  The literal can be preceded by '+' or '-' and be surrounded\n"
      "by whitespace.  The base defaults to 10.  Valid bases are 0 and 2-36.\n"
      "Base 0 means to interpret the base from the string as an integer\n"
      "iteral.\n"  // sic: CPython 3.14's docstring has this typo
      ">>> int('0b100', base=0)\n4";
  t.tp_richcompare = int_richcompare;
  t.tp_methods = int_methods;
  t.tp_getset = int_getset;
  t.tp_base = &ObjectType;
  t.tp_new = int_tp_new;
  t.tp_free = object_free;
  t.tp_vectorcall = int_vectorcall;
}

// Access for other modules (math, random, marshal): the mpz of a big int or null.
const void* int_big_mpz(Object* o) { return as_int(o)->big; }
Object* int_from_mpz_copy(const void* mpz) { return from_mpz_copy(static_cast<mpz_srcptr>(mpz)); }

}  // namespace pyxx
