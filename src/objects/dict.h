// dict (objects/dict.cpp): CPython's compact ordered layout (index table +
// entries array), probing (perturb), resize policy and key-sharing; version
// tags for specialization. The layout is private to dict.cpp.
#pragma once
#include "core/type.h"

namespace pyxx {
extern Type DictType;
PYXX_ALWAYS_INLINE bool dict_check(const Object* o) { return type_has_flag(o->type, kTpflagsDictSubclass); }
PYXX_ALWAYS_INLINE bool dict_check_exact(const Object* o) { return o->type == &DictType; }
[[nodiscard]] Object* dict_new();
[[nodiscard]] Object* dict_new_presized(ssize n);
// Lookups: borrowed result; nullptr means "not found" when !err_occurred().
Object* dict_getitem(Object* d, Object* key);
Object* dict_getitem_str(Object* d, const char* key);
Object* dict_getitem_known_hash(Object* d, Object* key, Hash hash);
// 1 found (*result = new ref), 0 missing, -1 error.
[[nodiscard]] int dict_getitem_ref(Object* d, Object* key, Object** result);
[[nodiscard]] int dict_setitem(Object* d, Object* key, Object* value);        // does not steal
[[nodiscard]] int dict_setitem_str(Object* d, const char* key, Object* value);
[[nodiscard]] int dict_setitem_steal(Object* d, Object* key, Object* value);  // steals both
[[nodiscard]] int dict_delitem(Object* d, Object* key);      // KeyError when missing
[[nodiscard]] int dict_pop(Object* d, Object* key, Object** result);  // 1/0/-1, no KeyError
[[nodiscard]] int dict_contains(Object* d, Object* key);     // 1/0/-1
// Iteration in insertion order: borrowed key/value; returns false at the end.
bool dict_next(Object* d, ssize* pos, Object** key, Object** value, Hash* hash = nullptr);
ssize dict_size(Object* d);
void dict_clear(Object* d);
[[nodiscard]] Object* dict_copy(Object* d);
[[nodiscard]] int dict_update(Object* d, Object* other);      // dict.update(other) semantics (mapping or pairs)
[[nodiscard]] int dict_merge(Object* d, Object* other, int override_existing);
[[nodiscard]] Object* dict_keys_list(Object* d);
[[nodiscard]] Object* dict_values_list(Object* d);
[[nodiscard]] Object* dict_items_list(Object* d);
uint64_t dict_version(Object* d);  // changes on every mutation (for caches)
// The views and iterators (objects/dictview.cpp).
extern Type DictKeysType, DictValuesType, DictItemsType;  // dict_keys, dict_values, dict_items
extern Type DictKeyIterType, DictValueIterType, DictItemIterType;
extern Type DictRevKeyIterType, DictRevValueIterType, DictRevItemIterType;
void init_dict_types();
}  // namespace pyxx
