// super (objects/super.cpp) and the helper behind LOAD_SUPER_ATTR.
#pragma once
#include "core/type.h"

namespace pyxx {
struct SuperObject : Object { Type* type; Object* obj; Type* obj_type; };
extern Type SuperType;
// super(class_, self).name as compiled for zero-argument super():
// `global_super` is the value of the name `super` (if it is not the builtin
// super type, it is called as super(class_, self) and getattr'd normally).
// With method_found non-null and the attribute a plain function / method
// descriptor, returns it unbound and sets *method_found = 1 (caller calls it
// with self prepended); otherwise returns the bound attribute (*method_found = 0).
[[nodiscard]] Object* super_lookup_attr(Object* global_super, Object* class_, Object* self, Object* name,
                                        int* method_found);
void init_super_types();
}  // namespace pyxx
