// The iterator classes exposed as builtins: enumerate (objects/enumerate.cpp)
// and zip, map, filter, reversed (objects/builtin_iters.cpp). The builtins
// module publishes these Type objects as builtins.enumerate, builtins.zip, ...
#pragma once
#include "core/type.h"

namespace pyxx {
extern Type EnumerateType;
extern Type ZipType, MapType, FilterType, ReversedType;
void init_enumerate_type();
void init_builtin_iter_types();
}  // namespace pyxx
