// mappingproxy: a read-only view of a mapping (type.__dict__, types.MappingProxyType).
#include "core/abstract.h"
#include "core/alloc.h"
#include "core/error.h"
#include "core/state.h"
#include "objects/dict.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/mappingproxy.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type_internal.h"

namespace pyxx {

Type MappingProxyType;

static Object* mp(Object* self) { return static_cast<MappingProxyObject*>(self)->mapping; }

static bool mappingproxy_check_mapping(Object* mapping) {
  if (!mapping_check(mapping) || list_check(mapping) || tuple_check(mapping)) {
    err_format(&exc::TypeError, "mappingproxy() argument must be a mapping, not %s", type_of(mapping)->tp_name);
    return false;
  }
  return true;
}

Object* mappingproxy_new(Object* mapping) {
  Object* o = type_generic_alloc(&MappingProxyType, 0);
  if (!o) return nullptr;
  static_cast<MappingProxyObject*>(o)->mapping = new_ref(mapping);
  return o;
}

static Object* mappingproxy_tp_new(Type* type, Object* args, Object* kwds) {
  Object* mapping = nullptr;
  if (tuple_size(args) == 1 && (!kwds || dict_size(kwds) == 0)) mapping = tuple_get(args, 0);
  else if (tuple_size(args) == 0 && kwds && dict_size(kwds) == 1) mapping = dict_getitem_str(kwds, "mapping");
  if (!mapping) {
    return err_format(&exc::TypeError, "mappingproxy() takes exactly one argument (%zd given)", tuple_size(args));
  }
  if (!mappingproxy_check_mapping(mapping)) return nullptr;
  return mappingproxy_new(mapping);
}

static void mappingproxy_dealloc(Object* self) {
  if (gc_is_tracked(self)) gc_untrack(self);
  clear_ref(static_cast<MappingProxyObject*>(self)->mapping);
  type_of(self)->tp_free(self);
}

static int mappingproxy_traverse(Object* self, VisitProc visit, void* arg) {
  Object* m = mp(self);
  return m ? visit(m, arg) : 0;
}

static ssize mappingproxy_len(Object* self) { return object_length(mp(self)); }
static Object* mappingproxy_getitem(Object* self, Object* key) { return object_getitem(mp(self), key); }
static int mappingproxy_contains(Object* self, Object* key) {
  if (dict_check_exact(mp(self))) return dict_contains(mp(self), key);
  return sequence_contains(mp(self), key);
}
static Object* mappingproxy_iter(Object* self) { return object_get_iter(mp(self)); }
static Object* mappingproxy_str(Object* self) { return object_str(mp(self)); }
static Object* mappingproxy_repr(Object* self) { return str_from_format("mappingproxy(%R)", mp(self)); }
static Object* mappingproxy_richcompare(Object* self, Object* other, int op) { return object_richcompare(mp(self), other, op); }

static Object* mappingproxy_get(Object* self, Object* const* args, ssize nargs) {
  if (!check_positional("get", nargs, 1, 2)) return nullptr;
  Object* dflt = nargs > 1 ? args[1] : None;
  return call_method_str(mp(self), "get", {args[0], dflt});
}
static Object* mappingproxy_keys(Object* self, Object*) { return call_method_str(mp(self), "keys"); }
static Object* mappingproxy_values(Object* self, Object*) { return call_method_str(mp(self), "values"); }
static Object* mappingproxy_items(Object* self, Object*) { return call_method_str(mp(self), "items"); }
static Object* mappingproxy_copy(Object* self, Object*) { return call_method_str(mp(self), "copy"); }
static Object* mappingproxy_reversed(Object* self, Object*) {
  Object* rev = dict_getitem_str(interp_get()->builtins, "reversed");
  if (!rev) return err_string(&exc::RuntimeError, "lost builtins.reversed");
  return call_one_arg(rev, mp(self));
}

static Object* mappingproxy_or(Object* a, Object* b) {
  if (type_of(a) == &MappingProxyType) a = mp(a);
  if (type_of(b) == &MappingProxyType) b = mp(b);
  return number_or(a, b);
}
static Object* mappingproxy_ior(Object* self, Object* other) {
  return err_format(&exc::TypeError, "'|=' is not supported by %s; use '|' instead", type_of(self)->tp_name);
}

static const MethodDef mappingproxy_methods[] = {
    {"get", reinterpret_cast<void*>(mappingproxy_get), kMethFastcall,
     "get($self, key, default=None, /)\n--\n\nReturn the value for key if key is in the mapping, else default."},
    {"keys", reinterpret_cast<void*>(mappingproxy_keys), kMethNoArgs, "D.keys() -> a set-like object providing a view on D's keys"},
    {"values", reinterpret_cast<void*>(mappingproxy_values), kMethNoArgs, "D.values() -> an object providing a view on D's values"},
    {"items", reinterpret_cast<void*>(mappingproxy_items), kMethNoArgs, "D.items() -> a set-like object providing a view on D's items"},
    {"copy", reinterpret_cast<void*>(mappingproxy_copy), kMethNoArgs, "D.copy() -> a shallow copy of D"},
    {"__reversed__", reinterpret_cast<void*>(mappingproxy_reversed), kMethNoArgs, "D.__reversed__() -> reverse iterator"},
    {nullptr, nullptr, 0, nullptr},
};

static MappingMethods mappingproxy_as_mapping;
static SequenceMethods mappingproxy_as_sequence;
static NumberMethods mappingproxy_as_number;

void init_mappingproxy_types() {
  MappingProxyType.tp_name = "mappingproxy";
  MappingProxyType.tp_basicsize = sizeof(MappingProxyObject);
  MappingProxyType.tp_dealloc = mappingproxy_dealloc;
  MappingProxyType.tp_repr = mappingproxy_repr;
  mappingproxy_as_mapping.mp_length = mappingproxy_len;
  mappingproxy_as_mapping.mp_subscript = mappingproxy_getitem;
  mappingproxy_as_sequence.sq_contains = mappingproxy_contains;
  mappingproxy_as_number.nb_or = mappingproxy_or;
  mappingproxy_as_number.nb_inplace_or = mappingproxy_ior;
  MappingProxyType.tp_as_mapping = &mappingproxy_as_mapping;
  MappingProxyType.tp_as_sequence = &mappingproxy_as_sequence;
  MappingProxyType.tp_as_number = &mappingproxy_as_number;
  MappingProxyType.tp_hash = hash_not_implemented;
  MappingProxyType.tp_str = mappingproxy_str;
  MappingProxyType.tp_getattro = object_generic_getattr;
  MappingProxyType.tp_flags = kTpflagsDefault | kTpflagsHaveGC | kTpflagsMapping;
  MappingProxyType.tp_traverse = mappingproxy_traverse;
  MappingProxyType.tp_richcompare = mappingproxy_richcompare;
  MappingProxyType.tp_iter = mappingproxy_iter;
  MappingProxyType.tp_methods = mappingproxy_methods;
  MappingProxyType.tp_new = mappingproxy_tp_new;
  MappingProxyType.tp_doc = "mappingproxy(mapping)\n--\n\nRead-only proxy of a mapping.";
}

}  // namespace pyxx
