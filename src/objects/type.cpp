// The `type` type: type_ready for static types, MRO (C3), slot inheritance,
// the method cache (version tags), type attribute access and type.__call__.
// Class creation (type.__new__) lives in type_new.cpp; the slot table and slot
// functions in type_slots.cpp.
#include <cstring>
#include "core/abstract.h"
#include "core/alloc.h"
#include "core/error.h"
#include "core/state.h"
#include "objects/dict.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/mappingproxy.h"
#include "objects/method.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type_internal.h"

namespace pyxx {

Type TypeType;
TypeNames g_names;

Object* intern_cstr(const char* s) {
  Object* r = str_intern_cstr(s);
  return r;  // immortal interned: the extra reference is harmless
}

void type_names_init() {
  if (g_names.__name__) return;
#define N(x) g_names.x = intern_cstr(#x);
  N(__name__) N(__qualname__) N(__module__) N(__doc__) N(__dict__) N(__slots__) N(__weakref__)
  N(__init__) N(__new__) N(__class__) N(__classcell__) N(__classdictcell__) N(__init_subclass__)
  N(__set_name__) N(__getattr__) N(__getattribute__) N(__hash__) N(__eq__) N(__mro_entries__)
  N(__prepare__) N(__instancecheck__) N(__subclasscheck__) N(__class_getitem__) N(__bool__)
  N(__len__) N(__index__) N(__int__) N(__float__) N(__format__) N(__call__) N(__iter__) N(__next__)
  N(__repr__) N(__str__) N(__dir__) N(__get__) N(__set__) N(__delete__) N(__del__) N(mro)
  N(__firstlineno__) N(__static_attributes__) N(__abstractmethods__) N(__isabstractmethod__)
  N(builtins) N(__length_hint__) N(__contains__) N(__getitem__) N(__trunc__) N(__wrapped__)
  N(keys) N(__orig_bases__) N(__text_signature__)
#undef N
}

// ---------------------------------------------------------------- basics

const char* type_name(const Type* t) {
  if (type_has_flag(t, kTpflagsHeapType)) {
    Object* n = static_cast<const HeapType*>(t)->ht_name;
    if (n) return str_as_utf8(n);
    return t->tp_name;
  }
  const char* s = strrchr(t->tp_name, '.');
  return s ? s + 1 : t->tp_name;
}

bool type_is_subtype(Type* a, Type* b) {
  if (a == b) return true;
  Object* mro = a->tp_mro;
  if (mro) {
    ssize n = tuple_size(mro);
    Object** items = tuple_items(mro);
    for (ssize i = 0; i < n; i++)
      if (items[i] == b) return true;
    return false;
  }
  // Not yet readied: walk tp_base.
  for (Type* t = a; t; t = t->tp_base)
    if (t == b) return true;
  return b == &ObjectType;
}

// ---------------------------------------------------------------- version tags & cache

bool type_assign_version_tag(Type* type) {
  if (type->tp_version_tag) return true;
  if (!type_has_flag(type, kTpflagsReady) && !type_has_flag(type, kTpflagsReadying)) return false;
  // Bases need tags too: type_modified on a tagless base would not reach us.
  if (Object* mro = type->tp_mro) {
    for (ssize i = 1; i < tuple_size(mro); i++)
      if (!type_assign_version_tag(static_cast<Type*>(tuple_get(mro, i)))) return false;
  }
  Interpreter* interp = interp_get();
  if (interp->next_version_tag == 0) interp->next_version_tag = 1;
  if (interp->next_version_tag == 0xFFFFFFFFu) return false;
  type->tp_version_tag = interp->next_version_tag++;
  type->tp_flags |= kTpflagsValidVersionTag;
  return true;
}

static void for_each_subclass(Type* type, void (*fn)(Type*)) {
  Object* subs = type->tp_subclasses;
  if (!subs) return;
  ssize pos = 0;
  Object *k, *v;
  while (dict_next(subs, &pos, &k, &v)) fn(reinterpret_cast<Type*>(static_cast<intptr_t>(int_compact_value(v))));
}

void type_modified(Type* type) {
  if (type->tp_version_tag == 0) return;
  for_each_subclass(type, type_modified);
  type->tp_version_tag = 0;
  type->tp_flags &= ~kTpflagsValidVersionTag;
}

int type_add_subclass(Type* base, Type* sub) {
  if (!base->tp_subclasses) {
    base->tp_subclasses = dict_new();
    if (!base->tp_subclasses) return -1;
  }
  Ref<> key = steal(int_from_i64(reinterpret_cast<intptr_t>(sub)));
  if (!key) return -1;
  return dict_setitem(base->tp_subclasses, key.get(), key.get());
}

void type_remove_subclass(Type* base, Type* sub) {
  if (!base->tp_subclasses) return;
  Ref<> key = steal(int_from_i64(reinterpret_cast<intptr_t>(sub)));
  if (!key) { err_clear(); return; }
  Object* exc = err_get_raised();
  Ref<> out;
  if (dict_pop(base->tp_subclasses, key.get(), out.out()) < 0) err_clear();
  if (exc) err_set_raised(exc);
}

static Object* find_name_in_mro(Type* type, Object* name, int* error) {
  *error = 0;
  Hash h;
  if (str_check_exact(name) && as_str(name)->hash != -1) {
    h = as_str(name)->hash;
  } else {
    h = object_hash(name);
    if (h == -1) { *error = -1; return nullptr; }
  }
  Object* mro = type->tp_mro;
  if (!mro) {
    // Readying: look at the type and its bases' chain.
    for (Type* t = type; t; t = t->tp_base) {
      if (!t->tp_dict) continue;
      Object* r = dict_getitem_known_hash(t->tp_dict, name, h);
      if (r) return r;
      if (err_occurred()) { *error = -1; return nullptr; }
    }
    return nullptr;
  }
  Ref<> keep = borrow(mro);
  ssize n = tuple_size(mro);
  for (ssize i = 0; i < n; i++) {
    Type* base = static_cast<Type*>(tuple_get(mro, i));
    Object* dict = base->tp_dict;
    if (!dict) continue;
    Object* r = dict_getitem_known_hash(dict, name, h);
    if (r) return r;
    if (err_occurred()) { *error = -1; return nullptr; }
  }
  return nullptr;
}

static inline unsigned cache_index(unsigned version, Object* name) {
  return (version ^ static_cast<unsigned>(reinterpret_cast<uintptr_t>(name) >> 4)) &
         (Interpreter::kMethodCacheSize - 1);
}

Object* type_lookup_slow(Type* type, Object* name) {
  Interpreter* interp = interp_get();
  unsigned v;
  int error;
  Object* res = find_name_in_mro(type, name, &error);
  if (error) { err_clear(); return nullptr; }
  if (str_check_exact(name) && type_assign_version_tag(type)) {
    v = type->tp_version_tag;
    auto& e = interp->method_cache[cache_index(v, name)];
    e.version = v;
    Object* old = e.name;
    e.name = new_ref(name);
    xdecref(old);
    e.value = res;
  }
  return res;
}

int type_lookup_ref(Type* type, Object* name, Object** result) {
  int error;
  Object* r;
  unsigned v = type->tp_version_tag;
  if (v) {
    auto& e = interp_get()->method_cache[cache_index(v, name)];
    if (e.version == v && e.name == name) { *result = xnew_ref(e.value); return e.value ? 1 : 0; }
  }
  r = find_name_in_mro(type, name, &error);
  if (error) { *result = nullptr; return -1; }
  *result = xnew_ref(r);
  return r ? 1 : 0;
}

// ---------------------------------------------------------------- allocation

Object* type_generic_alloc(Type* type, ssize nitems) {
  size_t size = size_t(type->tp_basicsize) + size_t(nitems + 1) * size_t(type->tp_itemsize);
  size = (size + 7) & ~size_t(7);
  // Room for a __dict__ slot placed after the items (tp_dictoffset < 0).
  if (type->tp_dictoffset < 0) size += sizeof(Object*) + 8;
  Object* obj = object_alloc_zeroed(type, size);
  if (!obj) return nullptr;
  if (type->tp_itemsize) static_cast<VarObject*>(obj)->size = nitems;
  if (type_has_flag(type, kTpflagsHaveGC)) gc_track(obj);
  return obj;
}

Object* type_generic_new(Type* type, Object* args, Object* kwds) {
  return type->tp_alloc(type, 0);
}

// ---------------------------------------------------------------- MRO

static Object* class_name_of(Object* cls) {
  Object* r = nullptr;
  if (object_lookup_attr(cls, g_names.__name__, &r) == 0 || (!r && err_occurred())) {
    err_clear();
    r = object_repr(cls);
  }
  return r;
}

static void set_mro_error(Object** to_merge, ssize n, ssize* remain) {
  // Names of the heads that could not be merged, in order, without duplicates.
  Ref<> seen = steal(dict_new());
  if (!seen) return;
  StrBuilder sb;
  bool first = true;
  bool ok = sb.append_ascii("Cannot create a consistent method resolution order (MRO) for bases");
  for (ssize i = 0; ok && i < n; i++) {
    Object* L = to_merge[i];
    if (remain[i] < tuple_size(L)) {
      Object* c = tuple_get(L, remain[i]);
      int has = dict_contains(seen.get(), c);
      if (has < 0) return;
      if (has) continue;
      if (dict_setitem(seen.get(), c, None) < 0) return;
      Ref<> nm = steal(class_name_of(c));
      if (!nm) return;
      ok = sb.append_ascii(first ? " " : ", ") && sb.append_str(nm.get());
      first = false;
    }
  }
  if (!ok) return;
  Ref<> msg = steal(sb.finish());
  if (msg) err_set_object(&exc::TypeError, msg.get());
}

static bool tail_contains(Object* list, ssize whence, Object* o) {
  for (ssize j = whence + 1; j < tuple_size(list); j++)
    if (tuple_get(list, j) == o) return true;
  return false;
}

static int check_duplicates(Object* tuple) {
  ssize n = tuple_size(tuple);
  for (ssize i = 0; i < n; i++) {
    Object* o = tuple_get(tuple, i);
    for (ssize j = i + 1; j < n; j++) {
      if (tuple_get(tuple, j) == o) {
        Ref<> nm = steal(class_name_of(o));
        if (!nm) return -1;
        err_format(&exc::TypeError, "duplicate base class %U", nm.get());
        return -1;
      }
    }
  }
  return 0;
}

Object* mro_compute_c3(Type* type) {
  Object* bases = type->tp_bases;
  ssize n = tuple_size(bases);
  if (n == 1) {
    // Single inheritance: [type] + base.__mro__.
    Type* base = static_cast<Type*>(tuple_get(bases, 0));
    Object* bm = base->tp_mro;
    if (!bm) return err_format(&exc::TypeError, "Cannot extend an incomplete type '%.100s'", base->tp_name);
    ssize k = tuple_size(bm);
    Object* r = tuple_new(k + 1);
    if (!r) return nullptr;
    tuple_init_item(r, 0, new_ref<Object>(type));
    for (ssize i = 0; i < k; i++) tuple_init_item(r, i + 1, new_ref(tuple_get(bm, i)));
    return r;
  }
  if (check_duplicates(bases) < 0) return nullptr;
  // to_merge = [b.__mro__ for b in bases] + [bases]
  ssize m = n + 1;
  Object** to_merge = static_cast<Object**>(mem_alloc(sizeof(Object*) * m));
  ssize* remain = static_cast<ssize*>(mem_calloc(m, sizeof(ssize)));
  if (!to_merge || !remain) { mem_free(to_merge); mem_free(remain); return err_no_memory(); }
  for (ssize i = 0; i < n; i++) {
    Type* b = static_cast<Type*>(tuple_get(bases, i));
    if (!b->tp_mro) {
      mem_free(to_merge); mem_free(remain);
      return err_format(&exc::TypeError, "Cannot extend an incomplete type '%.100s'", b->tp_name);
    }
    to_merge[i] = b->tp_mro;
  }
  to_merge[n] = bases;
  Ref<> result = steal(list_new(0));
  if (!result || list_append(result.get(), type) < 0) { mem_free(to_merge); mem_free(remain); return nullptr; }
  for (;;) {
    bool empty = true;
    bool found = false;
    for (ssize i = 0; i < m; i++) {
      Object* L = to_merge[i];
      if (remain[i] >= tuple_size(L)) continue;
      empty = false;
      Object* cand = tuple_get(L, remain[i]);
      bool bad = false;
      for (ssize j = 0; j < m; j++)
        if (remain[j] < tuple_size(to_merge[j]) && tail_contains(to_merge[j], remain[j], cand)) { bad = true; break; }
      if (bad) continue;
      if (list_append(result.get(), cand) < 0) { mem_free(to_merge); mem_free(remain); return nullptr; }
      for (ssize j = 0; j < m; j++)
        if (remain[j] < tuple_size(to_merge[j]) && tuple_get(to_merge[j], remain[j]) == cand) remain[j]++;
      found = true;
      break;
    }
    if (empty) break;
    if (!found) {
      set_mro_error(to_merge, m, remain);
      mem_free(to_merge); mem_free(remain);
      return nullptr;
    }
  }
  mem_free(to_merge); mem_free(remain);
  return list_as_tuple(result.get());
}

static Object* type_mro_method(Object* self, Object*) {
  Ref<> t = steal(mro_compute_c3(static_cast<Type*>(self)));
  if (!t) return nullptr;
  return sequence_list(t.get());
}

static bool has_custom_mro(Type* type) {
  if (type->type == &TypeType) return false;
  Object* m = type_lookup(type->type, g_names.mro);
  Object* base = TypeType.tp_dict ? dict_getitem(TypeType.tp_dict, g_names.mro) : nullptr;
  return m && m != base;
}

int mro_internal(Type* type) {
  Ref<> mro;
  if (has_custom_mro(type)) {
    Ref<> r = steal(call_method(type, g_names.mro));
    if (!r) return -1;
    mro = steal(sequence_tuple(r.get()));
    if (!mro) return -1;
    for (ssize i = 0; i < tuple_size(mro.get()); i++) {
      Object* c = tuple_get(mro.get(), i);
      if (!type_check(c))
        { err_format(&exc::TypeError, "mro() returned a non-class ('%.500s')", type_of(c)->tp_name); return -1; }
    }
  } else {
    mro = steal(mro_compute_c3(type));
    if (!mro) return -1;
  }
  Object* old = type->tp_mro;
  type->tp_mro = mro.release();
  xdecref(old);
  type_modified(type);
  return 0;
}

// ---------------------------------------------------------------- inheritance

void inherit_special(Type* type, Type* base) {
  if (!type_has_flag(type, kTpflagsHaveGC) && type_has_flag(base, kTpflagsHaveGC) &&
      (!type->tp_traverse && !type->tp_clear)) {
    type->tp_flags |= kTpflagsHaveGC;
    if (!type->tp_traverse) type->tp_traverse = base->tp_traverse;
    if (!type->tp_clear) type->tp_clear = base->tp_clear;
  }
  type->tp_flags |= base->tp_flags & kTpflagsManagedDict;
  if (!type->tp_basicsize) type->tp_basicsize = base->tp_basicsize;
  if (!type->tp_itemsize) type->tp_itemsize = base->tp_itemsize;
  if (!type->tp_weaklistoffset) type->tp_weaklistoffset = base->tp_weaklistoffset;
  if (!type->tp_dictoffset) type->tp_dictoffset = base->tp_dictoffset;
  const unsigned long subclass_flags = kTpflagsLongSubclass | kTpflagsListSubclass | kTpflagsTupleSubclass |
      kTpflagsBytesSubclass | kTpflagsUnicodeSubclass | kTpflagsDictSubclass | kTpflagsBaseExcSubclass |
      kTpflagsTypeSubclass;
  type->tp_flags |= base->tp_flags & subclass_flags;
  // needed by compiler area (match statements): CPython's inherit_patma_flags
  if (!(type->tp_flags & (kTpflagsSequence | kTpflagsMapping)))
    type->tp_flags |= base->tp_flags & (kTpflagsSequence | kTpflagsMapping);
  type->tp_flags |= base->tp_flags & kTpflagsMatchSelf;
}

#define COPY(f) if (!type->f) type->f = base->f
#define COPYSUB(sub, f) if (type->sub && base->sub && !type->sub->f) type->sub->f = base->sub->f

void inherit_slots(Type* type, Type* base) {
  if (type->tp_as_number && base->tp_as_number) {
    NumberMethods* t = type->tp_as_number;
    NumberMethods* b = base->tp_as_number;
    if (t != b) {
      void** tp = reinterpret_cast<void**>(t);
      void** bp = reinterpret_cast<void**>(b);
      for (size_t i = 0; i < sizeof(NumberMethods) / sizeof(void*); i++)
        if (!tp[i]) tp[i] = bp[i];
    }
  }
  if (type->tp_as_sequence && base->tp_as_sequence && type->tp_as_sequence != base->tp_as_sequence) {
    void** tp = reinterpret_cast<void**>(type->tp_as_sequence);
    void** bp = reinterpret_cast<void**>(base->tp_as_sequence);
    for (size_t i = 0; i < sizeof(SequenceMethods) / sizeof(void*); i++)
      if (!tp[i]) tp[i] = bp[i];
  }
  if (type->tp_as_mapping && base->tp_as_mapping && type->tp_as_mapping != base->tp_as_mapping) {
    COPYSUB(tp_as_mapping, mp_length);
    COPYSUB(tp_as_mapping, mp_subscript);
    COPYSUB(tp_as_mapping, mp_ass_subscript);
  }
  if (type->tp_as_async && base->tp_as_async && type->tp_as_async != base->tp_as_async) {
    COPYSUB(tp_as_async, am_await);
    COPYSUB(tp_as_async, am_aiter);
    COPYSUB(tp_as_async, am_anext);
  }
  COPY(tp_dealloc);
  if (!type->tp_getattro) type->tp_getattro = base->tp_getattro;
  if (!type->tp_setattro) type->tp_setattro = base->tp_setattro;
  COPY(tp_repr);
  COPY(tp_call);
  COPY(tp_str);
  if (!type->tp_call && !type->tp_vectorcall_offset) type->tp_vectorcall_offset = base->tp_vectorcall_offset;
  if (!type_has_flag(type, kTpflagsHeapType) && type->tp_vectorcall_offset == 0 && type->tp_call == base->tp_call)
    type->tp_vectorcall_offset = base->tp_vectorcall_offset;
  if (type->tp_call == base->tp_call && type_has_flag(base, kTpflagsHaveVectorcall) &&
      type->tp_vectorcall_offset == base->tp_vectorcall_offset)
    type->tp_flags |= kTpflagsHaveVectorcall;
  if (!type->tp_richcompare && !type->tp_hash) {
    bool overrides = false;
    if (type->tp_dict) {
      int r = dict_contains(type->tp_dict, g_names.__eq__);
      if (r == 0) r = dict_contains(type->tp_dict, g_names.__hash__);
      if (r < 0) err_clear();
      overrides = r > 0;
    }
    if (!overrides) {
      type->tp_richcompare = base->tp_richcompare;
      type->tp_hash = base->tp_hash;
    }
  }
  COPY(tp_iter);
  COPY(tp_iternext);
  COPY(tp_descr_get);
  if (base->tp_descr_get && type->tp_descr_get == base->tp_descr_get &&
      type_has_flag(base, kTpflagsMethodDescriptor))
    type->tp_flags |= kTpflagsMethodDescriptor;
  COPY(tp_descr_set);
  COPY(tp_dictoffset);
  COPY(tp_init);
  COPY(tp_alloc);
  COPY(tp_is_gc);
  COPY(tp_finalize);
  if (type_has_flag(type, kTpflagsHaveGC) == type_has_flag(base, kTpflagsHaveGC)) {
    COPY(tp_free);
  } else if (!type->tp_free) {
    type->tp_free = base->tp_free;
  }
}
#undef COPY
#undef COPYSUB

// ---------------------------------------------------------------- doc / text signature

static const char* find_signature_end(const char* name, const char* doc) {
  if (!doc) return nullptr;
  const char* dot = strrchr(name, '.');
  if (dot) name = dot + 1;
  size_t len = strlen(name);
  if (strncmp(doc, name, len) != 0 || doc[len] != '(') return nullptr;
  const char* end = strstr(doc, ")\n--\n\n");
  if (!end) return nullptr;
  // the marker must come before the first blank line of the doc
  const char* nl = strstr(doc, "\n\n");
  if (nl && nl < end) return nullptr;
  return end + 1;  // points at "\n--\n\n"
}

Object* doc_from_internal(const char* name, const char* doc) {
  if (!doc) return new_ref(None);
  const char* end = find_signature_end(name, doc);
  if (end) {
    doc = end + 5;
    if (!*doc) return new_ref(None);
  }
  return str_from_cstr(doc);
}

Object* text_signature_from_internal(const char* name, const char* doc) {
  const char* end = find_signature_end(name, doc);
  if (!end) return new_ref(None);
  const char* start = strchr(doc, '(');
  return str_from_utf8(start, end - start);
}

// ---------------------------------------------------------------- type_ready

static int add_methods(Type* type, const MethodDef* meth) {
  for (; meth && meth->name; meth++) {
    Ref<> name = steal(str_intern_cstr(meth->name));
    if (!name) return -1;
    if (!(meth->flags & kMethCoexist)) {
      int r = dict_contains(type->tp_dict, name.get());
      if (r < 0) return -1;
      if (r) continue;
    }
    Ref<> d;
    if (meth->flags & kMethClass) {
      if (meth->flags & kMethStatic) { err_set_string(&exc::ValueError, "method cannot be both class and static"); return -1; }
      d = steal(descr_new_classmethod(type, meth));
    } else if (meth->flags & kMethStatic) {
      Ref<> f = steal(cfunction_new(meth, nullptr, nullptr));
      if (!f) return -1;
      d = steal(staticmethod_new(f.get()));
    } else {
      d = steal(descr_new_method(type, meth));
    }
    if (!d || dict_setitem(type->tp_dict, name.get(), d.get()) < 0) return -1;
  }
  return 0;
}

static int add_members(Type* type, const MemberDef* m) {
  for (; m && m->name; m++) {
    Ref<> name = steal(str_intern_cstr(m->name));
    if (!name) return -1;
    int r = dict_contains(type->tp_dict, name.get());
    if (r < 0) return -1;
    if (r) continue;
    Ref<> d = steal(descr_new_member(type, m));
    if (!d || dict_setitem(type->tp_dict, name.get(), d.get()) < 0) return -1;
  }
  return 0;
}

static int add_getset(Type* type, const GetSetDef* g) {
  for (; g && g->name; g++) {
    Ref<> name = steal(str_intern_cstr(g->name));
    if (!name) return -1;
    int r = dict_contains(type->tp_dict, name.get());
    if (r < 0) return -1;
    if (r) continue;
    Ref<> d = steal(descr_new_getset(type, g));
    if (!d || dict_setitem(type->tp_dict, name.get(), d.get()) < 0) return -1;
  }
  return 0;
}

int type_ready(Type* type) {
  if (type_has_flag(type, kTpflagsReady)) return 0;
  type_names_init();
  slotdefs_init();
  type->tp_flags |= kTpflagsReadying;
  if (!type->type) type->type = &TypeType;
  if (!type->refcnt) type->refcnt = kImmortalRefcnt;
  Type* base = type->tp_base;
  if (!base && type != &ObjectType) base = type->tp_base = &ObjectType;
  if (base && !type_has_flag(base, kTpflagsReady)) {
    if (type_ready(base) < 0) return -1;
  }
  if (!type->tp_bases) {
    type->tp_bases = base ? tuple_pack({base}) : tuple_new(0);
    if (!type->tp_bases) return -1;
  }
  for (ssize i = 0; i < tuple_size(type->tp_bases); i++) {
    Type* b = static_cast<Type*>(tuple_get(type->tp_bases, i));
    if (!type_has_flag(b, kTpflagsReady) && type_ready(b) < 0) return -1;
  }
  if (!type->tp_dict) {
    type->tp_dict = dict_new();
    if (!type->tp_dict) return -1;
  }
  bool heap = type_has_flag(type, kTpflagsHeapType);
  if (base) inherit_special(type, base);
  if (mro_internal(type) < 0) return -1;

  // tp_new: own __new__ wrapper, or inherited, or instantiation disallowed.
  if (!heap && !type->tp_new && base == &ObjectType) type->tp_flags |= kTpflagsDisallowInstantiation;
  if (!type_has_flag(type, kTpflagsDisallowInstantiation)) {
    if (type->tp_new) {
      if (!heap) {
        int r = dict_contains(type->tp_dict, g_names.__new__);
        if (r < 0) return -1;
        if (!r) {
          Ref<> w = steal(make_tp_new_wrapper(type));
          if (!w || dict_setitem(type->tp_dict, g_names.__new__, w.get()) < 0) return -1;
        }
      }
    } else if (base) {
      type->tp_new = base->tp_new;
    }
  } else {
    type->tp_new = nullptr;
  }

  if (!heap) {
    if (add_operators(type) < 0) return -1;
    if (add_methods(type, type->tp_methods) < 0) return -1;
    if (add_members(type, type->tp_members) < 0) return -1;
    if (add_getset(type, type->tp_getset) < 0) return -1;
    int r = dict_contains(type->tp_dict, g_names.__doc__);
    if (r < 0) return -1;
    if (!r) {
      Ref<> doc = steal(doc_from_internal(type->tp_name, type->tp_doc));
      if (!doc || dict_setitem(type->tp_dict, g_names.__doc__, doc.get()) < 0) return -1;
    }
  }

  // Inherit slots along the MRO.
  Object* mro = type->tp_mro;
  for (ssize i = 1; i < tuple_size(mro); i++) {
    Type* b = static_cast<Type*>(tuple_get(mro, i));
    inherit_slots(type, b);
  }
  if (type != &ObjectType && !type->tp_as_async && base) type->tp_as_async = base->tp_as_async;
  if (type != &ObjectType && !type->tp_as_number && base) type->tp_as_number = base->tp_as_number;
  if (type != &ObjectType && !type->tp_as_sequence && base) type->tp_as_sequence = base->tp_as_sequence;
  if (type != &ObjectType && !type->tp_as_mapping && base) type->tp_as_mapping = base->tp_as_mapping;

  // A type that defines __eq__ but no __hash__ is unhashable.
  if (!type->tp_hash) {
    int r = dict_contains(type->tp_dict, g_names.__hash__);
    if (r < 0) return -1;
    if (!r) {
      if (dict_setitem(type->tp_dict, g_names.__hash__, None) < 0) return -1;
      type->tp_hash = hash_not_implemented;
    }
  }
  if (type->tp_hash == hash_not_implemented) {
    int r = dict_contains(type->tp_dict, g_names.__hash__);
    if (r < 0) return -1;
    if (!r && dict_setitem(type->tp_dict, g_names.__hash__, None) < 0) return -1;
  }
  if (!type->tp_free) type->tp_free = object_free;
  if (!type->tp_alloc) type->tp_alloc = type_generic_alloc;

  for (ssize i = 0; i < tuple_size(type->tp_bases); i++) {
    Type* b = static_cast<Type*>(tuple_get(type->tp_bases, i));
    if (type_add_subclass(b, type) < 0) return -1;
  }
  if (type->type == &TypeType && !type->tp_vectorcall && heap) {
    // heap types get the fast constructor path (set by type_new)
  }
  // Lookups made while readying may have cached an incomplete dict.
  type_modified(type);
  type->tp_flags = (type->tp_flags & ~kTpflagsReadying) | kTpflagsReady;
  return 0;
}

// ---------------------------------------------------------------- type attributes

Object* type_qualname_obj(Type* t) {
  if (type_has_flag(t, kTpflagsHeapType)) return static_cast<HeapType*>(t)->ht_qualname;
  return nullptr;
}

static Object* type_get_name(Object* self, void*) {
  Type* t = static_cast<Type*>(self);
  if (type_has_flag(t, kTpflagsHeapType)) return new_ref(static_cast<HeapType*>(t)->ht_name);
  return str_from_cstr(type_name(t));
}

static int check_set_special_type_attr(Type* type, Object* value, const char* name) {
  if (!type_has_flag(type, kTpflagsHeapType) || type_has_flag(type, kTpflagsImmutableType)) {
    err_format(&exc::TypeError, "cannot set '%s' attribute of immutable type '%s'", name, type_name(type));
    return 0;
  }
  if (!value) {
    err_format(&exc::TypeError, "cannot delete '%s' attribute of immutable type '%s'", name, type_name(type));
    return 0;
  }
  return 1;
}

static int type_set_name(Object* self, Object* value, void*) {
  Type* t = static_cast<Type*>(self);
  if (!check_set_special_type_attr(t, value, "__name__")) return -1;
  if (!str_check(value)) {
    err_format(&exc::TypeError, "can only assign string to %s.__name__, not '%s'", type_name(t), type_of(value)->tp_name);
    return -1;
  }
  ssize len;
  const char* s = str_as_utf8(value, &len);
  if (!s) return -1;
  if (ssize(strlen(s)) != len) { err_set_string(&exc::ValueError, "type name must not contain null characters"); return -1; }
  HeapType* ht = static_cast<HeapType*>(t);
  char* copy = static_cast<char*>(mem_alloc(len + 1));
  if (!copy) { err_no_memory(); return -1; }
  memcpy(copy, s, len + 1);
  mem_free(ht->ht_tpname);
  ht->ht_tpname = copy;
  t->tp_name = copy;
  set_ref(ht->ht_name, new_ref(value));
  return 0;
}

static Object* type_get_qualname(Object* self, void*) {
  Type* t = static_cast<Type*>(self);
  if (type_has_flag(t, kTpflagsHeapType)) return new_ref(static_cast<HeapType*>(t)->ht_qualname);
  return str_from_cstr(type_name(t));
}

static int type_set_qualname(Object* self, Object* value, void*) {
  Type* t = static_cast<Type*>(self);
  if (!check_set_special_type_attr(t, value, "__qualname__")) return -1;
  if (!str_check(value)) {
    err_format(&exc::TypeError, "can only assign string to %s.__qualname__, not '%s'", type_name(t), type_of(value)->tp_name);
    return -1;
  }
  set_ref(static_cast<HeapType*>(t)->ht_qualname, new_ref(value));
  return 0;
}

Object* type_module_obj(Type* t) {
  if (type_has_flag(t, kTpflagsHeapType)) {
    Object* m = dict_getitem(t->tp_dict, g_names.__module__);
    if (!m) {
      if (!err_occurred()) err_set_object(&exc::AttributeError, g_names.__module__);
      return nullptr;
    }
    return new_ref(m);
  }
  const char* s = strrchr(t->tp_name, '.');
  if (s) return str_from_utf8(t->tp_name, s - t->tp_name);
  return new_ref(g_names.builtins);
}

static Object* type_get_module(Object* self, void*) { return type_module_obj(static_cast<Type*>(self)); }

static int type_set_module(Object* self, Object* value, void*) {
  Type* t = static_cast<Type*>(self);
  if (!check_set_special_type_attr(t, value, "__module__")) return -1;
  type_modified(t);
  return dict_setitem(t->tp_dict, g_names.__module__, value);
}

static Object* type_get_bases(Object* self, void*) { return new_ref(static_cast<Type*>(self)->tp_bases); }

static int type_set_bases(Object* self, Object* value, void*) {
  Type* t = static_cast<Type*>(self);
  if (!check_set_special_type_attr(t, value, "__bases__")) return -1;
  if (!tuple_check(value)) {
    err_format(&exc::TypeError, "can only assign tuple to %s.__bases__, not %s", type_name(t), type_of(value)->tp_name);
    return -1;
  }
  if (tuple_size(value) == 0) {
    err_format(&exc::TypeError, "can only assign non-empty tuple to %s.__bases__, not ()", type_name(t));
    return -1;
  }
  for (ssize i = 0; i < tuple_size(value); i++) {
    Object* b = tuple_get(value, i);
    if (!type_check(b)) {
      err_format(&exc::TypeError, "%s.__bases__ must be tuple of classes, not '%s'", type_name(t), type_of(b)->tp_name);
      return -1;
    }
    if (type_is_subtype(static_cast<Type*>(b), t)) {
      err_set_string(&exc::TypeError, "a __bases__ item causes an inheritance cycle");
      return -1;
    }
  }
  Type* nb = best_base(value);
  if (!nb) return -1;
  if (!compatible_for_assignment(t->tp_base, nb, "__bases__")) return -1;
  Object* old_bases = t->tp_bases;
  Type* old_base = t->tp_base;
  Object* old_mro = new_ref(t->tp_mro);
  t->tp_bases = new_ref(value);
  t->tp_base = static_cast<Type*>(new_ref<Object>(nb));
  if (mro_internal(t) < 0) {
    decref(t->tp_bases); decref(t->tp_base);
    t->tp_bases = old_bases; t->tp_base = old_base;
    set_ref(t->tp_mro, old_mro);
    return -1;
  }
  decref(old_mro);
  for (ssize i = 0; i < tuple_size(old_bases); i++) type_remove_subclass(static_cast<Type*>(tuple_get(old_bases, i)), t);
  for (ssize i = 0; i < tuple_size(value); i++)
    if (type_add_subclass(static_cast<Type*>(tuple_get(value, i)), t) < 0) return -1;
  decref(old_bases);
  decref(old_base);
  // Recompute slots from the new MRO.
  fixup_slot_dispatchers(t);
  return 0;
}

static Object* type_get_mro(Object* self, void*) {
  Object* m = static_cast<Type*>(self)->tp_mro;
  return new_ref(m ? m : None);
}

Object* type_get_dict_proxy(Type* t) {
  if (!t->tp_dict) return new_ref(None);
  return mappingproxy_new(t->tp_dict);
}
static Object* type_get_dict(Object* self, void*) { return type_get_dict_proxy(static_cast<Type*>(self)); }

static Object* type_get_doc(Object* self, void*) {
  Type* t = static_cast<Type*>(self);
  if (!type_has_flag(t, kTpflagsHeapType) && t->tp_doc) return doc_from_internal(t->tp_name, t->tp_doc);
  Object* r = dict_getitem(t->tp_dict, g_names.__doc__);
  if (!r) {
    if (err_occurred()) return nullptr;
    return new_ref(None);
  }
  if (DescrGetFunc g = type_of(r)->tp_descr_get) return g(r, None, t);
  return new_ref(r);
}

static int type_set_doc(Object* self, Object* value, void*) {
  Type* t = static_cast<Type*>(self);
  if (!check_set_special_type_attr(t, value, "__doc__")) return -1;
  type_modified(t);
  return dict_setitem(t->tp_dict, g_names.__doc__, value);
}

static Object* type_get_text_signature(Object* self, void*) {
  Type* t = static_cast<Type*>(self);
  if (type_has_flag(t, kTpflagsHeapType)) return new_ref(None);
  return text_signature_from_internal(t->tp_name, t->tp_doc);
}

static Object* type_get_abstractmethods(Object* self, void*) {
  Type* t = static_cast<Type*>(self);
  Object* r = nullptr;
  if (t != &TypeType) r = dict_getitem(t->tp_dict, g_names.__abstractmethods__);
  if (!r) {
    if (!err_occurred()) err_set_object(&exc::AttributeError, g_names.__abstractmethods__);
    return nullptr;
  }
  return new_ref(r);
}

static int type_set_abstractmethods(Object* self, Object* value, void*) {
  Type* t = static_cast<Type*>(self);
  int abstract = 0;
  int r;
  if (value) {
    abstract = object_is_true(value);
    if (abstract < 0) return -1;
    r = dict_setitem(t->tp_dict, g_names.__abstractmethods__, value);
  } else {
    Ref<> out;
    r = dict_pop(t->tp_dict, g_names.__abstractmethods__, out.out());
    if (r == 0) { err_set_object(&exc::AttributeError, g_names.__abstractmethods__); return -1; }
    r = r < 0 ? -1 : 0;
  }
  if (r < 0) return -1;
  type_modified(t);
  if (abstract) t->tp_flags |= kTpflagsIsAbstract;
  else t->tp_flags &= ~kTpflagsIsAbstract;
  return 0;
}

static Object* type_get_type_params(Object* self, void*) {
  Type* t = static_cast<Type*>(self);
  if (t == &TypeType) return tuple_new(0);
  Object* r = dict_getitem_str(t->tp_dict, "__type_params__");
  if (r) return new_ref(r);
  if (err_occurred()) return nullptr;
  return tuple_new(0);
}

static int type_set_type_params(Object* self, Object* value, void*) {
  Type* t = static_cast<Type*>(self);
  if (!check_set_special_type_attr(t, value, "__type_params__")) return -1;
  if (!tuple_check(value)) {
    err_format(&exc::TypeError, "__type_params__ must be set to a tuple, not %s", type_of(value)->tp_name);
    return -1;
  }
  type_modified(t);
  return dict_setitem_str(t->tp_dict, "__type_params__", value);
}

static Object* type_get_flags(Object* self, void*) {
  return int_from_u64(static_cast<Type*>(self)->tp_flags);
}

static Object* type_get_base(Object* self, void*) {
  Type* b = static_cast<Type*>(self)->tp_base;
  return new_ref<Object>(b ? static_cast<Object*>(b) : None);
}

// PEP 649/749: classes store __annotate_func__ (from the compiler) and cache
// the computed dict as __annotations_cache__; an explicit __annotations__
// entry wins.
static Object* type_get_annotate(Object* self, void*) {
  Type* t = static_cast<Type*>(self);
  if (!type_has_flag(t, kTpflagsHeapType)) {
    return err_format(&exc::AttributeError, "type object '%s' has no attribute '__annotate__'", type_name(t));
  }
  Object* r = dict_getitem_str(t->tp_dict, "__annotate__");
  if (!r && !err_occurred()) r = dict_getitem_str(t->tp_dict, "__annotate_func__");
  if (r) {
    if (DescrGetFunc g = type_of(r)->tp_descr_get) return g(r, nullptr, t);
    return new_ref(r);
  }
  if (err_occurred()) return nullptr;
  return new_ref(None);
}

static int type_set_annotate(Object* self, Object* value, void*) {
  Type* t = static_cast<Type*>(self);
  if (!value) { err_set_string(&exc::TypeError, "cannot delete __annotate__ attribute"); return -1; }
  if (!check_set_special_type_attr(t, value, "__annotate__")) return -1;
  if (value != None && !type_of(value)->tp_call && !vectorcall_function(value)) {
    err_set_string(&exc::TypeError, "__annotate__ must be callable or None");
    return -1;
  }
  if (dict_setitem_str(t->tp_dict, "__annotate_func__", value) < 0) return -1;
  if (value != None) {
    Ref<> key = steal(str_from_cstr("__annotations_cache__"));
    Ref<> out;
    if (!key || dict_pop(t->tp_dict, key.get(), out.out()) < 0) return -1;
  }
  type_modified(t);
  return 0;
}

static Object* type_get_annotations(Object* self, void*) {
  Type* t = static_cast<Type*>(self);
  if (!type_has_flag(t, kTpflagsHeapType)) {
    return err_format(&exc::AttributeError, "type object '%s' has no attribute '__annotations__'", type_name(t));
  }
  Object* r = dict_getitem_str(t->tp_dict, "__annotations__");
  if (!r && !err_occurred()) r = dict_getitem_str(t->tp_dict, "__annotations_cache__");
  if (r) {
    if (DescrGetFunc g = type_of(r)->tp_descr_get) return g(r, nullptr, t);
    return new_ref(r);
  }
  if (err_occurred()) return nullptr;
  Ref<> ann = steal(type_get_annotate(self, nullptr));
  if (!ann) return nullptr;
  Ref<> res;
  if (ann.get() != None) {
    Ref<> one = steal(int_from_i64(1));
    res = steal(call_one_arg(ann.get(), one.get()));
    if (!res) return nullptr;
    if (!dict_check(res.get())) {
      return err_format(&exc::TypeError, "__annotate__ returned non-dict of type '%.100s'", type_of(res.get())->tp_name);
    }
  } else {
    res = steal(dict_new());
    if (!res) return nullptr;
  }
  if (dict_setitem_str(t->tp_dict, "__annotations_cache__", res.get()) < 0) return nullptr;
  type_modified(t);
  return res.release();
}

static int type_set_annotations(Object* self, Object* value, void*) {
  Type* t = static_cast<Type*>(self);
  if (!check_set_special_type_attr(t, value ? value : None, "__annotations__")) return -1;
  int r;
  if (value) {
    r = dict_setitem_str(t->tp_dict, "__annotations__", value);
  } else {
    Ref<> key = steal(str_from_cstr("__annotations__"));
    Ref<> out;
    r = dict_pop(t->tp_dict, key.get(), out.out());
    if (r == 0) {
      Ref<> key2 = steal(str_from_cstr("__annotations_cache__"));
      r = dict_pop(t->tp_dict, key2.get(), out.out());
      if (r == 0) { err_set_string(&exc::AttributeError, "__annotations__"); r = -1; }
    }
    if (r > 0) r = 0;
  }
  if (r < 0) return -1;
  if (value) {
    Ref<> key2 = steal(str_from_cstr("__annotate_func__"));
    if (dict_setitem(t->tp_dict, key2.get(), None) < 0) return -1;
  }
  type_modified(t);
  return 0;
}

static const GetSetDef type_getsets[] = {
    {"__name__", type_get_name, type_set_name, nullptr, nullptr},
    {"__qualname__", type_get_qualname, type_set_qualname, nullptr, nullptr},
    {"__bases__", type_get_bases, type_set_bases, nullptr, nullptr},
    {"__mro__", type_get_mro, nullptr, nullptr, nullptr},
    {"__module__", type_get_module, type_set_module, nullptr, nullptr},
    {"__abstractmethods__", type_get_abstractmethods, type_set_abstractmethods, nullptr, nullptr},
    {"__dict__", type_get_dict, nullptr, nullptr, nullptr},
    {"__doc__", type_get_doc, type_set_doc, nullptr, nullptr},
    {"__text_signature__", type_get_text_signature, nullptr, nullptr, nullptr},
    {"__annotations__", type_get_annotations, type_set_annotations, nullptr, nullptr},
    {"__annotate__", type_get_annotate, type_set_annotate, nullptr, nullptr},
    {"__type_params__", type_get_type_params, type_set_type_params, nullptr, nullptr},
    {"__flags__", type_get_flags, nullptr, nullptr, nullptr},
    {"__base__", type_get_base, nullptr, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr, nullptr},
};

static const MemberDef type_members[] = {
    {"__basicsize__", MemberKind::Ssize, offsetof(Type, tp_basicsize), kMemberReadonly, nullptr},
    {"__itemsize__", MemberKind::Ssize, offsetof(Type, tp_itemsize), kMemberReadonly, nullptr},
    {"__weakrefoffset__", MemberKind::Ssize, offsetof(Type, tp_weaklistoffset), kMemberReadonly, nullptr},
    {"__dictoffset__", MemberKind::Ssize, offsetof(Type, tp_dictoffset), kMemberReadonly, nullptr},
    {nullptr, MemberKind::Object, 0, 0, nullptr},
};

static Object* type_subclasses_method(Object* self, Object*) {
  Type* t = static_cast<Type*>(self);
  Ref<> list = steal(list_new(0));
  if (!list) return nullptr;
  if (t->tp_subclasses) {
    ssize pos = 0;
    Object *k, *v;
    while (dict_next(t->tp_subclasses, &pos, &k, &v)) {
      Object* sub = reinterpret_cast<Object*>(static_cast<intptr_t>(int_compact_value(v)));
      if (list_append(list.get(), sub) < 0) return nullptr;
    }
  }
  return list.release();
}

// isinstance/issubclass hooks (type.__instancecheck__ / __subclasscheck__).
int object_recursive_isinstance(Object* inst, Object* cls);   // abstract.cpp
int object_recursive_issubclass(Object* derived, Object* cls);

static Object* type_instancecheck(Object* self, Object* inst) {
  int r = object_recursive_isinstance(inst, self);
  if (r < 0) return nullptr;
  return new_ref(bool_from(r));
}

static Object* type_subclasscheck(Object* self, Object* sub) {
  int r = object_recursive_issubclass(sub, self);
  if (r < 0) return nullptr;
  return new_ref(bool_from(r));
}

static Object* type_prepare(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  return dict_new();
}

static Object* type_dir(Object* self, Object*) {
  Type* t = static_cast<Type*>(self);
  Ref<> dict = steal(dict_new());
  if (!dict) return nullptr;
  Object* mro = t->tp_mro;
  if (mro) {
    for (ssize i = tuple_size(mro) - 1; i >= 0; i--) {
      Type* b = static_cast<Type*>(tuple_get(mro, i));
      if (b->tp_dict && dict_update(dict.get(), b->tp_dict) < 0) return nullptr;
    }
  }
  return dict_keys_list(dict.get());
}

static Object* type_sizeof(Object* self, Object*) {
  Type* t = static_cast<Type*>(self);
  ssize size = type_has_flag(t, kTpflagsHeapType) ? ssize(sizeof(HeapType)) : ssize(sizeof(Type));
  return int_from_ssize(size);
}

// `int | str`: the union type belongs to the typing area; until it exists this
// weak default returns NotImplemented.
__attribute__((weak)) Object* union_type_or(Object* a, Object* b) { return new_ref(NotImplemented); }

static const MethodDef type_methods[] = {
    {"mro", reinterpret_cast<void*>(type_mro_method), kMethNoArgs, "mro($self, /)\n--\n\nReturn a type's method resolution order."},
    {"__subclasses__", reinterpret_cast<void*>(type_subclasses_method), kMethNoArgs,
     "__subclasses__($self, /)\n--\n\nReturn a list of immediate subclasses."},
    {"__prepare__", reinterpret_cast<void*>(type_prepare), kMethFastcall | kMethKeywords | kMethClass,
     "__prepare__($cls, name, bases, /, **kwds)\n--\n\nCreate the namespace for the class statement"},
    {"__instancecheck__", reinterpret_cast<void*>(type_instancecheck), kMethO,
     "__instancecheck__($self, instance, /)\n--\n\nCheck if an object is an instance."},
    {"__subclasscheck__", reinterpret_cast<void*>(type_subclasscheck), kMethO,
     "__subclasscheck__($self, subclass, /)\n--\n\nCheck if a class is a subclass."},
    {"__dir__", reinterpret_cast<void*>(type_dir), kMethNoArgs, "__dir__($self, /)\n--\n\nSpecialized __dir__ implementation for types."},
    {"__sizeof__", reinterpret_cast<void*>(type_sizeof), kMethNoArgs,
     "__sizeof__($self, /)\n--\n\nReturn memory consumption of the type object."},
    {nullptr, nullptr, 0, nullptr},
};

// ---------------------------------------------------------------- repr / call / attrs

static Object* type_repr(Object* self) {
  Type* t = static_cast<Type*>(self);
  if (!t->tp_dict) return str_from_format("<class at %p>", self);
  Ref<> mod = steal(type_module_obj(t));
  if (!mod) err_clear();
  Object* name = type_has_flag(t, kTpflagsHeapType) ? static_cast<HeapType*>(t)->ht_qualname : nullptr;
  if (mod && str_check(mod.get()) && !str_eq_cstr(mod.get(), "builtins")) {
    if (name) return str_from_format("<class '%U.%U'>", mod.get(), name);
    return str_from_format("<class '%U.%s'>", mod.get(), type_name(t));
  }
  // CPython shows tp_name (not the qualname) for builtins / no module.
  return str_from_format("<class '%s'>", t->tp_name);
}

Object* type_call(Object* self, Object* args, Object* kwds) {
  Type* type = static_cast<Type*>(self);
  if (type == &TypeType) {
    ssize nargs = tuple_size(args);
    if (nargs == 1 && (!kwds || dict_size(kwds) == 0)) return new_ref<Object>(type_of(tuple_get(args, 0)));
    if (nargs != 3) {
      err_set_string(&exc::TypeError, "type() takes 1 or 3 arguments");
      return nullptr;
    }
  }
  if (!type->tp_new) return err_format(&exc::TypeError, "cannot create '%s' instances", type->tp_name);
  Object* obj = type->tp_new(type, args, kwds);
  if (!obj) return nullptr;
  if (!type_is_subtype(type_of(obj), type)) return obj;
  Type* t = type_of(obj);
  if (t->tp_init) {
    if (t->tp_init(obj, args, kwds) < 0) { decref(obj); return nullptr; }
  }
  return obj;
}

Object* slot_tp_init_vectorcall(Object* self, Object* const* args, size_t nargs, Object* kwnames);  // type_slots.cpp
int slot_tp_init(Object* self, Object* args, Object* kwds);

// Constructor fast path for classes (metatype `type`, object.__new__ and a
// Python __init__): no argument tuple or dict is built.
static Object* heap_type_vectorcall(Object* callable, Object* const* args, size_t nargsf, Object* kwnames) {
  Type* type = static_cast<Type*>(callable);
  ssize nargs = vectorcall_nargs(nargsf);
  if (type_of(callable)->tp_call == type_call && type->tp_new == object_new_impl) {
    bool init_is_object = type->tp_init == object_init_impl;
    if (type->tp_init == slot_tp_init || init_is_object) {
      if (init_is_object && (nargs || (kwnames && tuple_size(kwnames)))) {
        return err_format(&exc::TypeError, "%.200s() takes no arguments", type_name(type));
      }
      if (type_has_flag(type, kTpflagsIsAbstract) || type->tp_alloc != type_generic_alloc) goto slow;
      Object* obj = type->tp_alloc(type, 0);
      if (!obj) return nullptr;
      if (!init_is_object) {
        Object* r = slot_tp_init_vectorcall(obj, args, nargsf, kwnames);
        if (!r) { decref(obj); return nullptr; }
        decref(r);
      }
      return obj;
    }
  }
slow:
  return make_tp_call(callable, args, nargsf, kwnames);
}

static Object* type_getattro(Object* self, Object* name) {
  Type* type = static_cast<Type*>(self);
  if (!str_check(name)) {
    return err_format(&exc::TypeError, "attribute name must be string, not '%.200s'", type_of(name)->tp_name);
  }
  Type* meta = type_of(self);
  Object* meta_attr = type_lookup(meta, name);
  Ref<> keep_meta;
  DescrGetFunc meta_get = nullptr;
  if (meta_attr) {
    keep_meta = borrow(meta_attr);
    meta_get = type_of(meta_attr)->tp_descr_get;
    if (meta_get && type_of(meta_attr)->tp_descr_set) return meta_get(meta_attr, self, meta);
  }
  Object* attr = type_lookup(type, name);
  if (attr) {
    Ref<> keep = borrow(attr);
    if (DescrGetFunc g = type_of(attr)->tp_descr_get) return g(attr, nullptr, self);
    return keep.release();
  }
  if (meta_get) return meta_get(meta_attr, self, meta);
  if (meta_attr) return keep_meta.release();
  err_format(&exc::AttributeError, "type object '%s' has no attribute '%U'", type_name(type), name);
  Object* exc_obj = err_get_raised();
  if (exc_obj && type_has_flag(type_of(exc_obj), kTpflagsBaseExcSubclass) &&
      type_is_subtype(type_of(exc_obj), &exc::AttributeError)) {
    auto* ae = static_cast<AttributeErrorObject*>(exc_obj);
    xset_ref(ae->name, new_ref(name));
    xset_ref(ae->obj, new_ref(self));
  }
  err_set_raised(exc_obj);
  return nullptr;
}

static int type_setattro(Object* self, Object* name, Object* value) {
  Type* type = static_cast<Type*>(self);
  if (!str_check(name)) {
    err_format(&exc::TypeError, "attribute name must be string, not '%.200s'", type_of(name)->tp_name);
    return -1;
  }
  if (!type_has_flag(type, kTpflagsHeapType) || type_has_flag(type, kTpflagsImmutableType)) {
    err_format(&exc::TypeError, "cannot set %R attribute of immutable type '%s'", name, type_name(type));
    return -1;
  }
  Ref<> iname = borrow(name);
  if (str_check_exact(name)) {
    iname = steal(str_intern(new_ref(name)));
    if (!iname) return -1;
  }
  Type* meta = type_of(self);
  Object* meta_attr = type_lookup(meta, iname.get());
  if (meta_attr) {
    if (DescrSetFunc s = type_of(meta_attr)->tp_descr_set) {
      Ref<> keep = borrow(meta_attr);
      return s(meta_attr, self, value);
    }
  }
  int r;
  if (value) {
    r = dict_setitem(type->tp_dict, iname.get(), value);
  } else {
    Ref<> out;
    r = dict_pop(type->tp_dict, iname.get(), out.out());
    if (r == 0) {
      err_format(&exc::AttributeError, "type object '%s' has no attribute '%U'", type_name(type), name);
      r = -1;
    } else if (r > 0) {
      r = 0;
    }
  }
  if (r < 0) return -1;
  type_modified(type);
  if (is_dunder_name(iname.get())) {
    if (update_slot(type, iname.get()) < 0) return -1;
  }
  return 0;
}

static int type_traverse(Object* self, VisitProc visit, void* arg) {
  Type* t = static_cast<Type*>(self);
  if (!type_has_flag(t, kTpflagsHeapType)) return 0;
  HeapType* ht = static_cast<HeapType*>(t);
  Object* objs[] = {t->tp_dict, t->tp_cache, t->tp_mro, t->tp_bases, t->tp_base, ht->ht_module};
  for (Object* o : objs)
    if (o) { int r = visit(o, arg); if (r) return r; }
  return 0;
}

static int type_clear(Object* self) {
  Type* t = static_cast<Type*>(self);
  type_modified(t);
  if (t->tp_dict) dict_clear(t->tp_dict);
  clear_ref(t->tp_mro);
  return 0;
}

static int type_is_gc(Object* self) { return type_has_flag(static_cast<Type*>(self), kTpflagsHeapType); }

static Object* type_or(Object* a, Object* b) {
  return union_type_or(a, b);
}

static NumberMethods type_as_number;

void init_type_types() {
  TypeType.tp_name = "type";
  TypeType.tp_basicsize = sizeof(HeapType);
  TypeType.tp_itemsize = 0;
  TypeType.tp_dealloc = type_dealloc;
  TypeType.tp_vectorcall_offset = offsetof(Type, tp_vectorcall);
  TypeType.tp_repr = type_repr;
  TypeType.tp_call = type_call;
  TypeType.tp_getattro = type_getattro;
  TypeType.tp_setattro = type_setattro;
  TypeType.tp_flags = kTpflagsDefault | kTpflagsHaveGC | kTpflagsBaseType | kTpflagsTypeSubclass |
                      kTpflagsHaveVectorcall | kTpflagsItemsAtEnd;
  TypeType.tp_doc = "type(object) -> the object's type\ntype(name, bases, dict, **kwds) -> a new type";
  TypeType.tp_traverse = type_traverse;
  TypeType.tp_clear = type_clear;
  TypeType.tp_methods = type_methods;
  TypeType.tp_members = type_members;
  TypeType.tp_getset = type_getsets;
  TypeType.tp_base = &ObjectType;
  TypeType.tp_dictoffset = offsetof(Type, tp_dict);
  TypeType.tp_weaklistoffset = offsetof(Type, tp_weaklist);
  TypeType.tp_init = [](Object* self, Object* args, Object* kwds) -> int {
    ssize n = tuple_size(args);
    if (n != 1 && n != 3) { err_set_string(&exc::TypeError, "type.__init__() takes 1 or 3 arguments"); return -1; }
    return 0;
  };
  TypeType.tp_new = type_new_impl;
  TypeType.tp_is_gc = type_is_gc;
  type_as_number.nb_or = type_or;
  TypeType.tp_as_number = &type_as_number;
}

Object* heap_type_vectorcall_entry(Object* callable, Object* const* args, size_t nargsf, Object* kwnames) {
  return heap_type_vectorcall(callable, args, nargsf, kwnames);
}

}  // namespace pyxx
