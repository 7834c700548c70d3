// float: IEEE double; repr is the shortest round-trip form laid out by
// CPython's rules (objects/float.cpp).
#pragma once
#include <string>
#include <string_view>
#include "core/type.h"

namespace pyxx {
struct FloatObject : Object { double value; };
extern Type FloatType;
PYXX_ALWAYS_INLINE bool float_check(const Object* o) { return o->type == &FloatType || type_is_subtype(o->type, &FloatType); }
PYXX_ALWAYS_INLINE bool float_check_exact(const Object* o) { return o->type == &FloatType; }
PYXX_ALWAYS_INLINE double float_value(const Object* o) { return static_cast<const FloatObject*>(o)->value; }
[[nodiscard]] Object* float_from_double(double v);
// float(x) semantics for any object: __float__, __index__; -1.0 with error set on failure.
[[nodiscard]] double float_as_double(Object* o);
// Parses Python float syntax (underscores, inf/nan, whitespace); ValueError
// "could not convert string to float: %R" on failure.
[[nodiscard]] Object* float_from_string(std::string_view text);
std::string float_repr_string(double v);  // repr(float)
Hash float_hash_value(double v);          // CPython's _Py_HashDouble (needs the object for nan)
// --- added by the numbers area ---
// float's nb_power (accepts int operands too; used by int ** negative int).
[[nodiscard]] Object* float_pow(Object* a, Object* b, Object* mod);
// Converts an int or float operand to double; 0 = not a number type (NotImplemented), -1 error, 1 ok.
int float_convert_operand(Object* o, double* out);
[[nodiscard]] Object* float_format(Object* self, Object* spec);  // float.__format__
void init_float_type();  // FloatType
}  // namespace pyxx
