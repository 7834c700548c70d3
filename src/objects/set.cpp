// set, frozenset and set_iterator (CPython's setobject.c behaviour): open
// addressing with LINEAR_PROBES 9 linear probes then perturbation, dummy
// entries on deletion, resize at fill*5 >= mask*3 to used*4 (used*2 above
// 50000), so iteration order equals CPython's. frozenset hash as CPython.
#include "objects/genericalias.h"  // genericalias area: __class_getitem__
#include "objects/set.h"
#include <cstring>
#include "core/alloc.h"
#include "core/state.h"
#include "objects/container_util.h"
#include "objects/dict.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/singletons.h"
#include "objects/tuple.h"
#include "objects/type_internal.h"

namespace pyxx {

Type SetType, FrozenSetType, SetIterType;

namespace {

constexpr ssize kSetMinSize = 8;
constexpr size_t kLinearProbes = 9;
constexpr int kPerturbShift = 5;

struct SetEntry {
  Object* key;
  Hash hash;  // -1 for dummies, 0 for unused
};

struct SetObject : Object {
  ssize fill;   // active + dummy
  ssize used;   // active
  ssize mask;
  SetEntry* table;
  Hash hash;    // frozenset only; -1 until computed
  ssize finger; // pop() search start
  SetEntry smalltable[kSetMinSize];
  Object* weakreflist;
};

Object dummy_struct = {PYXX_STATIC_OBJECT_HEAD(&ObjectType)};
Object* const dummy = &dummy_struct;

PYXX_ALWAYS_INLINE SetObject* S(Object* o) { return static_cast<SetObject*>(o); }

int set_table_resize(SetObject* so, ssize minused);

// Returns the entry holding key, an unused entry (key null) when absent, or null on error.
SetEntry* set_lookkey(SetObject* so, Object* key, Hash hash) {
restart:
  size_t perturb = size_t(hash);
  size_t mask = size_t(so->mask);
  size_t i = size_t(hash) & mask;
  bool frozen = so->type == &FrozenSetType;
  for (;;) {
    SetEntry* entry = &so->table[i];
    size_t probes = (i + kLinearProbes <= mask) ? kLinearProbes : 0;
    do {
      if (entry->hash == 0 && entry->key == nullptr) return entry;
      if (entry->hash == hash) {
        Object* startkey = entry->key;
        if (startkey == key) return entry;
        if (startkey->type == &StrType && key->type == &StrType) {
          if (str_eq(startkey, key)) return entry;
        } else {
          SetEntry* table = so->table;
          incref(startkey);
          int cmp = object_richcompare_bool(startkey, key, kEQ);
          decref(startkey);
          if (cmp < 0) return nullptr;
          if (!frozen && (table != so->table || entry->key != startkey)) goto restart;
          if (cmp > 0) return entry;
          mask = size_t(so->mask);
        }
      }
      entry++;
    } while (probes--);
    perturb >>= kPerturbShift;
    i = (i * 5 + 1 + perturb) & mask;
  }
}

// Adds key (steals) with known hash.
int set_add_entry_steal(SetObject* so, Object* key, Hash hash) {
restart:
  size_t mask = size_t(so->mask);
  size_t i = size_t(hash) & mask;
  SetEntry* freeslot = nullptr;
  size_t perturb = size_t(hash);
  SetEntry* entry;
  for (;;) {
    entry = &so->table[i];
    size_t probes = (i + kLinearProbes <= mask) ? kLinearProbes : 0;
    do {
      if (entry->hash == 0 && entry->key == nullptr) goto found_unused_or_dummy;
      if (entry->hash == hash) {
        Object* startkey = entry->key;
        if (startkey == key) goto found_active;
        if (startkey->type == &StrType && key->type == &StrType) {
          if (str_eq(startkey, key)) goto found_active;
        } else {
          SetEntry* table = so->table;
          incref(startkey);
          int cmp = object_richcompare_bool(startkey, key, kEQ);
          decref(startkey);
          if (cmp > 0) goto found_active;
          if (cmp < 0) { decref(key); return -1; }
          if (table != so->table || entry->key != startkey) goto restart;
          mask = size_t(so->mask);
        }
      } else if (entry->hash == -1) {
        freeslot = entry;
      }
      entry++;
    } while (probes--);
    perturb >>= kPerturbShift;
    i = (i * 5 + 1 + perturb) & mask;
  }
found_unused_or_dummy:
  if (freeslot == nullptr) goto found_unused;
  if (freeslot->hash != -1) goto restart;
  so->used++;
  freeslot->key = key;
  freeslot->hash = hash;
  return 0;
found_unused:
  so->fill++;
  so->used++;
  entry->key = key;
  entry->hash = hash;
  if (size_t(so->fill) * 5 < mask * 3) return 0;
  return set_table_resize(so, so->used > 50000 ? so->used * 2 : so->used * 4);
found_active:
  decref(key);
  return 0;
}

PYXX_ALWAYS_INLINE int set_add_entry(SetObject* so, Object* key, Hash hash) {
  return set_add_entry_steal(so, new_ref(key), hash);
}

// Inserts a key known to be absent into a table without dummies.
void set_insert_clean(SetEntry* table, size_t mask, Object* key, Hash hash) {
  size_t perturb = size_t(hash);
  size_t i = size_t(hash) & mask;
  SetEntry* entry;
  for (;;) {
    entry = &table[i];
    if (entry->key == nullptr) goto found_null;
    if (i + kLinearProbes <= mask) {
      for (size_t j = 0; j < kLinearProbes; ++j) {
        entry++;
        if (entry->key == nullptr) goto found_null;
      }
    }
    perturb >>= kPerturbShift;
    i = (i * 5 + 1 + perturb) & mask;
  }
found_null:
  entry->key = key;
  entry->hash = hash;
}

int set_table_resize(SetObject* so, ssize minused) {
  SetEntry* oldtable = so->table;
  ssize oldmask = so->mask;
  bool old_malloced = oldtable != so->smalltable;
  SetEntry small_copy[kSetMinSize];
  size_t newsize = kSetMinSize;
  while (newsize <= size_t(minused)) newsize <<= 1;
  SetEntry* newtable;
  if (newsize == size_t(kSetMinSize)) {
    newtable = so->smalltable;
    if (newtable == oldtable) {
      if (so->fill == so->used) return 0;
      std::memcpy(small_copy, oldtable, sizeof(small_copy));
      oldtable = small_copy;
    }
  } else {
    if (newsize > size_t(kSsizeMax) / sizeof(SetEntry)) { err_no_memory(); return -1; }
    newtable = static_cast<SetEntry*>(mem_alloc(newsize * sizeof(SetEntry)));
    if (!newtable) { err_no_memory(); return -1; }
  }
  std::memset(newtable, 0, sizeof(SetEntry) * newsize);
  so->mask = ssize(newsize - 1);
  so->table = newtable;
  size_t newmask = size_t(so->mask);
  if (so->fill == so->used) {
    for (SetEntry* e = oldtable; e <= oldtable + oldmask; ++e)
      if (e->key) set_insert_clean(newtable, newmask, e->key, e->hash);
  } else {
    so->fill = so->used;
    for (SetEntry* e = oldtable; e <= oldtable + oldmask; ++e)
      if (e->key && e->key != dummy) set_insert_clean(newtable, newmask, e->key, e->hash);
  }
  if (old_malloced) mem_free(oldtable);
  return 0;
}

int set_contains_entry(SetObject* so, Object* key, Hash hash) {
  SetEntry* e = set_lookkey(so, key, hash);
  if (!e) return -1;
  return e->key != nullptr;
}

int set_discard_entry(SetObject* so, Object* key, Hash hash) {
  SetEntry* e = set_lookkey(so, key, hash);
  if (!e) return -1;
  if (e->key == nullptr) return 0;
  Object* old = e->key;
  e->key = dummy;
  e->hash = -1;
  so->used--;
  decref(old);
  return 1;
}

PYXX_ALWAYS_INLINE Hash set_hash_key(Object* key) {
  Hash h = container_hash(key);
  if (h == -1) container_unhashable_error(key, "set element");
  return h;
}

int set_add_key(SetObject* so, Object* key) {
  Hash h = set_hash_key(key);
  if (h == -1) return -1;
  return set_add_entry(so, key, h);
}

int set_contains_key(SetObject* so, Object* key) {
  Hash h = set_hash_key(key);
  if (h == -1) return -1;
  return set_contains_entry(so, key, h);
}

int set_discard_key(SetObject* so, Object* key) {
  Hash h = set_hash_key(key);
  if (h == -1) return -1;
  return set_discard_entry(so, key, h);
}

void set_empty_to_minsize(SetObject* so) {
  std::memset(so->smalltable, 0, sizeof(so->smalltable));
  so->fill = 0;
  so->used = 0;
  so->mask = kSetMinSize - 1;
  so->table = so->smalltable;
  so->hash = -1;
}

int set_clear_internal(SetObject* so) {
  SetEntry* table = so->table;
  ssize fill = so->fill, used = so->used;
  bool malloced = table != so->smalltable;
  SetEntry small_copy[kSetMinSize];
  if (malloced) {
    set_empty_to_minsize(so);
  } else if (fill > 0) {
    std::memcpy(small_copy, table, sizeof(small_copy));
    table = small_copy;
    set_empty_to_minsize(so);
  }
  for (SetEntry* e = table; used > 0; ++e) {
    if (e->key && e->key != dummy) {
      used--;
      decref(e->key);
    }
  }
  if (malloced) mem_free(table);
  return 0;
}

PYXX_ALWAYS_INLINE bool set_next_entry(SetObject* so, ssize* pos, SetEntry** out) {
  ssize i = *pos;
  ssize mask = so->mask;
  SetEntry* e = &so->table[i];
  while (i <= mask && (e->key == nullptr || e->key == dummy)) { ++i; ++e; }
  *pos = i + 1;
  if (i > mask) return false;
  *out = e;
  return true;
}

int set_merge(SetObject* so, SetObject* other) {
  if (other == so || other->used == 0) return 0;
  if ((so->fill + other->used) * 5 >= so->mask * 3) {
    if (set_table_resize(so, (so->used + other->used) * 2) != 0) return -1;
  }
  SetEntry* so_entry = so->table;
  SetEntry* other_entry = other->table;
  if (so->fill == 0 && so->mask == other->mask && other->fill == other->used) {
    for (ssize i = 0; i <= other->mask; ++i, ++so_entry, ++other_entry) {
      Object* key = other_entry->key;
      if (key) {
        so_entry->key = new_ref(key);
        so_entry->hash = other_entry->hash;
      }
    }
    so->fill = other->fill;
    so->used = other->used;
    return 0;
  }
  if (so->fill == 0) {
    SetEntry* newtable = so->table;
    size_t newmask = size_t(so->mask);
    so->fill = other->used;
    so->used = other->used;
    for (ssize i = other->mask + 1; i > 0; --i, ++other_entry) {
      Object* key = other_entry->key;
      if (key && key != dummy) set_insert_clean(newtable, newmask, new_ref(key), other_entry->hash);
    }
    return 0;
  }
  for (ssize i = 0; i <= other->mask; ++i) {
    other_entry = &other->table[i];
    Object* key = other_entry->key;
    if (key && key != dummy)
      if (set_add_entry(so, key, other_entry->hash)) return -1;
  }
  return 0;
}

int set_update_internal(SetObject* so, Object* other) {
  if (anyset_check(other)) return set_merge(so, S(other));
  if (dict_check_exact(other)) {
    ssize dictsize = dict_size(other);
    if ((so->fill + dictsize) * 5 >= so->mask * 3) {
      if (set_table_resize(so, (so->used + dictsize) * 2) != 0) return -1;
    }
    ssize pos = 0;
    Object *key, *value;
    Hash hash;
    while (dict_next(other, &pos, &key, &value, &hash))
      if (set_add_entry(so, key, hash)) return -1;
    return 0;
  }
  Object* it = object_get_iter(other);
  if (!it) return -1;
  IterNextFunc next = it->type->tp_iternext;
  for (;;) {
    Object* key = next(it);
    if (!key) break;
    Hash h = set_hash_key(key);
    if (h == -1 || set_add_entry_steal(so, key, h) < 0) {
      if (h == -1) decref(key);
      decref(it);
      return -1;
    }
  }
  decref(it);
  if (err_occurred()) {
    if (!err_exception_matches(&exc::StopIteration)) return -1;
    err_clear();
  }
  return 0;
}

Object* make_new_set(Type* type, Object* iterable) {
  SetObject* so;
  if (type == &SetType || type == &FrozenSetType) {
    so = static_cast<SetObject*>(object_alloc(type, sizeof(SetObject)));
  } else {
    so = static_cast<SetObject*>(type->tp_alloc(type, 0));
  }
  if (!so) return nullptr;
  std::memset(so->smalltable, 0, sizeof(so->smalltable));
  so->fill = 0;
  so->used = 0;
  so->mask = kSetMinSize - 1;
  so->table = so->smalltable;
  so->hash = -1;
  so->finger = 0;
  so->weakreflist = nullptr;
  if (type == &SetType || type == &FrozenSetType) gc_track(so);
  if (iterable && set_update_internal(so, iterable) < 0) {
    decref(so);
    return nullptr;
  }
  return so;
}

// Result type of set operations: set or frozenset, never a subclass.
Object* make_new_set_basetype(Type* type, Object* iterable) {
  if (type != &SetType && type != &FrozenSetType) {
    type = type_is_subtype(type, &SetType) ? &SetType : &FrozenSetType;
  }
  return make_new_set(type, iterable);
}

Object* set_copy(Object* so) { return make_new_set_basetype(so->type, so); }

}  // namespace

// ---------------------------------------------------------------- public API

Object* set_new(Object* iterable) { return make_new_set(&SetType, iterable); }
Object* frozenset_new(Object* iterable) { return make_new_set(&FrozenSetType, iterable); }

int set_add(Object* s, Object* key) { return set_add_key(S(s), key); }
int set_discard(Object* s, Object* key) { return set_discard_key(S(s), key); }
int set_update(Object* s, Object* iterable) { return set_update_internal(S(s), iterable); }
ssize set_size(Object* s) { return S(s)->used; }

bool set_next(Object* s, ssize* pos, Object** key, Hash* hash) {
  SetEntry* e;
  if (!set_next_entry(S(s), pos, &e)) return false;
  *key = e->key;
  if (hash) *hash = e->hash;
  return true;
}

namespace {

void set_dealloc(Object* op) {
  SetObject* so = S(op);
  gc_untrack(op);
  Type* tp = op->type;
  bool exact = tp == &SetType || tp == &FrozenSetType;
  if (exact && !trash_begin(op)) return;
  if (so->weakreflist) weakref_clear_refs(op);
  ssize used = so->used;
  for (SetEntry* e = so->table; used > 0; ++e) {
    if (e->key && e->key != dummy) {
      used--;
      decref(e->key);
    }
  }
  if (so->table != so->smalltable) mem_free(so->table);
  if (tp->tp_free && !exact) tp->tp_free(op);
  else object_free(op);
  if (exact) trash_end();
}

int set_traverse(Object* op, VisitProc visit, void* arg) {
  ssize pos = 0;
  SetEntry* e;
  while (set_next_entry(S(op), &pos, &e))
    if (int r = visit(e->key, arg)) return r;
  return 0;
}

int set_tp_clear(Object* op) { return set_clear_internal(S(op)); }

Object* set_repr(Object* self) {
  SetObject* so = S(self);
  int st = repr_enter(self);
  if (st != 0) return st > 0 ? str_from_format("%s(...)", self->type->tp_name) : nullptr;
  Object* result = nullptr;
  if (so->used == 0) {
    result = str_from_format("%s()", self->type->tp_name);
  } else {
    Object* keys = list_new(so->used);
    if (keys) {
      ssize pos = 0, idx = 0;
      SetEntry* e;
      while (set_next_entry(so, &pos, &e)) list_init_item(keys, idx++, new_ref(e->key));
      Object* lr = object_repr(keys);
      decref(keys);
      if (lr) {
        Object* inner = str_substring(lr, 1, str_length(lr) - 1);
        decref(lr);
        if (inner) {
          if (self->type == &SetType) result = str_from_format("{%U}", inner);
          else result = str_from_format("%s({%U})", self->type->tp_name, inner);
          decref(inner);
        }
      }
    }
  }
  repr_leave(self);
  return result;
}

ssize set_len(Object* self) { return S(self)->used; }

// `key in s`, with a set key looked up as the equivalent frozenset.
int set_sq_contains(Object* self, Object* key) {
  int rv = set_contains_key(S(self), key);
  if (rv < 0) {
    if (!set_check(key) || !err_exception_matches(&exc::TypeError)) return -1;
    err_clear();
    Object* tmp = make_new_set(&FrozenSetType, key);
    if (!tmp) return -1;
    rv = set_contains_key(S(self), tmp);
    decref(tmp);
  }
  return rv;
}

}  // namespace

int set_contains(Object* s, Object* key) { return set_sq_contains(s, key); }

namespace {

uint64_t shuffle_bits(uint64_t h) { return ((h ^ 89869747UL) ^ (h << 16)) * 3644798167UL; }

Hash frozenset_hash(Object* self) {
  SetObject* so = S(self);
  if (so->hash != -1) return so->hash;
  uint64_t hash = 0;
  ssize pos = 0;
  SetEntry* e;
  while (set_next_entry(so, &pos, &e)) hash ^= shuffle_bits(uint64_t(e->hash));
  hash ^= (uint64_t(so->used) + 1) * 1927868237UL;
  hash ^= (hash >> 11) ^ (hash >> 25);
  hash = hash * 69069U + 907133923UL;
  if (hash == uint64_t(-1)) hash = 590923713UL;
  so->hash = Hash(hash);
  return Hash(hash);
}

// --- set algebra ---

Object* set_intersection(SetObject* so, Object* other) {
  if (so == other) return set_copy(so);
  Object* result = make_new_set_basetype(so->type, nullptr);
  if (!result) return nullptr;
  if (anyset_check(other)) {
    SetObject* a = so;
    SetObject* b = S(other);
    if (b->used > a->used) std::swap(a, b);
    ssize pos = 0;
    SetEntry* e;
    while (set_next_entry(b, &pos, &e)) {
      Object* key = new_ref(e->key);
      Hash h = e->hash;
      int rv = set_contains_entry(a, key, h);
      if (rv > 0) rv = set_add_entry(S(result), key, h);
      decref(key);
      if (rv < 0) { decref(result); return nullptr; }
    }
    return result;
  }
  Object* it = object_get_iter(other);
  if (!it) { decref(result); return nullptr; }
  for (;;) {
    Object* key = iter_next(it);
    if (!key) break;
    Hash h = container_hash(key);
    int rv = h == -1 ? -1 : set_contains_entry(so, key, h);
    if (rv > 0) {
      rv = set_add_entry(S(result), key, h);
      if (rv == 0 && S(result)->used >= so->used) {
        decref(key);
        break;
      }
    }
    decref(key);
    if (rv < 0) { decref(it); decref(result); return nullptr; }
  }
  decref(it);
  if (err_occurred()) { decref(result); return nullptr; }
  return result;
}

Object* set_intersection_multi(SetObject* so, Object* const* args, ssize nargs) {
  if (nargs == 0) return set_copy(so);
  Object* result = new_ref(static_cast<Object*>(so));
  for (ssize i = 0; i < nargs; ++i) {
    Object* nr = set_intersection(S(result), args[i]);
    decref(result);
    if (!nr) return nullptr;
    result = nr;
  }
  return result;
}

void set_swap_bodies(SetObject* a, SetObject* b) {
  // Swap tables (small tables by value) and counters; hashes are reset.
  SetEntry tab[kSetMinSize];
  std::swap(a->fill, b->fill);
  std::swap(a->used, b->used);
  std::swap(a->mask, b->mask);
  SetEntry* ta = a->table;
  SetEntry* tb = b->table;
  bool a_small = ta == a->smalltable, b_small = tb == b->smalltable;
  a->table = b_small ? a->smalltable : tb;
  b->table = a_small ? b->smalltable : ta;
  if (a_small || b_small) {
    std::memcpy(tab, a->smalltable, sizeof(tab));
    std::memcpy(a->smalltable, b->smalltable, sizeof(tab));
    std::memcpy(b->smalltable, tab, sizeof(tab));
  }
  a->hash = -1;
  b->hash = -1;
}

int set_difference_update_internal(SetObject* so, Object* other) {
  if (so == other) return set_clear_internal(so);
  if (anyset_check(other)) {
    Object* o;
    if ((S(other)->used >> 3) > so->used) {
      o = set_intersection(so, other);
      if (!o) return -1;
    } else {
      o = new_ref(other);
    }
    ssize pos = 0;
    SetEntry* e;
    while (set_next_entry(S(o), &pos, &e)) {
      Object* key = new_ref(e->key);
      int rv = set_discard_entry(so, key, e->hash);
      decref(key);
      if (rv < 0) { decref(o); return -1; }
    }
    decref(o);
  } else {
    Object* it = object_get_iter(other);
    if (!it) return -1;
    for (;;) {
      Object* key = iter_next(it);
      if (!key) break;
      int rv = set_discard_key(so, key);
      decref(key);
      if (rv < 0) { decref(it); return -1; }
    }
    decref(it);
    if (err_occurred()) return -1;
  }
  if (size_t(so->fill - so->used) <= size_t(so->mask) / 4) return 0;
  return set_table_resize(so, so->used > 50000 ? so->used * 2 : so->used * 4);
}

Object* set_copy_and_difference(SetObject* so, Object* other) {
  Object* result = set_copy(so);
  if (!result) return nullptr;
  if (set_difference_update_internal(S(result), other) == 0) return result;
  decref(result);
  return nullptr;
}

Object* set_difference(SetObject* so, Object* other) {
  ssize other_size;
  if (anyset_check(other)) other_size = S(other)->used;
  else if (dict_check_exact(other)) other_size = dict_size(other);
  else return set_copy_and_difference(so, other);
  if ((so->used >> 2) > other_size) return set_copy_and_difference(so, other);
  Object* result = make_new_set_basetype(so->type, nullptr);
  if (!result) return nullptr;
  ssize pos = 0;
  SetEntry* e;
  bool is_dict = dict_check_exact(other);
  while (set_next_entry(so, &pos, &e)) {
    Object* key = new_ref(e->key);
    Hash h = e->hash;
    int rv;
    if (is_dict) rv = dict_getitem_known_hash(other, key, h) != nullptr ? 1 : (err_occurred() ? -1 : 0);
    else rv = set_contains_entry(S(other), key, h);
    if (rv == 0) rv = set_add_entry(S(result), key, h);
    decref(key);
    if (rv < 0) { decref(result); return nullptr; }
  }
  return result;
}

int set_symmetric_difference_update_internal(SetObject* so, Object* other) {
  if (so == other) return set_clear_internal(so);
  if (dict_check_exact(other)) {
    ssize pos = 0;
    Object *key, *value;
    Hash h;
    while (dict_next(other, &pos, &key, &value, &h)) {
      incref(key);
      int rv = set_discard_entry(so, key, h);
      if (rv == 0) rv = set_add_entry(so, key, h);
      decref(key);
      if (rv < 0) return -1;
    }
    return 0;
  }
  Object* otherset;
  if (anyset_check(other)) otherset = new_ref(other);
  else {
    otherset = make_new_set_basetype(so->type, other);
    if (!otherset) return -1;
  }
  ssize pos = 0;
  SetEntry* e;
  while (set_next_entry(S(otherset), &pos, &e)) {
    Object* key = new_ref(e->key);
    Hash h = e->hash;
    int rv = set_discard_entry(so, key, h);
    if (rv == 0) rv = set_add_entry(so, key, h);
    decref(key);
    if (rv < 0) { decref(otherset); return -1; }
  }
  decref(otherset);
  return 0;
}

// Copy of `other`, then toggled by the elements of `so` (CPython's order of work).
Object* set_symmetric_difference(SetObject* so, Object* other) {
  Object* result = make_new_set_basetype(so->type, nullptr);
  if (!result) return nullptr;
  if (set_update_internal(S(result), other) < 0 || set_symmetric_difference_update_internal(S(result), so) < 0) {
    decref(result);
    return nullptr;
  }
  return result;
}

// 1/0/-1: every element of so is in other (a set).
int set_issubset_internal(SetObject* so, SetObject* other) {
  if (so->used > other->used) return 0;
  ssize pos = 0;
  SetEntry* e;
  while (set_next_entry(so, &pos, &e)) {
    Object* key = new_ref(e->key);
    int rv = set_contains_entry(other, key, e->hash);
    decref(key);
    if (rv <= 0) return rv;
  }
  return 1;
}

// --- methods ---

Object* m_add(Object* self, Object* key) {
  if (set_add_key(S(self), key) < 0) return nullptr;
  return new_ref(None);
}

Object* m_clear(Object* self, Object*) {
  set_clear_internal(S(self));
  return new_ref(None);
}

Object* m_copy(Object* self, Object*) { return set_copy(self); }

Object* m_frozenset_copy(Object* self, Object*) {
  if (self->type == &FrozenSetType) return new_ref(self);
  return set_copy(self);
}

Object* m_discard(Object* self, Object* key) {
  int rv = set_discard_key(S(self), key);
  if (rv < 0) {
    if (!set_check(key) || !err_exception_matches(&exc::TypeError)) return nullptr;
    err_clear();
    Object* tmp = make_new_set(&FrozenSetType, key);
    if (!tmp) return nullptr;
    rv = set_discard_key(S(self), tmp);
    decref(tmp);
    if (rv < 0) return nullptr;
  }
  return new_ref(None);
}

Object* m_remove(Object* self, Object* key) {
  int rv = set_discard_key(S(self), key);
  if (rv < 0) {
    if (!set_check(key) || !err_exception_matches(&exc::TypeError)) return nullptr;
    err_clear();
    Object* tmp = make_new_set(&FrozenSetType, key);
    if (!tmp) return nullptr;
    rv = set_discard_key(S(self), tmp);
    decref(tmp);
    if (rv < 0) return nullptr;
  }
  if (rv == 0) return container_key_error(key);
  return new_ref(None);
}

Object* m_pop(Object* self, Object*) {
  SetObject* so = S(self);
  if (so->used == 0) {
    Object* msg = str_from_cstr("pop from an empty set");
    if (msg) { container_key_error(msg); decref(msg); }
    return nullptr;
  }
  SetEntry* entry = so->table + (so->finger & so->mask);
  SetEntry* limit = so->table + so->mask;
  while (entry->key == nullptr || entry->key == dummy) {
    entry++;
    if (entry > limit) entry = so->table;
  }
  Object* key = entry->key;
  entry->key = dummy;
  entry->hash = -1;
  so->used--;
  so->finger = (entry - so->table) + 1;
  return key;
}

Object* m_update(Object* self, Object* const* args, ssize nargs) {
  for (ssize i = 0; i < nargs; ++i)
    if (set_update_internal(S(self), args[i]) < 0) return nullptr;
  return new_ref(None);
}

Object* m_union(Object* self, Object* const* args, ssize nargs) {
  Object* result = set_copy(self);
  if (!result) return nullptr;
  for (ssize i = 0; i < nargs; ++i) {
    if (args[i] == self) continue;
    if (set_update_internal(S(result), args[i]) < 0) { decref(result); return nullptr; }
  }
  return result;
}

Object* m_intersection(Object* self, Object* const* args, ssize nargs) {
  return set_intersection_multi(S(self), args, nargs);
}

Object* m_intersection_update(Object* self, Object* const* args, ssize nargs) {
  Object* tmp = set_intersection_multi(S(self), args, nargs);
  if (!tmp) return nullptr;
  set_swap_bodies(S(self), S(tmp));
  decref(tmp);
  return new_ref(None);
}

Object* m_difference(Object* self, Object* const* args, ssize nargs) {
  if (nargs == 0) return set_copy(self);
  if (nargs == 1) return set_difference(S(self), args[0]);
  Object* result = set_difference(S(self), args[0]);
  if (!result) return nullptr;
  for (ssize i = 1; i < nargs; ++i)
    if (set_difference_update_internal(S(result), args[i]) < 0) { decref(result); return nullptr; }
  return result;
}

Object* m_difference_update(Object* self, Object* const* args, ssize nargs) {
  for (ssize i = 0; i < nargs; ++i)
    if (set_difference_update_internal(S(self), args[i]) < 0) return nullptr;
  return new_ref(None);
}

Object* m_symmetric_difference(Object* self, Object* other) { return set_symmetric_difference(S(self), other); }

Object* m_symmetric_difference_update(Object* self, Object* other) {
  if (set_symmetric_difference_update_internal(S(self), other) < 0) return nullptr;
  return new_ref(None);
}

Object* m_issubset(Object* self, Object* other) {
  int r;
  if (anyset_check(other)) {
    r = set_issubset_internal(S(self), S(other));
  } else {
    Object* tmp = set_intersection(S(self), other);
    if (!tmp) return nullptr;
    r = S(tmp)->used == S(self)->used;
    decref(tmp);
  }
  if (r < 0) return nullptr;
  return new_ref(bool_from(r));
}

Object* m_issuperset(Object* self, Object* other) {
  if (anyset_check(other)) {
    int r = set_issubset_internal(S(other), S(self));
    if (r < 0) return nullptr;
    return new_ref(bool_from(r));
  }
  Object* it = object_get_iter(other);
  if (!it) return nullptr;
  for (;;) {
    Object* key = iter_next(it);
    if (!key) break;
    int rv = set_contains_key(S(self), key);
    decref(key);
    if (rv <= 0) {
      decref(it);
      if (rv < 0) return nullptr;
      return new_ref(False);
    }
  }
  decref(it);
  if (err_occurred()) return nullptr;
  return new_ref(True);
}

Object* m_isdisjoint(Object* self, Object* other) {
  SetObject* so = S(self);
  if (so == other) return new_ref(bool_from(so->used == 0));
  if (anyset_check(other)) {
    SetObject* a = so;
    SetObject* b = S(other);
    if (b->used > a->used) std::swap(a, b);
    ssize pos = 0;
    SetEntry* e;
    while (set_next_entry(b, &pos, &e)) {
      Object* key = new_ref(e->key);
      int rv = set_contains_entry(a, key, e->hash);
      decref(key);
      if (rv < 0) return nullptr;
      if (rv) return new_ref(False);
    }
    return new_ref(True);
  }
  Object* it = object_get_iter(other);
  if (!it) return nullptr;
  for (;;) {
    Object* key = iter_next(it);
    if (!key) break;
    int rv = set_contains_key(so, key);
    decref(key);
    if (rv != 0) {
      decref(it);
      if (rv < 0) return nullptr;
      return new_ref(False);
    }
  }
  decref(it);
  if (err_occurred()) return nullptr;
  return new_ref(True);
}

Object* m_contains(Object* self, Object* key) {
  int r = set_sq_contains(self, key);
  if (r < 0) return nullptr;
  return new_ref(bool_from(r));
}

Object* m_sizeof(Object* self, Object*) {
  SetObject* so = S(self);
  ssize res = sizeof(SetObject);
  if (so->table != so->smalltable) res += (so->mask + 1) * ssize(sizeof(SetEntry));
  return int_from_ssize(res);
}

Object* m_reduce(Object* self, Object*) {
  Object* keys = sequence_list(self);
  if (!keys) return nullptr;
  Object* args = tuple_pack({keys});
  decref(keys);
  if (!args) return nullptr;
  Object* state = nullptr;
  static Object* s_dict = str_intern_cstr("__dict__");
  if (object_lookup_attr(self, s_dict, &state) < 0) { decref(args); return nullptr; }
  Object* r = tuple_pack({reinterpret_cast<Object*>(self->type), args, state ? state : None});
  decref(args);
  xdecref(state);
  return r;
}

// --- operators ---

Object* set_sub(Object* a, Object* b) {
  if (!anyset_check(a) || !anyset_check(b)) return new_ref(NotImplemented);
  return set_difference(S(a), b);
}
Object* set_and(Object* a, Object* b) {
  if (!anyset_check(a) || !anyset_check(b)) return new_ref(NotImplemented);
  return set_intersection(S(a), b);
}
Object* set_xor(Object* a, Object* b) {
  if (!anyset_check(a) || !anyset_check(b)) return new_ref(NotImplemented);
  return set_symmetric_difference(S(a), b);
}
Object* set_or(Object* a, Object* b) {
  if (!anyset_check(a) || !anyset_check(b)) return new_ref(NotImplemented);
  Object* result = set_copy(a);
  if (!result) return nullptr;
  if (a == b) return result;
  if (set_update_internal(S(result), b) < 0) { decref(result); return nullptr; }
  return result;
}
Object* set_isub(Object* a, Object* b) {
  if (!anyset_check(b)) return new_ref(NotImplemented);
  if (set_difference_update_internal(S(a), b) < 0) return nullptr;
  return new_ref(a);
}
Object* set_iand(Object* a, Object* b) {
  if (!anyset_check(b)) return new_ref(NotImplemented);
  Object* tmp = set_intersection(S(a), b);
  if (!tmp) return nullptr;
  set_swap_bodies(S(a), S(tmp));
  decref(tmp);
  return new_ref(a);
}
Object* set_ixor(Object* a, Object* b) {
  if (!anyset_check(b)) return new_ref(NotImplemented);
  if (set_symmetric_difference_update_internal(S(a), b) < 0) return nullptr;
  return new_ref(a);
}
Object* set_ior(Object* a, Object* b) {
  if (!anyset_check(b)) return new_ref(NotImplemented);
  if (set_update_internal(S(a), b) < 0) return nullptr;
  return new_ref(a);
}

Object* set_richcompare(Object* v, Object* w, int op) {
  if (!anyset_check(w)) return new_ref(NotImplemented);
  SetObject* a = S(v);
  SetObject* b = S(w);
  int r;
  switch (op) {
    case kEQ:
    case kNE:
      if (a->used != b->used) r = 0;
      else if (a->hash != -1 && b->hash != -1 && a->hash != b->hash) r = 0;
      else r = set_issubset_internal(a, b);
      if (r < 0) return nullptr;
      if (op == kNE) r = !r;
      break;
    case kLE: r = set_issubset_internal(a, b); break;
    case kGE: r = set_issubset_internal(b, a); break;
    case kLT: r = a->used < b->used ? set_issubset_internal(a, b) : 0; break;
    case kGT: r = a->used > b->used ? set_issubset_internal(b, a) : 0; break;
    default: return new_ref(NotImplemented);
  }
  if (r < 0) return nullptr;
  return new_ref(bool_from(r));
}

// --- construction ---

Object* set_tp_new(Type* type, Object* args, Object* kwds) {
  if (type == &SetType && !container_no_kwargs("set", kwds)) return nullptr;
  return make_new_set(type, nullptr);
}

int set_init(Object* self, Object* args, Object* kwds) {
  if (!container_no_kwargs("set", kwds)) return -1;
  ssize nargs = tuple_size(args);
  if (!container_check_args("set", nargs, 0, 1)) return -1;
  if (S(self)->fill) set_clear_internal(S(self));
  S(self)->hash = -1;
  if (nargs == 0) return 0;
  return set_update_internal(S(self), tuple_get(args, 0));
}

Object* set_vectorcall(Object* type, Object* const* args, size_t nargsf, Object* kwnames) {
  if (!container_no_kwnames("set", kwnames)) return nullptr;
  ssize nargs = vectorcall_nargs(nargsf);
  if (!container_check_args("set", nargs, 0, 1)) return nullptr;
  return make_new_set(static_cast<Type*>(type), nargs ? args[0] : nullptr);
}

Object* frozenset_make(Type* type, Object* iterable) {
  if (type != &FrozenSetType) return make_new_set(type, iterable);
  if (iterable && iterable->type == &FrozenSetType) return new_ref(iterable);
  return make_new_set(type, iterable);
}

Object* frozenset_tp_new(Type* type, Object* args, Object* kwds) {
  if (type == &FrozenSetType && !container_no_kwargs("frozenset", kwds)) return nullptr;
  ssize nargs = tuple_size(args);
  if (!container_check_args("frozenset", nargs, 0, 1)) return nullptr;
  return frozenset_make(type, nargs ? tuple_get(args, 0) : nullptr);
}

Object* frozenset_vectorcall(Object* type, Object* const* args, size_t nargsf, Object* kwnames) {
  if (!container_no_kwnames("frozenset", kwnames)) return nullptr;
  ssize nargs = vectorcall_nargs(nargsf);
  if (!container_check_args("frozenset", nargs, 0, 1)) return nullptr;
  return frozenset_make(static_cast<Type*>(type), nargs ? args[0] : nullptr);
}

// --- set_iterator ---

struct SetIterObject : Object {
  Object* set;  // null once exhausted
  ssize used;
  ssize pos;
  ssize len;
};

Object* set_iter(Object* self) {
  auto* si = static_cast<SetIterObject*>(object_alloc(&SetIterType, sizeof(SetIterObject)));
  if (!si) return nullptr;
  si->set = new_ref(self);
  si->used = S(self)->used;
  si->pos = 0;
  si->len = S(self)->used;
  gc_track(si);
  return si;
}

void setiter_dealloc(Object* op) {
  gc_untrack(op);
  xdecref(static_cast<SetIterObject*>(op)->set);
  object_free(op);
}

int setiter_traverse(Object* op, VisitProc visit, void* arg) {
  Object* s = static_cast<SetIterObject*>(op)->set;
  return s ? visit(s, arg) : 0;
}

Object* setiter_next(Object* op) {
  auto* si = static_cast<SetIterObject*>(op);
  Object* s = si->set;
  if (!s) return nullptr;
  SetObject* so = S(s);
  if (si->used != so->used) {
    err_set_string(&exc::RuntimeError, "Set changed size during iteration");
    si->used = -1;
    return nullptr;
  }
  ssize i = si->pos;
  SetEntry* table = so->table;
  ssize mask = so->mask;
  while (i <= mask && (table[i].key == nullptr || table[i].key == dummy)) ++i;
  si->pos = i + 1;
  if (i > mask) {
    si->set = nullptr;
    decref(s);
    return nullptr;
  }
  si->len--;
  return new_ref(table[i].key);
}

Object* setiter_len(Object* op, Object*) {
  auto* si = static_cast<SetIterObject*>(op);
  ssize n = 0;
  if (si->set && si->used == S(si->set)->used) n = si->len;
  return int_from_ssize(n);
}

Object* self_iter(Object* self) { return new_ref(self); }

// (iter, (list of the remaining items,)) as CPython's setiter_reduce.
Object* setiter_reduce(Object* op, Object*) {
  auto* si = static_cast<SetIterObject*>(op);
  Object* remaining = list_new(0);
  if (!remaining) return nullptr;
  if (si->set) {
    Object* copy = set_iter(si->set);
    if (!copy) { decref(remaining); return nullptr; }
    auto* c = static_cast<SetIterObject*>(copy);
    c->used = si->used;
    c->pos = si->pos;
    c->len = si->len;
    int r = list_extend(remaining, copy);
    decref(copy);
    if (r < 0) { decref(remaining); return nullptr; }
  }
  Object* res = container_iter_reduce_seq(remaining);
  decref(remaining);
  return res;
}

const MethodDef setiter_methods[] = {
    {"__reduce__", reinterpret_cast<void*>(&setiter_reduce), kMethNoArgs, "Return state information for pickling."},
    {"__length_hint__", reinterpret_cast<void*>(&setiter_len), kMethNoArgs, "Private method returning an estimate of len(list(it))."},
    {nullptr, nullptr, 0, nullptr}};

#define M(f) reinterpret_cast<void*>(&f)
const MethodDef set_methods[] = {
    {"add", M(m_add), kMethO, "add($self, object, /)\n--\n\nAdd an element to a set.\n\nThis has no effect if the element is already present."},
    {"clear", M(m_clear), kMethNoArgs, "clear($self, /)\n--\n\nRemove all elements from this set."},
    {"__contains__", M(m_contains), kMethO | kMethCoexist, "__contains__($self, object, /)\n--\n\nx.__contains__(y) <==> y in x."},
    {"copy", M(m_copy), kMethNoArgs, "copy($self, /)\n--\n\nReturn a shallow copy of a set."},
    {"discard", M(m_discard), kMethO, "discard($self, object, /)\n--\n\nRemove an element from a set if it is a member.\n\nUnlike set.remove(), the discard() method does not raise\nan exception when an element is missing from the set."},
    {"difference", M(m_difference), kMethFastcall, "difference($self, /, *others)\n--\n\nReturn a new set with elements in the set that are not in the others."},
    {"difference_update", M(m_difference_update), kMethFastcall, "difference_update($self, /, *others)\n--\n\nUpdate the set, removing elements found in others."},
    {"intersection", M(m_intersection), kMethFastcall, "intersection($self, /, *others)\n--\n\nReturn a new set with elements common to the set and all others."},
    {"intersection_update", M(m_intersection_update), kMethFastcall, "intersection_update($self, /, *others)\n--\n\nUpdate the set, keeping only elements found in it and all others."},
    {"isdisjoint", M(m_isdisjoint), kMethO, "isdisjoint($self, other, /)\n--\n\nReturn True if two sets have a null intersection."},
    {"issubset", M(m_issubset), kMethO, "issubset($self, other, /)\n--\n\nReport whether another set contains this set."},
    {"issuperset", M(m_issuperset), kMethO, "issuperset($self, other, /)\n--\n\nReport whether this set contains another set."},
    {"pop", M(m_pop), kMethNoArgs, "pop($self, /)\n--\n\nRemove and return an arbitrary set element.\n\nRaises KeyError if the set is empty."},
    {"__reduce__", M(m_reduce), kMethNoArgs, "__reduce__($self, /)\n--\n\nReturn state information for pickling."},
    {"remove", M(m_remove), kMethO, "remove($self, object, /)\n--\n\nRemove an element from a set; it must be a member.\n\nIf the element is not a member, raise a KeyError."},
    {"__sizeof__", M(m_sizeof), kMethNoArgs, "__sizeof__($self, /)\n--\n\nS.__sizeof__() -> size of S in memory, in bytes."},
    {"symmetric_difference", M(m_symmetric_difference), kMethO, "symmetric_difference($self, other, /)\n--\n\nReturn a new set with elements in either the set or other but not both."},
    {"symmetric_difference_update", M(m_symmetric_difference_update), kMethO, "symmetric_difference_update($self, other, /)\n--\n\nUpdate the set, keeping only elements found in either set, but not in both."},
    {"union", M(m_union), kMethFastcall, "union($self, /, *others)\n--\n\nReturn a new set with elements from the set and all others."},
    {"update", M(m_update), kMethFastcall, "update($self, /, *others)\n--\n\nUpdate the set, adding elements from all others."},
    {"__class_getitem__", reinterpret_cast<void*>(&generic_alias_class_getitem), kMethO | kMethClass, "__class_getitem__($cls, item, /)\n--\n\nSee PEP 585"},  // genericalias area
    {nullptr, nullptr, 0, nullptr}};

const MethodDef frozenset_methods[] = {
    {"__contains__", M(m_contains), kMethO | kMethCoexist, "__contains__($self, object, /)\n--\n\nx.__contains__(y) <==> y in x."},
    {"copy", M(m_frozenset_copy), kMethNoArgs, "copy($self, /)\n--\n\nReturn a shallow copy of a set."},
    {"difference", M(m_difference), kMethFastcall, "difference($self, /, *others)\n--\n\nReturn a new set with elements in the set that are not in the others."},
    {"intersection", M(m_intersection), kMethFastcall, "intersection($self, /, *others)\n--\n\nReturn a new set with elements common to the set and all others."},
    {"isdisjoint", M(m_isdisjoint), kMethO, "isdisjoint($self, other, /)\n--\n\nReturn True if two sets have a null intersection."},
    {"issubset", M(m_issubset), kMethO, "issubset($self, other, /)\n--\n\nReport whether another set contains this set."},
    {"issuperset", M(m_issuperset), kMethO, "issuperset($self, other, /)\n--\n\nReport whether this set contains another set."},
    {"__reduce__", M(m_reduce), kMethNoArgs, "__reduce__($self, /)\n--\n\nReturn state information for pickling."},
    {"__sizeof__", M(m_sizeof), kMethNoArgs, "__sizeof__($self, /)\n--\n\nS.__sizeof__() -> size of S in memory, in bytes."},
    {"symmetric_difference", M(m_symmetric_difference), kMethO, "symmetric_difference($self, other, /)\n--\n\nReturn a new set with elements in either the set or other but not both."},
    {"union", M(m_union), kMethFastcall, "union($self, /, *others)\n--\n\nReturn a new set with elements from the set and all others."},
    {"__class_getitem__", reinterpret_cast<void*>(&generic_alias_class_getitem), kMethO | kMethClass, "__class_getitem__($cls, item, /)\n--\n\nSee PEP 585"},  // genericalias area
    {nullptr, nullptr, 0, nullptr}};
#undef M

NumberMethods set_as_number = [] {
  NumberMethods n{};
  n.nb_subtract = set_sub;
  n.nb_and = set_and;
  n.nb_xor = set_xor;
  n.nb_or = set_or;
  n.nb_inplace_subtract = set_isub;
  n.nb_inplace_and = set_iand;
  n.nb_inplace_xor = set_ixor;
  n.nb_inplace_or = set_ior;
  return n;
}();
NumberMethods frozenset_as_number = [] {
  NumberMethods n{};
  n.nb_subtract = set_sub;
  n.nb_and = set_and;
  n.nb_xor = set_xor;
  n.nb_or = set_or;
  return n;
}();
SequenceMethods set_as_sequence = {set_len, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr, set_sq_contains, nullptr, nullptr};

}  // namespace

void init_set_types() {
  for (Type* tp : {&SetType, &FrozenSetType}) {
    Type& t = *tp;
    t.tp_basicsize = sizeof(SetObject);
    t.tp_dealloc = set_dealloc;
    t.tp_repr = set_repr;
    t.tp_as_sequence = &set_as_sequence;
    t.tp_getattro = object_generic_getattr;
    t.tp_flags = kTpflagsDefault | kTpflagsHaveGC | kTpflagsBaseType | kTpflagsMatchSelf;
    t.tp_traverse = set_traverse;
    t.tp_clear = set_tp_clear;
    t.tp_richcompare = set_richcompare;
    t.tp_weaklistoffset = offsetof(SetObject, weakreflist);
    t.tp_iter = set_iter;
    t.tp_base = &ObjectType;
    t.tp_alloc = type_generic_alloc;
  }
  SetType.tp_name = "set";
  SetType.tp_as_number = &set_as_number;
  SetType.tp_hash = hash_not_implemented;
  SetType.tp_doc = "Build an unordered collection of unique elements.";
  SetType.tp_methods = set_methods;
  SetType.tp_init = set_init;
  SetType.tp_new = set_tp_new;
  SetType.tp_vectorcall = set_vectorcall;
  FrozenSetType.tp_name = "frozenset";
  FrozenSetType.tp_as_number = &frozenset_as_number;
  FrozenSetType.tp_hash = frozenset_hash;
  FrozenSetType.tp_doc = "Build an immutable unordered collection of unique elements.";
  FrozenSetType.tp_methods = frozenset_methods;
  FrozenSetType.tp_new = frozenset_tp_new;
  FrozenSetType.tp_vectorcall = frozenset_vectorcall;

  Type& it = SetIterType;
  it.tp_name = "set_iterator";
  it.tp_basicsize = sizeof(SetIterObject);
  it.tp_dealloc = setiter_dealloc;
  it.tp_getattro = object_generic_getattr;
  it.tp_flags = kTpflagsDefault | kTpflagsHaveGC | kTpflagsImmutableType | kTpflagsDisallowInstantiation;
  it.tp_traverse = setiter_traverse;
  it.tp_iter = self_iter;
  it.tp_iternext = setiter_next;
  it.tp_methods = setiter_methods;
  it.tp_base = &ObjectType;
}

}  // namespace pyxx
