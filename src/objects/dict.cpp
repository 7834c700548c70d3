// dict: CPython's compact ordered dict (Objects/dictobject.c behaviour):
// open addressing over a 1/2/4/8-byte index table with perturbation
// (i = i*5 + perturb + 1; perturb >>= 5), entries kept in insertion order,
// deletions leave DKIX_DUMMY slots, USABLE_FRACTION 2/3, growth used*3.
// Exact-str keys take a fast path (identity, cached hash, str_eq).
#include "objects/genericalias.h"  // genericalias area: __class_getitem__
#include "objects/dict.h"
#include <cstring>
#include "core/alloc.h"
#include "core/state.h"
#include "objects/container_util.h"
#include "objects/dict_internal.h"
#include "objects/hash.h"
#include <cstring>
#include "objects/int.h"
#include "objects/list.h"
#include "objects/set.h"
#include "objects/singletons.h"
#include "objects/tuple.h"

namespace pyxx {

Type DictType;
// Version counter shared by all dicts so (dict, version) pairs never repeat.
uint64_t g_dict_version = 0;

namespace {

PYXX_ALWAYS_INLINE void bump_version(DictObject* mp) { dict_bump_version(mp); }

struct EmptyKeysStorage {
  DictKeys keys;
  int8_t indices[8];
};
EmptyKeysStorage empty_keys_storage = {
    {kImmortalRefcnt, kDictLog2MinSize, kDictLog2MinSize, 1, 0, 1, 0, 0}, {-1, -1, -1, -1, -1, -1, -1, -1}};
PYXX_ALWAYS_INLINE DictKeys* empty_keys() { return &empty_keys_storage.keys; }

PYXX_ALWAYS_INLINE ssize usable_fraction(ssize n) { return (n << 1) / 3; }

inline int bit_length(uint64_t x) { return x ? 64 - __builtin_clzll(x) : 0; }
// Smallest log2 size whose table has at least minsize slots (>= 8).
inline uint8_t calculate_log2_keysize(ssize minsize) {
  return uint8_t(bit_length(uint64_t(minsize - 1) | 7));
}
// Size of a table that can hold n entries without a resize.
inline uint8_t estimate_log2_keysize(ssize n) { return calculate_log2_keysize((n * 3 + 1) / 2); }

PYXX_ALWAYS_INLINE ssize dk_get_index(const DictKeys* k, size_t i) {
  const char* idx = reinterpret_cast<const char*>(k + 1);
  switch (k->log2_index_bytes - k->log2_size) {
    case 0: return reinterpret_cast<const int8_t*>(idx)[i];
    case 1: return reinterpret_cast<const int16_t*>(idx)[i];
    case 2: return reinterpret_cast<const int32_t*>(idx)[i];
    default: return reinterpret_cast<const int64_t*>(idx)[i];
  }
}
PYXX_ALWAYS_INLINE void dk_set_index(DictKeys* k, size_t i, ssize ix) {
  char* idx = reinterpret_cast<char*>(k + 1);
  switch (k->log2_index_bytes - k->log2_size) {
    case 0: reinterpret_cast<int8_t*>(idx)[i] = int8_t(ix); break;
    case 1: reinterpret_cast<int16_t*>(idx)[i] = int16_t(ix); break;
    case 2: reinterpret_cast<int32_t*>(idx)[i] = int32_t(ix); break;
    default: reinterpret_cast<int64_t*>(idx)[i] = int64_t(ix); break;
  }
}

DictKeys* new_keys(uint8_t log2_size, bool all_str) {
  uint8_t log2_bytes = log2_size < 8 ? log2_size : log2_size < 16 ? log2_size + 1 : log2_size < 32 ? log2_size + 2 : log2_size + 3;
  ssize usable = usable_fraction(ssize(1) << log2_size);
  size_t bytes = sizeof(DictKeys) + (size_t(1) << log2_bytes) + size_t(usable) * sizeof(DictEntry);
  auto* k = static_cast<DictKeys*>(mem_alloc(bytes));
  if (!k) { err_no_memory(); return nullptr; }
  k->refcnt = 1;
  k->log2_size = log2_size;
  k->log2_index_bytes = log2_bytes;
  k->all_str = all_str;
  k->reserved = 0;
  k->version = 0;
  k->usable = usable;
  k->nentries = 0;
  std::memset(k + 1, 0xff, size_t(1) << log2_bytes);  // every slot DKIX_EMPTY
  return k;
}

void free_keys_memory(DictKeys* k) {
  if (k != empty_keys()) mem_free(k);
}

// Decrefs every live entry and frees the keys object.
void free_keys_and_entries(DictKeys* k) {
  if (k == empty_keys()) return;
  DictEntry* ep = dk_entries(k);
  for (ssize i = 0, n = k->nentries; i < n; ++i) {
    xdecref(ep[i].key);
    xdecref(ep[i].value);
  }
  mem_free(k);
}

// Probe for the first slot that is not a live index (EMPTY or DUMMY): CPython's find_empty_slot.
PYXX_ALWAYS_INLINE size_t find_empty_slot(DictKeys* k, Hash hash) {
  size_t mask = (size_t(1) << k->log2_size) - 1;
  size_t i = size_t(hash) & mask;
  ssize ix = dk_get_index(k, i);
  for (size_t perturb = size_t(hash); ix >= 0;) {
    perturb >>= 5;
    i = (i * 5 + perturb + 1) & mask;
    ix = dk_get_index(k, i);
  }
  return i;
}

// Slot holding entry index ix (for deletion).
size_t lookup_index_slot(DictKeys* k, Hash hash, ssize index) {
  size_t mask = (size_t(1) << k->log2_size) - 1;
  size_t perturb = size_t(hash);
  size_t i = size_t(hash) & mask;
  for (;;) {
    ssize ix = dk_get_index(k, i);
    if (ix == index) return i;
    perturb >>= 5;
    i = (i * 5 + perturb + 1) & mask;
  }
}

// Lookup specialised for exact-str keys in an all-str table: cannot fail or mutate.
PYXX_ALWAYS_INLINE ssize lookup_str(DictKeys* k, Object* key, Hash hash) {
  size_t mask = (size_t(1) << k->log2_size) - 1;
  size_t perturb = size_t(hash);
  size_t i = size_t(hash) & mask;
  DictEntry* entries = dk_entries(k);
  for (;;) {
    ssize ix = dk_get_index(k, i);
    if (ix >= 0) {
      DictEntry* ep = &entries[ix];
      if (ep->key == key || (ep->hash == hash && str_eq(ep->key, key))) return ix;
    } else if (ix == kDkixEmpty) {
      return kDkixEmpty;
    }
    perturb >>= 5;
    i = (i * 5 + perturb + 1) & mask;
  }
}

// General lookup: returns the entry index, kDkixEmpty, or kDkixError.
ssize lookup(DictObject* mp, Object* key, Hash hash) {
restart:
  DictKeys* k = mp->keys;
  if (k->all_str && key->type == &StrType) return lookup_str(k, key, hash);
  size_t mask = (size_t(1) << k->log2_size) - 1;
  size_t perturb = size_t(hash);
  size_t i = size_t(hash) & mask;
  for (;;) {
    ssize ix = dk_get_index(k, i);
    if (ix >= 0) {
      DictEntry* ep = &dk_entries(k)[ix];
      Object* sk = ep->key;
      if (sk == key) return ix;
      if (ep->hash == hash) {
        if (sk->type == &StrType && key->type == &StrType) {
          if (str_eq(sk, key)) return ix;
        } else {
          incref(sk);
          int cmp = object_richcompare_bool(sk, key, kEQ);
          decref(sk);
          if (cmp < 0) return kDkixError;
          if (k != mp->keys || ep->key != sk) goto restart;
          if (cmp > 0) return ix;
        }
      }
    } else if (ix == kDkixEmpty) {
      return kDkixEmpty;
    }
    perturb >>= 5;
    i = (i * 5 + perturb + 1) & mask;
  }
}

// Rebuilds the table with 2**log2_newsize slots, compacting the entries.
int dictresize(DictObject* mp, uint8_t log2_newsize) {
  DictKeys* old = mp->keys;
  DictKeys* nk = new_keys(log2_newsize, old->all_str);
  if (!nk) return -1;
  ssize n = mp->used;
  DictEntry* src = dk_entries(old);
  DictEntry* dst = dk_entries(nk);
  if (old->nentries == n) {
    std::memcpy(dst, src, size_t(n) * sizeof(DictEntry));
  } else {
    ssize j = 0;
    for (ssize i = 0; i < old->nentries; ++i)
      if (src[i].value) dst[j++] = src[i];
  }
  size_t mask = (size_t(1) << log2_newsize) - 1;
  for (ssize ix = 0; ix < n; ++ix) {
    Hash h = dst[ix].hash;
    size_t i = size_t(h) & mask;
    for (size_t perturb = size_t(h); dk_get_index(nk, i) != kDkixEmpty;) {
      perturb >>= 5;
      i = (i * 5 + perturb + 1) & mask;
    }
    dk_set_index(nk, i, ix);
  }
  nk->usable -= n;
  nk->nentries = n;
  mp->keys = nk;
  free_keys_memory(old);
  return 0;
}

PYXX_ALWAYS_INLINE int insertion_resize(DictObject* mp) {
  return dictresize(mp, calculate_log2_keysize(mp->used * 3));
}

// Appends a new entry (key absent). Steals key and value.
PYXX_ALWAYS_INLINE int insert_new_entry(DictObject* mp, Object* key, Hash hash, Object* value) {
  if (mp->keys->usable <= 0) {
    if (mp->keys == empty_keys()) {
      DictKeys* nk = new_keys(kDictLog2MinSize, key->type == &StrType);
      if (!nk) { decref(key); decref(value); return -1; }
      mp->keys = nk;
    } else if (insertion_resize(mp) < 0) {
      decref(key);
      decref(value);
      return -1;
    }
  }
  DictKeys* k = mp->keys;
  if (key->type != &StrType) k->all_str = 0;
  size_t slot = find_empty_slot(k, hash);
  ssize ix = k->nentries;
  dk_set_index(k, slot, ix);
  DictEntry* ep = &dk_entries(k)[ix];
  ep->hash = hash;
  ep->key = key;
  ep->value = value;
  k->usable--;
  k->nentries++;
  mp->used++;
  bump_version(mp);
  return 0;
}

// Steals key and value.
int insertdict(DictObject* mp, Object* key, Hash hash, Object* value) {
  ssize ix = mp->keys == empty_keys() ? kDkixEmpty : lookup(mp, key, hash);
  if (ix == kDkixError) { decref(key); decref(value); return -1; }
  if (ix == kDkixEmpty) return insert_new_entry(mp, key, hash, value);
  DictEntry* ep = &dk_entries(mp->keys)[ix];
  Object* old = ep->value;
  ep->value = value;
  bump_version(mp);
  decref(old);
  decref(key);
  return 0;
}

void delitem_at(DictObject* mp, Hash hash, ssize ix) {
  DictKeys* k = mp->keys;
  size_t slot = lookup_index_slot(k, hash, ix);
  dk_set_index(k, slot, kDkixDummy);
  DictEntry* ep = &dk_entries(k)[ix];
  Object* old_key = ep->key;
  Object* old_value = ep->value;
  ep->key = nullptr;
  ep->value = nullptr;
  mp->used--;
  bump_version(mp);
  decref(old_key);
  decref(old_value);
}

PYXX_ALWAYS_INLINE Hash hash_key(Object* key) {
  Hash h = container_hash(key);
  if (h == -1) container_unhashable_error(key, "dict key");
  return h;
}

Object* dict_alloc(Type* type) {
  DictObject* mp;
  if (type == &DictType) {
    mp = static_cast<DictObject*>(object_alloc(&DictType, sizeof(DictObject)));
  } else {
    mp = static_cast<DictObject*>(type->tp_alloc(type, 0));
  }
  if (!mp) return nullptr;
  mp->used = 0;
  mp->keys = empty_keys();
  mp->values = nullptr;
  bump_version(mp);
  if (type == &DictType) gc_track(mp);
  return mp;
}

// Copies the keys object with its entries (increfs), as CPython's clone_combined_dict_keys.
DictKeys* clone_keys(DictKeys* k) {
  size_t bytes = sizeof(DictKeys) + (size_t(1) << k->log2_index_bytes) +
                 size_t(usable_fraction(ssize(1) << k->log2_size)) * sizeof(DictEntry);
  auto* nk = static_cast<DictKeys*>(mem_alloc(bytes));
  if (!nk) { err_no_memory(); return nullptr; }
  std::memcpy(nk, k, bytes);
  nk->refcnt = 1;
  DictEntry* ep = dk_entries(nk);
  for (ssize i = 0; i < nk->nentries; ++i) {
    if (ep[i].value) { incref(ep[i].key); incref(ep[i].value); }
  }
  return nk;
}

}  // namespace

// ---------------------------------------------------------------- public API

Object* dict_new() { return dict_alloc(&DictType); }

Object* dict_new_presized(ssize minused) {
  if (minused <= usable_fraction(ssize(1) << kDictLog2MinSize)) return dict_new();
  if (minused > 128 * 1024) minused = 128 * 1024;  // CPython caps presizing
  DictKeys* k = new_keys(estimate_log2_keysize(minused), true);
  if (!k) return nullptr;
  Object* d = dict_new();
  if (!d) { mem_free(k); return nullptr; }
  as_dict(d)->keys = k;
  return d;
}

Object* dict_getitem_known_hash(Object* d, Object* key, Hash hash) {
  DictObject* mp = as_dict(d);
  ssize ix = lookup(mp, key, hash);
  if (ix < 0) return nullptr;
  return dk_entries(mp->keys)[ix].value;
}

Object* dict_getitem(Object* d, Object* key) {
  Hash h = hash_key(key);
  if (h == -1) return nullptr;
  return dict_getitem_known_hash(d, key, h);
}

Object* dict_getitem_str(Object* d, const char* key) {
  // ASCII key in an all-str table: probe with the key's hash without building a str
  // (an ASCII str hashes its bytes, so hash_bytes gives the same value).
  DictKeys* dk = as_dict(d)->keys;
  if (dk->all_str) {
    size_t len = std::strlen(key);
    bool ascii = true;
    for (size_t i = 0; i < len; ++i)
      if (static_cast<unsigned char>(key[i]) >= 128) { ascii = false; break; }
    if (ascii) {
      if (dk == empty_keys()) return nullptr;
      Hash hash = hash_bytes(key, ssize(len));
      size_t mask = (size_t(1) << dk->log2_size) - 1;
      size_t perturb = size_t(hash);
      size_t i = size_t(hash) & mask;
      DictEntry* entries = dk_entries(dk);
      for (;;) {
        ssize ix = dk_get_index(dk, i);
        if (ix >= 0) {
          DictEntry* ep = &entries[ix];
          if (ep->hash == hash && str_length(ep->key) == ssize(len) && str_eq_cstr(ep->key, key)) return ep->value;
        } else if (ix == kDkixEmpty) {
          return nullptr;
        }
        perturb >>= 5;
        i = (i * 5 + perturb + 1) & mask;
      }
    }
  }
  Object* k = str_from_cstr(key);
  if (!k) return nullptr;
  Object* r = dict_getitem(d, k);
  decref(k);
  return r;
}

int dict_getitem_ref(Object* d, Object* key, Object** result) {
  *result = nullptr;
  Hash h = hash_key(key);
  if (h == -1) return -1;
  DictObject* mp = as_dict(d);
  ssize ix = lookup(mp, key, h);
  if (ix == kDkixError) return -1;
  if (ix == kDkixEmpty) return 0;
  *result = new_ref(dk_entries(mp->keys)[ix].value);
  return 1;
}

int dict_setitem_steal(Object* d, Object* key, Object* value) {
  Hash h = hash_key(key);
  if (h == -1) { decref(key); decref(value); return -1; }
  return insertdict(as_dict(d), key, h, value);
}

int dict_setitem(Object* d, Object* key, Object* value) {
  return dict_setitem_steal(d, new_ref(key), new_ref(value));
}

int dict_setitem_str(Object* d, const char* key, Object* value) {
  Object* k = str_intern_cstr(key);
  if (!k) return -1;
  return dict_setitem_steal(d, k, new_ref(value));
}

int dict_pop(Object* d, Object* key, Object** result) {
  if (result) *result = nullptr;
  DictObject* mp = as_dict(d);
  if (mp->used == 0) return 0;
  Hash h = hash_key(key);
  if (h == -1) return -1;
  ssize ix = lookup(mp, key, h);
  if (ix == kDkixError) return -1;
  if (ix == kDkixEmpty) return 0;
  DictEntry* ep = &dk_entries(mp->keys)[ix];
  Object* value = new_ref(ep->value);
  delitem_at(mp, h, ix);
  if (result) *result = value;
  else decref(value);
  return 1;
}

int dict_delitem(Object* d, Object* key) {
  int r = dict_pop(d, key, nullptr);
  if (r == 0) { container_key_error(key); return -1; }
  return r < 0 ? -1 : 0;
}

int dict_contains(Object* d, Object* key) {
  Hash h = hash_key(key);
  if (h == -1) return -1;
  ssize ix = lookup(as_dict(d), key, h);
  if (ix == kDkixError) return -1;
  return ix != kDkixEmpty;
}

bool dict_next(Object* d, ssize* pos, Object** key, Object** value, Hash* hash) {
  DictObject* mp = as_dict(d);
  DictKeys* k = mp->keys;
  ssize i = *pos;
  ssize n = k->nentries;
  DictEntry* ep = dk_entries(k);
  while (i < n && ep[i].value == nullptr) ++i;
  if (i >= n) return false;
  *pos = i + 1;
  if (key) *key = ep[i].key;
  if (value) *value = ep[i].value;
  if (hash) *hash = ep[i].hash;
  return true;
}

ssize dict_size(Object* d) { return as_dict(d)->used; }

uint64_t dict_version(Object* d) { return as_dict(d)->version; }

void dict_clear(Object* d) {
  DictObject* mp = as_dict(d);
  DictKeys* old = mp->keys;
  if (old == empty_keys()) return;
  mp->keys = empty_keys();
  mp->used = 0;
  bump_version(mp);
  free_keys_and_entries(old);
}

namespace {

// Merges dict b into a (both dicts). override: 0 keep, 1 replace, 2 KeyError on duplicates.
int merge_dicts(DictObject* a, DictObject* b, int override) {
  if (a == b || b->used == 0) return 0;
  DictKeys* bk = b->keys;
  if (a->used == 0 && override != 2 && a->type == &DictType && b->used == bk->nentries &&
      (bk->log2_size == kDictLog2MinSize || usable_fraction((ssize(1) << bk->log2_size) / 2) < b->used)) {
    DictKeys* nk = clone_keys(bk);
    if (!nk) return -1;
    DictKeys* old = a->keys;
    a->keys = nk;
    a->used = b->used;
    bump_version(a);
    free_keys_and_entries(old);
    return 0;
  }
  if (usable_fraction(ssize(1) << a->keys->log2_size) < b->used) {
    if (dictresize(a, estimate_log2_keysize(a->used + b->used)) < 0) return -1;
  }
  ssize n = bk->nentries;
  for (ssize i = 0; i < n; ++i) {
    DictEntry* ep = &dk_entries(b->keys)[i];
    Object* value = ep->value;
    if (!value) continue;
    Object* key = ep->key;
    Hash h = ep->hash;
    incref(key);
    incref(value);
    int err;
    if (override == 1) {
      err = insertdict(a, key, h, value);
    } else {
      ssize ix = lookup(a, key, h);
      if (ix == kDkixError) { decref(key); decref(value); return -1; }
      if (ix == kDkixEmpty) {
        err = insert_new_entry(a, key, h, value);
      } else {
        if (override == 2) container_key_error(key);
        decref(key);
        decref(value);
        if (override == 2) return -1;
        err = 0;
      }
    }
    if (err < 0) return -1;
    if (n != b->keys->nentries || bk != b->keys) {
      err_set_string(&exc::RuntimeError, "dict mutated during update");
      return -1;
    }
  }
  return 0;
}

}  // namespace

Object* dict_iter_keys(Object* d);

int dict_merge(Object* a, Object* b, int override) {
  if (dict_check(b) && b->type->tp_iter == DictType.tp_iter) return merge_dicts(as_dict(a), as_dict(b), override);
  // Generic mapping: iterate keys(), then b[key].
  Object* keys = mapping_keys(b);
  if (!keys) return -1;
  Object* it = object_get_iter(keys);
  decref(keys);
  if (!it) return -1;
  for (;;) {
    Object* key = iter_next(it);
    if (!key) break;
    if (override != 1) {
      int c = dict_contains(a, key);
      if (c != 0) {
        if (c > 0 && override == 2) { container_key_error(key); c = -1; }
        decref(key);
        if (c < 0) { decref(it); return -1; }
        continue;
      }
    }
    Object* value = object_getitem(b, key);
    if (!value) { decref(key); decref(it); return -1; }
    if (dict_setitem_steal(a, key, value) < 0) { decref(it); return -1; }
  }
  decref(it);
  return err_occurred() ? -1 : 0;
}

namespace {

int merge_from_seq2(Object* d, Object* seq2, int override) {
  Object* it = object_get_iter(seq2);
  if (!it) return -1;
  for (ssize i = 0;; ++i) {
    Object* item = iter_next(it);
    if (!item) break;
    Object* fast;
    if (list_check_exact(item) || tuple_check_exact(item)) {
      fast = new_ref(item);
    } else {
      Object* sub = object_get_iter(item);
      if (!sub) {
        if (err_exception_matches(&exc::TypeError)) err_set_string(&exc::TypeError, "object is not iterable");
        decref(item);
        decref(it);
        return -1;
      }
      fast = sequence_list(sub);
      decref(sub);
      if (!fast) { decref(item); decref(it); return -1; }
    }
    decref(item);
    ssize n = list_check(fast) ? list_size(fast) : tuple_size(fast);
    if (n != 2) {
      err_format(&exc::ValueError, "dictionary update sequence element #%zd has length %zd; 2 is required", i, n);
      decref(fast);
      decref(it);
      return -1;
    }
    Object** items = list_check(fast) ? list_items(fast) : tuple_items(fast);
    Object* key = new_ref(items[0]);
    Object* value = new_ref(items[1]);
    decref(fast);
    int r;
    if (override) {
      r = dict_setitem_steal(d, key, value);
    } else {
      r = dict_contains(d, key);
      if (r == 0) r = dict_setitem_steal(d, key, value);
      else { decref(key); decref(value); }
    }
    if (r < 0) { decref(it); return -1; }
  }
  decref(it);
  return err_occurred() ? -1 : 0;
}

// dict.update(arg) for one positional argument.
int dict_update_arg(Object* self, Object* arg) {
  if (dict_check_exact(arg)) return dict_merge(self, arg, 1);
  Object* keys_attr = nullptr;
  static Object* s_keys = str_intern_cstr("keys");
  int has = object_lookup_attr(arg, s_keys, &keys_attr);
  if (has < 0) return -1;
  if (has) {
    decref(keys_attr);
    return dict_merge(self, arg, 1);
  }
  return merge_from_seq2(self, arg, 1);
}

// Applies kwargs given as a dict (from tp_init) or as kwnames + values.
int dict_update_common(Object* self, Object* arg, Object* kwds) {
  if (arg && dict_update_arg(self, arg) < 0) return -1;
  if (kwds && dict_size(kwds) > 0) return dict_merge(self, kwds, 1);
  return 0;
}

}  // namespace

int dict_update(Object* d, Object* other) { return dict_update_arg(d, other); }

Object* dict_copy(Object* d) {
  DictObject* mp = as_dict(d);
  if (mp->used == 0) return dict_new();
  if (mp->used >= (mp->keys->nentries * 2) / 3) {
    DictKeys* nk = clone_keys(mp->keys);
    if (!nk) return nullptr;
    Object* r = dict_new();
    if (!r) { free_keys_and_entries(nk); return nullptr; }
    as_dict(r)->keys = nk;
    as_dict(r)->used = mp->used;
    return r;
  }
  Object* r = dict_new();
  if (!r) return nullptr;
  if (merge_dicts(as_dict(r), mp, 1) < 0) { decref(r); return nullptr; }
  return r;
}

Object* dict_keys_list(Object* d) {
  DictObject* mp = as_dict(d);
  Object* l = list_new(mp->used);
  if (!l) return nullptr;
  ssize pos = 0, j = 0;
  Object* key;
  while (dict_next(d, &pos, &key, nullptr)) list_init_item(l, j++, new_ref(key));
  return l;
}

Object* dict_values_list(Object* d) {
  Object* l = list_new(as_dict(d)->used);
  if (!l) return nullptr;
  ssize pos = 0, j = 0;
  Object* value;
  while (dict_next(d, &pos, nullptr, &value)) list_init_item(l, j++, new_ref(value));
  return l;
}

Object* dict_items_list(Object* d) {
  ssize n = as_dict(d)->used;
  Object* l = list_new(n);
  if (!l) return nullptr;
  for (ssize j = 0; j < n; ++j) {
    Object* t = tuple_new(2);
    if (!t) { decref(l); return nullptr; }
    list_init_item(l, j, t);
  }
  ssize pos = 0, j = 0;
  Object *key, *value;
  while (j < n && dict_next(d, &pos, &key, &value)) {
    Object* t = list_get(l, j++);
    tuple_init_item(t, 0, new_ref(key));
    tuple_init_item(t, 1, new_ref(value));
  }
  return l;
}

// ---------------------------------------------------------------- type slots

namespace {

void dict_dealloc(Object* op) {
  DictObject* mp = as_dict(op);
  gc_untrack(op);
  Type* tp = op->type;
  bool exact = tp == &DictType;
  if (exact && !trash_begin(op)) return;
  free_keys_and_entries(mp->keys);
  if (tp->tp_free && !exact) tp->tp_free(op);
  else object_free(op);
  if (exact) trash_end();
}

int dict_traverse(Object* op, VisitProc visit, void* arg) {
  DictKeys* k = as_dict(op)->keys;
  DictEntry* ep = dk_entries(k);
  for (ssize i = 0; i < k->nentries; ++i) {
    if (ep[i].value) {
      if (int r = visit(ep[i].key, arg)) return r;
      if (int r = visit(ep[i].value, arg)) return r;
    }
  }
  return 0;
}

int dict_tp_clear(Object* op) {
  dict_clear(op);
  return 0;
}

Object* dict_repr(Object* self) {
  DictObject* mp = as_dict(self);
  if (mp->used == 0) return str_from_cstr("{}");
  int st = repr_enter(self);
  if (st != 0) return st > 0 ? str_from_cstr("{...}") : nullptr;
  StrBuilder b;
  Object* result = nullptr;
  bool first = true;
  ssize pos = 0;
  Object *key, *value;
  if (!b.append_ascii("{")) goto done;
  while (dict_next(self, &pos, &key, &value)) {
    incref(key);
    incref(value);
    Object* kr = nullptr;
    Object* vr = nullptr;
    bool ok = (first || b.append_ascii(", "));
    first = false;
    if (ok && enter_recursive_call(" while getting the repr of an object") == 0) {
      kr = object_repr(key);
      if (kr) ok = b.append_str(kr) && b.append_ascii(": ");
      if (kr && ok) {
        vr = object_repr(value);
        if (vr) ok = b.append_str(vr);
      }
      leave_recursive_call();
    }
    bool failed = !ok || !kr || !vr;
    xdecref(kr);
    xdecref(vr);
    decref(key);
    decref(value);
    if (failed) goto done;
  }
  if (!b.append_ascii("}")) goto done;
  result = b.finish();
done:
  repr_leave(self);
  return result;
}

ssize dict_length(Object* self) { return as_dict(self)->used; }

Object* dict_subscript(Object* self, Object* key) {
  DictObject* mp = as_dict(self);
  Hash h = hash_key(key);
  if (h == -1) return nullptr;
  ssize ix = lookup(mp, key, h);
  if (ix == kDkixError) return nullptr;
  if (ix == kDkixEmpty) {
    if (!dict_check_exact(self)) {
      static Object* s_missing = str_intern_cstr("__missing__");
      Object* missing = type_lookup(self->type, s_missing);
      if (missing) return call_args(missing, {self, key});
      if (err_occurred()) return nullptr;
    }
    return container_key_error(key);
  }
  return new_ref(dk_entries(mp->keys)[ix].value);
}

int dict_ass_sub(Object* self, Object* key, Object* value) {
  if (value == nullptr) return dict_delitem(self, key);
  return dict_setitem(self, key, value);
}

int dict_sq_contains(Object* self, Object* key) { return dict_contains(self, key); }

// Compares two dicts for equality: 1 equal, 0 not, -1 error.
int dict_equal(DictObject* a, DictObject* b) {
  if (a->used != b->used) return 0;
  for (ssize i = 0; i < a->keys->nentries; ++i) {
    DictEntry* ep = &dk_entries(a->keys)[i];
    Object* aval = ep->value;
    if (!aval) continue;
    Object* key = ep->key;
    Hash h = ep->hash;
    incref(aval);
    incref(key);
    ssize ix = lookup(b, key, h);
    if (ix == kDkixError) { decref(aval); decref(key); return -1; }
    if (ix == kDkixEmpty) { decref(aval); decref(key); return 0; }
    Object* bval = new_ref(dk_entries(b->keys)[ix].value);
    int cmp = object_richcompare_bool(aval, bval, kEQ);
    decref(key);
    decref(aval);
    decref(bval);
    if (cmp <= 0) return cmp;
  }
  return 1;
}

Object* dict_richcompare(Object* v, Object* w, int op) {
  if (!dict_check(v) || !dict_check(w) || (op != kEQ && op != kNE)) return new_ref(NotImplemented);
  int cmp = dict_equal(as_dict(v), as_dict(w));
  if (cmp < 0) return nullptr;
  return new_ref(bool_from((cmp != 0) == (op == kEQ)));
}

Object* dict_iter(Object* self) { return dictiter_new(self, &DictKeyIterType); }

Object* dict_tp_new(Type* type, Object* args, Object* kwds) { return dict_alloc(type); }

int dict_init(Object* self, Object* args, Object* kwds) {
  ssize nargs = tuple_size(args);
  if (!container_check_args("dict", nargs, 0, 1)) return -1;
  return dict_update_common(self, nargs ? tuple_get(args, 0) : nullptr, kwds);
}

Object* dict_vectorcall(Object* type, Object* const* args, size_t nargsf, Object* kwnames) {
  ssize nargs = vectorcall_nargs(nargsf);
  if (!container_check_args("dict", nargs, 0, 1)) return nullptr;
  Object* self = dict_alloc(static_cast<Type*>(type));
  if (!self) return nullptr;
  if (nargs == 1 && dict_update_arg(self, args[0]) < 0) { decref(self); return nullptr; }
  if (kwnames) {
    ssize nkw = tuple_size(kwnames);
    for (ssize i = 0; i < nkw; ++i)
      if (dict_setitem(self, tuple_get(kwnames, i), args[nargs + i]) < 0) { decref(self); return nullptr; }
  }
  return self;
}

Object* dict_or(Object* self, Object* other) {
  if (!dict_check(self) || !dict_check(other)) return new_ref(NotImplemented);
  Object* r = dict_copy(self);
  if (!r) return nullptr;
  if (dict_update_arg(r, other) < 0) { decref(r); return nullptr; }
  return r;
}

Object* dict_ior(Object* self, Object* other) {
  if (dict_update_arg(self, other) < 0) return nullptr;
  return new_ref(self);
}

// --- methods ---

Object* m_get(Object* self, Object* const* args, ssize nargs) {
  if (!container_check_args("get", nargs, 1, 2)) return nullptr;
  Object* key = args[0];
  Hash h = hash_key(key);
  if (h == -1) return nullptr;
  ssize ix = lookup(as_dict(self), key, h);
  if (ix == kDkixError) return nullptr;
  if (ix == kDkixEmpty) return new_ref(nargs > 1 ? args[1] : None);
  return new_ref(dk_entries(as_dict(self)->keys)[ix].value);
}

Object* m_setdefault(Object* self, Object* const* args, ssize nargs) {
  if (!container_check_args("setdefault", nargs, 1, 2)) return nullptr;
  Object* key = args[0];
  Object* dflt = nargs > 1 ? args[1] : None;
  Hash h = hash_key(key);
  if (h == -1) return nullptr;
  DictObject* mp = as_dict(self);
  ssize ix = mp->keys == empty_keys() ? kDkixEmpty : lookup(mp, key, h);
  if (ix == kDkixError) return nullptr;
  if (ix == kDkixEmpty) {
    if (insert_new_entry(mp, new_ref(key), h, new_ref(dflt)) < 0) return nullptr;
    return new_ref(dflt);
  }
  return new_ref(dk_entries(mp->keys)[ix].value);
}

Object* m_pop(Object* self, Object* const* args, ssize nargs) {
  if (!container_check_args("pop", nargs, 1, 2)) return nullptr;
  Object* result;
  int r = dict_pop(self, args[0], &result);
  if (r < 0) return nullptr;
  if (r == 0) {
    if (nargs > 1) return new_ref(args[1]);
    return container_key_error(args[0]);
  }
  return result;
}

Object* m_popitem(Object* self, Object*) {
  DictObject* mp = as_dict(self);
  if (mp->used == 0) {
    Object* msg = str_from_cstr("popitem(): dictionary is empty");
    if (msg) { container_key_error(msg); decref(msg); }
    return nullptr;
  }
  Object* res = tuple_new(2);
  if (!res) return nullptr;
  DictKeys* k = mp->keys;
  DictEntry* ep0 = dk_entries(k);
  ssize i = k->nentries - 1;
  while (i >= 0 && ep0[i].value == nullptr) --i;
  DictEntry* ep = &ep0[i];
  size_t slot = lookup_index_slot(k, ep->hash, i);
  dk_set_index(k, slot, kDkixDummy);
  tuple_init_item(res, 0, ep->key);
  tuple_init_item(res, 1, ep->value);
  ep->key = nullptr;
  ep->value = nullptr;
  k->nentries = i;
  mp->used--;
  bump_version(mp);
  return res;
}

Object* m_keys(Object* self, Object*) { return dictview_new(self, &DictKeysType); }
Object* m_values(Object* self, Object*) { return dictview_new(self, &DictValuesType); }
Object* m_items(Object* self, Object*) { return dictview_new(self, &DictItemsType); }

Object* m_update(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!container_check_args("update", nargs, 0, 1)) return nullptr;
  if (nargs == 1 && dict_update_arg(self, args[0]) < 0) return nullptr;
  if (kwnames) {
    ssize nkw = tuple_size(kwnames);
    for (ssize i = 0; i < nkw; ++i)
      if (dict_setitem(self, tuple_get(kwnames, i), args[nargs + i]) < 0) return nullptr;
  }
  return new_ref(None);
}

Object* m_clear(Object* self, Object*) {
  dict_clear(self);
  return new_ref(None);
}

Object* m_copy(Object* self, Object*) { return dict_copy(self); }

Object* m_contains(Object* self, Object* key) {
  int r = dict_contains(self, key);
  if (r < 0) return nullptr;
  return new_ref(bool_from(r));
}

Object* m_getitem(Object* self, Object* key) { return dict_subscript(self, key); }

Object* m_reversed(Object* self, Object*) { return dictiter_new(self, &DictRevKeyIterType); }

Object* m_sizeof(Object* self, Object*) {
  DictObject* mp = as_dict(self);
  ssize size = sizeof(DictObject);
  DictKeys* k = mp->keys;
  if (k != empty_keys()) {
    ssize entry = k->all_str ? 16 : 24;  // CPython's unicode vs general entry sizes
    size += ssize(sizeof(DictKeys)) + (ssize(1) << k->log2_index_bytes) + usable_fraction(ssize(1) << k->log2_size) * entry;
  }
  return int_from_ssize(size);
}

// dict.fromkeys(iterable, value=None, /): a classmethod.
Object* m_fromkeys(Object* cls, Object* const* args, ssize nargs) {
  if (!container_check_args("fromkeys", nargs, 1, 2)) return nullptr;
  Object* iterable = args[0];
  Object* value = nargs > 1 ? args[1] : None;
  Object* d = call_no_args(cls);
  if (!d) return nullptr;
  if (dict_check_exact(d)) {
    if (dict_check_exact(iterable) && as_dict(d)->used == 0) {
      DictObject* src = as_dict(iterable);
      if (dictresize(as_dict(d), estimate_log2_keysize(src->used)) < 0) { decref(d); return nullptr; }
      ssize pos = 0;
      Object* key;
      Hash h;
      while (dict_next(iterable, &pos, &key, nullptr, &h))
        if (insertdict(as_dict(d), new_ref(key), h, new_ref(value)) < 0) { decref(d); return nullptr; }
      return d;
    }
    if (anyset_check(iterable) && as_dict(d)->used == 0) {
      if (dictresize(as_dict(d), estimate_log2_keysize(set_size(iterable))) < 0) { decref(d); return nullptr; }
      ssize pos = 0;
      Object* key;
      Hash h;
      while (set_next(iterable, &pos, &key, &h))
        if (insertdict(as_dict(d), new_ref(key), h, new_ref(value)) < 0) { decref(d); return nullptr; }
      return d;
    }
  }
  Object* it = object_get_iter(iterable);
  if (!it) { decref(d); return nullptr; }
  bool exact = dict_check_exact(d);
  for (;;) {
    Object* key = iter_next(it);
    if (!key) break;
    int r = exact ? dict_setitem(d, key, value) : object_setitem(d, key, value);
    decref(key);
    if (r < 0) { decref(it); decref(d); return nullptr; }
  }
  decref(it);
  if (err_occurred()) { decref(d); return nullptr; }
  return d;
}

#define M(f) reinterpret_cast<void*>(&f)
const MethodDef dict_methods[] = {
    {"__contains__", M(m_contains), kMethO | kMethCoexist, "__contains__($self, key, /)\n--\n\nTrue if the dictionary has the specified key, else False."},
    {"__getitem__", M(m_getitem), kMethO | kMethCoexist, "__getitem__($self, key, /)\n--\n\nReturn self[key]."},
    {"__sizeof__", M(m_sizeof), kMethNoArgs, "__sizeof__($self, /)\n--\n\nReturn the size of the dict in memory, in bytes."},
    {"get", M(m_get), kMethFastcall, "get($self, key, default=None, /)\n--\n\nReturn the value for key if key is in the dictionary, else default."},
    {"setdefault", M(m_setdefault), kMethFastcall, "setdefault($self, key, default=None, /)\n--\n\nInsert key with a value of default if key is not in the dictionary.\n\nReturn the value for key if key is in the dictionary, else default."},
    {"pop", M(m_pop), kMethFastcall, "pop($self, key, default=<unrepresentable>, /)\n--\n\nD.pop(k[,d]) -> v, remove specified key and return the corresponding value.\n\nIf the key is not found, return the default if given; otherwise,\nraise a KeyError."},
    {"popitem", M(m_popitem), kMethNoArgs, "popitem($self, /)\n--\n\nRemove and return a (key, value) pair as a 2-tuple.\n\nPairs are returned in LIFO (last-in, first-out) order.\nRaises KeyError if the dict is empty."},
    {"keys", M(m_keys), kMethNoArgs, "keys($self, /)\n--\n\nReturn a set-like object providing a view on the dict's keys."},
    {"items", M(m_items), kMethNoArgs, "items($self, /)\n--\n\nReturn a set-like object providing a view on the dict's items."},
    {"values", M(m_values), kMethNoArgs, "values($self, /)\n--\n\nReturn an object providing a view on the dict's values."},
    {"update", M(m_update), kMethFastcall | kMethKeywords, "D.update([E, ]**F) -> None.  Update D from mapping/iterable E and F.\nIf E is present and has a .keys() method, then does:  for k in E.keys(): D[k] = E[k]\nIf E is present and lacks a .keys() method, then does:  for k, v in E: D[k] = v\nIn either case, this is followed by: for k in F:  D[k] = F[k]"},
    {"fromkeys", M(m_fromkeys), kMethFastcall | kMethClass, "fromkeys($type, iterable, value=None, /)\n--\n\nCreate a new dictionary with keys from iterable and values set to value."},
    {"clear", M(m_clear), kMethNoArgs, "clear($self, /)\n--\n\nRemove all items from the dict."},
    {"copy", M(m_copy), kMethNoArgs, "copy($self, /)\n--\n\nReturn a shallow copy of the dict."},
    {"__reversed__", M(m_reversed), kMethNoArgs, "__reversed__($self, /)\n--\n\nReturn a reverse iterator over the dict keys."},
    {"__class_getitem__", reinterpret_cast<void*>(&generic_alias_class_getitem), kMethO | kMethClass, "__class_getitem__($cls, item, /)\n--\n\nSee PEP 585"},  // genericalias area
    {nullptr, nullptr, 0, nullptr}};
#undef M

SequenceMethods dict_as_sequence = {nullptr, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr, dict_sq_contains, nullptr, nullptr};
MappingMethods dict_as_mapping = {dict_length, dict_subscript, dict_ass_sub};
NumberMethods dict_as_number = [] {
  NumberMethods n{};
  n.nb_or = dict_or;
  n.nb_inplace_or = dict_ior;
  return n;
}();

}  // namespace

void init_dict_types() {
  Type& t = DictType;
  t.tp_name = "dict";
  t.tp_basicsize = sizeof(DictObject);
  t.tp_dealloc = dict_dealloc;
  t.tp_repr = dict_repr;
  t.tp_as_number = &dict_as_number;
  t.tp_as_sequence = &dict_as_sequence;
  t.tp_as_mapping = &dict_as_mapping;
  t.tp_hash = hash_not_implemented;
  t.tp_getattro = object_generic_getattr;
  t.tp_flags = kTpflagsDefault | kTpflagsHaveGC | kTpflagsBaseType | kTpflagsDictSubclass | kTpflagsMatchSelf |
               kTpflagsMapping;
  t.tp_doc = "dict() -> new empty dictionary\n"
             "dict(mapping) -> new dictionary initialized from a mapping object's\n    (key, value) pairs\n"
             "dict(iterable) -> new dictionary initialized as if via:\n    d = {}\n    for k, v in iterable:\n        d[k] = v\n"
             "dict(**kwargs) -> new dictionary initialized with the name=value pairs\n"
             "    in the keyword argument list.  For example:  dict(one=1, two=2)";
  t.tp_traverse = dict_traverse;
  t.tp_clear = dict_tp_clear;
  t.tp_richcompare = dict_richcompare;
  t.tp_iter = dict_iter;
  t.tp_methods = dict_methods;
  t.tp_base = &ObjectType;
  t.tp_init = dict_init;
  t.tp_alloc = type_generic_alloc;
  t.tp_new = dict_tp_new;
  t.tp_vectorcall = dict_vectorcall;
  init_dictview_types();
}

}  // namespace pyxx
