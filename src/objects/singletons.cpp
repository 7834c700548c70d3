// None, NotImplemented and Ellipsis and their types.
#include "core/abstract.h"
#include "core/error.h"
#include "objects/dict.h"
#include "objects/exceptions.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type_internal.h"

namespace pyxx {

Type NoneType, NotImplementedType, EllipsisType;
Object NoneStruct = {kImmortalRefcnt, &NoneType};
Object NotImplementedStruct = {kImmortalRefcnt, &NotImplementedType};
Object EllipsisStruct = {kImmortalRefcnt, &EllipsisType};

static bool no_args(Object* args, Object* kwds, const char* name) {
  if (tuple_size(args) || (kwds && dict_size(kwds))) {
    err_format(&exc::TypeError, "%s takes no arguments", name);
    return false;
  }
  return true;
}

static Object* none_new(Type*, Object* args, Object* kwds) {
  if (!no_args(args, kwds, "NoneType")) return nullptr;
  return None;
}
static Object* notimpl_new(Type*, Object* args, Object* kwds) {
  if (!no_args(args, kwds, "NotImplementedType")) return nullptr;
  return NotImplemented;
}
static Object* ellipsis_new(Type*, Object* args, Object* kwds) {
  if (!no_args(args, kwds, "EllipsisType")) return nullptr;
  return Ellipsis;
}

static Object* none_repr(Object*) { return str_from_cstr("None"); }
static Object* notimpl_repr(Object*) { return str_from_cstr("NotImplemented"); }
static Object* ellipsis_repr(Object*) { return str_from_cstr("Ellipsis"); }
static Object* notimpl_reduce(Object*, Object*) { return str_from_cstr("NotImplemented"); }
static Object* ellipsis_reduce(Object*, Object*) { return str_from_cstr("Ellipsis"); }

static int none_bool(Object*) { return 0; }
static int notimpl_bool(Object*) {
  err_set_string(&exc::TypeError, "NotImplemented should not be used in a boolean context");
  return -1;
}
// CPython 3.12+: hash(None) is a fixed constant.
static Hash none_hash(Object*) { return Hash(0xFCA86420); }
static void singleton_dealloc(Object*) {}

static NumberMethods none_as_number, notimpl_as_number;

static const MethodDef notimpl_methods[] = {
    {"__reduce__", reinterpret_cast<void*>(notimpl_reduce), kMethNoArgs, nullptr},
    {nullptr, nullptr, 0, nullptr},
};
static const MethodDef ellipsis_methods[] = {
    {"__reduce__", reinterpret_cast<void*>(ellipsis_reduce), kMethNoArgs, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

void init_singleton_types() {
  NoneType.tp_name = "NoneType";
  NoneType.tp_basicsize = sizeof(Object);
  NoneType.tp_dealloc = singleton_dealloc;
  NoneType.tp_repr = none_repr;
  none_as_number.nb_bool = none_bool;
  NoneType.tp_as_number = &none_as_number;
  NoneType.tp_hash = none_hash;
  NoneType.tp_new = none_new;
  NoneType.tp_doc = "The type of the None singleton.";

  NotImplementedType.tp_name = "NotImplementedType";
  NotImplementedType.tp_basicsize = sizeof(Object);
  NotImplementedType.tp_dealloc = singleton_dealloc;
  NotImplementedType.tp_repr = notimpl_repr;
  notimpl_as_number.nb_bool = notimpl_bool;
  NotImplementedType.tp_as_number = &notimpl_as_number;
  NotImplementedType.tp_new = notimpl_new;
  NotImplementedType.tp_methods = notimpl_methods;
  NotImplementedType.tp_doc = "The type of the NotImplemented singleton.";

  EllipsisType.tp_name = "ellipsis";
  EllipsisType.tp_basicsize = sizeof(Object);
  EllipsisType.tp_dealloc = singleton_dealloc;
  EllipsisType.tp_repr = ellipsis_repr;
  EllipsisType.tp_new = ellipsis_new;
  EllipsisType.tp_methods = ellipsis_methods;
  EllipsisType.tp_doc = "The type of the Ellipsis singleton.";
}

}  // namespace pyxx
