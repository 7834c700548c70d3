// types.GenericAlias (objects/genericalias.cpp): `list[int]` and friends,
// as CPython's Objects/genericaliasobject.c.
#pragma once
#include "core/type.h"

namespace pyxx {
extern Type GenericAliasType;
// GenericAlias(origin, args): args is wrapped in a 1-tuple unless it is a tuple.
[[nodiscard]] Object* generic_alias_new(Object* origin, Object* args);
// Shared `__class_getitem__` implementation (METH_O | METH_CLASS) for built-in types.
[[nodiscard]] Object* generic_alias_class_getitem(Object* cls, Object* item);
// Helpers shared with objects/union.cpp: the repr of one alias argument
// (`int`, `mod.C`, `...`, nested aliases) and the type variables in a tuple of args.
class StrBuilder;
[[nodiscard]] bool generic_alias_repr_item(StrBuilder& b, Object* item);
[[nodiscard]] Object* generic_alias_make_parameters(Object* args);
void init_genericalias_types();
}  // namespace pyxx
