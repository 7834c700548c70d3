// Helpers shared by the container types (tuple, list, dict, set, range,
// iterators): fast hashing, KeyError construction, argument checks with
// CPython's messages. Internal to the containers area.
#pragma once
#include <vector>
#include "core/abstract.h"
#include "core/error.h"
#include "objects/exceptions.h"
#include "objects/str.h"

namespace pyxx {

// hash(o) with the cached str hash read inline (the dict/set hot path).
PYXX_ALWAYS_INLINE Hash container_hash(Object* o) {
  if (PYXX_LIKELY(o->type == &StrType)) {
    Hash h = as_str(o)->hash;
    if (h != -1) return h;
    return str_hash(o);
  }
  return object_hash(o);
}

// Rewrites a pending TypeError from hash() into CPython 3.14's
// "cannot use 'T' as a <what> (unhashable type: 'T')".
void container_unhashable_error(Object* key, const char* what);

// Raises KeyError(key) (the key is wrapped so tuples are not unpacked).
std::nullptr_t container_key_error(Object* key);

// Positional-argument count check: "<name> expected at most N argument(s), got M".
[[nodiscard]] bool container_check_args(const char* name, ssize nargs, ssize min, ssize max);
// "<name>() takes no keyword arguments" when kwds (dict or kwnames tuple) is non-empty.
[[nodiscard]] bool container_no_kwargs(const char* name, Object* kwds_dict);
[[nodiscard]] bool container_no_kwnames(const char* name, Object* kwnames);

// Index argument of index()/insert() style methods: __index__, clamped (CPython's _PyEval_SliceIndexNotNone).
[[nodiscard]] bool container_slice_index(Object* v, ssize* out);

// builtins.<name> (new reference), for __reduce__ of iterators.
[[nodiscard]] Object* container_builtin(const char* name);
// (iter, (seq,)): __reduce__ of an iterator over the items of seq (borrowed).
[[nodiscard]] Object* container_iter_reduce_seq(Object* seq);
// __reduce__ of an index-based iterator: (iter, (seq,), index), or (iter, ([],)) once exhausted.
[[nodiscard]] Object* container_iter_reduce(const char* builtin, Object* seq, ssize index);

// Trashcan (CPython's Py_TRASHCAN_BEGIN/END): deallocating a deeply nested
// container would recurse once per level and overflow the C stack, so past
// kTrashLimit nested deallocations objects are queued and freed iteratively
// once the outermost deallocation finishes. Per thread. Only used for exact
// built-in types, whose tp_dealloc can be re-invoked on a queued object.
struct TrashState {
  int depth = 0;
  bool draining = false;
  std::vector<Object*> later;
};
inline thread_local TrashState g_trash;
constexpr int kTrashLimit = 50;
void trash_drain();
// False: op was queued and the caller must return without touching it.
PYXX_ALWAYS_INLINE bool trash_begin(Object* op) {
  TrashState& t = g_trash;
  if (PYXX_UNLIKELY(t.depth >= kTrashLimit)) {
    t.later.push_back(op);
    return false;
  }
  ++t.depth;
  return true;
}
PYXX_ALWAYS_INLINE void trash_end() {
  TrashState& t = g_trash;
  if (--t.depth == 0 && PYXX_UNLIKELY(!t.later.empty()) && !t.draining) trash_drain();
}

// Shared sequence helpers.
[[nodiscard]] Object* seq_repr_items(Object* const* items, ssize n, const char* open, const char* close, bool tuple_comma);

}  // namespace pyxx
