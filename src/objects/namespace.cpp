// types.SimpleNamespace: attribute bag with a keyword constructor, an
// insertion-ordered repr "namespace(a=1)" and equality by __dict__
// (CPython's Objects/namespaceobject.c behaviour).
#include "objects/namespace.h"
#include "core/abstract.h"
#include "core/alloc.h"
#include "core/error.h"
#include "objects/dict.h"
#include "objects/exceptions.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/args.h"

namespace pyxx {

Type NamespaceType;

namespace {

Object* ns_new(Type* type, Object*, Object*) {
  Object* o = type->tp_alloc(type, 0);
  if (!o) return nullptr;
  auto* ns = static_cast<NamespaceObject*>(o);
  ns->ns_dict = dict_new();
  if (!ns->ns_dict) { decref(o); return nullptr; }
  return o;
}

int ns_update_checked(Object* dict, Object* src) {
  ssize pos = 0;
  Object *k, *v;
  while (dict_next(src, &pos, &k, &v)) {
    if (!str_check(k)) { err_set_string(&exc::TypeError, "keywords must be strings"); return -1; }
    if (dict_setitem(dict, k, v) < 0) return -1;
  }
  return 0;
}

int ns_init(Object* self, Object* args, Object* kwds) {
  ssize n = args ? tuple_size(args) : 0;
  if (n > 1) {
    err_format(&exc::TypeError, "%s expected at most 1 argument, got %zd", type_name(self->type), n);
    return -1;
  }
  Object* dict = static_cast<NamespaceObject*>(self)->ns_dict;
  if (n == 1) {
    Ref<> tmp = steal(dict_new());
    if (!tmp || dict_update(tmp.get(), tuple_get(args, 0)) < 0) return -1;
    if (ns_update_checked(dict, tmp.get()) < 0) return -1;
  }
  if (kwds && ns_update_checked(dict, kwds) < 0) return -1;
  return 0;
}

void ns_dealloc(Object* self) {
  gc_untrack(self);
  xdecref(static_cast<NamespaceObject*>(self)->ns_dict);
  // Subclass instances come through subtype_dealloc, which releases the type.
  Type* t = self->type;
  t->tp_free ? t->tp_free(self) : object_free(self);
}

Object* ns_repr(Object* self) {
  const char* name = self->type == &NamespaceType ? "namespace" : type_name(self->type);
  int st = repr_enter(self);
  if (st != 0) return st > 0 ? str_from_format("%s(...)", name) : nullptr;
  StrBuilder b;
  bool ok = b.append_utf8(name) && b.append_char('(');
  Object* dict = static_cast<NamespaceObject*>(self)->ns_dict;
  ssize pos = 0;
  Object *k, *v;
  bool first = true;
  while (ok && dict_next(dict, &pos, &k, &v)) {
    if (!str_check(k)) continue;
    Ref<> key = borrow(k), value = borrow(v);
    Ref<> r = steal(object_repr(value.get()));
    if (!r) { ok = false; break; }
    ok = (first || b.append_ascii(", ")) && b.append_str(key.get()) && b.append_char('=') && b.append_str(r.get());
    first = false;
  }
  repr_leave(self);
  if (!ok || !b.append_char(')')) return nullptr;
  return b.finish();
}

Object* ns_richcompare(Object* a, Object* b, int op) {
  if (type_is_subtype(a->type, &NamespaceType) && type_is_subtype(b->type, &NamespaceType) && (op == kEQ || op == kNE))
    return object_richcompare(static_cast<NamespaceObject*>(a)->ns_dict, static_cast<NamespaceObject*>(b)->ns_dict, op);
  return new_ref(NotImplemented);
}

int ns_traverse(Object* self, VisitProc visit, void* arg) {
  Object* d = static_cast<NamespaceObject*>(self)->ns_dict;
  return d ? visit(d, arg) : 0;
}

Object* ns_reduce(Object* self, Object*) {
  Ref<> args = steal(tuple_new(0));
  if (!args) return nullptr;
  return tuple_pack({self->type, args.get(), static_cast<NamespaceObject*>(self)->ns_dict});
}

Object* ns_replace(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (nargs) return err_string(&exc::TypeError, "__replace__() takes no positional arguments");
  Ref<> empty = steal(tuple_new(0));
  if (!empty) return nullptr;
  Ref<> result = steal(object_call(self->type, empty.get(), nullptr));
  if (!result) return nullptr;
  Object* dict = static_cast<NamespaceObject*>(result.get())->ns_dict;
  if (dict_update(dict, static_cast<NamespaceObject*>(self)->ns_dict) < 0) return nullptr;
  for (ssize i = 0; kwnames && i < tuple_size(kwnames); ++i)
    if (dict_setitem(dict, tuple_get(kwnames, i), args[i]) < 0) return nullptr;
  return result.release();
}

const MethodDef ns_methods[] = {
    {"__reduce__", reinterpret_cast<void*>(ns_reduce), kMethNoArgs, "Return state information for pickling"},
    {"__replace__", reinterpret_cast<void*>(ns_replace), kMethFastcall | kMethKeywords, "Return a copy of the namespace object with new values for the specified attributes."},
    {nullptr, nullptr, 0, nullptr}};

const MemberDef ns_members[] = {
    {"__dict__", MemberKind::Object, ssize(offsetof(NamespaceObject, ns_dict)), kMemberReadonly, nullptr},
    {nullptr, MemberKind::Object, 0, 0, nullptr}};

}  // namespace

void init_namespace_type() {
  Type& t = NamespaceType;
  t.tp_name = "types.SimpleNamespace";
  t.tp_basicsize = sizeof(NamespaceObject);
  t.tp_dealloc = ns_dealloc;
  t.tp_repr = ns_repr;
  t.tp_getattro = object_generic_getattr;
  t.tp_setattro = object_generic_setattr;
  t.tp_flags = kTpflagsDefault | kTpflagsHaveGC | kTpflagsBaseType;
  t.tp_doc = "SimpleNamespace(mapping_or_iterable=(), /, **kwargs)\n--\n\nA simple attribute-based namespace.";
  t.tp_traverse = ns_traverse;
  t.tp_richcompare = ns_richcompare;
  t.tp_methods = ns_methods;
  t.tp_members = ns_members;
  t.tp_base = &ObjectType;
  t.tp_dictoffset = ssize(offsetof(NamespaceObject, ns_dict));
  t.tp_init = ns_init;
  t.tp_alloc = type_generic_alloc;
  t.tp_new = ns_new;
}

Object* namespace_new(Object* kwds) {
  Object* o = ns_new(&NamespaceType, nullptr, nullptr);
  if (!o) return nullptr;
  if (kwds && dict_update(static_cast<NamespaceObject*>(o)->ns_dict, kwds) < 0) { decref(o); return nullptr; }
  return o;
}

}  // namespace pyxx
