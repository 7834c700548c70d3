// slice objects (Objects/sliceobject.c behaviour): construction, repr,
// comparison as (start, stop, step), the 3.12+ hash, indices(), and the
// PySlice_Unpack/AdjustIndices pair used by every sequence type.
#include "core/alloc.h"
#include "objects/container_util.h"
#include "objects/int.h"
#include "objects/range.h"
#include "objects/singletons.h"
#include "objects/tuple.h"

namespace pyxx {

Type SliceType;

Object* slice_new(Object* start, Object* stop, Object* step) {
  auto* s = static_cast<SliceObject*>(object_alloc(&SliceType, sizeof(SliceObject)));
  if (!s) return nullptr;
  s->start = new_ref(start ? start : None);
  s->stop = new_ref(stop ? stop : None);
  s->step = new_ref(step ? step : None);
  gc_track(s);
  return s;
}

namespace {

// _PyEval_SliceIndex: None leaves *out unchanged; ints are clamped to ssize.
bool eval_slice_index(Object* v, ssize* out) {
  if (v == None) return true;
  if (int_check_exact(v) && int_is_compact(v)) { *out = int_compact_value(v); return true; }
  if (!index_check(v)) {
    err_set_string(&exc::TypeError, "slice indices must be integers or None or have an __index__ method");
    return false;
  }
  ssize x = number_as_ssize(v, nullptr);
  if (x == -1 && err_occurred()) return false;
  *out = x;
  return true;
}

// PySlice_Unpack
int slice_unpack(Object* op, ssize* start, ssize* stop, ssize* step) {
  auto* r = static_cast<SliceObject*>(op);
  if (r->step == None) {
    *step = 1;
  } else {
    if (!eval_slice_index(r->step, step)) return -1;
    if (*step == 0) { err_set_string(&exc::ValueError, "slice step cannot be zero"); return -1; }
    if (*step < -kSsizeMax) *step = -kSsizeMax;
  }
  if (r->start == None) *start = *step < 0 ? kSsizeMax : 0;
  else if (!eval_slice_index(r->start, start)) return -1;
  if (r->stop == None) *stop = *step < 0 ? kSsizeMin : kSsizeMax;
  else if (!eval_slice_index(r->stop, stop)) return -1;
  return 0;
}

// PySlice_AdjustIndices
ssize slice_adjust(ssize length, ssize* start, ssize* stop, ssize step) {
  if (*start < 0) {
    *start += length;
    if (*start < 0) *start = step < 0 ? -1 : 0;
  } else if (*start >= length) {
    *start = step < 0 ? length - 1 : length;
  }
  if (*stop < 0) {
    *stop += length;
    if (*stop < 0) *stop = step < 0 ? -1 : 0;
  } else if (*stop >= length) {
    *stop = step < 0 ? length - 1 : length;
  }
  if (step < 0) {
    if (*stop < *start) return (*start - *stop - 1) / (-step) + 1;
  } else if (*start < *stop) {
    return (*stop - *start - 1) / step + 1;
  }
  return 0;
}

// Index of a slice bound as a Python int (None handled by the caller).
Object* slice_bound(Object* v) {
  if (!index_check(v))
    return err_string(&exc::TypeError, "slice indices must be integers or None or have an __index__ method");
  return number_index(v);
}

}  // namespace

int slice_get_long_indices(Object* slice, Object* length, Object** start_out, Object** stop_out, Object** step_out) {
  auto* s = static_cast<SliceObject*>(slice);
  Object* step = s->step == None ? int_from_i64(1) : slice_bound(s->step);
  if (!step) return -1;
  int neg = int_sign(step) < 0;
  if (int_sign(step) == 0) { decref(step); err_set_string(&exc::ValueError, "slice step cannot be zero"); return -1; }
  Object* lower = neg ? int_from_i64(-1) : int_from_i64(0);
  Object* upper = nullptr;
  if (neg) {
    Object* one = int_from_i64(1);
    upper = int_sub(length, one);
    decref(one);
  } else {
    upper = new_ref(length);
  }
  Object* bounds[2] = {nullptr, nullptr};
  Object* given[2] = {s->start, s->stop};
  for (int k = 0; k < 2 && upper; ++k) {
    Object* v;
    if (given[k] == None) {
      v = new_ref((k == 0) == bool(neg) ? upper : lower);
    } else {
      v = slice_bound(given[k]);
      if (!v) break;
      if (int_sign(v) < 0) {
        Object* t = int_add(v, length);
        decref(v);
        if (!t) break;
        v = t;
        if (int_compare(v, lower) < 0) set_ref(v, new_ref(lower));
      } else if (int_compare(v, upper) > 0) {
        set_ref(v, new_ref(upper));
      }
    }
    bounds[k] = v;
  }
  xdecref(lower);
  xdecref(upper);
  if (!bounds[0] || !bounds[1]) {
    xdecref(bounds[0]); xdecref(bounds[1]); decref(step);
    return -1;
  }
  *start_out = bounds[0];
  *stop_out = bounds[1];
  *step_out = step;
  return 0;
}


int slice_get_indices(Object* slice, ssize length, ssize* start, ssize* stop, ssize* step, ssize* slicelength) {
  if (slice_unpack(slice, start, stop, step) < 0) return -1;
  *slicelength = slice_adjust(length, start, stop, *step);
  return 0;
}

namespace {

void slice_dealloc(Object* op) {
  auto* s = static_cast<SliceObject*>(op);
  gc_untrack(op);
  decref(s->start);
  decref(s->stop);
  decref(s->step);
  object_free(op);
}

int slice_traverse(Object* op, VisitProc visit, void* arg) {
  auto* s = static_cast<SliceObject*>(op);
  if (int r = visit(s->start, arg)) return r;
  if (int r = visit(s->stop, arg)) return r;
  return visit(s->step, arg);
}

Object* slice_repr(Object* op) {
  auto* s = static_cast<SliceObject*>(op);
  return str_from_format("slice(%R, %R, %R)", s->start, s->stop, s->step);
}

Object* slice_tuple(Object* op) {
  auto* s = static_cast<SliceObject*>(op);
  return tuple_pack({s->start, s->stop, s->step});
}

Object* slice_richcompare(Object* v, Object* w, int op) {
  if (!slice_check(v) || !slice_check(w)) return new_ref(NotImplemented);
  if (v == w) {
    switch (op) {
      case kEQ: case kLE: case kGE: return new_ref(True);
      case kNE: case kLT: case kGT: return new_ref(False);
    }
  }
  Object* t1 = slice_tuple(v);
  if (!t1) return nullptr;
  Object* t2 = slice_tuple(w);
  if (!t2) { decref(t1); return nullptr; }
  Object* r = object_richcompare(t1, t2, op);
  decref(t1);
  decref(t2);
  return r;
}

// 3.12+: xxHash over (start, stop, step) without the length term.
Hash slice_hash(Object* op) {
  auto* s = static_cast<SliceObject*>(op);
  constexpr uint64_t p1 = 11400714785074694791ULL, p2 = 14029467366897019727ULL, p5 = 2870177450012600261ULL;
  uint64_t acc = p5;
  for (Object* o : {s->start, s->stop, s->step}) {
    Hash lane = object_hash(o);
    if (lane == -1) return -1;
    acc += uint64_t(lane) * p2;
    acc = (acc << 31) | (acc >> 33);
    acc *= p1;
  }
  if (acc == uint64_t(-1)) return 1546275796;
  return Hash(acc);
}

Object* slice_tp_new(Type* type, Object* args, Object* kwds) {
  if (!container_no_kwargs("slice", kwds)) return nullptr;
  ssize n = tuple_size(args);
  if (!container_check_args("slice", n, 1, 3)) return nullptr;
  if (n == 1) return slice_new(nullptr, tuple_get(args, 0), nullptr);
  return slice_new(tuple_get(args, 0), tuple_get(args, 1), n > 2 ? tuple_get(args, 2) : nullptr);
}

Object* slice_vectorcall(Object* type, Object* const* args, size_t nargsf, Object* kwnames) {
  if (!container_no_kwnames("slice", kwnames)) return nullptr;
  ssize n = vectorcall_nargs(nargsf);
  if (!container_check_args("slice", n, 1, 3)) return nullptr;
  if (n == 1) return slice_new(nullptr, args[0], nullptr);
  return slice_new(args[0], args[1], n > 2 ? args[2] : nullptr);
}

Object* m_indices(Object* self, Object* len_obj) {
  Object* length = number_index(len_obj);
  if (!length) return nullptr;
  if (int_sign(length) < 0) {
    decref(length);
    return err_string(&exc::ValueError, "length should not be negative");
  }
  Object *start, *stop, *step;
  int r = slice_get_long_indices(self, length, &start, &stop, &step);
  decref(length);
  if (r < 0) return nullptr;
  Object* res = tuple_pack({start, stop, step});
  decref(start);
  decref(stop);
  decref(step);
  return res;
}

Object* m_reduce(Object* self, Object*) {
  auto* s = static_cast<SliceObject*>(self);
  Object* args = tuple_pack({s->start, s->stop, s->step});
  if (!args) return nullptr;
  Object* r = tuple_pack({reinterpret_cast<Object*>(&SliceType), args});
  decref(args);
  return r;
}

const MethodDef slice_methods[] = {
    {"indices", reinterpret_cast<void*>(&m_indices), kMethO,
     "S.indices(len) -> (start, stop, stride)\n\nAssuming a sequence of length len, calculate the start and stop\n"
     "indices, and the stride length of the extended slice described by\nS. Out of bounds indices are clipped in a manner consistent with the\nhandling of normal slices."},
    {"__reduce__", reinterpret_cast<void*>(&m_reduce), kMethNoArgs, "Return state information for pickling."},
    {nullptr, nullptr, 0, nullptr}};

const MemberDef slice_members[] = {
    {"start", MemberKind::Object, offsetof(SliceObject, start), kMemberReadonly, nullptr},
    {"stop", MemberKind::Object, offsetof(SliceObject, stop), kMemberReadonly, nullptr},
    {"step", MemberKind::Object, offsetof(SliceObject, step), kMemberReadonly, nullptr},
    {nullptr, MemberKind::Object, 0, 0, nullptr}};

}  // namespace

void init_slice_type() {
  Type& t = SliceType;
  t.tp_name = "slice";
  t.tp_basicsize = sizeof(SliceObject);
  t.tp_dealloc = slice_dealloc;
  t.tp_repr = slice_repr;
  t.tp_hash = slice_hash;
  t.tp_getattro = object_generic_getattr;
  t.tp_flags = kTpflagsDefault | kTpflagsHaveGC | kTpflagsImmutableType;
  t.tp_doc = "slice(stop)\nslice(start, stop[, step])\n\nCreate a slice object.  This is used for extended slicing (e.g. a[0:10:2]).";
  t.tp_traverse = slice_traverse;
  t.tp_richcompare = slice_richcompare;
  t.tp_methods = slice_methods;
  t.tp_members = slice_members;
  t.tp_base = &ObjectType;
  t.tp_new = slice_tp_new;
  t.tp_vectorcall = slice_vectorcall;
}

}  // namespace pyxx
