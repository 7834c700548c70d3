// list (objects/list.cpp): over-allocating array with CPython's growth pattern;
// list.sort is a stable merge sort with CPython's observable rules.
#pragma once
#include "core/type.h"

namespace pyxx {
struct ListObject : VarObject {   // size = len(list)
  Object** items;
  ssize allocated;
};
extern Type ListType;
PYXX_ALWAYS_INLINE bool list_check(const Object* o) { return type_has_flag(o->type, kTpflagsListSubclass); }
PYXX_ALWAYS_INLINE bool list_check_exact(const Object* o) { return o->type == &ListType; }
PYXX_ALWAYS_INLINE Object** list_items(Object* l) { return static_cast<ListObject*>(l)->items; }
PYXX_ALWAYS_INLINE Object* list_get(Object* l, ssize i) { return static_cast<ListObject*>(l)->items[i]; }  // borrowed
PYXX_ALWAYS_INLINE ssize list_size(const Object* l) { return var_size(l); }
[[nodiscard]] Object* list_new(ssize n);   // n null items, set with list_init_item (steals)
PYXX_ALWAYS_INLINE void list_init_item(Object* l, ssize i, Object* steal) { static_cast<ListObject*>(l)->items[i] = steal; }
[[nodiscard]] int list_append(Object* l, Object* item);        // does not steal
[[nodiscard]] int list_append_steal(Object* l, Object* item);  // steals (also on failure)
[[nodiscard]] int list_extend(Object* l, Object* iterable);
[[nodiscard]] int list_insert(Object* l, ssize where, Object* item);
[[nodiscard]] int list_sort(Object* l);                         // l.sort()
[[nodiscard]] int list_reverse(Object* l);
[[nodiscard]] Object* list_as_tuple(Object* l);
[[nodiscard]] Object* list_from_array(Object* const* borrowed_items, ssize n);
extern Type ListIterType, ListRevIterType;  // list_iterator, list_reverseiterator
// needed by vm (FOR_ITER inline path): list_iterator layout and its next step.
struct ListIterObject : Object {
  ssize index;
  Object* seq;  // null once exhausted
};
// Next item of an exact list_iterator (new reference), or null when exhausted
// (never an error; the iterator drops its list as tp_iternext does).
PYXX_ALWAYS_INLINE Object* list_iter_next_inline(Object* op) {
  auto* it = static_cast<ListIterObject*>(op);
  Object* seq = it->seq;
  if (!seq) return nullptr;
  ssize i = it->index;
  if (i < list_size(seq)) {
    it->index = i + 1;
    return new_ref(list_get(seq, i));
  }
  it->seq = nullptr;
  decref(seq);
  return nullptr;
}
void init_list_types();
}  // namespace pyxx
