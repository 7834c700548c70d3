// tuple and tuple_iterator: items stored inline; () is an immortal singleton;
// the hash is CPython's xxHash-based tuplehash, cached in hash_cache (3.14).
#include "objects/genericalias.h"  // genericalias area: __class_getitem__
#include "objects/tuple.h"
#include <cstring>
#include "core/alloc.h"
#include "core/state.h"
#include "objects/container_util.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/range.h"
#include "objects/singletons.h"
#include "objects/method.h"

namespace pyxx {

Type TupleType;
Type TupleIterType;

namespace {

struct EmptyTupleStorage {
  GCHeader gc;
  TupleObject tuple;
};
EmptyTupleStorage empty_tuple_storage = {
    {0, 0}, {{{PYXX_STATIC_OBJECT_HEAD(&TupleType)}, 0}, -1, {nullptr}}};

PYXX_ALWAYS_INLINE Object* empty_tuple() { return &empty_tuple_storage.tuple; }

PYXX_ALWAYS_INLINE size_t tuple_bytes(ssize n) { return offsetof(TupleObject, items) + size_t(n) * sizeof(Object*); }

Object* tuple_alloc(ssize n) {
  if (n < 0) return err_bad_internal_call("tuple_new");
  if (size_t(n) > (size_t(kSsizeMax) - offsetof(TupleObject, items)) / sizeof(Object*)) return err_no_memory();
  auto* t = static_cast<TupleObject*>(object_alloc(&TupleType, tuple_bytes(n)));
  if (!t) return nullptr;
  t->size = n;
  t->hash_cache = -1;
  return t;
}

}  // namespace

Object* tuple_new(ssize n) {
  if (n == 0) return new_ref(empty_tuple());
  Object* t = tuple_alloc(n);
  if (!t) return nullptr;
  std::memset(tuple_items(t), 0, size_t(n) * sizeof(Object*));
  gc_track(t);
  return t;
}

Object* tuple_pack(std::initializer_list<Object*> items) {
  ssize n = ssize(items.size());
  if (n == 0) return new_ref(empty_tuple());
  Object* t = tuple_alloc(n);
  if (!t) return nullptr;
  Object** dst = tuple_items(t);
  for (Object* o : items) *dst++ = new_ref(o);
  gc_track(t);
  return t;
}

Object* tuple_from_array(Object* const* src, ssize n) {
  if (n == 0) return new_ref(empty_tuple());
  Object* t = tuple_alloc(n);
  if (!t) return nullptr;
  Object** dst = tuple_items(t);
  for (ssize i = 0; i < n; ++i) dst[i] = new_ref(src[i]);
  gc_track(t);
  return t;
}

Object* tuple_from_array_steal(Object* const* src, ssize n) {
  if (n == 0) {
    return new_ref(empty_tuple());
  }
  Object* t = tuple_alloc(n);
  if (!t) {
    for (ssize i = 0; i < n; ++i) decref(src[i]);
    return nullptr;
  }
  std::memcpy(tuple_items(t), src, size_t(n) * sizeof(Object*));
  gc_track(t);
  return t;
}

Object* tuple_slice(Object* t, ssize lo, ssize hi) {
  ssize n = tuple_size(t);
  if (lo < 0) lo = 0;
  if (hi > n) hi = n;
  if (hi < lo) hi = lo;
  if (lo == 0 && hi == n && tuple_check_exact(t)) return new_ref(t);
  return tuple_from_array(tuple_items(t) + lo, hi - lo);
}

namespace {

void tuple_dealloc(Object* op) {
  auto* t = static_cast<TupleObject*>(op);
  if (op == empty_tuple()) return;  // immortal
  gc_untrack(op);
  Type* tp = op->type;
  bool exact = tp == &TupleType;
  if (exact && !trash_begin(op)) return;
  for (ssize i = t->size; --i >= 0;) xdecref(t->items[i]);
  if (tp->tp_free && !exact) tp->tp_free(op);
  else object_free(op);
  if (exact) trash_end();
}

int tuple_traverse(Object* op, VisitProc visit, void* arg) {
  auto* t = static_cast<TupleObject*>(op);
  for (ssize i = t->size; --i >= 0;)
    if (t->items[i]) if (int r = visit(t->items[i], arg)) return r;
  return 0;
}

Object* tuple_repr(Object* self) {
  ssize n = tuple_size(self);
  if (n == 0) return str_from_cstr("()");
  int st = repr_enter(self);
  if (st != 0) return st > 0 ? str_from_cstr("(...)") : nullptr;
  Object* r = seq_repr_items(tuple_items(self), n, "(", ")", true);
  repr_leave(self);
  return r;
}

// CPython's xxHash-derived tuple hash (Objects/tupleobject.c, 3.8+).
constexpr uint64_t kXXPrime1 = 11400714785074694791ULL;
constexpr uint64_t kXXPrime2 = 14029467366897019727ULL;
constexpr uint64_t kXXPrime5 = 2870177450012600261ULL;
PYXX_ALWAYS_INLINE uint64_t xx_rotate(uint64_t x) { return (x << 31) | (x >> 33); }

Hash tuple_hash(Object* self) {
  auto* t = static_cast<TupleObject*>(self);
  if (t->hash_cache != -1) return t->hash_cache;
  ssize n = t->size;
  uint64_t acc = kXXPrime5;
  for (ssize i = 0; i < n; ++i) {
    Hash lane = object_hash(t->items[i]);
    if (lane == -1) return -1;
    acc += uint64_t(lane) * kXXPrime2;
    acc = xx_rotate(acc);
    acc *= kXXPrime1;
  }
  acc += uint64_t(n) ^ (kXXPrime5 ^ 3527539UL);
  if (acc == uint64_t(-1)) acc = 1546275796;
  t->hash_cache = Hash(acc);
  return Hash(acc);
}

ssize tuple_length(Object* self) { return tuple_size(self); }

int tuple_contains(Object* self, Object* el) {
  ssize n = tuple_size(self);
  for (ssize i = 0; i < n; ++i) {
    int c = object_richcompare_bool(tuple_get(self, i), el, kEQ);
    if (c != 0) return c;
  }
  return 0;
}

Object* tuple_item(Object* self, ssize i) {
  if (size_t(i) >= size_t(tuple_size(self))) return err_string(&exc::IndexError, "tuple index out of range");
  return new_ref(tuple_get(self, i));
}

Object* tuple_subscript(Object* self, Object* item) {
  if (index_check(item)) {
    ssize i = number_as_ssize(item, &exc::IndexError);
    if (i == -1 && err_occurred()) return nullptr;
    if (i < 0) i += tuple_size(self);
    return tuple_item(self, i);
  }
  if (slice_check(item)) {
    ssize start, stop, step, len;
    if (slice_get_indices(item, tuple_size(self), &start, &stop, &step, &len) < 0) return nullptr;
    if (len <= 0) return new_ref(empty_tuple());
    if (step == 1) return tuple_slice(self, start, stop);
    if (start == 0 && step == 1 && len == tuple_size(self) && tuple_check_exact(self)) return new_ref(self);
    Object* r = tuple_alloc(len);
    if (!r) return nullptr;
    Object** src = tuple_items(self);
    Object** dst = tuple_items(r);
    for (ssize cur = start, i = 0; i < len; cur += step, ++i) dst[i] = new_ref(src[cur]);
    gc_track(r);
    return r;
  }
  return err_format(&exc::TypeError, "tuple indices must be integers or slices, not %.200s", item->type->tp_name);
}

Object* tuple_concat(Object* a, Object* b) {
  if (!tuple_check(b))
    return err_format(&exc::TypeError, "can only concatenate tuple (not \"%.200s\") to tuple", b->type->tp_name);
  ssize na = tuple_size(a), nb = tuple_size(b);
  if (nb == 0 && tuple_check_exact(a)) return new_ref(a);
  if (na == 0 && tuple_check_exact(b)) return new_ref(b);
  if (na > kSsizeMax - nb) return err_no_memory();
  Object* r = tuple_alloc(na + nb);
  if (!r) return nullptr;
  Object** dst = tuple_items(r);
  for (ssize i = 0; i < na; ++i) dst[i] = new_ref(tuple_get(a, i));
  for (ssize i = 0; i < nb; ++i) dst[na + i] = new_ref(tuple_get(b, i));
  gc_track(r);
  return r;
}

Object* tuple_repeat(Object* a, ssize n) {
  ssize len = tuple_size(a);
  if (len == 0 || n == 1) {
    if (tuple_check_exact(a)) return new_ref(a);
  }
  if (len == 0 || n <= 0) return new_ref(empty_tuple());
  if (n > kSsizeMax / len) return err_no_memory();
  ssize total = len * n;
  Object* r = tuple_alloc(total);
  if (!r) return nullptr;
  Object** dst = tuple_items(r);
  Object** src = tuple_items(a);
  for (ssize k = 0; k < n; ++k)
    for (ssize i = 0; i < len; ++i) *dst++ = new_ref(src[i]);
  gc_track(r);
  return r;
}

Object* tuple_richcompare(Object* v, Object* w, int op) {
  if (!tuple_check(v) || !tuple_check(w)) return new_ref(NotImplemented);
  ssize vlen = tuple_size(v), wlen = tuple_size(w);
  ssize i = 0;
  for (; i < vlen && i < wlen; ++i) {
    int k = object_richcompare_bool(tuple_get(v, i), tuple_get(w, i), kEQ);
    if (k < 0) return nullptr;
    if (!k) break;
  }
  if (i >= vlen || i >= wlen) {
    bool r;
    switch (op) {
      case kLT: r = vlen < wlen; break;
      case kLE: r = vlen <= wlen; break;
      case kEQ: r = vlen == wlen; break;
      case kNE: r = vlen != wlen; break;
      case kGT: r = vlen > wlen; break;
      default: r = vlen >= wlen; break;
    }
    return new_ref(bool_from(r));
  }
  if (op == kEQ) return new_ref(False);
  if (op == kNE) return new_ref(True);
  return object_richcompare(tuple_get(v, i), tuple_get(w, i), op);
}

Object* tuple_iter(Object* seq);

Object* tuple_from_iterable(Object* iterable) {
  if (tuple_check_exact(iterable)) return new_ref(iterable);
  if (list_check_exact(iterable)) return list_as_tuple(iterable);
  // As CPython 3.14's PySequence_Tuple: no __len__/__length_hint__ use.
  return sequence_tuple(iterable);
}

Object* tuple_subtype_new(Type* type, Object* iterable) {
  Object* tmp = iterable ? tuple_from_iterable(iterable) : new_ref(empty_tuple());
  if (!tmp) return nullptr;
  ssize n = tuple_size(tmp);
  Object* r = type->tp_alloc(type, n);
  if (!r) { decref(tmp); return nullptr; }
  auto* t = static_cast<TupleObject*>(r);
  t->hash_cache = -1;
  t->size = n;
  for (ssize i = 0; i < n; ++i) t->items[i] = new_ref(tuple_get(tmp, i));
  decref(tmp);
  return r;
}

Object* tuple_tp_new(Type* type, Object* args, Object* kwds) {
  if (type == &TupleType && !container_no_kwargs("tuple", kwds)) return nullptr;
  ssize nargs = tuple_size(args);
  if (!container_check_args("tuple", nargs, 0, 1)) return nullptr;
  Object* iterable = nargs ? tuple_get(args, 0) : nullptr;
  if (type != &TupleType) return tuple_subtype_new(type, iterable);
  return iterable ? tuple_from_iterable(iterable) : new_ref(empty_tuple());
}

Object* tuple_vectorcall(Object* type, Object* const* args, size_t nargsf, Object* kwnames) {
  if (!container_no_kwnames("tuple", kwnames)) return nullptr;
  ssize nargs = vectorcall_nargs(nargsf);
  if (!container_check_args("tuple", nargs, 0, 1)) return nullptr;
  if (type != &TupleType) {
    Type* t = static_cast<Type*>(type);
    return tuple_subtype_new(t, nargs ? args[0] : nullptr);
  }
  return nargs ? tuple_from_iterable(args[0]) : new_ref(empty_tuple());
}

// --- methods ---

Object* tuple_count(Object* self, Object* value) {
  ssize count = 0, n = tuple_size(self);
  for (ssize i = 0; i < n; ++i) {
    int c = object_richcompare_bool(tuple_get(self, i), value, kEQ);
    if (c < 0) return nullptr;
    count += c;
  }
  return int_from_ssize(count);
}

Object* tuple_index(Object* self, Object* const* args, ssize nargs) {
  if (!container_check_args("index", nargs, 1, 3)) return nullptr;
  ssize start = 0, stop = kSsizeMax, n = tuple_size(self);
  if (nargs > 1 && !container_slice_index(args[1], &start)) return nullptr;
  if (nargs > 2 && !container_slice_index(args[2], &stop)) return nullptr;
  if (start < 0) { start += n; if (start < 0) start = 0; }
  if (stop < 0) { stop += n; }
  else if (stop > n) stop = n;
  for (ssize i = start; i < stop && i < tuple_size(self); ++i) {
    int c = object_richcompare_bool(tuple_get(self, i), args[0], kEQ);
    if (c > 0) return int_from_ssize(i);
    if (c < 0) return nullptr;
  }
  return err_string(&exc::ValueError, "tuple.index(x): x not in tuple");
}

Object* tuple_getnewargs(Object* self, Object*) {
  Object* copy = tuple_from_array(tuple_items(self), tuple_size(self));
  if (!copy) return nullptr;
  Object* r = tuple_pack({copy});
  decref(copy);
  return r;
}

const MethodDef tuple_methods[] = {
    {"__getnewargs__", reinterpret_cast<void*>(&tuple_getnewargs), kMethNoArgs, nullptr},
    {"index", reinterpret_cast<void*>(&tuple_index), kMethFastcall,
     "index($self, value, start=0, stop=sys.maxsize, /)\n--\n\nReturn first index of value.\n\nRaises ValueError if the value is not present."},
    {"count", reinterpret_cast<void*>(&tuple_count), kMethO,
     "count($self, value, /)\n--\n\nReturn number of occurrences of value."},
    {"__class_getitem__", reinterpret_cast<void*>(&generic_alias_class_getitem), kMethO | kMethClass, "__class_getitem__($cls, item, /)\n--\n\nSee PEP 585"},  // genericalias area
    {nullptr, nullptr, 0, nullptr}};

SequenceMethods tuple_as_sequence = {
    tuple_length, tuple_concat, tuple_repeat, tuple_item, nullptr, nullptr, nullptr, tuple_contains, nullptr, nullptr};
MappingMethods tuple_as_mapping = {tuple_length, tuple_subscript, nullptr};

// --- tuple_iterator ---

// TupleIterObject is declared in tuple.h (the eval loop iterates it inline).

Object* tuple_iter(Object* seq) {
  auto* it = static_cast<TupleIterObject*>(object_alloc(&TupleIterType, sizeof(TupleIterObject)));
  if (!it) return nullptr;
  it->index = 0;
  it->seq = new_ref(seq);
  gc_track(it);
  return it;
}

void tupleiter_dealloc(Object* op) {
  gc_untrack(op);
  xdecref(static_cast<TupleIterObject*>(op)->seq);
  object_free(op);
}

int tupleiter_traverse(Object* op, VisitProc visit, void* arg) {
  Object* s = static_cast<TupleIterObject*>(op)->seq;
  return s ? visit(s, arg) : 0;
}

Object* tupleiter_next(Object* op) { return tuple_iter_next_inline(op); }

Object* tupleiter_len(Object* op, Object*) {
  auto* it = static_cast<TupleIterObject*>(op);
  ssize n = it->seq ? tuple_size(it->seq) - it->index : 0;
  return int_from_ssize(n < 0 ? 0 : n);
}

Object* self_iter(Object* self) { return new_ref(self); }

Object* tupleiter_reduce(Object* op, Object*) {
  auto* it = static_cast<TupleIterObject*>(op);
  if (it->seq) return container_iter_reduce("iter", it->seq, it->index);
  // Exhausted: iter(())
  Object* empty = tuple_new(0);
  Object* r = empty ? container_iter_reduce_seq(empty) : nullptr;
  xdecref(empty);
  return r;
}

Object* tupleiter_setstate(Object* op, Object* state) {
  auto* it = static_cast<TupleIterObject*>(op);
  ssize index = number_as_ssize(state, nullptr);
  if (index == -1 && err_occurred()) return nullptr;
  if (it->seq) {
    if (index < 0) index = 0;
    else if (index > tuple_size(it->seq)) index = tuple_size(it->seq);
    it->index = index;
  }
  return new_ref(None);
}

const MethodDef tupleiter_methods[] = {
    {"__reduce__", reinterpret_cast<void*>(&tupleiter_reduce), kMethNoArgs, "Return state information for pickling."},
    {"__setstate__", reinterpret_cast<void*>(&tupleiter_setstate), kMethO, "Set state information for unpickling."},
    {"__length_hint__", reinterpret_cast<void*>(&tupleiter_len), kMethNoArgs, "Private method returning an estimate of len(list(it))."},
    {nullptr, nullptr, 0, nullptr}};

}  // namespace

void init_tuple_types() {
  Type& t = TupleType;
  t.tp_name = "tuple";
  t.tp_basicsize = offsetof(TupleObject, items);
  t.tp_itemsize = sizeof(Object*);
  t.tp_dealloc = tuple_dealloc;
  t.tp_repr = tuple_repr;
  t.tp_as_sequence = &tuple_as_sequence;
  t.tp_as_mapping = &tuple_as_mapping;
  t.tp_hash = tuple_hash;
  t.tp_getattro = object_generic_getattr;
  t.tp_flags = kTpflagsDefault | kTpflagsHaveGC | kTpflagsBaseType | kTpflagsTupleSubclass | kTpflagsSequence |
               kTpflagsMatchSelf | kTpflagsImmutableType;
  t.tp_doc = "Built-in immutable sequence.\n\nIf no argument is given, the constructor returns an empty tuple.\n"
             "If iterable is specified the tuple is initialized from iterable's items.\n\n"
             "If the argument is a tuple, the return value is the same object.";
  t.tp_traverse = tuple_traverse;
  t.tp_richcompare = tuple_richcompare;
  t.tp_iter = tuple_iter;
  t.tp_methods = tuple_methods;
  t.tp_base = &ObjectType;
  t.tp_new = tuple_tp_new;
  t.tp_vectorcall = tuple_vectorcall;

  Type& it = TupleIterType;
  it.tp_name = "tuple_iterator";
  it.tp_basicsize = sizeof(TupleIterObject);
  it.tp_dealloc = tupleiter_dealloc;
  it.tp_getattro = object_generic_getattr;
  it.tp_flags = kTpflagsDefault | kTpflagsHaveGC | kTpflagsImmutableType | kTpflagsDisallowInstantiation;
  it.tp_traverse = tupleiter_traverse;
  it.tp_iter = self_iter;
  it.tp_iternext = tupleiter_next;
  it.tp_methods = tupleiter_methods;
  it.tp_base = &ObjectType;
}

}  // namespace pyxx
