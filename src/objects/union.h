// typing.Union (objects/union.cpp): the result of `int | str`, as CPython
// 3.14's Objects/unionobject.c (types.UnionType is typing.Union).
#pragma once
#include "core/type.h"

namespace pyxx {
extern Type UnionType;
// `a | b` for types, None, generic aliases, unions and type aliases;
// NotImplemented for anything else. Collapses to the single member when the
// deduplicated union has one argument.
[[nodiscard]] Object* union_type_or(Object* a, Object* b);
void init_union_types();
}  // namespace pyxx
