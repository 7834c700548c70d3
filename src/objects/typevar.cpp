// PEP 695 run-time objects (see typevar.h). One object layout serves the
// three type-parameter kinds; lazily evaluated parts keep the compiler-made
// function until first use and then cache the value.
#include "objects/typevar.h"

#include "core/abstract.h"
#include "core/alloc.h"
#include "core/error.h"
#include "objects/dict.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "vm/eval.h"

namespace pyxx {

Type TypeVarType, ParamSpecType, TypeVarTupleType, TypeAliasTypeType, NoDefaultType;
Object NoDefaultStruct = {kImmortalRefcnt, &NoDefaultType};

namespace {

struct TypeParamObject : Object {
  Object* name;
  Object* bound;                 // cached value or null
  Object* evaluate_bound;        // function or null
  Object* constraints;           // cached tuple or null
  Object* evaluate_constraints;  // function or null
  Object* default_value;         // cached value or null
  Object* evaluate_default;      // function or null
  Object* module;                // str or null
};

struct TypeAliasObject : Object {
  Object* name;
  Object* type_params;  // tuple or null
  Object* compute_value;
  Object* value;        // cached or null
  Object* module;
};

TypeParamObject* tp(Object* o) { return static_cast<TypeParamObject*>(o); }
TypeAliasObject* ta(Object* o) { return static_cast<TypeAliasObject*>(o); }

Object* caller_module() {
  Object* g = eval_get_globals();
  if (!g) return nullptr;
  Object* m = dict_getitem_str(g, "__name__");
  return m ? new_ref(m) : nullptr;
}

Object* typeparam_new(Type* type, Object* name) {
  auto* o = static_cast<TypeParamObject*>(object_alloc(type, sizeof(TypeParamObject)));
  if (!o) return nullptr;
  o->name = new_ref(name);
  o->bound = o->evaluate_bound = o->constraints = o->evaluate_constraints = nullptr;
  o->default_value = o->evaluate_default = nullptr;
  o->module = caller_module();
  gc_track(o);
  return o;
}

void typeparam_dealloc(Object* self) {
  gc_untrack(self);
  auto* o = tp(self);
  decref(o->name);
  xdecref(o->bound); xdecref(o->evaluate_bound);
  xdecref(o->constraints); xdecref(o->evaluate_constraints);
  xdecref(o->default_value); xdecref(o->evaluate_default);
  xdecref(o->module);
  object_free(self);
}

int typeparam_traverse(Object* self, VisitProc visit, void* arg) {
  auto* o = tp(self);
  for (Object* x : {o->bound, o->evaluate_bound, o->constraints, o->evaluate_constraints, o->default_value,
                    o->evaluate_default})
    if (x) {
      int r = visit(x, arg);
      if (r) return r;
    }
  return 0;
}

int typeparam_clear(Object* self) {
  auto* o = tp(self);
  clear_ref(o->bound); clear_ref(o->evaluate_bound);
  clear_ref(o->constraints); clear_ref(o->evaluate_constraints);
  clear_ref(o->default_value); clear_ref(o->evaluate_default);
  return 0;
}

// PEP 695 parameters infer their variance: the repr is the bare name.
Object* typeparam_repr(Object* self) { return new_ref(tp(self)->name); }

// Calls fn(1) (annotationlib.Format.VALUE) and caches the result in *slot.
Object* lazy_value(Object** slot, Object* fn, Object* none_value) {
  if (*slot) return new_ref(*slot);
  if (!fn) return new_ref(none_value);
  auto one = Ref<Object>::steal(int_from_i64(1));
  if (!one) return nullptr;
  Object* v = call_args(fn, {one.get()});
  if (!v) return nullptr;
  *slot = new_ref(v);
  return v;
}

Object* get_name(Object* self, void*) { return new_ref(tp(self)->name); }
Object* get_bound(Object* self, void*) { return lazy_value(&tp(self)->bound, tp(self)->evaluate_bound, None); }
Object* get_constraints(Object* self, void*) {
  auto* o = tp(self);
  if (!o->constraints && !o->evaluate_constraints) return tuple_new(0);
  return lazy_value(&o->constraints, o->evaluate_constraints, None);
}
Object* get_default(Object* self, void*) {
  return lazy_value(&tp(self)->default_value, tp(self)->evaluate_default, &NoDefaultStruct);
}
Object* get_false(Object*, void*) { return new_ref(False); }
Object* get_true(Object*, void*) { return new_ref(True); }
Object* get_module(Object* self, void*) { return new_ref(tp(self)->module ? tp(self)->module : None); }
Object* get_evaluate_bound(Object* self, void*) { return new_ref(tp(self)->evaluate_bound ? tp(self)->evaluate_bound : None); }
Object* get_evaluate_constraints(Object* self, void*) {
  return new_ref(tp(self)->evaluate_constraints ? tp(self)->evaluate_constraints : None);
}
Object* get_evaluate_default(Object* self, void*) {
  return new_ref(tp(self)->evaluate_default ? tp(self)->evaluate_default : None);
}

Object* typeparam_has_default(Object* self, Object*) {
  auto* o = tp(self);
  return new_ref(bool_from(o->evaluate_default || (o->default_value && o->default_value != &NoDefaultStruct)));
}

Object* typeparam_mro_entries(Object* self, Object*) {
  return err_format(&exc::TypeError, "Cannot subclass an instance of %s", type_name(self->type));
}

const GetSetDef typevar_getset[] = {
    {"__name__", get_name, nullptr, nullptr, nullptr},
    {"__bound__", get_bound, nullptr, nullptr, nullptr},
    {"__constraints__", get_constraints, nullptr, nullptr, nullptr},
    {"__default__", get_default, nullptr, nullptr, nullptr},
    {"__covariant__", get_false, nullptr, nullptr, nullptr},
    {"__contravariant__", get_false, nullptr, nullptr, nullptr},
    {"__infer_variance__", get_true, nullptr, nullptr, nullptr},
    {"__module__", get_module, nullptr, nullptr, nullptr},
    {"evaluate_bound", get_evaluate_bound, nullptr, nullptr, nullptr},
    {"evaluate_constraints", get_evaluate_constraints, nullptr, nullptr, nullptr},
    {"evaluate_default", get_evaluate_default, nullptr, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr, nullptr},
};
const GetSetDef paramspec_getset[] = {
    {"__name__", get_name, nullptr, nullptr, nullptr},
    {"__bound__", get_bound, nullptr, nullptr, nullptr},
    {"__default__", get_default, nullptr, nullptr, nullptr},
    {"__covariant__", get_false, nullptr, nullptr, nullptr},
    {"__contravariant__", get_false, nullptr, nullptr, nullptr},
    {"__infer_variance__", get_true, nullptr, nullptr, nullptr},
    {"__module__", get_module, nullptr, nullptr, nullptr},
    {"evaluate_default", get_evaluate_default, nullptr, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr, nullptr},
};
const GetSetDef typevartuple_getset[] = {
    {"__name__", get_name, nullptr, nullptr, nullptr},
    {"__default__", get_default, nullptr, nullptr, nullptr},
    {"__module__", get_module, nullptr, nullptr, nullptr},
    {"evaluate_default", get_evaluate_default, nullptr, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr, nullptr},
};
const MethodDef typeparam_methods[] = {
    {"has_default", reinterpret_cast<void*>(typeparam_has_default), kMethNoArgs, nullptr},
    {"__mro_entries__", reinterpret_cast<void*>(typeparam_mro_entries), kMethO, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

// --- TypeAliasType ---
void typealias_dealloc(Object* self) {
  gc_untrack(self);
  auto* o = ta(self);
  decref(o->name);
  xdecref(o->type_params); xdecref(o->compute_value); xdecref(o->value); xdecref(o->module);
  object_free(self);
}
int typealias_traverse(Object* self, VisitProc visit, void* arg) {
  auto* o = ta(self);
  for (Object* x : {o->type_params, o->compute_value, o->value})
    if (x) {
      int r = visit(x, arg);
      if (r) return r;
    }
  return 0;
}
int typealias_clear(Object* self) {
  auto* o = ta(self);
  clear_ref(o->type_params); clear_ref(o->compute_value); clear_ref(o->value);
  return 0;
}
Object* typealias_repr(Object* self) { return new_ref(ta(self)->name); }
Object* ta_name(Object* self, void*) { return new_ref(ta(self)->name); }
Object* ta_value(Object* self, void*) { return lazy_value(&ta(self)->value, ta(self)->compute_value, None); }
Object* ta_type_params(Object* self, void*) {
  return ta(self)->type_params ? new_ref(ta(self)->type_params) : tuple_new(0);
}
Object* ta_module(Object* self, void*) { return new_ref(ta(self)->module ? ta(self)->module : None); }
Object* ta_evaluate_value(Object* self, void*) { return new_ref(ta(self)->compute_value ? ta(self)->compute_value : None); }
Object* typealias_getitem(Object* self, Object*) {
  if (!ta(self)->type_params) return err_string(&exc::TypeError, "Only generic type aliases are subscriptable");
  return err_string(&exc::NotImplementedError, "subscripting a generic type alias is not supported yet");
}

const GetSetDef typealias_getset[] = {
    {"__name__", ta_name, nullptr, nullptr, nullptr},
    {"__value__", ta_value, nullptr, nullptr, nullptr},
    {"__type_params__", ta_type_params, nullptr, nullptr, nullptr},
    {"__parameters__", ta_type_params, nullptr, nullptr, nullptr},
    {"__module__", ta_module, nullptr, nullptr, nullptr},
    {"evaluate_value", ta_evaluate_value, nullptr, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr, nullptr},
};
const MethodDef typealias_methods[] = {
    {"__getitem__", reinterpret_cast<void*>(typealias_getitem), kMethO, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

Object* nodefault_repr(Object*) { return str_from("typing.NoDefault"); }

void init_typeparam_type(Type& t, const char* name, const GetSetDef* getset) {
  t.tp_name = name;
  t.tp_basicsize = sizeof(TypeParamObject);
  t.tp_dealloc = typeparam_dealloc;
  t.tp_traverse = typeparam_traverse;
  t.tp_clear = typeparam_clear;
  t.tp_repr = typeparam_repr;
  t.tp_flags = kTpflagsDefault | kTpflagsHaveGC;
  t.tp_getattro = object_generic_getattr;
  t.tp_getset = getset;
  t.tp_methods = typeparam_methods;
}

}  // namespace

Object* intrinsic_typevar(Object* name) { return typeparam_new(&TypeVarType, name); }
Object* intrinsic_paramspec(Object* name) { return typeparam_new(&ParamSpecType, name); }
Object* intrinsic_typevartuple(Object* name) { return typeparam_new(&TypeVarTupleType, name); }

Object* intrinsic_typevar_with_bound(Object* name, Object* evaluate_bound) {
  Object* o = typeparam_new(&TypeVarType, name);
  if (o) tp(o)->evaluate_bound = new_ref(evaluate_bound);
  return o;
}

Object* intrinsic_typevar_with_constraints(Object* name, Object* evaluate_constraints) {
  Object* o = typeparam_new(&TypeVarType, name);
  if (o) tp(o)->evaluate_constraints = new_ref(evaluate_constraints);
  return o;
}

Object* intrinsic_set_typeparam_default(Object* typeparam, Object* evaluate_default) {
  Type* t = typeparam->type;
  if (t != &TypeVarType && t != &ParamSpecType && t != &TypeVarTupleType)
    return err_format(&exc::TypeError, "Expected a type param, got %R", typeparam);
  xset_ref(tp(typeparam)->evaluate_default, new_ref(evaluate_default));
  return new_ref(typeparam);
}

Object* intrinsic_typealias(Object* args) {
  if (!tuple_check(args) || tuple_size(args) != 3) return err_string(&exc::SystemError, "TYPEALIAS expects a 3-tuple");
  auto* o = static_cast<TypeAliasObject*>(object_alloc(&TypeAliasTypeType, sizeof(TypeAliasObject)));
  if (!o) return nullptr;
  Object* params = tuple_get(args, 1);
  o->name = new_ref(tuple_get(args, 0));
  o->type_params = params == None ? nullptr : new_ref(params);
  o->compute_value = new_ref(tuple_get(args, 2));
  o->value = nullptr;
  o->module = caller_module();
  gc_track(o);
  return o;
}

Object* intrinsic_subscript_generic(Object*) {
  return err_string(&exc::NotImplementedError,
                    "generic classes (class C[T]) need typing.Generic, which pyxx does not provide yet");
}

void init_typevar_types() {
  init_typeparam_type(TypeVarType, "typing.TypeVar", typevar_getset);
  init_typeparam_type(ParamSpecType, "typing.ParamSpec", paramspec_getset);
  init_typeparam_type(TypeVarTupleType, "typing.TypeVarTuple", typevartuple_getset);
  TypeAliasTypeType.tp_name = "typing.TypeAliasType";
  TypeAliasTypeType.tp_basicsize = sizeof(TypeAliasObject);
  TypeAliasTypeType.tp_dealloc = typealias_dealloc;
  TypeAliasTypeType.tp_traverse = typealias_traverse;
  TypeAliasTypeType.tp_clear = typealias_clear;
  TypeAliasTypeType.tp_repr = typealias_repr;
  TypeAliasTypeType.tp_flags = kTpflagsDefault | kTpflagsHaveGC;
  TypeAliasTypeType.tp_getattro = object_generic_getattr;
  TypeAliasTypeType.tp_getset = typealias_getset;
  TypeAliasTypeType.tp_methods = typealias_methods;
  NoDefaultType.tp_name = "NoDefaultType";
  NoDefaultType.tp_basicsize = sizeof(Object);
  NoDefaultType.tp_repr = nodefault_repr;
  NoDefaultType.tp_flags = kTpflagsDefault;
  NoDefaultType.tp_getattro = object_generic_getattr;
}

}  // namespace pyxx
