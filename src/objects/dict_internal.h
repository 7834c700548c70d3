// dict internals shared by dict.cpp and dictview.cpp (private to the
// containers area). CPython's compact layout: a hash index table of 1/2/4/8
// byte signed slots followed by an insertion-ordered entries array.
#pragma once
#include "objects/dict.h"

namespace pyxx {

constexpr ssize kDkixEmpty = -1, kDkixDummy = -2, kDkixError = -3;
constexpr int kDictLog2MinSize = 3;  // PyDict_MINSIZE 8

struct DictEntry {
  Hash hash;
  Object* key;    // null once deleted
  Object* value;  // null once deleted
};

struct DictKeys {
  ssize refcnt;               // for future key sharing
  uint8_t log2_size;
  uint8_t log2_index_bytes;
  uint8_t all_str;            // every key inserted so far is an exact str ("unicode" kind)
  uint8_t reserved;
  uint32_t version;
  ssize usable;               // entries still insertable before a resize
  ssize nentries;             // entries used (including deleted ones)
  // followed by the index table (1 << log2_index_bytes bytes), then entries
};

struct DictObject : Object {
  ssize used;
  uint64_t version;
  DictKeys* keys;
  Object** values;  // split-table values (key sharing, later); null when combined
};

PYXX_ALWAYS_INLINE DictObject* as_dict(Object* o) { return static_cast<DictObject*>(o); }
// The process-wide version counter (dict.cpp); every mutation stores a fresh
// value in the dict's `version`. Also used by the VM's STORE_ATTR fast path,
// which replaces an instance-dict value in place.
extern uint64_t g_dict_version;
PYXX_ALWAYS_INLINE void dict_bump_version(DictObject* mp) { mp->version = ++g_dict_version; }
PYXX_ALWAYS_INLINE DictEntry* dk_entries(DictKeys* k) {
  return reinterpret_cast<DictEntry*>(reinterpret_cast<char*>(k + 1) + (size_t(1) << k->log2_index_bytes));
}


// Creates a dict iterator of the given type over d (reverse types start at the end).
[[nodiscard]] Object* dictiter_new(Object* d, Type* type);
// Creates a view object (dict_keys / dict_values / dict_items).
[[nodiscard]] Object* dictview_new(Object* d, Type* type);
void init_dictview_types();

}  // namespace pyxx
