// int (and bool, a subclass): values fitting int64 stored inline with
// overflow-checked fast paths; larger magnitudes in a GMP mpz (objects/int.cpp).
#pragma once
#include <string_view>
#include "core/type.h"

namespace pyxx {

struct IntObject : Object {
  int64_t value;   // the value when big == nullptr ("compact")
  void* big;       // owned __mpz_struct* for values outside int64, else nullptr
};
extern Type IntType;
extern Type BoolType;
extern IntObject TrueStruct, FalseStruct;
inline Object* const True = &TrueStruct;
inline Object* const False = &FalseStruct;

PYXX_ALWAYS_INLINE bool int_check(const Object* o) { return type_has_flag(o->type, kTpflagsLongSubclass); }
PYXX_ALWAYS_INLINE bool int_check_exact(const Object* o) { return o->type == &IntType; }
PYXX_ALWAYS_INLINE bool bool_check(const Object* o) { return o->type == &BoolType; }
PYXX_ALWAYS_INLINE bool int_is_compact(const Object* o) { return static_cast<const IntObject*>(o)->big == nullptr; }
PYXX_ALWAYS_INLINE int64_t int_compact_value(const Object* o) { return static_cast<const IntObject*>(o)->value; }
PYXX_ALWAYS_INLINE Object* bool_from(bool b) { return b ? True : False; }  // immortal; returned ref needs no incref

constexpr int kSmallIntMin = -5, kSmallIntMax = 256;  // cached, immortal
[[nodiscard]] Object* int_from_i64(int64_t v);
[[nodiscard]] Object* int_from_u64(uint64_t v);
[[nodiscard]] inline Object* int_from_ssize(ssize v) { return int_from_i64(v); }
[[nodiscard]] Object* int_from_double(double d);  // int(float): ValueError/OverflowError for nan/inf
// Parses like int(text, base) (underscores, whitespace, prefixes when base 0);
// raises ValueError "invalid literal for int() with base %d: %R" on bad input.
[[nodiscard]] Object* int_from_string(std::string_view text, int base);
// Exact conversions; on overflow raise OverflowError and return -1.
[[nodiscard]] int64_t int_as_i64(Object* o);
[[nodiscard]] ssize int_as_ssize(Object* o);
// Sets *overflow to -1/+1 instead of raising when out of range.
int64_t int_as_i64_overflow(Object* o, int* overflow);
[[nodiscard]] double int_as_double(Object* o);  // OverflowError "int too large to convert to float"
int int_sign(Object* o);                        // -1, 0, 1
[[nodiscard]] Object* int_to_decimal_string(Object* o);  // str(int), honours int_max_str_digits
Hash int_hash(Object* o);
// Arithmetic on ints (both operands int instances): new refs.
[[nodiscard]] Object* int_add(Object* a, Object* b);
[[nodiscard]] Object* int_sub(Object* a, Object* b);
[[nodiscard]] Object* int_mul(Object* a, Object* b);
int int_compare(Object* a, Object* b);  // -1, 0, 1
// --- added by the numbers area ---
[[nodiscard]] Object* int_true_divide(Object* a, Object* b);   // int / int, correctly rounded
// Exact comparison of an int with a double: -1, 0, 1, or 2 when d is nan.
int int_compare_double(Object* i, double d);
// int(x) without a base: __int__, __index__, str/bytes (3.14: no __trunc__).
[[nodiscard]] Object* int_from_object(Object* x);
[[nodiscard]] Object* int_format(Object* self, Object* spec);   // int.__format__
// GMP access for math/random/marshal: the __mpz_struct* of a big int (null when compact),
// and a normalised int from a copy of an mpz.
const void* int_big_mpz(Object* o);
[[nodiscard]] Object* int_from_mpz_copy(const void* mpz_srcptr);
void init_int_types();   // IntType
void init_bool_type();   // BoolType (objects/bool.cpp)
}  // namespace pyxx
