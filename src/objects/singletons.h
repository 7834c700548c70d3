// None, NotImplemented and Ellipsis: immortal singletons (objects/singletons.cpp).
#pragma once
#include "core/type.h"

namespace pyxx {
extern Object NoneStruct, NotImplementedStruct, EllipsisStruct;
extern Type NoneType, NotImplementedType, EllipsisType;
inline Object* const None = &NoneStruct;
inline Object* const NotImplemented = &NotImplementedStruct;
inline Object* const Ellipsis = &EllipsisStruct;
inline Object* none_ref() { return None; }  // immortal: no incref needed, but harmless
void init_singleton_types();
}  // namespace pyxx
