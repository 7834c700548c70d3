// complex (objects/complex.cpp).
#pragma once
#include "core/type.h"

namespace pyxx {
struct ComplexObject : Object { double real, imag; };
extern Type ComplexType;
inline bool complex_check(const Object* o) { return o->type == &ComplexType || type_is_subtype(o->type, &ComplexType); }
[[nodiscard]] Object* complex_from_doubles(double real, double imag);
// --- added by the numbers area ---
void init_complex_type();  // ComplexType
}  // namespace pyxx
