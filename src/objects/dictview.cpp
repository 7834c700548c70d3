// dict views (dict_keys, dict_values, dict_items) and the six dict iterator
// types, with CPython's set operations on keys/items views and the
// "dictionary changed size during iteration" checks.
#include "core/alloc.h"
#include "core/state.h"
#include "objects/container_util.h"
#include "objects/dict_internal.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/mappingproxy.h"
#include "objects/set.h"
#include "objects/singletons.h"
#include "objects/tuple.h"

namespace pyxx {

Type DictKeysType, DictValuesType, DictItemsType;
Type DictKeyIterType, DictValueIterType, DictItemIterType;
Type DictRevKeyIterType, DictRevValueIterType, DictRevItemIterType;

namespace {

struct DictIterObject : Object {
  Object* dict;    // null once exhausted
  ssize used;      // dict size when created (-1 after a size-change error)
  ssize pos;
  Object* result;  // reusable 2-tuple for item iterators
  ssize len;
};

struct DictViewObject : Object {
  Object* dict;
};

enum class IterKind { Keys, Values, Items };
PYXX_ALWAYS_INLINE IterKind kind_of(Type* t) {
  if (t == &DictKeyIterType || t == &DictRevKeyIterType) return IterKind::Keys;
  if (t == &DictValueIterType || t == &DictRevValueIterType) return IterKind::Values;
  return IterKind::Items;
}
PYXX_ALWAYS_INLINE bool is_reverse(Type* t) {
  return t == &DictRevKeyIterType || t == &DictRevValueIterType || t == &DictRevItemIterType;
}

void dictiter_dealloc(Object* op) {
  auto* di = static_cast<DictIterObject*>(op);
  gc_untrack(op);
  xdecref(di->dict);
  xdecref(di->result);
  object_free(op);
}

int dictiter_traverse(Object* op, VisitProc visit, void* arg) {
  auto* di = static_cast<DictIterObject*>(op);
  if (di->dict) if (int r = visit(di->dict, arg)) return r;
  if (di->result) if (int r = visit(di->result, arg)) return r;
  return 0;
}

Object* make_item(DictIterObject* di, Object* key, Object* value) {
  Object* r = di->result;
  if (r && r->refcnt == 1) {
    // Reuse the tuple the caller already dropped.
    Object* ok = tuple_get(r, 0);
    Object* ov = tuple_get(r, 1);
    tuple_init_item(r, 0, new_ref(key));
    tuple_init_item(r, 1, new_ref(value));
    static_cast<TupleObject*>(r)->hash_cache = -1;  // the tuple is reused: drop its cached hash
    decref(ok);
    decref(ov);
    return new_ref(r);
  }
  return tuple_pack({key, value});
}

Object* dictiter_next(Object* op) {
  auto* di = static_cast<DictIterObject*>(op);
  Object* d = di->dict;
  if (!d) return nullptr;
  DictObject* mp = as_dict(d);
  if (di->used != mp->used) {
    err_set_string(&exc::RuntimeError, "dictionary changed size during iteration");
    di->used = -1;
    return nullptr;
  }
  DictKeys* k = mp->keys;
  DictEntry* ep = dk_entries(k);
  ssize i = di->pos;
  ssize n = k->nentries;
  while (i < n && ep[i].value == nullptr) ++i;
  if (i >= n) {
    di->dict = nullptr;
    decref(d);
    return nullptr;
  }
  if (di->len == 0) {
    err_set_string(&exc::RuntimeError, "dictionary keys changed during iteration");
    di->dict = nullptr;
    decref(d);
    return nullptr;
  }
  di->pos = i + 1;
  di->len--;
  switch (kind_of(op->type)) {
    case IterKind::Keys: return new_ref(ep[i].key);
    case IterKind::Values: return new_ref(ep[i].value);
    default: return make_item(di, ep[i].key, ep[i].value);
  }
}

Object* dictreviter_next(Object* op) {
  auto* di = static_cast<DictIterObject*>(op);
  Object* d = di->dict;
  if (!d) return nullptr;
  DictObject* mp = as_dict(d);
  if (di->used != mp->used) {
    err_set_string(&exc::RuntimeError, "dictionary changed size during iteration");
    di->used = -1;
    return nullptr;
  }
  DictKeys* k = mp->keys;
  DictEntry* ep = dk_entries(k);
  ssize i = di->pos;
  if (i >= k->nentries) i = k->nentries - 1;
  while (i >= 0 && ep[i].value == nullptr) --i;
  if (i < 0) {
    di->pos = -1;
    di->dict = nullptr;
    decref(d);
    return nullptr;
  }
  di->pos = i - 1;
  di->len--;
  switch (kind_of(op->type)) {
    case IterKind::Keys: return new_ref(ep[i].key);
    case IterKind::Values: return new_ref(ep[i].value);
    default: return make_item(di, ep[i].key, ep[i].value);
  }
}

Object* dictiter_len(Object* op, Object*) {
  auto* di = static_cast<DictIterObject*>(op);
  ssize n = 0;
  if (di->dict && di->used == as_dict(di->dict)->used) n = di->len;
  return int_from_ssize(n);
}

Object* self_iter(Object* self) { return new_ref(self); }

// (iter, (list of the remaining items,)) as CPython's dictiter_reduce.
Object* dictiter_reduce(Object* op, Object*) {
  auto* di = static_cast<DictIterObject*>(op);
  Object* remaining = list_new(0);
  if (!remaining) return nullptr;
  if (di->dict) {
    Object* copy = dictiter_new(di->dict, op->type);
    if (!copy) { decref(remaining); return nullptr; }
    auto* c = static_cast<DictIterObject*>(copy);
    c->used = di->used;
    c->pos = di->pos;
    c->len = di->len;
    int r = list_extend(remaining, copy);
    decref(copy);
    if (r < 0) { decref(remaining); return nullptr; }
  }
  Object* res = container_iter_reduce_seq(remaining);
  decref(remaining);
  return res;
}

const MethodDef dictiter_methods[] = {
    {"__reduce__", reinterpret_cast<void*>(&dictiter_reduce), kMethNoArgs, "Return state information for pickling."},
    {"__length_hint__", reinterpret_cast<void*>(&dictiter_len), kMethNoArgs, "Private method returning an estimate of len(list(it))."},
    {nullptr, nullptr, 0, nullptr}};

// ---------------------------------------------------------------- views

void dictview_dealloc(Object* op) {
  gc_untrack(op);
  xdecref(static_cast<DictViewObject*>(op)->dict);
  object_free(op);
}

int dictview_traverse(Object* op, VisitProc visit, void* arg) {
  Object* d = static_cast<DictViewObject*>(op)->dict;
  return d ? visit(d, arg) : 0;
}

PYXX_ALWAYS_INLINE Object* view_dict(Object* v) { return static_cast<DictViewObject*>(v)->dict; }

ssize dictview_len(Object* self) { return dict_size(view_dict(self)); }

Object* dictview_repr(Object* self) {
  int st = repr_enter(self);
  if (st != 0) return st > 0 ? str_from_cstr("...") : nullptr;
  Object* result = nullptr;
  Object* seq = sequence_list(self);
  if (seq) {
    result = str_from_format("%s(%R)", self->type->tp_name, seq);
    decref(seq);
  }
  repr_leave(self);
  return result;
}

Object* keys_iter(Object* self) { return dictiter_new(view_dict(self), &DictKeyIterType); }
Object* values_iter(Object* self) { return dictiter_new(view_dict(self), &DictValueIterType); }
Object* items_iter(Object* self) { return dictiter_new(view_dict(self), &DictItemIterType); }
Object* keys_reversed(Object* self, Object*) { return dictiter_new(view_dict(self), &DictRevKeyIterType); }
Object* values_reversed(Object* self, Object*) { return dictiter_new(view_dict(self), &DictRevValueIterType); }
Object* items_reversed(Object* self, Object*) { return dictiter_new(view_dict(self), &DictRevItemIterType); }

int keys_contains(Object* self, Object* key) { return dict_contains(view_dict(self), key); }

int items_contains(Object* self, Object* obj) {
  if (!tuple_check(obj) || tuple_size(obj) != 2) return 0;
  Object* key = tuple_get(obj, 0);
  Object* value = tuple_get(obj, 1);
  Object* found = nullptr;
  int r = dict_getitem_ref(view_dict(self), key, &found);
  if (r <= 0) return r;
  r = object_richcompare_bool(found, value, kEQ);
  decref(found);
  return r;
}

bool is_set_view(Object* o) { return o->type == &DictKeysType || o->type == &DictItemsType; }

// 1 if every element of `self` is in `other`.
int all_contained_in(Object* self, Object* other) {
  Object* it = object_get_iter(self);
  if (!it) return -1;
  int ok = 1;
  for (;;) {
    Object* next = iter_next(it);
    if (!next) { if (err_occurred()) ok = -1; break; }
    ok = sequence_contains(other, next);
    decref(next);
    if (ok <= 0) break;
  }
  decref(it);
  return ok;
}

Object* dictview_richcompare(Object* self, Object* other, int op) {
  if (!anyset_check(other) && !is_set_view(other)) return new_ref(NotImplemented);
  ssize len_self = object_length(self);
  if (len_self < 0) return nullptr;
  ssize len_other = object_length(other);
  if (len_other < 0) return nullptr;
  int ok = 0;
  switch (op) {
    case kNE:
    case kEQ:
      if (len_self == len_other) ok = all_contained_in(self, other);
      if (op == kNE && ok >= 0) ok = !ok;
      break;
    case kLT:
      if (len_self < len_other) ok = all_contained_in(self, other);
      break;
    case kLE:
      if (len_self <= len_other) ok = all_contained_in(self, other);
      break;
    case kGT:
      if (len_self > len_other) ok = all_contained_in(other, self);
      break;
    case kGE:
      if (len_self >= len_other) ok = all_contained_in(other, self);
      break;
  }
  if (ok < 0) return nullptr;
  return new_ref(bool_from(ok));
}

// set(view); a keys view of an exact dict converts from the dict itself,
// which takes set's presizing dict path (CPython's dictviews_to_set).
Object* dictviews_to_set(Object* self) {
  Object* left = self;
  if (self->type == &DictKeysType && dict_check_exact(view_dict(self))) left = view_dict(self);
  return set_new(left);
}

Object* set_method(Object* left, const char* method, Object* other) {
  Object* result = dictviews_to_set(left);
  if (!result) return nullptr;
  Object* tmp = call_method_str(result, method, {other});
  if (!tmp) { decref(result); return nullptr; }
  decref(tmp);
  return result;
}

Object* dictviews_sub(Object* self, Object* other) { return set_method(self, "difference_update", other); }
Object* dictviews_or(Object* self, Object* other) {
  Object* result = dictviews_to_set(self);
  if (!result) return nullptr;
  if (set_update(result, other) < 0) { decref(result); return nullptr; }
  return result;
}
// items ^ items: pairs of d2 not equal in d1 first, then d1's remaining pairs.
Object* dictitems_xor(Object* d1, Object* d2) {
  Object* temp = dict_copy(d1);
  if (!temp) return nullptr;
  Object* result = set_new(nullptr);
  if (!result) { decref(temp); return nullptr; }
  ssize pos = 0;
  Object *key, *val2;
  Hash hash;
  while (dict_next(d2, &pos, &key, &val2, &hash)) {
    incref(key);
    incref(val2);
    Object* val1 = xnew_ref(dict_getitem_known_hash(temp, key, hash));
    int to_delete = 0;
    bool ok = !err_occurred();
    if (ok && val1) {
      to_delete = object_richcompare_bool(val1, val2, kEQ);
      ok = to_delete >= 0;
    }
    if (ok) {
      if (to_delete) {
        ok = dict_delitem(temp, key) == 0;
      } else {
        Object* pair = tuple_pack({key, val2});
        ok = pair && set_add(result, pair) == 0;
        xdecref(pair);
      }
    }
    decref(key);
    xdecref(val1);
    decref(val2);
    if (!ok) { decref(temp); decref(result); return nullptr; }
  }
  Object* remaining = dictview_new(temp, &DictItemsType);
  int r = remaining ? set_update(result, remaining) : -1;
  xdecref(remaining);
  decref(temp);
  if (r < 0) { decref(result); return nullptr; }
  return result;
}

Object* dictviews_xor(Object* self, Object* other) {
  if (self->type == &DictItemsType && other->type == &DictItemsType)
    return dictitems_xor(view_dict(self), view_dict(other));
  return set_method(self, "symmetric_difference_update", other);
}

Object* dictviews_and(Object* self, Object* other) {
  // The interpreter swaps operands when the view is on the right.
  if (!is_set_view(self)) std::swap(self, other);
  ssize len_self = dictview_len(self);
  if (other->type == &SetType) {
    ssize len_other = object_length(other);
    if (len_other < 0) return nullptr;
    if (len_self <= len_other) return call_method_str(other, "intersection", {self});
  }
  if (is_set_view(other)) {
    ssize len_other = dictview_len(other);
    if (len_other > len_self) std::swap(self, other);
  }
  Object* result = set_new(nullptr);
  if (!result) return nullptr;
  Object* it = object_get_iter(other);
  if (!it) { decref(result); return nullptr; }
  bool keys = self->type == &DictKeysType;
  for (;;) {
    Object* key = iter_next(it);
    if (!key) break;
    int r = keys ? keys_contains(self, key) : items_contains(self, key);
    if (r > 0) r = set_add(result, key);
    decref(key);
    if (r < 0) { decref(it); decref(result); return nullptr; }
  }
  decref(it);
  if (err_occurred()) { decref(result); return nullptr; }
  return result;
}

Object* dictviews_isdisjoint(Object* self, Object* other) {
  if (self == other) return new_ref(bool_from(dictview_len(self) == 0));
  // Iterate over the shorter object when both sizes are known.
  if (anyset_check(other) || is_set_view(other)) {
    ssize len_self = dictview_len(self);
    ssize len_other = object_length(other);
    if (len_other < 0) return nullptr;
    if (len_other > len_self) std::swap(self, other);
  }
  Object* it = object_get_iter(other);
  if (!it) return nullptr;
  for (;;) {
    Object* item = iter_next(it);
    if (!item) break;
    int c = sequence_contains(self, item);
    decref(item);
    if (c < 0) { decref(it); return nullptr; }
    if (c) { decref(it); return new_ref(False); }
  }
  decref(it);
  if (err_occurred()) return nullptr;
  return new_ref(True);
}

Object* dictview_mapping(Object* self, void*) { return mappingproxy_new(view_dict(self)); }

const GetSetDef dictview_getset[] = {
    {"mapping", dictview_mapping, nullptr, "dictionary that this view refers to", nullptr},
    {nullptr, nullptr, nullptr, nullptr, nullptr}};

#define M(f) reinterpret_cast<void*>(&f)
const MethodDef keys_methods[] = {
    {"isdisjoint", M(dictviews_isdisjoint), kMethO, "Return True if the view and the given iterable have a null intersection."},
    {"__reversed__", M(keys_reversed), kMethNoArgs, "Return a reverse iterator over the dict keys."},
    {nullptr, nullptr, 0, nullptr}};
const MethodDef items_methods[] = {
    {"isdisjoint", M(dictviews_isdisjoint), kMethO, "Return True if the view and the given iterable have a null intersection."},
    {"__reversed__", M(items_reversed), kMethNoArgs, "Return a reverse iterator over the dict items."},
    {nullptr, nullptr, 0, nullptr}};
const MethodDef values_methods[] = {
    {"__reversed__", M(values_reversed), kMethNoArgs, "Return a reverse iterator over the dict values."},
    {nullptr, nullptr, 0, nullptr}};
#undef M

NumberMethods view_as_number = [] {
  NumberMethods n{};
  n.nb_subtract = dictviews_sub;
  n.nb_and = dictviews_and;
  n.nb_xor = dictviews_xor;
  n.nb_or = dictviews_or;
  return n;
}();
SequenceMethods keys_as_sequence = {dictview_len, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr, keys_contains, nullptr, nullptr};
SequenceMethods items_as_sequence = {dictview_len, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr, items_contains, nullptr, nullptr};
SequenceMethods values_as_sequence = {dictview_len, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr};

}  // namespace

Object* dictiter_new(Object* d, Type* type) {
  auto* di = static_cast<DictIterObject*>(object_alloc(type, sizeof(DictIterObject)));
  if (!di) return nullptr;
  DictObject* mp = as_dict(d);
  di->dict = new_ref(d);
  di->used = mp->used;
  di->len = mp->used;
  di->pos = is_reverse(type) ? mp->keys->nentries - 1 : 0;
  di->result = nullptr;
  if (kind_of(type) == IterKind::Items) {
    di->result = tuple_pack({None, None});
    if (!di->result) { decref(di); return nullptr; }
  }
  gc_track(di);
  return di;
}

Object* dictview_new(Object* d, Type* type) {
  auto* dv = static_cast<DictViewObject*>(object_alloc(type, sizeof(DictViewObject)));
  if (!dv) return nullptr;
  dv->dict = new_ref(d);
  gc_track(dv);
  return dv;
}

void init_dictview_types() {
  struct IterSpec { Type* t; const char* name; bool rev; };
  for (IterSpec s : {IterSpec{&DictKeyIterType, "dict_keyiterator", false}, IterSpec{&DictValueIterType, "dict_valueiterator", false},
                     IterSpec{&DictItemIterType, "dict_itemiterator", false}, IterSpec{&DictRevKeyIterType, "dict_reversekeyiterator", true},
                     IterSpec{&DictRevValueIterType, "dict_reversevalueiterator", true},
                     IterSpec{&DictRevItemIterType, "dict_reverseitemiterator", true}}) {
    Type& t = *s.t;
    t.tp_name = s.name;
    t.tp_basicsize = sizeof(DictIterObject);
    t.tp_dealloc = dictiter_dealloc;
    t.tp_getattro = object_generic_getattr;
    t.tp_flags = kTpflagsDefault | kTpflagsHaveGC | kTpflagsImmutableType | kTpflagsDisallowInstantiation;
    t.tp_traverse = dictiter_traverse;
    t.tp_iter = self_iter;
    t.tp_iternext = s.rev ? dictreviter_next : dictiter_next;
    t.tp_methods = dictiter_methods;
    t.tp_base = &ObjectType;
  }
  struct ViewSpec { Type* t; const char* name; SequenceMethods* sq; GetIterFunc iter; const MethodDef* methods; bool setlike; };
  for (ViewSpec s : {ViewSpec{&DictKeysType, "dict_keys", &keys_as_sequence, keys_iter, keys_methods, true},
                     ViewSpec{&DictItemsType, "dict_items", &items_as_sequence, items_iter, items_methods, true},
                     ViewSpec{&DictValuesType, "dict_values", &values_as_sequence, values_iter, values_methods, false}}) {
    Type& t = *s.t;
    t.tp_name = s.name;
    t.tp_basicsize = sizeof(DictViewObject);
    t.tp_dealloc = dictview_dealloc;
    t.tp_repr = dictview_repr;
    t.tp_as_sequence = s.sq;
    t.tp_getattro = object_generic_getattr;
    t.tp_flags = kTpflagsDefault | kTpflagsHaveGC | kTpflagsImmutableType | kTpflagsDisallowInstantiation;
    t.tp_traverse = dictview_traverse;
    t.tp_iter = s.iter;
    t.tp_methods = s.methods;
    t.tp_getset = dictview_getset;
    t.tp_base = &ObjectType;
    if (s.setlike) {
      t.tp_as_number = &view_as_number;
      t.tp_richcompare = dictview_richcompare;
      t.tp_hash = hash_not_implemented;
    }
  }
}

}  // namespace pyxx
