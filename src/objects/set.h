// set and frozenset (objects/set.cpp): CPython's open addressing with linear
// probes + perturbation and its resize policy, so iteration order matches.
#pragma once
#include "core/type.h"

namespace pyxx {
extern Type SetType, FrozenSetType;
inline bool set_check(const Object* o) { return o->type == &SetType || type_is_subtype(o->type, &SetType); }
inline bool frozenset_check(const Object* o) { return o->type == &FrozenSetType || type_is_subtype(o->type, &FrozenSetType); }
inline bool anyset_check(const Object* o) { return set_check(o) || frozenset_check(o); }
[[nodiscard]] Object* set_new(Object* iterable);        // iterable may be null
[[nodiscard]] Object* frozenset_new(Object* iterable);
[[nodiscard]] int set_add(Object* s, Object* key);
[[nodiscard]] int set_discard(Object* s, Object* key);  // 1 removed, 0 absent, -1 error
[[nodiscard]] int set_contains(Object* s, Object* key);
[[nodiscard]] int set_update(Object* s, Object* iterable);
ssize set_size(Object* s);
// Iteration: borrowed key; false at end.
bool set_next(Object* s, ssize* pos, Object** key, Hash* hash = nullptr);
extern Type SetIterType;  // set_iterator
void init_set_types();
}  // namespace pyxx
