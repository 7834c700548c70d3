// types.SimpleNamespace (objects/namespace.cpp).
#pragma once
#include "core/type.h"

namespace pyxx {
struct NamespaceObject : Object { Object* ns_dict; };
extern Type NamespaceType;
void init_namespace_type();
// A namespace whose attributes are the items of `kwds` (a dict, may be null).
[[nodiscard]] Object* namespace_new(Object* kwds);
}  // namespace pyxx
