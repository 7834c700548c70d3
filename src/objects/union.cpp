// typing.Union: `int | str`, `list[int] | None`. Arguments are flattened
// (nested unions), None becomes NoneType, duplicates (by ==) are dropped in
// first-seen order, and a single remaining argument is returned as is.
// Equality and hashing ignore order. isinstance()/issubclass() test each
// argument; parameterized generics are refused as CPython does.
#include "objects/union.h"
#include "core/abstract.h"
#include "core/alloc.h"
#include "core/error.h"
#include "objects/exceptions.h"
#include "objects/genericalias.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/set.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typevar.h"

namespace pyxx {

Type UnionType;

namespace {

struct UnionObject : Object {
  Object* args;        // tuple, at least 2 items
  Object* hashable;    // frozenset of the args, or null when some are unhashable
  Object* parameters;  // lazily computed
};

UnionObject* un(Object* o) { return static_cast<UnionObject*>(o); }

bool is_unionable(Object* o) {
  return o == None || type_check(o) || o->type == &GenericAliasType || o->type == &UnionType ||
         o->type == &TypeAliasTypeType;
}

int add_unique(Object* list, Object* item) {
  if (item == None) item = reinterpret_cast<Object*>(&NoneType);
  for (ssize i = 0; i < list_size(list); ++i) {
    Ref<> have = borrow(list_get(list, i));
    int eq = object_richcompare_bool(have.get(), item, kEQ);
    if (eq < 0) return -1;
    if (eq) return 0;
  }
  return list_append(list, item);
}

int add_flat(Object* list, Object* item) {
  if (item->type == &UnionType) {
    Object* args = un(item)->args;
    for (ssize i = 0; i < tuple_size(args); ++i)
      if (add_unique(list, tuple_get(args, i)) < 0) return -1;
    return 0;
  }
  return add_unique(list, item);
}

// Builds the union of the items of `list` (already flattened and unique).
Object* make_union(Object* list) {
  if (list_size(list) == 1) return new_ref(list_get(list, 0));
  Ref<> args = steal(sequence_tuple(list));
  if (!args) return nullptr;
  Object* o = UnionType.tp_alloc(&UnionType, 0);
  if (!o) return nullptr;
  UnionObject* u = un(o);
  u->args = args.release();
  u->hashable = frozenset_new(u->args);
  if (!u->hashable) {
    if (!err_exception_matches(&exc::TypeError)) { decref(o); return nullptr; }
    err_clear();
  }
  u->parameters = nullptr;
  return o;
}

Object* union_repr(Object* self) {
  Object* args = un(self)->args;
  StrBuilder b;
  for (ssize i = 0; i < tuple_size(args); ++i) {
    if (i && !b.append_ascii(" | ")) return nullptr;
    Object* p = tuple_get(args, i);
    if (p == reinterpret_cast<Object*>(&NoneType)) {
      if (!b.append_ascii("None")) return nullptr;
    } else if (!generic_alias_repr_item(b, p)) {
      return nullptr;
    }
  }
  return b.finish();
}

void union_dealloc(Object* self) {
  gc_untrack(self);
  UnionObject* u = un(self);
  xdecref(u->args);
  xdecref(u->hashable);
  xdecref(u->parameters);
  object_free(self);
}

int union_traverse(Object* self, VisitProc visit, void* arg) {
  UnionObject* u = un(self);
  for (Object* o : {u->args, u->hashable, u->parameters})
    if (o) if (int r = visit(o, arg)) return r;
  return 0;
}

Object* union_richcompare(Object* a, Object* b, int op) {
  if (b->type != &UnionType || (op != kEQ && op != kNE)) return new_ref(NotImplemented);
  UnionObject *x = un(a), *y = un(b);
  int eq;
  if (x->hashable && y->hashable) {
    eq = object_richcompare_bool(x->hashable, y->hashable, kEQ);
  } else {
    // Unhashable members: every member of each side must be in the other.
    eq = 1;
    for (int pass = 0; pass < 2 && eq == 1; ++pass) {
      Object* from = pass ? y->args : x->args;
      Object* to = pass ? x->args : y->args;
      for (ssize i = 0; i < tuple_size(from) && eq == 1; ++i) {
        eq = sequence_contains(to, tuple_get(from, i));
      }
    }
  }
  if (eq < 0) return nullptr;
  return new_ref(bool_from(op == kEQ ? eq != 0 : eq == 0));
}

Hash union_hash(Object* self) {
  UnionObject* u = un(self);
  if (!u->hashable) {
    // Re-raise the member's own error.
    Ref<> fs = steal(frozenset_new(u->args));
    return -1;
  }
  return object_hash(u->hashable);
}

Object* union_parameters(Object* self, void*) {
  UnionObject* u = un(self);
  if (!u->parameters) {
    u->parameters = generic_alias_make_parameters(u->args);
    if (!u->parameters) return nullptr;
  }
  return new_ref(u->parameters);
}

Object* union_origin(Object*, void*) { return new_ref(reinterpret_cast<Object*>(&UnionType)); }

Object* union_getitem(Object* self, Object* item) {
  // Substitute through a GenericAlias over the same args, then re-union.
  Ref<> alias = steal(generic_alias_new(reinterpret_cast<Object*>(&UnionType), un(self)->args));
  if (!alias) return nullptr;
  Ref<> params = steal(union_parameters(self, nullptr));
  if (!params) return nullptr;
  if (tuple_size(params.get()) == 0) return err_format(&exc::TypeError, "%R is not a generic class", self);
  Ref<> sub = steal(object_getitem(alias.get(), item));
  if (!sub) return nullptr;
  Ref<> newargs = steal(object_getattr_str(sub.get(), "__args__"));
  if (!newargs) return nullptr;
  ssize n = tuple_size(newargs.get());
  Ref<> res = borrow(tuple_get(newargs.get(), 0));
  for (ssize i = 1; i < n; ++i) {
    res = steal(number_or(res.get(), tuple_get(newargs.get(), i)));
    if (!res) return nullptr;
  }
  return res.release();
}

int check_args(Object* self, const char* fn) {
  Object* args = un(self)->args;
  for (ssize i = 0; i < tuple_size(args); ++i)
    if (tuple_get(args, i)->type == &GenericAliasType) {
      err_format(&exc::TypeError, "%s() argument 2 cannot be a parameterized generic", fn);
      return -1;
    }
  return 0;
}

Object* union_instancecheck(Object* self, Object* inst) {
  if (check_args(self, "isinstance") < 0) return nullptr;
  Object* args = un(self)->args;
  for (ssize i = 0; i < tuple_size(args); ++i) {
    int r = object_isinstance(inst, tuple_get(args, i));
    if (r < 0) return nullptr;
    if (r) return new_ref(True);
  }
  return new_ref(False);
}

Object* union_subclasscheck(Object* self, Object* cls) {
  if (check_args(self, "issubclass") < 0) return nullptr;
  Object* args = un(self)->args;
  for (ssize i = 0; i < tuple_size(args); ++i) {
    int r = object_issubclass(cls, tuple_get(args, i));
    if (r < 0) return nullptr;
    if (r) return new_ref(True);
  }
  return new_ref(False);
}

Object* union_mro_entries(Object* self, Object*) {
  return err_format(&exc::TypeError, "Cannot subclass %R", self);
}

const MethodDef union_methods[] = {
    {"__instancecheck__", reinterpret_cast<void*>(union_instancecheck), kMethO, nullptr},
    {"__subclasscheck__", reinterpret_cast<void*>(union_subclasscheck), kMethO, nullptr},
    {"__mro_entries__", reinterpret_cast<void*>(union_mro_entries), kMethO, nullptr},
    {nullptr, nullptr, 0, nullptr}};

const MemberDef union_members[] = {
    {"__args__", MemberKind::Object, ssize(offsetof(UnionObject, args)), kMemberReadonly, nullptr},
    {nullptr, MemberKind::Object, 0, 0, nullptr}};

const GetSetDef union_getset[] = {
    {"__parameters__", union_parameters, nullptr, "Type variables in the types.UnionType.", nullptr},
    {"__origin__", union_origin, nullptr, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr, nullptr}};

MappingMethods union_as_mapping;
NumberMethods union_as_number;

}  // namespace

Object* union_type_or(Object* a, Object* b) {
  if (!is_unionable(a) || !is_unionable(b)) return new_ref(NotImplemented);
  Ref<> list = steal(list_new(0));
  if (!list || add_flat(list.get(), a) < 0 || add_flat(list.get(), b) < 0) return nullptr;
  return make_union(list.get());
}

void init_union_types() {
  Type& t = UnionType;
  t.tp_name = "typing.Union";
  t.tp_basicsize = sizeof(UnionObject);
  t.tp_dealloc = union_dealloc;
  t.tp_repr = union_repr;
  union_as_mapping.mp_subscript = union_getitem;
  t.tp_as_mapping = &union_as_mapping;
  union_as_number.nb_or = union_type_or;
  t.tp_as_number = &union_as_number;
  t.tp_hash = union_hash;
  t.tp_getattro = object_generic_getattr;
  t.tp_flags = kTpflagsDefault | kTpflagsHaveGC;
  t.tp_doc = "Represent a union type\n\nE.g. for int | str";
  t.tp_traverse = union_traverse;
  t.tp_richcompare = union_richcompare;
  t.tp_methods = union_methods;
  t.tp_members = union_members;
  t.tp_getset = union_getset;
  t.tp_base = &ObjectType;
  t.tp_alloc = type_generic_alloc;
}

}  // namespace pyxx
