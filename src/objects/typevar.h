// PEP 695 run-time objects: typing.TypeVar / ParamSpec / TypeVarTuple /
// TypeAliasType as created by the compiler's type-parameter scopes
// (CALL_INTRINSIC_1/2 TYPEVAR, PARAMSPEC, TYPEVARTUPLE, TYPEVAR_WITH_BOUND,
// TYPEVAR_WITH_CONSTRAINTS, SET_TYPEPARAM_DEFAULT, TYPEALIAS).
// Bounds, constraints, defaults and alias values are evaluated lazily by
// calling the compiler-made function with format 1 (VALUE).
// Not yet: typing.Generic / SUBSCRIPT_GENERIC (needs the typing module),
// subscription, unions (`T | None`), ParamSpec.args/kwargs, pickling.
#pragma once
#include "core/object.h"

namespace pyxx {

extern Type TypeVarType, ParamSpecType, TypeVarTupleType, TypeAliasTypeType, NoDefaultType;
extern Object NoDefaultStruct;  // typing.NoDefault

// Intrinsics (new references; nullptr with an exception set).
[[nodiscard]] Object* intrinsic_typevar(Object* name);
[[nodiscard]] Object* intrinsic_paramspec(Object* name);
[[nodiscard]] Object* intrinsic_typevartuple(Object* name);
[[nodiscard]] Object* intrinsic_typevar_with_bound(Object* name, Object* evaluate_bound);
[[nodiscard]] Object* intrinsic_typevar_with_constraints(Object* name, Object* evaluate_constraints);
[[nodiscard]] Object* intrinsic_set_typeparam_default(Object* typeparam, Object* evaluate_default);
[[nodiscard]] Object* intrinsic_typealias(Object* args_tuple);  // (name, type_params or None, compute_value)
[[nodiscard]] Object* intrinsic_subscript_generic(Object* params);

void init_typevar_types();

}  // namespace pyxx
