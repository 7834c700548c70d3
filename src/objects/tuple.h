// tuple (objects/tuple.cpp): items inline after the header; () is a singleton.
#pragma once
#include <initializer_list>
#include "core/type.h"

namespace pyxx {
struct TupleObject : VarObject {
  Hash hash_cache;  // -1 until computed (3.14 caches tuple hashes)
  Object* items[1];
};
extern Type TupleType;
PYXX_ALWAYS_INLINE bool tuple_check(const Object* o) { return type_has_flag(o->type, kTpflagsTupleSubclass); }
PYXX_ALWAYS_INLINE bool tuple_check_exact(const Object* o) { return o->type == &TupleType; }
PYXX_ALWAYS_INLINE Object** tuple_items(Object* t) { return static_cast<TupleObject*>(t)->items; }
PYXX_ALWAYS_INLINE Object* tuple_get(Object* t, ssize i) { return static_cast<TupleObject*>(t)->items[i]; }  // borrowed
PYXX_ALWAYS_INLINE ssize tuple_size(const Object* t) { return var_size(t); }
// New tuple with n null items to be filled with tuple_init_item (steals).
[[nodiscard]] Object* tuple_new(ssize n);
PYXX_ALWAYS_INLINE void tuple_init_item(Object* t, ssize i, Object* steal) { static_cast<TupleObject*>(t)->items[i] = steal; }
[[nodiscard]] Object* tuple_pack(std::initializer_list<Object*> borrowed_items);
[[nodiscard]] Object* tuple_from_array(Object* const* borrowed_items, ssize n);
[[nodiscard]] Object* tuple_from_array_steal(Object* const* items, ssize n);
[[nodiscard]] Object* tuple_slice(Object* t, ssize lo, ssize hi);
extern Type TupleIterType;    // tuple_iterator
// needed by vm (FOR_ITER inline path): tuple_iterator layout and its next step.
struct TupleIterObject : Object {
  ssize index;
  Object* seq;  // null once exhausted
};
// Next item of a tuple_iterator (new reference), or null when exhausted (never an error).
PYXX_ALWAYS_INLINE Object* tuple_iter_next_inline(Object* op) {
  auto* it = static_cast<TupleIterObject*>(op);
  Object* seq = it->seq;
  if (!seq) return nullptr;
  if (it->index < tuple_size(seq)) return new_ref(tuple_get(seq, it->index++));
  it->seq = nullptr;
  decref(seq);
  return nullptr;
}
void init_tuple_types();       // registered in runtime/static_types.inc
}  // namespace pyxx
