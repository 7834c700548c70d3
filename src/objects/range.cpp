// range, range_iterator and longrange_iterator (Objects/rangeobject.c
// behaviour). start/stop/step/length are Python ints so big ranges work;
// iteration uses machine words whenever the values fit.
#include "core/alloc.h"
#include "objects/container_util.h"
#include "objects/int.h"
#include "objects/range.h"
#include "objects/singletons.h"
#include "objects/tuple.h"

namespace pyxx {

Type RangeType, RangeIterType, LongRangeIterType;

namespace {

struct RangeObject : Object {
  Object* start;
  Object* stop;
  Object* step;
  Object* length;
};

// RangeIterObject is declared in range.h (the eval loop iterates it inline).

struct LongRangeIterObject : Object {
  Object* start;
  Object* step;
  Object* len;
};

PYXX_ALWAYS_INLINE RangeObject* R(Object* o) { return static_cast<RangeObject*>(o); }
PYXX_ALWAYS_INLINE bool compact(Object* o) { return int_is_compact(o); }

// (hi - lo - 1) // step + 1 for lo < hi, else 0, with step made positive.
Object* compute_range_length(Object* start, Object* stop, Object* step) {
  if (compact(start) && compact(stop) && compact(step)) {
    __int128 lo, hi, st = int_compact_value(step);
    if (st > 0) { lo = int_compact_value(start); hi = int_compact_value(stop); }
    else { lo = int_compact_value(stop); hi = int_compact_value(start); st = -st; }
    if (lo >= hi) return int_from_i64(0);
    unsigned __int128 n = (unsigned __int128)((hi - lo - 1) / st + 1);
    return int_from_u64(uint64_t(n));
  }
  Object *lo, *hi;
  Object* st = new_ref(step);
  if (int_sign(step) > 0) {
    lo = start; hi = stop;
  } else {
    lo = stop; hi = start;
    decref(st);
    st = number_negative(step);
    if (!st) return nullptr;
  }
  if (int_compare(lo, hi) >= 0) { decref(st); return int_from_i64(0); }
  Object* one = int_from_i64(1);
  Object* diff = int_sub(hi, lo);
  Object* diff1 = diff ? int_sub(diff, one) : nullptr;
  Object* q = diff1 ? number_floor_divide(diff1, st) : nullptr;
  Object* r = q ? int_add(q, one) : nullptr;
  xdecref(q); xdecref(diff1); xdecref(diff); decref(one); decref(st);
  return r;
}

Object* make_range(Type* type, Object* start, Object* stop, Object* step) {
  Object* length = compute_range_length(start, stop, step);
  if (!length) return nullptr;
  auto* r = static_cast<RangeObject*>(object_alloc(type, sizeof(RangeObject)));
  if (!r) { decref(length); return nullptr; }
  r->start = new_ref(start);
  r->stop = new_ref(stop);
  r->step = new_ref(step);
  r->length = length;
  return r;
}

// start + i*step (all ints).
Object* compute_item(RangeObject* r, Object* i) {
  if (compact(r->start) && compact(r->step) && compact(i)) {
    __int128 v = (__int128)int_compact_value(r->start) + (__int128)int_compact_value(i) * int_compact_value(r->step);
    if (v >= INT64_MIN && v <= INT64_MAX) return int_from_i64(int64_t(v));
  }
  Object* m = int_mul(i, r->step);
  if (!m) return nullptr;
  Object* res = int_add(r->start, m);
  decref(m);
  return res;
}

}  // namespace

Object* range_new(Object* start, Object* stop, Object* step) {
  Object* a = start ? number_index(start) : int_from_i64(0);
  if (!a) return nullptr;
  Object* b = number_index(stop);
  if (!b) { decref(a); return nullptr; }
  Object* c = step ? number_index(step) : int_from_i64(1);
  if (!c) { decref(a); decref(b); return nullptr; }
  if (int_sign(c) == 0) {
    decref(a); decref(b); decref(c);
    return err_string(&exc::ValueError, "range() arg 3 must not be zero");
  }
  Object* r = make_range(&RangeType, a, b, c);
  decref(a); decref(b); decref(c);
  return r;
}

namespace {

Object* range_from_args(Object* const* args, ssize n) {
  if (!container_check_args("range", n, 1, 3)) return nullptr;
  if (n == 1) {
    Object* zero = int_from_i64(0);
    Object* r = range_new(zero, args[0], nullptr);
    decref(zero);
    return r;
  }
  return range_new(args[0], args[1], n > 2 ? args[2] : nullptr);
}

Object* range_tp_new(Type* type, Object* args, Object* kwds) {
  if (!container_no_kwargs("range", kwds)) return nullptr;
  return range_from_args(tuple_items(args), tuple_size(args));
}

Object* range_vectorcall(Object* type, Object* const* args, size_t nargsf, Object* kwnames) {
  if (!container_no_kwnames("range", kwnames)) return nullptr;
  return range_from_args(args, vectorcall_nargs(nargsf));
}

void range_dealloc(Object* op) {
  RangeObject* r = R(op);
  decref(r->start);
  decref(r->stop);
  decref(r->step);
  decref(r->length);
  object_free(op);
}

Object* range_repr(Object* op) {
  RangeObject* r = R(op);
  if (compact(r->step) && int_compact_value(r->step) == 1) return str_from_format("range(%R, %R)", r->start, r->stop);
  return str_from_format("range(%R, %R, %R)", r->start, r->stop, r->step);
}

ssize range_length(Object* op) { return int_as_ssize(R(op)->length); }

int range_bool(Object* op) { return int_sign(R(op)->length) != 0; }

Object* range_item_obj(RangeObject* r, Object* idx) {
  // idx is an int; negative values count from the end.
  Object* i = new_ref(idx);
  if (int_sign(i) < 0) {
    Object* t = int_add(i, r->length);
    decref(i);
    if (!t) return nullptr;
    i = t;
  }
  if (int_sign(i) < 0 || int_compare(i, r->length) >= 0) {
    decref(i);
    return err_string(&exc::IndexError, "range object index out of range");
  }
  Object* res = compute_item(r, i);
  decref(i);
  return res;
}

Object* range_sq_item(Object* op, ssize i) {
  Object* idx = int_from_ssize(i);
  if (!idx) return nullptr;
  Object* r = range_item_obj(R(op), idx);
  decref(idx);
  return r;
}

Object* range_subscript(Object* op, Object* item) {
  RangeObject* r = R(op);
  if (index_check(item)) {
    Object* i = number_index(item);
    if (!i) return nullptr;
    Object* res = range_item_obj(r, i);
    decref(i);
    return res;
  }
  if (slice_check(item)) {
    Object *start = nullptr, *stop = nullptr, *step = nullptr, *res = nullptr;
    if (slice_get_long_indices(item, r->length, &start, &stop, &step) == 0) {
      Object* nstart = compute_item(r, start);
      Object* nstop = compute_item(r, stop);
      Object* nstep = int_mul(r->step, step);
      if (nstart && nstop && nstep) res = make_range(&RangeType, nstart, nstop, nstep);
      xdecref(nstart); xdecref(nstop); xdecref(nstep);
    }
    xdecref(start); xdecref(stop); xdecref(step);
    return res;
  }
  return err_format(&exc::TypeError, "range indices must be integers or slices, not %.200s", item->type->tp_name);
}

// Membership for ints: bounds check then divisibility.
int range_contains_long(RangeObject* r, Object* ob) {
  int cmp1, cmp2;
  if (int_sign(r->step) > 0) {
    cmp1 = int_compare(r->start, ob) <= 0;
    cmp2 = int_compare(ob, r->stop) < 0;
  } else {
    cmp1 = int_compare(ob, r->start) <= 0;
    cmp2 = int_compare(r->stop, ob) < 0;
  }
  if (!cmp1 || !cmp2) return 0;
  if (compact(ob) && compact(r->start) && compact(r->step)) {
    __int128 d = (__int128)int_compact_value(ob) - int_compact_value(r->start);
    return d % int_compact_value(r->step) == 0;
  }
  Object* tmp1 = int_sub(ob, r->start);
  if (!tmp1) return -1;
  Object* tmp2 = number_remainder(tmp1, r->step);
  decref(tmp1);
  if (!tmp2) return -1;
  int res = int_sign(tmp2) == 0;
  decref(tmp2);
  return res;
}

int iter_search_contains(Object* seq, Object* ob, ssize* count, ssize* index) {
  Object* it = object_get_iter(seq);
  if (!it) return -1;
  ssize i = 0;
  int found = 0;
  for (;; ++i) {
    Object* item = iter_next(it);
    if (!item) break;
    int c = object_richcompare_bool(item, ob, kEQ);
    decref(item);
    if (c < 0) { decref(it); return -1; }
    if (c) {
      found = 1;
      if (count) ++*count;
      else { if (index) *index = i; break; }
    }
  }
  decref(it);
  if (err_occurred()) return -1;
  return found;
}

int range_contains(Object* op, Object* ob) {
  if (int_check_exact(ob) || bool_check(ob)) return range_contains_long(R(op), ob);
  return iter_search_contains(op, ob, nullptr, nullptr);
}

Object* m_count(Object* op, Object* ob) {
  if (int_check_exact(ob) || bool_check(ob)) {
    int r = range_contains_long(R(op), ob);
    if (r < 0) return nullptr;
    return int_from_i64(r);
  }
  ssize count = 0;
  if (iter_search_contains(op, ob, &count, nullptr) < 0) return nullptr;
  return int_from_ssize(count);
}

Object* m_index(Object* op, Object* ob) {
  RangeObject* r = R(op);
  if (int_check_exact(ob) || bool_check(ob)) {
    int c = range_contains_long(r, ob);
    if (c < 0) return nullptr;
    if (!c) return err_string(&exc::ValueError, "range.index(x): x not in range");
    Object* d = int_sub(ob, r->start);
    if (!d) return nullptr;
    Object* idx = number_floor_divide(d, r->step);
    decref(d);
    return idx;
  }
  ssize index = 0;
  int f = iter_search_contains(op, ob, nullptr, &index);
  if (f < 0) return nullptr;
  if (!f) return err_string(&exc::ValueError, "sequence.index(x): x not in sequence");
  return int_from_ssize(index);
}

int range_equals(RangeObject* r0, RangeObject* r1) {
  if (r0 == r1) return 1;
  if (int_compare(r0->length, r1->length) != 0) return 0;
  if (int_sign(r0->length) == 0) return 1;
  if (int_compare(r0->start, r1->start) != 0) return 0;
  if (compact(r0->length) && int_compact_value(r0->length) == 1) return 1;
  return int_compare(r0->step, r1->step) == 0;
}

Object* range_richcompare(Object* self, Object* other, int op) {
  if (other->type != &RangeType) return new_ref(NotImplemented);
  if (op != kEQ && op != kNE) return new_ref(NotImplemented);
  int r = range_equals(R(self), R(other));
  if (op == kNE) r = !r;
  return new_ref(bool_from(r));
}

// hash((len, start, step)) with start/step replaced by None for short ranges.
Hash range_hash(Object* op) {
  RangeObject* r = R(op);
  Object* t;
  if (int_sign(r->length) == 0) t = tuple_pack({r->length, None, None});
  else if (compact(r->length) && int_compact_value(r->length) == 1) t = tuple_pack({r->length, r->start, None});
  else t = tuple_pack({r->length, r->start, r->step});
  if (!t) return -1;
  Hash h = object_hash(t);
  decref(t);
  return h;
}

bool fits_long(Object* o) { return compact(o); }

Object* make_range_iter(Object* start, Object* step, Object* len, bool reverse_of_range) {
  if (fits_long(start) && fits_long(step) && fits_long(len)) {
    int64_t s = int_compact_value(start), st = int_compact_value(step), n = int_compact_value(len);
    // The last value start + (n-1)*step must fit too.
    __int128 last = (__int128)s + (__int128)(n > 0 ? n - 1 : 0) * st;
    if (last >= INT64_MIN && last <= INT64_MAX) {
      auto* it = static_cast<RangeIterObject*>(object_alloc(&RangeIterType, sizeof(RangeIterObject)));
      if (!it) return nullptr;
      it->start = s;
      it->step = st;
      it->len = n;
      return it;
    }
  }
  auto* it = static_cast<LongRangeIterObject*>(object_alloc(&LongRangeIterType, sizeof(LongRangeIterObject)));
  if (!it) return nullptr;
  it->start = new_ref(start);
  it->step = new_ref(step);
  it->len = new_ref(len);
  gc_track(it);
  return it;
}

Object* range_iter(Object* op) {
  RangeObject* r = R(op);
  return make_range_iter(r->start, r->step, r->length, false);
}

Object* m_reversed(Object* op, Object*) {
  RangeObject* r = R(op);
  // New start = start + (len-1)*step, new step = -step.
  Object* one = int_from_i64(1);
  Object* lm1 = int_sub(r->length, one);
  decref(one);
  if (!lm1) return nullptr;
  Object* last = compute_item(r, lm1);
  decref(lm1);
  if (!last) return nullptr;
  Object* nstep = number_negative(r->step);
  if (!nstep) { decref(last); return nullptr; }
  Object* it = make_range_iter(last, nstep, r->length, true);
  decref(last);
  decref(nstep);
  return it;
}

Object* m_reduce(Object* op, Object*) {
  RangeObject* r = R(op);
  Object* args = tuple_pack({r->start, r->stop, r->step});
  if (!args) return nullptr;
  Object* res = tuple_pack({reinterpret_cast<Object*>(op->type), args});
  decref(args);
  return res;
}

// --- iterators ---

Object* rangeiter_next(Object* op) {
  auto* it = static_cast<RangeIterObject*>(op);
  if (it->len > 0) {
    long result = it->start;
    it->start = long((unsigned long)result + (unsigned long)it->step);
    it->len--;
    return int_from_i64(result);
  }
  return nullptr;
}

Object* rangeiter_len(Object* op, Object*) { return int_from_i64(static_cast<RangeIterObject*>(op)->len); }

void rangeiter_dealloc(Object* op) { object_free(op); }

void longrangeiter_dealloc(Object* op) {
  auto* it = static_cast<LongRangeIterObject*>(op);
  gc_untrack(op);
  decref(it->start);
  decref(it->step);
  decref(it->len);
  object_free(op);
}

int longrangeiter_traverse(Object* op, VisitProc visit, void* arg) {
  auto* it = static_cast<LongRangeIterObject*>(op);
  if (int r = visit(it->start, arg)) return r;
  if (int r = visit(it->step, arg)) return r;
  return visit(it->len, arg);
}

Object* longrangeiter_next(Object* op) {
  auto* it = static_cast<LongRangeIterObject*>(op);
  if (int_sign(it->len) <= 0) return nullptr;
  Object* one = int_from_i64(1);
  Object* newlen = int_sub(it->len, one);
  decref(one);
  if (!newlen) return nullptr;
  Object* newstart = int_add(it->start, it->step);
  if (!newstart) { decref(newlen); return nullptr; }
  Object* result = it->start;
  it->start = newstart;
  set_ref(it->len, newlen);
  return result;
}

Object* longrangeiter_len(Object* op, Object*) { return new_ref(static_cast<LongRangeIterObject*>(op)->len); }

Object* self_iter(Object* self) { return new_ref(self); }

// (iter, (range(start, start + len*step, step),), None)
Object* iter_reduce_parts(Object* start, Object* len, Object* step) {
  Object* m = int_mul(len, step);
  Object* stop = m ? int_add(start, m) : nullptr;
  xdecref(m);
  if (!stop) return nullptr;
  Object* range = make_range(&RangeType, start, stop, step);
  decref(stop);
  if (!range) return nullptr;
  Object* fn = container_builtin("iter");
  Object* args = fn ? tuple_pack({range}) : nullptr;
  Object* res = args ? tuple_pack({fn, args, None}) : nullptr;
  xdecref(args);
  xdecref(fn);
  decref(range);
  return res;
}

Object* rangeiter_reduce(Object* op, Object*) {
  auto* it = static_cast<RangeIterObject*>(op);
  Object* start = int_from_i64(it->start);
  Object* len = int_from_i64(it->len);
  Object* step = int_from_i64(it->step);
  Object* res = (start && len && step) ? iter_reduce_parts(start, len, step) : nullptr;
  xdecref(start);
  xdecref(len);
  xdecref(step);
  return res;
}

Object* rangeiter_setstate(Object* op, Object* state) {
  auto* it = static_cast<RangeIterObject*>(op);
  int64_t index = int_check(state) ? int_as_i64(state) : -1;
  if (!int_check(state)) {
    Object* idx = number_index(state);
    if (!idx) return nullptr;
    index = int_as_i64(idx);
    decref(idx);
  }
  if (index == -1 && err_occurred()) return nullptr;
  if (index < 0) index = 0;
  else if (index > it->len) index = it->len;
  it->start = long((unsigned long)it->start + (unsigned long)index * (unsigned long)it->step);
  it->len -= index;
  return new_ref(None);
}

Object* longrangeiter_reduce(Object* op, Object*) {
  auto* it = static_cast<LongRangeIterObject*>(op);
  return iter_reduce_parts(it->start, it->len, it->step);
}

Object* longrangeiter_setstate(Object* op, Object* state) {
  auto* it = static_cast<LongRangeIterObject*>(op);
  Object* idx = number_index(state);
  if (!idx) return nullptr;
  if (int_sign(idx) < 0) set_ref(idx, int_from_i64(0));
  else if (int_compare(idx, it->len) > 0) set_ref(idx, new_ref(it->len));
  Object* m = int_mul(idx, it->step);
  Object* ns = m ? int_add(it->start, m) : nullptr;
  Object* nl = ns ? int_sub(it->len, idx) : nullptr;
  xdecref(m);
  decref(idx);
  if (!nl) { xdecref(ns); return nullptr; }
  set_ref(it->start, ns);
  set_ref(it->len, nl);
  return new_ref(None);
}

const MethodDef rangeiter_methods[] = {
    {"__length_hint__", reinterpret_cast<void*>(&rangeiter_len), kMethNoArgs, "Private method returning an estimate of len(list(it))."},
    {"__reduce__", reinterpret_cast<void*>(&rangeiter_reduce), kMethNoArgs, "Return state information for pickling."},
    {"__setstate__", reinterpret_cast<void*>(&rangeiter_setstate), kMethO, "Set state information for unpickling."},
    {nullptr, nullptr, 0, nullptr}};
const MethodDef longrangeiter_methods[] = {
    {"__length_hint__", reinterpret_cast<void*>(&longrangeiter_len), kMethNoArgs, "Private method returning an estimate of len(list(it))."},
    {"__reduce__", reinterpret_cast<void*>(&longrangeiter_reduce), kMethNoArgs, "Return state information for pickling."},
    {"__setstate__", reinterpret_cast<void*>(&longrangeiter_setstate), kMethO, "Set state information for unpickling."},
    {nullptr, nullptr, 0, nullptr}};

const MethodDef range_methods[] = {
    {"__reversed__", reinterpret_cast<void*>(&m_reversed), kMethNoArgs, "Return a reverse iterator."},
    {"__reduce__", reinterpret_cast<void*>(&m_reduce), kMethNoArgs, nullptr},
    {"count", reinterpret_cast<void*>(&m_count), kMethO, "rangeobject.count(value) -> integer -- return number of occurrences of value"},
    {"index", reinterpret_cast<void*>(&m_index), kMethO, "rangeobject.index(value) -> integer -- return index of value.\nRaise ValueError if the value is not present."},
    {nullptr, nullptr, 0, nullptr}};

const MemberDef range_members[] = {
    {"start", MemberKind::Object, offsetof(RangeObject, start), kMemberReadonly, nullptr},
    {"stop", MemberKind::Object, offsetof(RangeObject, stop), kMemberReadonly, nullptr},
    {"step", MemberKind::Object, offsetof(RangeObject, step), kMemberReadonly, nullptr},
    {nullptr, MemberKind::Object, 0, 0, nullptr}};

NumberMethods range_as_number = [] {
  NumberMethods n{};
  n.nb_bool = range_bool;
  return n;
}();
SequenceMethods range_as_sequence = {range_length, nullptr, nullptr, range_sq_item, nullptr, nullptr, nullptr, range_contains, nullptr, nullptr};
MappingMethods range_as_mapping = {range_length, range_subscript, nullptr};

}  // namespace

void init_range_types() {
  Type& t = RangeType;
  t.tp_name = "range";
  t.tp_basicsize = sizeof(RangeObject);
  t.tp_dealloc = range_dealloc;
  t.tp_repr = range_repr;
  t.tp_as_number = &range_as_number;
  t.tp_as_sequence = &range_as_sequence;
  t.tp_as_mapping = &range_as_mapping;
  t.tp_hash = range_hash;
  t.tp_getattro = object_generic_getattr;
  t.tp_flags = kTpflagsDefault | kTpflagsSequence | kTpflagsImmutableType;
  t.tp_doc = "range(stop) -> range object\nrange(start, stop[, step]) -> range object\n\n"
             "Return an object that produces a sequence of integers from start (inclusive)\n"
             "to stop (exclusive) by step.  range(i, j) produces i, i+1, i+2, ..., j-1.\n"
             "start defaults to 0, and stop is omitted!  range(4) produces 0, 1, 2, 3.\n"
             "These are exactly the valid indices for a list of 4 elements.\n"
             "When step is given, it specifies the increment (or decrement).";
  t.tp_richcompare = range_richcompare;
  t.tp_iter = range_iter;
  t.tp_methods = range_methods;
  t.tp_members = range_members;
  t.tp_base = &ObjectType;
  t.tp_new = range_tp_new;
  t.tp_vectorcall = range_vectorcall;

  Type& it = RangeIterType;
  it.tp_name = "range_iterator";
  it.tp_basicsize = sizeof(RangeIterObject);
  it.tp_dealloc = rangeiter_dealloc;
  it.tp_getattro = object_generic_getattr;
  it.tp_flags = kTpflagsDefault | kTpflagsImmutableType | kTpflagsDisallowInstantiation;
  it.tp_iter = self_iter;
  it.tp_iternext = rangeiter_next;
  it.tp_methods = rangeiter_methods;
  it.tp_base = &ObjectType;

  Type& lit = LongRangeIterType;
  lit.tp_name = "longrange_iterator";
  lit.tp_basicsize = sizeof(LongRangeIterObject);
  lit.tp_dealloc = longrangeiter_dealloc;
  lit.tp_getattro = object_generic_getattr;
  lit.tp_flags = kTpflagsDefault | kTpflagsHaveGC | kTpflagsImmutableType | kTpflagsDisallowInstantiation;
  lit.tp_traverse = longrangeiter_traverse;
  lit.tp_iter = self_iter;
  lit.tp_iternext = longrangeiter_next;
  lit.tp_methods = longrangeiter_methods;
  lit.tp_base = &ObjectType;
}

}  // namespace pyxx
