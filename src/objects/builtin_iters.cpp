// zip(*iterables, strict=False), map(func, *iterables, strict=False),
// filter(function or None, iterable) and reversed(sequence), with CPython
// 3.14's messages (Python/bltinmodule.c, Objects/enumobject.c).
#include <vector>
#include "core/alloc.h"
#include "objects/builtin_iters.h"
#include "objects/container_util.h"
#include "objects/dict.h"
#include "objects/int.h"
#include "objects/singletons.h"
#include "objects/tuple.h"
#include "runtime/args.h"

namespace pyxx {

Type ZipType, MapType, FilterType, ReversedType;

namespace {

Object* alloc_iter(Type* type, Type* exact, size_t size) {
  if (type == exact) return object_alloc(type, size);
  return type->tp_alloc(type, 0);
}
void track_if_exact(Object* o, Type* exact) { if (o->type == exact) gc_track(o); }
void free_iter(Object* op, Type* exact) {
  Type* tp = op->type;
  if (tp->tp_free && tp != exact) tp->tp_free(op);
  else object_free(op);
}

// Collects dict keywords into parallel arrays.
void split_kwds(Object* kwds, std::vector<Object*>& names, std::vector<Object*>& values) {
  if (!kwds) return;
  ssize pos = 0;
  Object *k, *v;
  while (dict_next(kwds, &pos, &k, &v)) { names.push_back(k); values.push_back(v); }
}

// Parses the single keyword-only `strict` of zip() and map().
bool parse_strict(const char* fname, Object* const* names, Object* const* values, ssize nkw, int* strict) {
  *strict = 0;
  if (nkw == 0) return true;
  if (nkw > 1) {
    err_format(&exc::TypeError, "%s() takes at most 1 keyword argument (%zd given)", fname, nkw);
    return false;
  }
  if (!str_eq_cstr(names[0], "strict")) {
    static const char* const kNames[] = {"strict"};
    err_unexpected_keyword(fname, names[0], kNames, 1);
    return false;
  }
  int r = object_is_true(values[0]);
  if (r < 0) return false;
  *strict = r;
  return true;
}

Object* iters_tuple(Object* const* args, ssize n) {
  Object* t = tuple_new(n);
  if (!t) return nullptr;
  for (ssize i = 0; i < n; ++i) {
    Object* it = object_get_iter(args[i]);
    if (!it) { decref(t); return nullptr; }
    tuple_init_item(t, i, it);
  }
  return t;
}

// After iterator i (> 0) ran out, or iterator 0 ran out: the strict check.
// Returns nullptr always; sets ValueError when lengths differ.
Object* strict_mismatch(const char* fname, Object* ittuple, ssize i) {
  if (err_occurred()) {
    if (!err_exception_matches(&exc::StopIteration)) return nullptr;
    err_clear();
  }
  if (i) {
    const char* plural = i == 1 ? " " : "s 1-";
    return err_format(&exc::ValueError, "%s() argument %zd is shorter than argument%s%zd", fname, i + 1, plural, i);
  }
  ssize n = tuple_size(ittuple);
  for (i = 1; i < n; ++i) {
    Object* it = tuple_get(ittuple, i);
    Object* item = it->type->tp_iternext(it);
    if (item) {
      decref(item);
      const char* plural = i == 1 ? " " : "s 1-";
      return err_format(&exc::ValueError, "%s() argument %zd is longer than argument%s%zd", fname, i + 1, plural, i);
    }
    if (err_occurred()) {
      if (!err_exception_matches(&exc::StopIteration)) return nullptr;
      err_clear();
    }
  }
  return nullptr;
}

// ---------------------------------------------------------------- zip

struct ZipObject : Object {
  ssize tuplesize;
  Object* ittuple;
  Object* result;
  int strict;
};

Object* zip_make(Type* type, Object* const* args, ssize nargs, Object* const* names, Object* const* values, ssize nkw) {
  int strict;
  if (!parse_strict("zip", names, values, nkw, &strict)) return nullptr;
  Object* ittuple = iters_tuple(args, nargs);
  if (!ittuple) return nullptr;
  Object* result = tuple_new(nargs);
  if (!result) { decref(ittuple); return nullptr; }
  for (ssize i = 0; i < nargs; ++i) tuple_init_item(result, i, new_ref(None));
  auto* lz = static_cast<ZipObject*>(alloc_iter(type, &ZipType, sizeof(ZipObject)));
  if (!lz) { decref(ittuple); decref(result); return nullptr; }
  lz->tuplesize = nargs;
  lz->ittuple = ittuple;
  lz->result = result;
  lz->strict = strict;
  track_if_exact(lz, &ZipType);
  return lz;
}

// tp_new and vectorcall of the iterator types whose maker takes keyword
// arguments (zip's and map's strict=): both forms funnel into Make.
using KwMaker = Object* (*)(Type*, Object* const*, ssize, Object* const*, Object* const*, ssize);
template <KwMaker Make>
Object* kw_tp_new(Type* type, Object* args, Object* kwds) {
  std::vector<Object*> names, values;
  split_kwds(kwds, names, values);
  return Make(type, tuple_items(args), tuple_size(args), names.data(), values.data(), ssize(names.size()));
}
template <KwMaker Make>
Object* kw_vectorcall(Object* type, Object* const* args, size_t nargsf, Object* kwnames) {
  ssize nargs = vectorcall_nargs(nargsf);
  ssize nkw = kwnames ? tuple_size(kwnames) : 0;
  return Make(static_cast<Type*>(type), args, nargs, nkw ? tuple_items(kwnames) : nullptr, args + nargs, nkw);
}

void zip_dealloc(Object* op) {
  auto* lz = static_cast<ZipObject*>(op);
  gc_untrack(op);
  xdecref(lz->ittuple);
  xdecref(lz->result);
  free_iter(op, &ZipType);
}

int zip_traverse(Object* op, VisitProc visit, void* arg) {
  auto* lz = static_cast<ZipObject*>(op);
  if (lz->ittuple) if (int r = visit(lz->ittuple, arg)) return r;
  if (lz->result) if (int r = visit(lz->result, arg)) return r;
  return 0;
}

Object* zip_next(Object* op) {
  auto* lz = static_cast<ZipObject*>(op);
  ssize n = lz->tuplesize;
  if (n == 0) return nullptr;
  Object* result = lz->result;
  if (result->refcnt == 1) {
    incref(result);
    static_cast<TupleObject*>(result)->hash_cache = -1;  // reused: drop its cached hash
    for (ssize i = 0; i < n; ++i) {
      Object* it = tuple_get(lz->ittuple, i);
      Object* item = it->type->tp_iternext(it);
      if (!item) {
        decref(result);
        if (lz->strict) return strict_mismatch("zip", lz->ittuple, i);
        return nullptr;
      }
      Object* old = tuple_get(result, i);
      tuple_init_item(result, i, item);
      decref(old);
    }
    return result;
  }
  result = tuple_new(n);
  if (!result) return nullptr;
  for (ssize i = 0; i < n; ++i) {
    Object* it = tuple_get(lz->ittuple, i);
    Object* item = it->type->tp_iternext(it);
    if (!item) {
      decref(result);
      if (lz->strict) return strict_mismatch("zip", lz->ittuple, i);
      return nullptr;
    }
    tuple_init_item(result, i, item);
  }
  return result;
}

Object* zip_reduce(Object* op, Object*) {
  auto* lz = static_cast<ZipObject*>(op);
  if (lz->strict) return tuple_pack({reinterpret_cast<Object*>(op->type), lz->ittuple, True});
  return tuple_pack({reinterpret_cast<Object*>(op->type), lz->ittuple});
}

Object* zip_setstate(Object* op, Object* state) {
  int s = object_is_true(state);
  if (s < 0) return nullptr;
  static_cast<ZipObject*>(op)->strict = s;
  return new_ref(None);
}

// ---------------------------------------------------------------- map

struct MapObject : Object {
  Object* iters;
  Object* func;
  int strict;
};

Object* map_make(Type* type, Object* const* args, ssize nargs, Object* const* names, Object* const* values, ssize nkw) {
  int strict;
  if (nkw && !parse_strict("map", names, values, nkw, &strict)) return nullptr;
  if (!nkw) strict = 0;
  if (nargs < 2) return err_string(&exc::TypeError, "map() must have at least two arguments.");
  Object* iters = iters_tuple(args + 1, nargs - 1);
  if (!iters) return nullptr;
  auto* lz = static_cast<MapObject*>(alloc_iter(type, &MapType, sizeof(MapObject)));
  if (!lz) { decref(iters); return nullptr; }
  lz->iters = iters;
  lz->func = new_ref(args[0]);
  lz->strict = strict;
  track_if_exact(lz, &MapType);
  return lz;
}

void map_dealloc(Object* op) {
  auto* lz = static_cast<MapObject*>(op);
  gc_untrack(op);
  xdecref(lz->iters);
  xdecref(lz->func);
  free_iter(op, &MapType);
}

int map_traverse(Object* op, VisitProc visit, void* arg) {
  auto* lz = static_cast<MapObject*>(op);
  if (lz->iters) if (int r = visit(lz->iters, arg)) return r;
  if (lz->func) if (int r = visit(lz->func, arg)) return r;
  return 0;
}

Object* map_next(Object* op) {
  auto* lz = static_cast<MapObject*>(op);
  ssize n = tuple_size(lz->iters);
  Object* small[5];
  Object** stack = n <= 5 ? small : static_cast<Object**>(mem_alloc(size_t(n) * sizeof(Object*)));
  if (!stack) return err_no_memory();
  Object* result = nullptr;
  ssize got = 0;
  for (; got < n; ++got) {
    Object* it = tuple_get(lz->iters, got);
    Object* item = it->type->tp_iternext(it);
    if (!item) {
      if (lz->strict) strict_mismatch("map", lz->iters, got);
      goto exit;
    }
    stack[got] = item;
  }
  result = vectorcall(lz->func, stack, size_t(n), nullptr);
exit:
  for (ssize i = 0; i < got; ++i) decref(stack[i]);
  if (stack != small) mem_free(stack);
  return result;
}

Object* map_reduce(Object* op, Object*) {
  auto* lz = static_cast<MapObject*>(op);
  ssize n = tuple_size(lz->iters);
  Object* args = tuple_new(n + 1);
  if (!args) return nullptr;
  tuple_init_item(args, 0, new_ref(lz->func));
  for (ssize i = 0; i < n; ++i) tuple_init_item(args, i + 1, new_ref(tuple_get(lz->iters, i)));
  Object* r = lz->strict ? tuple_pack({reinterpret_cast<Object*>(op->type), args, True})
                         : tuple_pack({reinterpret_cast<Object*>(op->type), args});
  decref(args);
  return r;
}

// ---------------------------------------------------------------- filter

struct FilterObject : Object {
  Object* func;
  Object* it;
};

Object* filter_make(Type* type, Object* const* args, ssize nargs) {
  if (!container_check_args("filter", nargs, 2, 2)) return nullptr;
  Object* it = object_get_iter(args[1]);
  if (!it) return nullptr;
  auto* lz = static_cast<FilterObject*>(alloc_iter(type, &FilterType, sizeof(FilterObject)));
  if (!lz) { decref(it); return nullptr; }
  lz->func = new_ref(args[0]);
  lz->it = it;
  track_if_exact(lz, &FilterType);
  return lz;
}

Object* filter_tp_new(Type* type, Object* args, Object* kwds) {
  if (type == &FilterType && !container_no_kwargs("filter", kwds)) return nullptr;
  return filter_make(type, tuple_items(args), tuple_size(args));
}

Object* filter_vectorcall(Object* type, Object* const* args, size_t nargsf, Object* kwnames) {
  if (!container_no_kwnames("filter", kwnames)) return nullptr;
  return filter_make(static_cast<Type*>(type), args, vectorcall_nargs(nargsf));
}

void filter_dealloc(Object* op) {
  auto* lz = static_cast<FilterObject*>(op);
  gc_untrack(op);
  xdecref(lz->func);
  xdecref(lz->it);
  free_iter(op, &FilterType);
}

int filter_traverse(Object* op, VisitProc visit, void* arg) {
  auto* lz = static_cast<FilterObject*>(op);
  if (lz->func) if (int r = visit(lz->func, arg)) return r;
  if (lz->it) if (int r = visit(lz->it, arg)) return r;
  return 0;
}

Object* filter_next(Object* op) {
  auto* lz = static_cast<FilterObject*>(op);
  Object* it = lz->it;
  IterNextFunc next = it->type->tp_iternext;
  bool checktrue = lz->func == None || lz->func == reinterpret_cast<Object*>(&BoolType);
  for (;;) {
    Object* item = next(it);
    if (!item) return nullptr;
    int ok;
    if (checktrue) {
      ok = object_is_true(item);
    } else {
      Object* good = call_one_arg(lz->func, item);
      if (!good) { decref(item); return nullptr; }
      ok = object_is_true(good);
      decref(good);
    }
    if (ok > 0) return item;
    decref(item);
    if (ok < 0) return nullptr;
  }
}

Object* filter_reduce(Object* op, Object*) {
  auto* lz = static_cast<FilterObject*>(op);
  Object* args = tuple_pack({lz->func, lz->it});
  if (!args) return nullptr;
  Object* r = tuple_pack({reinterpret_cast<Object*>(op->type), args});
  decref(args);
  return r;
}

// ---------------------------------------------------------------- reversed

struct ReversedObject : Object {
  ssize index;
  Object* seq;  // null once exhausted
};

Object* reversed_make(Type* type, Object* const* args, ssize nargs) {
  if (!container_check_args("reversed", nargs, 1, 1)) return nullptr;
  Object* seq = args[0];
  static Object* s_reversed = str_intern_cstr("__reversed__");
  Object* meth = type_lookup(seq->type, s_reversed);
  if (meth == None) return err_format(&exc::TypeError, "'%.200s' object is not reversible", seq->type->tp_name);
  if (meth) {
    // Bind through the descriptor protocol, as _PyObject_LookupSpecial.
    Object* m = new_ref(meth);
    DescrGetFunc f = m->type->tp_descr_get;
    if (f) {
      Object* bound = f(m, seq, reinterpret_cast<Object*>(seq->type));
      decref(m);
      if (!bound) return nullptr;
      Object* r = call_no_args(bound);
      decref(bound);
      return r;
    }
    Object* r = call_no_args(m);
    decref(m);
    return r;
  }
  if (err_occurred()) return nullptr;
  if (!sequence_check(seq)) return err_format(&exc::TypeError, "'%.200s' object is not reversible", seq->type->tp_name);
  ssize n = object_length(seq);
  if (n == -1) return nullptr;
  auto* ro = static_cast<ReversedObject*>(alloc_iter(type, &ReversedType, sizeof(ReversedObject)));
  if (!ro) return nullptr;
  ro->index = n - 1;
  ro->seq = new_ref(seq);
  track_if_exact(ro, &ReversedType);
  return ro;
}

Object* reversed_tp_new(Type* type, Object* args, Object* kwds) {
  if (type == &ReversedType && !container_no_kwargs("reversed", kwds)) return nullptr;
  return reversed_make(type, tuple_items(args), tuple_size(args));
}

Object* reversed_vectorcall(Object* type, Object* const* args, size_t nargsf, Object* kwnames) {
  if (!container_no_kwnames("reversed", kwnames)) return nullptr;
  return reversed_make(static_cast<Type*>(type), args, vectorcall_nargs(nargsf));
}

void reversed_dealloc(Object* op) {
  gc_untrack(op);
  xdecref(static_cast<ReversedObject*>(op)->seq);
  free_iter(op, &ReversedType);
}

int reversed_traverse(Object* op, VisitProc visit, void* arg) {
  Object* s = static_cast<ReversedObject*>(op)->seq;
  return s ? visit(s, arg) : 0;
}

Object* reversed_next(Object* op) {
  auto* ro = static_cast<ReversedObject*>(op);
  ssize index = ro->index;
  if (index >= 0) {
    Object* item = sequence_getitem(ro->seq, index);
    if (item) {
      ro->index--;
      return item;
    }
    if (err_exception_matches(&exc::IndexError) || err_exception_matches(&exc::StopIteration)) err_clear();
  }
  ro->index = -1;
  clear_ref(ro->seq);
  return nullptr;
}

Object* reversed_len(Object* op, Object*) {
  auto* ro = static_cast<ReversedObject*>(op);
  if (!ro->seq) return int_from_i64(0);
  ssize seqsize = object_length(ro->seq);
  if (seqsize == -1) return nullptr;
  ssize position = ro->index + 1;
  return int_from_ssize(seqsize < position ? 0 : position);
}

Object* reversed_reduce(Object* op, Object*) {
  auto* ro = static_cast<ReversedObject*>(op);
  if (ro->seq) {
    Object* idx = int_from_ssize(ro->index);
    if (!idx) return nullptr;
    Object* args = tuple_pack({ro->seq});
    Object* r = args ? tuple_pack({reinterpret_cast<Object*>(op->type), args, idx}) : nullptr;
    xdecref(args);
    decref(idx);
    return r;
  }
  Object* empty = tuple_new(0);
  if (!empty) return nullptr;
  Object* args = tuple_pack({empty});
  decref(empty);
  if (!args) return nullptr;
  Object* r = tuple_pack({reinterpret_cast<Object*>(op->type), args});
  decref(args);
  return r;
}

Object* reversed_setstate(Object* op, Object* state) {
  auto* ro = static_cast<ReversedObject*>(op);
  ssize index = number_as_ssize(state, nullptr);
  if (index == -1 && err_occurred()) return nullptr;
  if (ro->seq) {
    ssize n = object_length(ro->seq);
    if (n < 0) return nullptr;
    if (index < -1) index = -1;
    else if (index > n - 1) index = n - 1;
    ro->index = index;
  }
  return new_ref(None);
}

Object* self_iter(Object* self) { return new_ref(self); }

#define M(f) reinterpret_cast<void*>(&f)
const MethodDef zip_methods[] = {
    {"__reduce__", M(zip_reduce), kMethNoArgs, "Return state information for pickling."},
    {"__setstate__", M(zip_setstate), kMethO, "Set state information for unpickling."},
    {nullptr, nullptr, 0, nullptr}};
const MethodDef map_methods[] = {
    {"__reduce__", M(map_reduce), kMethNoArgs, "Return state information for pickling."},
    {nullptr, nullptr, 0, nullptr}};
const MethodDef filter_methods[] = {
    {"__reduce__", M(filter_reduce), kMethNoArgs, "Return state information for pickling."},
    {nullptr, nullptr, 0, nullptr}};
const MethodDef reversed_methods[] = {
    {"__length_hint__", M(reversed_len), kMethNoArgs, "Private method returning an estimate of len(list(it))."},
    {"__reduce__", M(reversed_reduce), kMethNoArgs, "Return state information for pickling."},
    {"__setstate__", M(reversed_setstate), kMethO, "Set state information for unpickling."},
    {nullptr, nullptr, 0, nullptr}};
#undef M

void init_common(Type& t, const char* name, ssize size, DestructorFunc dealloc, TraverseProc trav, IterNextFunc next,
                 const MethodDef* methods, NewFunc tp_new, VectorcallFunc vc, const char* doc) {
  t.tp_name = name;
  t.tp_basicsize = size;
  t.tp_dealloc = dealloc;
  t.tp_getattro = object_generic_getattr;
  t.tp_flags = kTpflagsDefault | kTpflagsHaveGC | kTpflagsBaseType;
  t.tp_doc = doc;
  t.tp_traverse = trav;
  t.tp_iter = self_iter;
  t.tp_iternext = next;
  t.tp_methods = methods;
  t.tp_base = &ObjectType;
  t.tp_alloc = type_generic_alloc;
  t.tp_new = tp_new;
  t.tp_vectorcall = vc;
}

}  // namespace

void init_builtin_iter_types() {
  init_common(ZipType, "zip", sizeof(ZipObject), zip_dealloc, zip_traverse, zip_next, zip_methods, kw_tp_new<zip_make>, kw_vectorcall<zip_make>,
              "zip(*iterables, strict=False)\n--\n\nThe zip object yields n-length tuples, where n is the number of iterables\n"
              "passed as positional arguments to zip().  The i-th element in every tuple\n"
              "comes from the i-th iterable argument to zip().  This continues until the\n"
              "shortest argument is exhausted.\n\n"
              "If strict is true and one of the arguments is exhausted before the others,\n"
              "raise a ValueError.\n\n   >>> list(zip('abcdefg', range(3), range(4)))\n   [('a', 0, 0), ('b', 1, 1), ('c', 2, 2)]");
  init_common(MapType, "map", sizeof(MapObject), map_dealloc, map_traverse, map_next, map_methods, kw_tp_new<map_make>, kw_vectorcall<map_make>,
              "map(function, iterable, /, *iterables, strict=False)\n--\n\n"
              "Make an iterator that computes the function using arguments from\n"
              "each of the iterables.  Stops when the shortest iterable is exhausted.\n\n"
              "If strict is true and one of the arguments is exhausted before the others,\n"
              "raise a ValueError.");
  init_common(FilterType, "filter", sizeof(FilterObject), filter_dealloc, filter_traverse, filter_next, filter_methods,
              filter_tp_new, filter_vectorcall,
              "filter(function, iterable, /)\n--\n\nReturn an iterator yielding those items of iterable for which function(item)\n"
              "is true. If function is None, return the items that are true.");
  init_common(ReversedType, "reversed", sizeof(ReversedObject), reversed_dealloc, reversed_traverse, reversed_next,
              reversed_methods, reversed_tp_new, reversed_vectorcall,
              "reversed(sequence, /)\n--\n\nReturn a reverse iterator over the values of the given sequence.");
}

}  // namespace pyxx
