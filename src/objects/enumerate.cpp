// enumerate(iterable, start=0) (Objects/enumobject.c behaviour): a machine
// word counter that switches to Python ints past sys.maxsize, and a result
// tuple reused when the caller dropped it.
#include <vector>
#include "core/alloc.h"
#include "objects/genericalias.h"  // genericalias area: __class_getitem__
#include "objects/builtin_iters.h"
#include "objects/container_util.h"
#include "objects/dict.h"
#include "objects/int.h"
#include "objects/singletons.h"
#include "objects/tuple.h"

namespace pyxx {

Type EnumerateType;

namespace {

struct EnumObject : Object {
  ssize index;
  Object* sit;        // the underlying iterator
  Object* result;     // reusable (index, value) tuple
  Object* longindex;  // index as a Python int once past kSsizeMax
};

Object* enum_make(Type* type, Object* iterable, Object* start) {
  EnumObject* en;
  if (type == &EnumerateType) en = static_cast<EnumObject*>(object_alloc(type, sizeof(EnumObject)));
  else en = static_cast<EnumObject*>(type->tp_alloc(type, 0));
  if (!en) return nullptr;
  en->index = 0;
  en->sit = nullptr;
  en->result = nullptr;
  en->longindex = nullptr;
  if (start) {
    Object* s = number_index(start);
    if (!s) { decref(en); return nullptr; }
    int ovf = 0;
    int64_t v = int_as_i64_overflow(s, &ovf);
    if (!ovf && v != kSsizeMax) {
      en->index = v;
      decref(s);
    } else {
      en->index = kSsizeMax;
      en->longindex = s;
    }
  }
  en->sit = object_get_iter(iterable);
  if (!en->sit) { decref(en); return nullptr; }
  en->result = tuple_pack({None, None});
  if (!en->result) { decref(en); return nullptr; }
  if (type == &EnumerateType) gc_track(en);
  return en;
}

// Parses (iterable, start=0) from positional args and keyword names/values.
Object* enum_parse(Type* type, Object* const* args, ssize nargs, Object* const* kwnames, Object* const* kwvalues, ssize nkw) {
  Object* iterable = nargs > 0 ? args[0] : nullptr;
  Object* start = nargs > 1 ? args[1] : nullptr;
  if (nargs + nkw > 2) return err_format(&exc::TypeError, "enumerate() takes at most 2 arguments (%zd given)", nargs + nkw);
  for (ssize i = 0; i < nkw; ++i) {
    Object* name = kwnames[i];
    if (str_eq_cstr(name, "iterable") && nargs < 1) iterable = kwvalues[i];
    else if (str_eq_cstr(name, "start") && nargs < 2) start = kwvalues[i];
    else if (str_eq_cstr(name, "iterable") || str_eq_cstr(name, "start"))
      return err_format(&exc::TypeError, "argument for enumerate() given by name ('%U') and position (%d)", name,
                        str_eq_cstr(name, "iterable") ? 1 : 2);
    else return err_format(&exc::TypeError, "'%U' is an invalid keyword argument for enumerate()", name);
  }
  if (!iterable) return err_string(&exc::TypeError, "enumerate() missing required argument 'iterable'");
  return enum_make(type, iterable, start);
}

Object* enum_tp_new(Type* type, Object* args, Object* kwds) {
  std::vector<Object*> names, values;
  if (kwds) {
    ssize pos = 0;
    Object *k, *v;
    while (dict_next(kwds, &pos, &k, &v)) { names.push_back(k); values.push_back(v); }
  }
  return enum_parse(type, tuple_items(args), tuple_size(args), names.data(), values.data(), ssize(names.size()));
}

Object* enum_vectorcall(Object* type, Object* const* args, size_t nargsf, Object* kwnames) {
  ssize nargs = vectorcall_nargs(nargsf);
  ssize nkw = kwnames ? tuple_size(kwnames) : 0;
  return enum_parse(static_cast<Type*>(type), args, nargs, nkw ? tuple_items(kwnames) : nullptr, args + nargs, nkw);
}

void enum_dealloc(Object* op) {
  auto* en = static_cast<EnumObject*>(op);
  gc_untrack(op);
  xdecref(en->sit);
  xdecref(en->result);
  xdecref(en->longindex);
  Type* tp = op->type;
  if (tp->tp_free && tp != &EnumerateType) tp->tp_free(op);
  else object_free(op);
}

int enum_traverse(Object* op, VisitProc visit, void* arg) {
  auto* en = static_cast<EnumObject*>(op);
  if (en->sit) if (int r = visit(en->sit, arg)) return r;
  if (en->result) if (int r = visit(en->result, arg)) return r;
  if (en->longindex) if (int r = visit(en->longindex, arg)) return r;
  return 0;
}

Object* pack_result(EnumObject* en, Object* index, Object* item) {
  Object* r = en->result;
  if (r && r->refcnt == 1) {
    Object* oi = tuple_get(r, 0);
    Object* ov = tuple_get(r, 1);
    tuple_init_item(r, 0, index);
    tuple_init_item(r, 1, item);
    static_cast<TupleObject*>(r)->hash_cache = -1;  // the tuple is reused: drop its cached hash
    decref(oi);
    decref(ov);
    return new_ref(r);
  }
  Object* t = tuple_new(2);
  if (!t) { decref(index); decref(item); return nullptr; }
  tuple_init_item(t, 0, index);
  tuple_init_item(t, 1, item);
  return t;
}

Object* enum_next(Object* op) {
  auto* en = static_cast<EnumObject*>(op);
  Object* item = en->sit->type->tp_iternext(en->sit);
  if (!item) return nullptr;
  Object* index;
  if (en->index == kSsizeMax) {
    if (!en->longindex) {
      en->longindex = int_from_ssize(kSsizeMax);
      if (!en->longindex) { decref(item); return nullptr; }
    }
    index = en->longindex;
    Object* one = int_from_i64(1);
    Object* next = int_add(index, one);
    decref(one);
    if (!next) { decref(item); return nullptr; }
    en->longindex = next;
  } else {
    index = int_from_ssize(en->index);
    if (!index) { decref(item); return nullptr; }
    en->index++;
  }
  return pack_result(en, index, item);
}

Object* enum_reduce(Object* op, Object*) {
  auto* en = static_cast<EnumObject*>(op);
  Object* idx = en->longindex ? new_ref(en->longindex) : int_from_ssize(en->index);
  if (!idx) return nullptr;
  Object* args = tuple_pack({en->sit, idx});
  decref(idx);
  if (!args) return nullptr;
  Object* r = tuple_pack({reinterpret_cast<Object*>(op->type), args});
  decref(args);
  return r;
}

Object* self_iter(Object* self) { return new_ref(self); }

const MethodDef enum_methods[] = {
    {"__reduce__", reinterpret_cast<void*>(&enum_reduce), kMethNoArgs, "Return state information for pickling."},
    {"__class_getitem__", reinterpret_cast<void*>(&generic_alias_class_getitem), kMethO | kMethClass, "__class_getitem__($cls, item, /)\n--\n\nSee PEP 585"},  // genericalias area
    {nullptr, nullptr, 0, nullptr}};

}  // namespace

void init_enumerate_type() {
  Type& t = EnumerateType;
  t.tp_name = "enumerate";
  t.tp_basicsize = sizeof(EnumObject);
  t.tp_dealloc = enum_dealloc;
  t.tp_getattro = object_generic_getattr;
  t.tp_flags = kTpflagsDefault | kTpflagsHaveGC | kTpflagsBaseType;
  t.tp_doc = "Return an enumerate object.\n\n  iterable\n    an object supporting iteration\n\n"
             "The enumerate object yields pairs containing a count (from start, which\n"
             "defaults to zero) and a value yielded by the iterable argument.\n\n"
             "enumerate is useful for obtaining an indexed list:\n    (0, seq[0]), (1, seq[1]), (2, seq[2]), ...";
  t.tp_traverse = enum_traverse;
  t.tp_iter = self_iter;
  t.tp_iternext = enum_next;
  t.tp_methods = enum_methods;
  t.tp_base = &ObjectType;
  t.tp_alloc = type_generic_alloc;
  t.tp_new = enum_tp_new;
  t.tp_vectorcall = enum_vectorcall;
}

}  // namespace pyxx
