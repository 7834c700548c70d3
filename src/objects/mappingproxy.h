// mappingproxy (objects/mappingproxy.cpp): read-only view of a mapping (type.__dict__).
#pragma once
#include "core/type.h"

namespace pyxx {
struct MappingProxyObject : Object { Object* mapping; };
extern Type MappingProxyType;
[[nodiscard]] Object* mappingproxy_new(Object* mapping);
void init_mappingproxy_types();
}  // namespace pyxx
