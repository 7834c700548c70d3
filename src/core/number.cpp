// Number protocol (core/abstract.h): binary-operator dispatch with CPython's
// subclass-first reflected rule, sequence concat/repeat fallbacks, in-place
// operators, unary operators, __index__/int()/float() conversions.
#include <cstring>
#include "core/abstract.h"
#include "core/error.h"
#include "objects/bytes.h"
#include "objects/exceptions.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/method.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/type_internal.h"

namespace pyxx {

using NbSlot = BinaryFunc NumberMethods::*;

static PYXX_ALWAYS_INLINE BinaryFunc nb_slot(Type* t, NbSlot s) {
  return t->tp_as_number ? t->tp_as_number->*s : nullptr;
}

static Object* binary_op1(Object* v, Object* w, NbSlot s) {
  Type* tv = type_of(v);
  Type* tw = type_of(w);
  BinaryFunc slotv = nb_slot(tv, s);
  BinaryFunc slotw = nullptr;
  if (tw != tv) {
    slotw = nb_slot(tw, s);
    if (slotw == slotv) slotw = nullptr;
  }
  Object* x;
  if (slotv) {
    if (slotw && type_is_subtype(tw, tv)) {
      x = slotw(v, w);
      if (x != NotImplemented) return x;
      decref(x);
      slotw = nullptr;
    }
    x = slotv(v, w);
    if (x != NotImplemented) return x;
    decref(x);
  }
  if (slotw) {
    x = slotw(v, w);
    if (x != NotImplemented) return x;
    decref(x);
  }
  return new_ref(NotImplemented);
}

static Object* binop_type_error(Object* v, Object* w, const char* op_name) {
  return err_format(&exc::TypeError, "unsupported operand type(s) for %.100s: '%.100s' and '%.100s'", op_name,
                    type_of(v)->tp_name, type_of(w)->tp_name);
}

static Object* binary_op(Object* v, Object* w, NbSlot s, const char* op_name) {
  Object* r = binary_op1(v, w, s);
  if (r == NotImplemented) {
    decref(r);
    return binop_type_error(v, w, op_name);
  }
  return r;
}

static Object* ternary_op(Object* v, Object* w, Object* z, TernaryFunc NumberMethods::*s, const char* op_name) {
  Type* tv = type_of(v);
  Type* tw = type_of(w);
  TernaryFunc slotv = tv->tp_as_number ? tv->tp_as_number->*s : nullptr;
  TernaryFunc slotw = nullptr;
  if (tw != tv) {
    slotw = tw->tp_as_number ? tw->tp_as_number->*s : nullptr;
    if (slotw == slotv) slotw = nullptr;
  }
  Object* x;
  if (slotv) {
    if (slotw && type_is_subtype(tw, tv)) {
      x = slotw(v, w, z);
      if (x != NotImplemented) return x;
      decref(x);
      slotw = nullptr;
    }
    x = slotv(v, w, z);
    if (x != NotImplemented) return x;
    decref(x);
  }
  if (slotw) {
    x = slotw(v, w, z);
    if (x != NotImplemented) return x;
    decref(x);
  }
  if (z != None) {
    Type* tz = type_of(z);
    TernaryFunc slotz = tz->tp_as_number ? tz->tp_as_number->*s : nullptr;
    if (slotz == slotv || slotz == slotw) slotz = nullptr;
    if (slotz) {
      x = slotz(v, w, z);
      if (x != NotImplemented) return x;
      decref(x);
    }
    return err_format(&exc::TypeError, "unsupported operand type(s) for %.100s: '%.100s', '%.100s', '%.100s'", op_name,
                      tv->tp_name, tw->tp_name, tz->tp_name);
  }
  return err_format(&exc::TypeError, "unsupported operand type(s) for %.100s: '%.100s' and '%.100s'", op_name,
                    tv->tp_name, tw->tp_name);
}

static Object* sequence_repeat(SsizeArgFunc repeat, Object* seq, Object* n) {
  if (!index_check(n)) {
    return err_format(&exc::TypeError, "can't multiply sequence by non-int of type '%.200s'", type_of(n)->tp_name);
  }
  ssize count = number_as_ssize(n, &exc::OverflowError);
  if (count == -1 && err_occurred()) return nullptr;
  return repeat(seq, count);
}

Object* number_add(Object* a, Object* b) {
  Object* r = binary_op1(a, b, &NumberMethods::nb_add);
  if (r != NotImplemented) return r;
  decref(r);
  SequenceMethods* sq = type_of(a)->tp_as_sequence;
  if (sq && sq->sq_concat) return sq->sq_concat(a, b);
  return binop_type_error(a, b, "+");
}

Object* number_multiply(Object* a, Object* b) {
  Object* r = binary_op1(a, b, &NumberMethods::nb_multiply);
  if (r != NotImplemented) return r;
  decref(r);
  SequenceMethods* sa = type_of(a)->tp_as_sequence;
  SequenceMethods* sb = type_of(b)->tp_as_sequence;
  if (sa && sa->sq_repeat) return sequence_repeat(sa->sq_repeat, a, b);
  if (sb && sb->sq_repeat) return sequence_repeat(sb->sq_repeat, b, a);
  return binop_type_error(a, b, "*");
}

#define BINOP(fn, slot, op) \
  Object* fn(Object* a, Object* b) { return binary_op(a, b, &NumberMethods::slot, op); }
BINOP(number_subtract, nb_subtract, "-")
BINOP(number_matrix_multiply, nb_matrix_multiply, "@")
BINOP(number_true_divide, nb_true_divide, "/")
BINOP(number_floor_divide, nb_floor_divide, "//")
BINOP(number_remainder, nb_remainder, "%")
BINOP(number_divmod, nb_divmod, "divmod()")
BINOP(number_lshift, nb_lshift, "<<")
BINOP(number_rshift, nb_rshift, ">>")
BINOP(number_and, nb_and, "&")
BINOP(number_or, nb_or, "|")
BINOP(number_xor, nb_xor, "^")
#undef BINOP

Object* number_power(Object* a, Object* b, Object* mod) {
  if (!mod) mod = None;
  return ternary_op(a, b, mod, &NumberMethods::nb_power, "** or pow()");
}

// In-place: the in-place slot of the left operand, then the binary dispatch.
static Object* binary_iop1(Object* v, Object* w, NbSlot islot, NbSlot slot) {
  NumberMethods* mv = type_of(v)->tp_as_number;
  if (mv) {
    BinaryFunc f = mv->*islot;
    if (f) {
      Object* x = f(v, w);
      if (x != NotImplemented) return x;
      decref(x);
    }
  }
  return binary_op1(v, w, slot);
}

static Object* binary_iop(Object* v, Object* w, NbSlot islot, NbSlot slot, const char* op_name) {
  Object* r = binary_iop1(v, w, islot, slot);
  if (r == NotImplemented) {
    decref(r);
    return binop_type_error(v, w, op_name);
  }
  return r;
}

static Object* inplace_add(Object* a, Object* b) {
  Object* r = binary_iop1(a, b, &NumberMethods::nb_inplace_add, &NumberMethods::nb_add);
  if (r != NotImplemented) return r;
  decref(r);
  SequenceMethods* sq = type_of(a)->tp_as_sequence;
  if (sq) {
    if (sq->sq_inplace_concat) return sq->sq_inplace_concat(a, b);
    if (sq->sq_concat) return sq->sq_concat(a, b);
  }
  return binop_type_error(a, b, "+=");
}

static Object* inplace_multiply(Object* a, Object* b) {
  Object* r = binary_iop1(a, b, &NumberMethods::nb_inplace_multiply, &NumberMethods::nb_multiply);
  if (r != NotImplemented) return r;
  decref(r);
  SequenceMethods* sa = type_of(a)->tp_as_sequence;
  SequenceMethods* sb = type_of(b)->tp_as_sequence;
  if (sa && (sa->sq_inplace_repeat || sa->sq_repeat))
    return sequence_repeat(sa->sq_inplace_repeat ? sa->sq_inplace_repeat : sa->sq_repeat, a, b);
  if (sb && sb->sq_repeat) return sequence_repeat(sb->sq_repeat, b, a);
  return binop_type_error(a, b, "*=");
}

static Object* inplace_power(Object* a, Object* b) {
  NumberMethods* mv = type_of(a)->tp_as_number;
  if (mv && mv->nb_inplace_power) {
    Object* x = mv->nb_inplace_power(a, b, None);
    if (x != NotImplemented) return x;
    decref(x);
  }
  return ternary_op(a, b, None, &NumberMethods::nb_power, "**=");
}

Object* number_binary_op(Object* a, Object* b, int op) {
  using NM = NumberMethods;
  switch (op) {
    case kNbAdd: return number_add(a, b);
    case kNbAnd: return number_and(a, b);
    case kNbFloorDivide: return number_floor_divide(a, b);
    case kNbLshift: return number_lshift(a, b);
    case kNbMatrixMultiply: return number_matrix_multiply(a, b);
    case kNbMultiply: return number_multiply(a, b);
    case kNbRemainder: return number_remainder(a, b);
    case kNbOr: return number_or(a, b);
    case kNbPower: return number_power(a, b, None);
    case kNbRshift: return number_rshift(a, b);
    case kNbSubtract: return number_subtract(a, b);
    case kNbTrueDivide: return number_true_divide(a, b);
    case kNbXor: return number_xor(a, b);
    case kNbInplaceAdd: return inplace_add(a, b);
    case kNbInplaceAnd: return binary_iop(a, b, &NM::nb_inplace_and, &NM::nb_and, "&=");
    case kNbInplaceFloorDivide: return binary_iop(a, b, &NM::nb_inplace_floor_divide, &NM::nb_floor_divide, "//=");
    case kNbInplaceLshift: return binary_iop(a, b, &NM::nb_inplace_lshift, &NM::nb_lshift, "<<=");
    case kNbInplaceMatrixMultiply:
      return binary_iop(a, b, &NM::nb_inplace_matrix_multiply, &NM::nb_matrix_multiply, "@=");
    case kNbInplaceMultiply: return inplace_multiply(a, b);
    case kNbInplaceRemainder: return binary_iop(a, b, &NM::nb_inplace_remainder, &NM::nb_remainder, "%=");
    case kNbInplaceOr: return binary_iop(a, b, &NM::nb_inplace_or, &NM::nb_or, "|=");
    case kNbInplacePower: return inplace_power(a, b);
    case kNbInplaceRshift: return binary_iop(a, b, &NM::nb_inplace_rshift, &NM::nb_rshift, ">>=");
    case kNbInplaceSubtract: return binary_iop(a, b, &NM::nb_inplace_subtract, &NM::nb_subtract, "-=");
    case kNbInplaceTrueDivide: return binary_iop(a, b, &NM::nb_inplace_true_divide, &NM::nb_true_divide, "/=");
    case kNbInplaceXor: return binary_iop(a, b, &NM::nb_inplace_xor, &NM::nb_xor, "^=");
    case kNbSubscr: return object_getitem(a, b);
  }
  return err_bad_internal_call("number_binary_op");
}

#define UNOP(fn, slot, msg)                                                                 \
  Object* fn(Object* a) {                                                                   \
    NumberMethods* m = type_of(a)->tp_as_number;                                            \
    if (m && m->slot) return m->slot(a);                                                    \
    return err_format(&exc::TypeError, msg, type_of(a)->tp_name);                           \
  }
UNOP(number_negative, nb_negative, "bad operand type for unary -: '%.200s'")
UNOP(number_positive, nb_positive, "bad operand type for unary +: '%.200s'")
UNOP(number_invert, nb_invert, "bad operand type for unary ~: '%.200s'")
UNOP(number_absolute, nb_absolute, "bad operand type for abs(): '%.200s'")
#undef UNOP

bool index_check(Object* a) {
  NumberMethods* m = type_of(a)->tp_as_number;
  return m && m->nb_index;
}

// An exact int equal to the int (subclass instance) v: CPython's _PyLong_Copy
// (int's nb_positive returns exact ints for subclasses such as bool).
static Object* int_exact_copy(Object* v) { return IntType.tp_as_number->nb_positive(v); }

// PyNumber_Index: always an exact int (range(True) is range(0, 1)).
Object* number_index(Object* a) {
  if (int_check_exact(a)) return new_ref(a);
  if (int_check(a)) return int_exact_copy(a);
  NumberMethods* m = type_of(a)->tp_as_number;
  if (!m || !m->nb_index) {
    return err_format(&exc::TypeError, "'%.200s' object cannot be interpreted as an integer", type_of(a)->tp_name);
  }
  Object* r = m->nb_index(a);
  if (!r || int_check_exact(r)) return r;
  if (!int_check(r)) {
    err_format(&exc::TypeError, "__index__ returned non-int (type %.200s)", type_of(r)->tp_name);
    decref(r);
    return nullptr;
  }
  Object* c = int_exact_copy(r);
  decref(r);
  return c;
}

ssize number_as_ssize(Object* a, Type* overflow_exc) {
  if (int_check(a) && int_is_compact(a)) return ssize(int_compact_value(a));
  Ref<> v = steal(number_index(a));
  if (!v) return -1;
  int overflow = 0;
  int64_t x = int_as_i64_overflow(v.get(), &overflow);
  if (!overflow) return ssize(x);
  if (!overflow_exc) return overflow < 0 ? kSsizeMin : kSsizeMax;
  err_format(overflow_exc, "cannot fit '%.200s' into an index-sized integer", type_of(a)->tp_name);
  return -1;
}

Object* number_long(Object* a) {
  if (int_check_exact(a)) return new_ref(a);
  NumberMethods* m = type_of(a)->tp_as_number;
  if (m && m->nb_int) {
    Object* r = m->nb_int(a);
    if (!r || int_check_exact(r)) return r;
    if (!int_check(r)) {
      err_format(&exc::TypeError, "__int__ returned non-int (type %.200s)", type_of(r)->tp_name);
      decref(r);
      return nullptr;
    }
    return r;
  }
  if (m && m->nb_index) return number_index(a);
  if (str_check(a)) {
    ssize len;
    const char* s = str_as_utf8(a, &len);
    if (!s) return nullptr;
    return int_from_string(std::string_view(s, size_t(len)), 10);
  }
  if (bytes_check(a)) return int_from_string(std::string_view(bytes_data(a), size_t(bytes_size(a))), 10);
  return err_format(&exc::TypeError, "int() argument must be a string, a bytes-like object or a real number, not '%.200s'",
                    type_of(a)->tp_name);
}

Object* number_float(Object* a) {
  if (float_check_exact(a)) return new_ref(a);
  NumberMethods* m = type_of(a)->tp_as_number;
  if (m && m->nb_float) {
    Object* r = m->nb_float(a);
    if (!r || float_check_exact(r)) return r;
    if (!float_check(r)) {
      err_format(&exc::TypeError, "%.50s.__float__ returned non-float (type %.50s)", type_of(a)->tp_name,
                 type_of(r)->tp_name);
      decref(r);
      return nullptr;
    }
    double d = float_value(r);
    decref(r);
    return float_from_double(d);
  }
  if (m && m->nb_index) {
    Ref<> i = steal(number_index(a));
    if (!i) return nullptr;
    double d = int_as_double(i.get());
    if (d == -1.0 && err_occurred()) return nullptr;
    return float_from_double(d);
  }
  if (float_check(a)) return float_from_double(float_value(a));
  if (str_check(a)) {
    ssize len;
    const char* s = str_as_utf8(a, &len);
    if (!s) return nullptr;
    return float_from_string(std::string_view(s, size_t(len)));
  }
  if (bytes_check(a)) return float_from_string(std::string_view(bytes_data(a), size_t(bytes_size(a))));
  return err_format(&exc::TypeError, "float() argument must be a string or a real number, not '%.200s'", type_of(a)->tp_name);
}

}  // namespace pyxx
