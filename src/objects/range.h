// range, slice and the generic iterator types (objects/range.cpp, slice.cpp, iter.cpp).
#pragma once
#include "core/type.h"

namespace pyxx {
extern Type RangeType, RangeIterType, LongRangeIterType;
// needed by vm (FOR_ITER inline path): range_iterator layout (machine-word range).
struct RangeIterObject : Object {
  long start;
  long step;
  long len;
};
// Next value of a range_iterator into *out; false when exhausted.
PYXX_ALWAYS_INLINE bool range_iter_next_inline(Object* op, long* out) {
  auto* it = static_cast<RangeIterObject*>(op);
  if (it->len <= 0) return false;
  long result = it->start;
  it->start = long((unsigned long)result + (unsigned long)it->step);
  it->len--;
  *out = result;
  return true;
}
[[nodiscard]] Object* range_new(Object* start, Object* stop, Object* step);

struct SliceObject : Object { Object* start; Object* stop; Object* step; };
extern Type SliceType;
inline bool slice_check(const Object* o) { return o->type == &SliceType; }
[[nodiscard]] Object* slice_new(Object* start, Object* stop, Object* step);  // null = None
// PySlice_Unpack + PySlice_AdjustIndices: returns -1 on error, else slice length in *slicelength.
// _PySlice_GetLongIndices: the slice's start/stop/step clamped to a sequence
// of (Python int) `length`, as new int references; -1 on error.
[[nodiscard]] int slice_get_long_indices(Object* slice, Object* length, Object** start, Object** stop, Object** step);
[[nodiscard]] int slice_get_indices(Object* slice, ssize length, ssize* start, ssize* stop, ssize* step, ssize* slicelength);

// iter(seq) for objects with __getitem__ only, and iter(callable, sentinel).
extern Type SeqIterType, CallIterType;
[[nodiscard]] Object* seq_iter_new(Object* seq);
[[nodiscard]] Object* call_iter_new(Object* callable, Object* sentinel);
void init_range_types();
void init_slice_type();
void init_iter_types();
}  // namespace pyxx
