// types.GenericAlias: the result of `list[int]`, `dict[str, int]` ...
// Behaviour follows CPython's Objects/genericaliasobject.c: attribute access
// is forwarded to the origin except for a few dunders, calls create an origin
// instance (tagged with __orig_class__), type variables in the arguments form
// __parameters__ and can be substituted by subscription.
#include "objects/genericalias.h"
#include "core/abstract.h"
#include "core/alloc.h"
#include "core/error.h"
#include "core/state.h"
#include "objects/dict.h"
#include "objects/int.h"
#include "objects/exceptions.h"
#include "objects/list.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typevar.h"
#include "objects/union.h"
#include <cstring>

namespace pyxx {

Type GenericAliasType;

namespace {

struct GAObject : Object {
  Object* origin;
  Object* args;        // always a tuple
  Object* parameters;  // lazily computed tuple, may be null
  char starred;
};

GAObject* ga(Object* o) { return static_cast<GAObject*>(o); }

bool str_is(Object* s, const char* lit) {
  if (!str_check(s)) return false;
  ssize n;
  const char* u = str_as_utf8(s, &n);
  if (!u) { err_clear(); return false; }
  return ssize(std::strlen(lit)) == n && std::memcmp(u, lit, size_t(n)) == 0;
}

Object* make_alias(Type* type, Object* origin, Object* args, bool starred) {
  Ref<> targs = tuple_check(args) ? borrow(args) : steal(tuple_pack({args}));
  if (!targs) return nullptr;
  Object* o = type->tp_alloc(type, 0);
  if (!o) return nullptr;
  GAObject* g = ga(o);
  g->origin = new_ref(origin);
  g->args = targs.release();
  g->parameters = nullptr;
  g->starred = starred;
  return o;
}

// Appends the repr of one argument as CPython's ga_repr_item.
bool repr_item(StrBuilder& b, Object* p) {
  if (p == Ellipsis) return b.append_ascii("...");
  if (p->type == &GenericAliasType) {
    Ref<> r = steal(object_repr(p));
    return r && b.append_str(r.get());
  }
  Object* tmp;
  int rc = object_lookup_attr(p, str_intern_cstr("__origin__"), &tmp);
  if (rc < 0) return false;
  if (rc > 0) {
    decref(tmp);
    rc = object_lookup_attr(p, str_intern_cstr("__args__"), &tmp);
    if (rc < 0) return false;
    if (rc > 0) {
      decref(tmp);
      Ref<> r = steal(object_repr(p));
      return r && b.append_str(r.get());
    }
  }
  Object *qn, *mod;
  rc = object_lookup_attr(p, str_intern_cstr("__qualname__"), &qn);
  if (rc < 0) return false;
  Ref<> qualname = steal(qn);
  if (rc > 0) {
    rc = object_lookup_attr(p, str_intern_cstr("__module__"), &mod);
    if (rc < 0) return false;
    Ref<> module = steal(mod);
    if (rc > 0 && module.get() != None) {
      if (str_is(module.get(), "builtins")) {
        Ref<> s = steal(object_str(qualname.get()));
        return s && b.append_str(s.get());
      }
      Ref<> r = steal(str_from_format("%S.%S", module.get(), qualname.get()));
      return r && b.append_str(r.get());
    }
  }
  Ref<> r = steal(object_repr(p));
  return r && b.append_str(r.get());
}

bool repr_list(StrBuilder& b, Object* l) {
  if (!b.append_char('[')) return false;
  for (ssize i = 0; i < list_size(l); ++i) {
    if (i && !b.append_ascii(", ")) return false;
    Ref<> item = borrow(list_get(l, i));
    if (!repr_item(b, item.get())) return false;
  }
  return b.append_char(']');
}

Object* ga_repr(Object* self) {
  GAObject* g = ga(self);
  int st = repr_enter(self);
  if (st != 0) return st > 0 ? str_from_format("...") : nullptr;
  StrBuilder b;
  bool ok = (!g->starred || b.append_char('*')) && repr_item(b, g->origin) && b.append_char('[');
  ssize n = tuple_size(g->args);
  if (ok && n == 0) ok = b.append_ascii("()");
  for (ssize i = 0; ok && i < n; ++i) {
    if (i) ok = b.append_ascii(", ");
    Object* p = tuple_get(g->args, i);
    if (ok) ok = list_check(p) ? repr_list(b, p) : repr_item(b, p);
  }
  repr_leave(self);
  if (!ok || !b.append_char(']')) return nullptr;
  return b.finish();
}

void ga_dealloc(Object* self) {
  gc_untrack(self);
  GAObject* g = ga(self);
  xdecref(g->origin);
  xdecref(g->args);
  xdecref(g->parameters);
  Type* t = self->type;
  t->tp_free ? t->tp_free(self) : object_free(self);
}

int ga_traverse(Object* self, VisitProc visit, void* arg) {
  GAObject* g = ga(self);
  for (Object* o : {g->origin, g->args, g->parameters})
    if (o) if (int r = visit(o, arg)) return r;
  return 0;
}

int ga_clear(Object* self) {
  GAObject* g = ga(self);
  clear_ref(g->origin);
  clear_ref(g->args);
  clear_ref(g->parameters);
  return 0;
}

Object* ga_tp_new(Type* type, Object* args, Object* kwds) {
  if (type == &GenericAliasType && kwds && dict_size(kwds))
    return err_string(&exc::TypeError, "GenericAlias() takes no keyword arguments");
  ssize n = tuple_size(args);
  if (n != 2) return err_format(&exc::TypeError, "GenericAlias expected 2 arguments, got %zd", n);
  return make_alias(type, tuple_get(args, 0), tuple_get(args, 1), false);
}

bool is_typevar_like(Object* o, int* err) {
  if (type_check(o)) return false;
  // pyxx's TypeVar & co. do not define __typing_subst__ yet: recognise them by type.
  if (o->type == &TypeVarType || o->type == &ParamSpecType || o->type == &TypeVarTupleType) return true;
  Object* tmp;
  int rc = object_lookup_attr(o, str_intern_cstr("__typing_subst__"), &tmp);
  if (rc < 0) { *err = 1; return false; }
  xdecref(tmp);
  return rc > 0;
}

int tuple_add_unique(Object* list, Object* o) {
  for (ssize i = 0; i < list_size(list); ++i)
    if (list_get(list, i) == o) return 0;
  return list_append(list, o);
}

// Collects type variables from args (recursing into lists/tuples and objects
// with __parameters__), in first-seen order without duplicates.
int collect_params(Object* list, Object* args) {
  for (ssize i = 0; i < tuple_size(args); ++i) {
    Object* t = tuple_get(args, i);
    if (type_check(t)) continue;
    int err = 0;
    if (is_typevar_like(t, &err)) {
      if (tuple_add_unique(list, t) < 0) return -1;
      continue;
    }
    if (err) return -1;
    if (list_check(t) || tuple_check(t)) {
      Ref<> sub = steal(tuple_check(t) ? new_ref(t) : sequence_tuple(t));
      if (!sub || collect_params(list, sub.get()) < 0) return -1;
      continue;
    }
    Object* sp;
    int rc = object_lookup_attr(t, str_intern_cstr("__parameters__"), &sp);
    if (rc < 0) return -1;
    Ref<> subparams = steal(sp);
    if (rc > 0 && tuple_check(subparams.get()))
      for (ssize j = 0; j < tuple_size(subparams.get()); ++j)
        if (tuple_add_unique(list, tuple_get(subparams.get(), j)) < 0) return -1;
  }
  return 0;
}

Object* make_parameters(Object* args) {
  Ref<> list = steal(list_new(0));
  if (!list || collect_params(list.get(), args) < 0) return nullptr;
  return sequence_tuple(list.get());
}

Object* ga_parameters(Object* self, void*) {
  GAObject* g = ga(self);
  if (!g->parameters) {
    g->parameters = make_parameters(g->args);
    if (!g->parameters) return nullptr;
  }
  return new_ref(g->parameters);
}

Object* ga_unpacked_tuple_args(Object* self, void*) {
  GAObject* g = ga(self);
  if (g->starred && g->origin == reinterpret_cast<Object*>(&TupleType)) return new_ref(g->args);
  return new_ref(None);
}

// Substitutes the parameters in `obj` (one argument of an alias).
Object* subs_item(Object* obj, Object* params, Object* items) {
  for (ssize k = 0; k < tuple_size(params); ++k)
    if (tuple_get(params, k) == obj) {
      Object* item = tuple_get(items, k);
      Object* subst;
      int rc = object_lookup_attr(obj, str_intern_cstr("__typing_subst__"), &subst);
      if (rc < 0) return nullptr;
      if (rc == 0) return new_ref(item);
      Ref<> keep = steal(subst);
      return call_one_arg(subst, item);
    }
  if (type_check(obj)) return new_ref(obj);
  if (tuple_check(obj) || list_check(obj)) {
    Ref<> seq = steal(sequence_tuple(obj));
    if (!seq) return nullptr;
    ssize n = tuple_size(seq.get());
    Ref<> out = steal(list_new(0));
    if (!out) return nullptr;
    for (ssize i = 0; i < n; ++i) {
      Ref<> r = steal(subs_item(tuple_get(seq.get(), i), params, items));
      if (!r || list_append(out.get(), r.get()) < 0) return nullptr;
    }
    return tuple_check(obj) ? sequence_tuple(out.get()) : out.release();
  }
  Object* sp;
  int rc = object_lookup_attr(obj, str_intern_cstr("__parameters__"), &sp);
  if (rc < 0) return nullptr;
  Ref<> subparams = steal(sp);
  if (rc == 0 || !tuple_check(subparams.get()) || tuple_size(subparams.get()) == 0) return new_ref(obj);
  ssize m = tuple_size(subparams.get());
  Ref<> subargs = steal(tuple_new(m));
  if (!subargs) return nullptr;
  for (ssize j = 0; j < m; ++j) {
    Object* v = tuple_get(subparams.get(), j);
    Object* found = v;
    for (ssize k = 0; k < tuple_size(params); ++k)
      if (tuple_get(params, k) == v) { found = tuple_get(items, k); break; }
    tuple_init_item(subargs.get(), j, new_ref(found));
  }
  return object_getitem(obj, m == 1 ? tuple_get(subargs.get(), 0) : subargs.get());
}

Object* ga_getitem(Object* self, Object* item) {
  GAObject* g = ga(self);
  Ref<> params = steal(ga_parameters(self, nullptr));
  if (!params) return nullptr;
  ssize np = tuple_size(params.get());
  if (np == 0) return err_format(&exc::TypeError, "%R is not a generic class", self);
  Ref<> items = tuple_check(item) ? borrow(item) : steal(tuple_pack({item}));
  if (!items) return nullptr;
  ssize ni = tuple_size(items.get());
  if (ni != np)
    return err_format(&exc::TypeError, "Too %s arguments for %R; actual %zd, expected %zd",
                      ni > np ? "many" : "few", self, ni, np);
  ssize n = tuple_size(g->args);
  Ref<> newargs = steal(tuple_new(n));
  if (!newargs) return nullptr;
  for (ssize i = 0; i < n; ++i) {
    Object* r = subs_item(tuple_get(g->args, i), params.get(), items.get());
    if (!r) return nullptr;
    tuple_init_item(newargs.get(), i, r);
  }
  return make_alias(self->type, g->origin, newargs.get(), g->starred);
}

Object* ga_richcompare(Object* a, Object* b, int op) {
  if (a->type != &GenericAliasType && !type_is_subtype(a->type, &GenericAliasType)) return new_ref(NotImplemented);
  if (b->type != &GenericAliasType && !type_is_subtype(b->type, &GenericAliasType)) return new_ref(NotImplemented);
  if (op != kEQ && op != kNE) return new_ref(NotImplemented);
  GAObject *x = ga(a), *y = ga(b);
  int eq;
  if (x->starred != y->starred) {
    eq = 0;
  } else {
    eq = object_richcompare_bool(x->origin, y->origin, kEQ);
    if (eq < 0) return nullptr;
    if (eq) {
      eq = object_richcompare_bool(x->args, y->args, kEQ);
      if (eq < 0) return nullptr;
    }
  }
  return new_ref(bool_from(op == kEQ ? eq != 0 : eq == 0));
}

Hash ga_hash(Object* self) {
  Hash h0 = object_hash(ga(self)->origin);
  if (h0 == -1) return -1;
  Hash h1 = object_hash(ga(self)->args);
  if (h1 == -1) return -1;
  Hash h = h0 ^ h1;
  return h == -1 ? -2 : h;
}

Object* ga_call(Object* self, Object* args, Object* kwds) {
  Ref<> obj = steal(object_call(ga(self)->origin, args, kwds));
  if (!obj) return nullptr;
  if (object_setattr_str(obj.get(), "__orig_class__", self) < 0) {
    if (!err_exception_matches(&exc::AttributeError) && !err_exception_matches(&exc::TypeError)) return nullptr;
    err_clear();
  }
  return obj.release();
}

const char* const kAttrExceptions[] = {
    "__class__", "__bases__", "__origin__", "__args__", "__unpacked__", "__parameters__",
    "__typing_unpacked_tuple_args__", "__mro_entries__", "__reduce_ex__", "__reduce__",
    "__copy__", "__deepcopy__", nullptr};

Object* ga_getattro(Object* self, Object* name) {
  if (str_check(name)) {
    for (const char* const* p = kAttrExceptions;; ++p) {
      if (!*p) return object_getattr(ga(self)->origin, name);
      if (str_is(name, *p)) break;
    }
  }
  return object_generic_getattr(self, name);
}

Object* ga_mro_entries(Object* self, Object*) { return tuple_pack({ga(self)->origin}); }

Object* ga_instancecheck(Object*, Object*) {
  return err_string(&exc::TypeError, "isinstance() argument 2 cannot be a parameterized generic");
}

Object* ga_subclasscheck(Object*, Object*) {
  return err_string(&exc::TypeError, "issubclass() argument 2 cannot be a parameterized generic");
}

Object* ga_reduce(Object* self, Object*) {
  GAObject* g = ga(self);
  if (g->starred) {
    // iter(unstarred alias) yields the starred one: (next, (iter(alias),)).
    Ref<> plain = steal(make_alias(self->type, g->origin, g->args, false));
    if (!plain) return nullptr;
    Ref<> it = steal(object_get_iter(plain.get()));
    if (!it) return nullptr;
    Ref<> nxt = steal(object_getattr_str(interp_get()->builtins_module, "next"));
    if (!nxt) return nullptr;
    Ref<> inner = steal(tuple_pack({it.get()}));
    if (!inner) return nullptr;
    return tuple_pack({nxt.get(), inner.get()});
  }
  Ref<> inner = steal(tuple_pack({g->origin, g->args}));
  if (!inner) return nullptr;
  return tuple_pack({reinterpret_cast<Object*>(self->type), inner.get()});
}

Object* ga_dir(Object* self, Object*) {
  Ref<> d = steal(object_dir(ga(self)->origin));
  if (!d) return nullptr;
  for (const char* const* p = kAttrExceptions; *p; ++p) {
    Ref<> s = steal(str_from_utf8(*p, ssize(std::strlen(*p))));
    if (!s) return nullptr;
    int c = sequence_contains(d.get(), s.get());
    if (c < 0) return nullptr;
    if (!c && list_append(d.get(), s.get()) < 0) return nullptr;
  }
  return d.release();
}

Object* ga_iter(Object* self) {
  GAObject* g = ga(self);
  Ref<> starred = steal(make_alias(self->type, g->origin, g->args, true));
  if (!starred) return nullptr;
  Ref<> one = steal(tuple_pack({starred.get()}));
  if (!one) return nullptr;
  return object_get_iter(one.get());
}

Object* ga_or(Object* a, Object* b) { return union_type_or(a, b); }

const MethodDef ga_methods[] = {
    {"__mro_entries__", reinterpret_cast<void*>(ga_mro_entries), kMethO, nullptr},
    {"__instancecheck__", reinterpret_cast<void*>(ga_instancecheck), kMethO, nullptr},
    {"__subclasscheck__", reinterpret_cast<void*>(ga_subclasscheck), kMethO, nullptr},
    {"__reduce__", reinterpret_cast<void*>(ga_reduce), kMethNoArgs, nullptr},
    {"__dir__", reinterpret_cast<void*>(ga_dir), kMethNoArgs, nullptr},
    {nullptr, nullptr, 0, nullptr}};

const MemberDef ga_members[] = {
    {"__origin__", MemberKind::Object, ssize(offsetof(GAObject, origin)), kMemberReadonly, nullptr},
    {"__args__", MemberKind::Object, ssize(offsetof(GAObject, args)), kMemberReadonly, nullptr},
    {"__unpacked__", MemberKind::Bool, ssize(offsetof(GAObject, starred)), kMemberReadonly, nullptr},
    {nullptr, MemberKind::Object, 0, 0, nullptr}};

const GetSetDef ga_getset[] = {
    {"__parameters__", ga_parameters, nullptr, "Type variables in the GenericAlias.", nullptr},
    {"__typing_unpacked_tuple_args__", ga_unpacked_tuple_args, nullptr, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr, nullptr}};

MappingMethods ga_as_mapping;
NumberMethods ga_as_number;

}  // namespace

bool generic_alias_repr_item(StrBuilder& b, Object* item) { return repr_item(b, item); }
Object* generic_alias_make_parameters(Object* args) { return make_parameters(args); }

Object* generic_alias_new(Object* origin, Object* args) {
  return make_alias(&GenericAliasType, origin, args, false);
}

Object* generic_alias_class_getitem(Object* cls, Object* item) {
  return make_alias(&GenericAliasType, cls, item, false);
}

void init_genericalias_types() {
  Type& t = GenericAliasType;
  t.tp_name = "types.GenericAlias";
  t.tp_basicsize = sizeof(GAObject);
  t.tp_dealloc = ga_dealloc;
  t.tp_repr = ga_repr;
  ga_as_mapping.mp_subscript = ga_getitem;
  t.tp_as_mapping = &ga_as_mapping;
  ga_as_number.nb_or = ga_or;
  t.tp_as_number = &ga_as_number;
  t.tp_hash = ga_hash;
  t.tp_call = ga_call;
  t.tp_getattro = ga_getattro;
  t.tp_flags = kTpflagsDefault | kTpflagsHaveGC | kTpflagsBaseType;
  t.tp_doc = "GenericAlias(origin, args, /)\n--\n\nRepresent a PEP 585 generic type\n\nE.g. for t = list[int], t.__origin__ is list and t.__args__ is (int,).";
  t.tp_traverse = ga_traverse;
  t.tp_clear = ga_clear;
  t.tp_richcompare = ga_richcompare;
  t.tp_iter = ga_iter;
  t.tp_methods = ga_methods;
  t.tp_members = ga_members;
  t.tp_getset = ga_getset;
  t.tp_base = &ObjectType;
  t.tp_alloc = type_generic_alloc;
  t.tp_new = ga_tp_new;
}

}  // namespace pyxx
