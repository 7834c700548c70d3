// Class creation: type.__new__(metatype, name, bases, namespace, **kwds) —
// metaclass calculation, best base / layout conflicts, __slots__, instance
// __dict__/__weakref__ slots, __qualname__/__module__/__doc__, __classcell__,
// __set_name__ and __init_subclass__ — plus deallocation of heap types and
// of their instances.
//
// Instance layout of a class: [base layout][__slots__ members][__dict__][__weakref__].
// When the solid base is variable-sized (tp_itemsize != 0, e.g. tuple) the
// __dict__ slot follows the items instead (tp_dictoffset < 0, see
// object_dict_ptr) and nonempty __slots__ are refused as in CPython.
#include <algorithm>
#include <cstring>
#include "core/abstract.h"
#include "core/alloc.h"
#include "core/error.h"
#include "core/state.h"
#include "objects/dict.h"
#include "objects/exceptions.h"
#include "objects/function.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type_internal.h"
#include "vm/eval.h"

namespace pyxx {

// Weak hook: the weakref area clears an object's weak references on deallocation.
__attribute__((weak)) void weakref_clear_refs(Object* obj) {}

// ---------------------------------------------------------------- layout helpers

int extra_ivars(Type* type, Type* base) {
  ssize t_size = type->tp_basicsize;
  ssize b_size = base->tp_basicsize;
  if (type->tp_itemsize || base->tp_itemsize) return t_size != b_size || type->tp_itemsize != base->tp_itemsize;
  if (type->tp_weaklistoffset && base->tp_weaklistoffset == 0 && type->tp_weaklistoffset + ssize(sizeof(Object*)) == t_size &&
      type_has_flag(type, kTpflagsHeapType))
    t_size -= sizeof(Object*);
  if (type->tp_dictoffset && base->tp_dictoffset == 0 && type->tp_dictoffset + ssize(sizeof(Object*)) == t_size &&
      type_has_flag(type, kTpflagsHeapType))
    t_size -= sizeof(Object*);
  return t_size != b_size;
}

Type* solid_base(Type* type) {
  Type* base = type->tp_base ? solid_base(type->tp_base) : &ObjectType;
  if (extra_ivars(type, base)) return type;
  return base;
}

Type* best_base(Object* bases) {
  ssize n = tuple_size(bases);
  Type* base = nullptr;
  Type* winner = nullptr;
  for (ssize i = 0; i < n; i++) {
    Object* b = tuple_get(bases, i);
    if (!type_check(b)) {
      err_set_string(&exc::TypeError, "bases must be types");
      return nullptr;
    }
    Type* bt = static_cast<Type*>(b);
    if (!type_has_flag(bt, kTpflagsReady) && type_ready(bt) < 0) return nullptr;
    if (!type_has_flag(bt, kTpflagsBaseType)) {
      err_format(&exc::TypeError, "type '%.100s' is not an acceptable base type", bt->tp_name);
      return nullptr;
    }
    Type* candidate = solid_base(bt);
    if (!winner) {
      winner = candidate;
      base = bt;
    } else if (type_is_subtype(winner, candidate)) {
      // keep
    } else if (type_is_subtype(candidate, winner)) {
      winner = candidate;
      base = bt;
    } else {
      err_set_string(&exc::TypeError, "multiple bases have instance lay-out conflict");
      return nullptr;
    }
  }
  return base;
}

static Type* calculate_metaclass(Type* metatype, Object* bases) {
  Type* winner = metatype;
  for (ssize i = 0; i < tuple_size(bases); i++) {
    Type* t = type_of(tuple_get(bases, i));
    if (type_is_subtype(winner, t)) continue;
    if (type_is_subtype(t, winner)) { winner = t; continue; }
    err_set_string(&exc::TypeError,
                   "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the "
                   "metaclasses of all its bases");
    return nullptr;
  }
  return winner;
}

// _Py_Mangle: __x inside class C becomes _C__x.
static Object* mangle(Object* classname, Object* name) {
  ssize n = str_length(name);
  if (n < 2 || str_char_at(name, 0) != '_' || str_char_at(name, 1) != '_') return new_ref(name);
  if (n >= 4 && str_char_at(name, n - 1) == '_' && str_char_at(name, n - 2) == '_') return new_ref(name);
  for (ssize i = 0; i < n; i++)
    if (str_char_at(name, i) == '.') return new_ref(name);
  ssize cn = str_length(classname);
  ssize start = 0;
  while (start < cn && str_char_at(classname, start) == '_') start++;
  if (start == cn) return new_ref(name);
  Ref<> stripped = steal(str_substring(classname, start, cn));
  if (!stripped) return nullptr;
  return str_from_format("_%U%U", stripped.get(), name);
}

// ---------------------------------------------------------------- instance __dict__ / __weakref__

static Object* subtype_dict_get(Object* obj, void*) {
  Object** dp = object_dict_ptr(obj);
  if (!dp) return err_string(&exc::AttributeError, "This object has no __dict__");
  if (!*dp) {
    *dp = dict_new();
    if (!*dp) return nullptr;
  }
  return new_ref(*dp);
}

static int subtype_dict_set(Object* obj, Object* value, void*) {
  Object** dp = object_dict_ptr(obj);
  if (!dp) { err_set_string(&exc::AttributeError, "This object has no __dict__"); return -1; }
  if (value && !dict_check(value)) {
    err_format(&exc::TypeError, "__dict__ must be set to a dictionary, not a '%.200s'", type_of(value)->tp_name);
    return -1;
  }
  Object* old = *dp;
  *dp = xnew_ref(value);
  xdecref(old);
  return 0;
}

static Object* subtype_weakref_get(Object* obj, void*) {
  Type* t = type_of(obj);
  if (t->tp_weaklistoffset <= 0) return err_string(&exc::AttributeError, "This object has no __weakref__");
  Object* r = *reinterpret_cast<Object**>(reinterpret_cast<char*>(obj) + t->tp_weaklistoffset);
  return new_ref(r ? r : None);
}

static const GetSetDef subtype_getset_full[] = {
    {"__dict__", subtype_dict_get, subtype_dict_set, "dictionary for instance variables", nullptr},
    {"__weakref__", subtype_weakref_get, nullptr, "list of weak references to the object", nullptr},
    {nullptr, nullptr, nullptr, nullptr, nullptr},
};
static const GetSetDef subtype_getset_dict_only[] = {
    {"__dict__", subtype_dict_get, subtype_dict_set, "dictionary for instance variables", nullptr},
    {nullptr, nullptr, nullptr, nullptr, nullptr},
};
static const GetSetDef subtype_getset_weakref_only[] = {
    {"__weakref__", subtype_weakref_get, nullptr, "list of weak references to the object", nullptr},
    {nullptr, nullptr, nullptr, nullptr, nullptr},
};

// ---------------------------------------------------------------- instance dealloc / gc

static void clear_slots(Type* type, Object* self) {
  HeapType* ht = static_cast<HeapType*>(type);
  if (!ht->ht_members) return;
  for (MemberDef* m = ht->ht_members; m->name; m++) {
    if (m->kind == MemberKind::ObjectEx && !(m->flags & kMemberReadonly)) {
      Object** addr = reinterpret_cast<Object**>(reinterpret_cast<char*>(self) + m->offset);
      clear_ref(*addr);
    }
  }
}

void subtype_dealloc(Object* self) {
  Type* type = type_of(self);
  bool gc = type_has_flag(type, kTpflagsHaveGC);
  if (gc && gc_is_tracked(self)) gc_untrack(self);
  // Find the nearest base with a different deallocator.
  Type* base = type;
  while (base->tp_dealloc == subtype_dealloc) base = base->tp_base;
  if (type->tp_finalize) {
    // PEP 442: run __del__ with the object temporarily alive; it may resurrect.
    self->refcnt = 1;
    type->tp_finalize(self);
    if (--self->refcnt != 0) {
      if (gc) gc_track(self);
      return;
    }
  }
  if (type->tp_weaklistoffset && !base->tp_weaklistoffset) weakref_clear_refs(self);
  if (type->tp_del) {
    self->refcnt = 1;
    type->tp_del(self);
    if (--self->refcnt != 0) return;
  }
  // Clear __slots__ of every heap class up to the base.
  for (Type* t = type; t != base; t = t->tp_base) clear_slots(t, self);
  if (type->tp_dictoffset && !base->tp_dictoffset) {
    Object** dp = object_dict_ptr(self);
    if (dp) clear_ref(*dp);
  }
  if (type_has_flag(base, kTpflagsHaveGC) && gc) gc_track(self);
  base->tp_dealloc(self);
  decref(type);
}

int subtype_traverse(Object* self, VisitProc visit, void* arg) {
  Type* type = type_of(self);
  Type* base = type;
  while (base->tp_traverse == subtype_traverse) {
    HeapType* ht = static_cast<HeapType*>(base);
    if (ht->ht_members) {
      for (MemberDef* m = ht->ht_members; m->name; m++) {
        if (m->kind != MemberKind::ObjectEx) continue;
        Object* o = *reinterpret_cast<Object**>(reinterpret_cast<char*>(self) + m->offset);
        if (o) { int r = visit(o, arg); if (r) return r; }
      }
    }
    base = base->tp_base;
  }
  if (type->tp_dictoffset != base->tp_dictoffset) {
    Object** dp = object_dict_ptr(self);
    if (dp && *dp) { int r = visit(*dp, arg); if (r) return r; }
  }
  if (type_has_flag(type, kTpflagsHeapType)) {
    int r = visit(type, arg);
    if (r) return r;
  }
  if (base->tp_traverse) return base->tp_traverse(self, visit, arg);
  return 0;
}

int subtype_clear(Object* self) {
  Type* type = type_of(self);
  Type* base = type;
  while (base->tp_clear == subtype_clear) {
    clear_slots(base, self);
    base = base->tp_base;
  }
  if (type->tp_dictoffset != base->tp_dictoffset) {
    Object** dp = object_dict_ptr(self);
    if (dp && *dp) clear_ref(*dp);
  }
  if (base->tp_clear) return base->tp_clear(self);
  return 0;
}

void type_dealloc(Object* self) {
  Type* type = static_cast<Type*>(self);
  if (!type_has_flag(type, kTpflagsHeapType)) return;  // static types are immortal
  HeapType* ht = static_cast<HeapType*>(type);
  if (gc_is_tracked(self)) gc_untrack(self);
  type_modified(type);
  if (type->tp_bases) {
    for (ssize i = 0; i < tuple_size(type->tp_bases); i++)
      type_remove_subclass(static_cast<Type*>(tuple_get(type->tp_bases, i)), type);
  }
  if (type->tp_weaklistoffset) weakref_clear_refs(self);
  Type* meta = type_of(self);
  clear_ref(type->tp_dict);
  clear_ref(type->tp_bases);
  clear_ref(type->tp_mro);
  clear_ref(type->tp_cache);
  clear_ref(type->tp_subclasses);
  if (type->tp_base) { Type* b = type->tp_base; type->tp_base = nullptr; decref(b); }
  clear_ref(ht->ht_name);
  clear_ref(ht->ht_qualname);
  clear_ref(ht->ht_slots);
  clear_ref(ht->ht_module);
  if (ht->ht_members) {
    for (MemberDef* m = ht->ht_members; m->name; m++) mem_free(const_cast<char*>(m->name));
    mem_free(ht->ht_members);
  }
  mem_free(ht->ht_tpname);
  meta->tp_free(self);
  if (type_has_flag(meta, kTpflagsHeapType)) decref(meta);
}

// ---------------------------------------------------------------- type.__new__

static int set_names(Type* type) {
  Ref<> names = steal(dict_copy(type->tp_dict));
  if (!names) return -1;
  ssize pos = 0;
  Object *key, *value;
  while (dict_next(names.get(), &pos, &key, &value)) {
    int unbound;
    Ref<> set_name = steal(lookup_maybe_method(value, g_names.__set_name__, &unbound));
    if (!set_name) {
      if (err_occurred()) return -1;
      continue;
    }
    Object* args[2] = {type, key};
    Ref<> r = steal(call_unbound(set_name.get(), unbound, value, args, 2));
    if (!r) {
      // 3.12+: add a note naming the failing __set_name__ call.
      Object* e = err_get_raised();
      Ref<> note = steal(str_from_format("Error calling __set_name__ on '%.100s' instance %R in '%.100s'",
                                         type_of(value)->tp_name, key, type_name(type)));
      if (note && e) {
        Ref<> rr = steal(call_method_str(e, "add_note", {note.get()}));
        if (!rr) err_clear();
      } else {
        err_clear();
      }
      err_set_raised(e);
      return -1;
    }
  }
  return 0;
}

static int init_subclass(Type* type, Object* kwds) {
  // super(type, type).__init_subclass__(**kwds)
  Object* mro = type->tp_mro;
  Object* func = nullptr;
  Type* owner = nullptr;
  for (ssize i = 1; i < tuple_size(mro); i++) {
    Type* b = static_cast<Type*>(tuple_get(mro, i));
    Object* f = b->tp_dict ? dict_getitem(b->tp_dict, g_names.__init_subclass__) : nullptr;
    if (f) { func = f; owner = b; break; }
    if (err_occurred()) return -1;
  }
  if (!func) return 0;
  (void)owner;
  Ref<> keep = borrow(func);
  Ref<> bound;
  if (DescrGetFunc g = type_of(func)->tp_descr_get) {
    bound = steal(g(func, nullptr, type));
  } else {
    bound = borrow(func);
  }
  if (!bound) return -1;
  Ref<> empty = steal(tuple_new(0));
  if (!empty) return -1;
  Ref<> r = steal(object_call(bound.get(), empty.get(), kwds));
  return r ? 0 : -1;
}


Object* type_new_impl(Type* metatype, Object* args, Object* kwds) {
  ssize nargs = tuple_size(args);
  if (metatype == &TypeType && nargs == 1 && (!kwds || dict_size(kwds) == 0))
    return new_ref<Object>(type_of(tuple_get(args, 0)));
  if (nargs != 3) return err_format(&exc::TypeError, "type.__new__() takes exactly 3 arguments (%zd given)", nargs);
  Object* name = tuple_get(args, 0);
  Object* bases = tuple_get(args, 1);
  Object* orig_dict = tuple_get(args, 2);
  if (!str_check(name))
    return err_format(&exc::TypeError, "type.__new__() argument 1 must be str, not %.200s", type_of(name)->tp_name);
  if (!tuple_check(bases))
    return err_format(&exc::TypeError, "type.__new__() argument 2 must be tuple, not %.200s", type_of(bases)->tp_name);
  if (!dict_check(orig_dict))
    return err_format(&exc::TypeError, "type.__new__() argument 3 must be dict, not %.200s", type_of(orig_dict)->tp_name);

  Type* winner = calculate_metaclass(metatype, bases);
  if (!winner) return nullptr;
  if (winner != metatype && winner->tp_new != type_new_impl) return winner->tp_new(winner, args, kwds);
  metatype = winner;

  Ref<> bases_ref = borrow(bases);
  if (tuple_size(bases) == 0) {
    bases_ref = steal(tuple_pack({&ObjectType}));
    if (!bases_ref) return nullptr;
  } else {
    for (ssize i = 0; i < tuple_size(bases); i++) {
      Object* b = tuple_get(bases, i);
      if (type_check(b)) continue;
      Object* me;
      int r = object_lookup_attr(b, g_names.__mro_entries__, &me);
      if (r < 0) return nullptr;
      if (r > 0) {
        decref(me);
        return err_string(&exc::TypeError, "type() doesn't support MRO entry resolution; use types.new_class()");
      }
    }
  }
  bases = bases_ref.get();
  Type* base = best_base(bases);
  if (!base) return nullptr;

  Ref<> dict = steal(dict_copy(orig_dict));
  if (!dict) return nullptr;

  // __slots__
  Object* slots = dict_getitem(dict.get(), g_names.__slots__);
  if (!slots && err_occurred()) return nullptr;
  bool may_add_dict = base->tp_dictoffset == 0;
  bool may_add_weak = base->tp_weaklistoffset == 0 && base->tp_itemsize == 0;
  bool add_dict = false, add_weak = false;
  Ref<> slot_names;  // sorted mangled names (without __dict__/__weakref__)
  if (!slots) {
    add_dict = may_add_dict;
    add_weak = may_add_weak;
  } else {
    Ref<> tup;
    if (str_check(slots)) tup = steal(tuple_pack({slots}));
    else tup = steal(sequence_tuple(slots));
    if (!tup) return nullptr;
    ssize ns = tuple_size(tup.get());
    Ref<> list = steal(list_new(0));
    if (!list) return nullptr;
    for (ssize i = 0; i < ns; i++) {
      Object* s = tuple_get(tup.get(), i);
      if (!str_check(s))
        return err_format(&exc::TypeError, "__slots__ items must be strings, not '%.200s'", type_of(s)->tp_name);
      if (!str_is_identifier(s)) return err_string(&exc::TypeError, "__slots__ must be identifiers");
      if (str_eq(s, g_names.__dict__)) {
        if (!may_add_dict || add_dict)
          return err_string(&exc::TypeError, "__dict__ slot disallowed: we already got one");
        add_dict = true;
        continue;
      }
      if (str_eq(s, g_names.__weakref__)) {
        if (!may_add_weak || add_weak)
          return err_string(&exc::TypeError, "__weakref__ slot disallowed: we already got one");
        add_weak = true;
        continue;
      }
      Ref<> m = steal(mangle(name, s));
      if (!m) return nullptr;
      Ref<> interned = steal(str_intern(m.release()));
      if (!interned) return nullptr;
      int has = dict_contains(dict.get(), interned.get());
      if (has < 0) return nullptr;
      if (has) {
        // class variables named like slots conflict (except __qualname__/__classcell__ handled by the compiler)
        if (!str_eq(interned.get(), g_names.__qualname__) && !str_eq(interned.get(), g_names.__classcell__) &&
            !str_eq(interned.get(), g_names.__classdictcell__))
          return err_format(&exc::ValueError, "%R in __slots__ conflicts with class variable", s);
      }
      if (list_append(list.get(), interned.get()) < 0) return nullptr;
    }
    // int is fixed-size here but variable-sized in CPython: same refusal.
    if (list_size(list.get()) > 0 && (base->tp_itemsize != 0 || type_has_flag(base, kTpflagsLongSubclass)))
      return err_format(&exc::TypeError, "nonempty __slots__ not supported for subtype of '%s'", base->tp_name);
    if (list_sort(list.get()) < 0) return nullptr;
    slot_names = steal(list_as_tuple(list.get()));
    if (!slot_names) return nullptr;
  }
  // A class with several bases may get __dict__/__weakref__ from a later base.
  for (ssize i = 0; i < tuple_size(bases); i++) {
    Type* b = static_cast<Type*>(tuple_get(bases, i));
    if (b->tp_dictoffset) add_dict = add_dict && b == base ? add_dict : add_dict;
  }

  // Allocate the type object.
  Ref<> type_obj = steal(metatype->tp_alloc(metatype, 0));
  if (!type_obj) return nullptr;
  HeapType* et = static_cast<HeapType*>(type_obj.get());
  Type* type = et;
  type->tp_flags = kTpflagsDefault | kTpflagsHeapType | kTpflagsBaseType;
  if (type_has_flag(base, kTpflagsHaveGC) || add_dict || (slot_names && tuple_size(slot_names.get())) || true)
    type->tp_flags |= kTpflagsHaveGC;
  type->tp_as_async = &et->as_async;
  type->tp_as_number = &et->as_number;
  type->tp_as_sequence = &et->as_sequence;
  type->tp_as_mapping = &et->as_mapping;
  et->ht_name = new_ref(name);
  ssize namelen;
  const char* name_utf8 = str_as_utf8(name, &namelen);
  if (!name_utf8) return nullptr;
  if (ssize(strlen(name_utf8)) != namelen) return err_string(&exc::ValueError, "type name must not contain null characters");
  et->ht_tpname = static_cast<char*>(mem_alloc(namelen + 1));
  if (!et->ht_tpname) return err_no_memory();
  memcpy(et->ht_tpname, name_utf8, namelen + 1);
  type->tp_name = et->ht_tpname;
  type->tp_bases = new_ref(bases);
  type->tp_base = static_cast<Type*>(new_ref<Object>(base));
  type->tp_dict = new_ref(dict.get());
  type->tp_dealloc = subtype_dealloc;
  type->tp_alloc = type_generic_alloc;
  type->tp_free = object_free;
  type->tp_traverse = subtype_traverse;
  type->tp_clear = subtype_clear;
  type->tp_vectorcall = heap_type_vectorcall_entry;

  // __module__ from the caller's globals.
  int r = dict_contains(dict.get(), g_names.__module__);
  if (r < 0) return nullptr;
  if (!r) {
    Object* globals = eval_get_globals();
    if (globals) {
      Object* modname = dict_getitem(globals, g_names.__name__);
      if (modname && dict_setitem(dict.get(), g_names.__module__, modname) < 0) return nullptr;
      if (!modname && err_occurred()) return nullptr;
    }
  }
  // __qualname__
  Object* qualname = dict_getitem(dict.get(), g_names.__qualname__);
  if (qualname) {
    if (!str_check(qualname))
      return err_format(&exc::TypeError, "type __qualname__ must be a str, not %s", type_of(qualname)->tp_name);
    et->ht_qualname = new_ref(qualname);
    if (dict_delitem(dict.get(), g_names.__qualname__) < 0) return nullptr;
  } else {
    if (err_occurred()) return nullptr;
    et->ht_qualname = new_ref(name);
  }
  // __new__ is a static method; __init_subclass__ and __class_getitem__ are class methods.
  Object* tmp = dict_getitem(dict.get(), g_names.__new__);
  if (tmp && function_check(tmp)) {
    Ref<> sm = steal(staticmethod_new(tmp));
    if (!sm || dict_setitem(dict.get(), g_names.__new__, sm.get()) < 0) return nullptr;
  }
  for (Object* n : {g_names.__init_subclass__, g_names.__class_getitem__}) {
    tmp = dict_getitem(dict.get(), n);
    if (tmp && function_check(tmp)) {
      Ref<> cm = steal(classmethod_new(tmp));
      if (!cm || dict_setitem(dict.get(), n, cm.get()) < 0) return nullptr;
    }
  }

  // Layout.
  ssize slotoffset = base->tp_basicsize;
  ssize nslots = slot_names ? tuple_size(slot_names.get()) : 0;
  if (nslots) {
    et->ht_slots = new_ref(slot_names.get());
    et->ht_members = static_cast<MemberDef*>(mem_calloc(nslots + 1, sizeof(MemberDef)));
    if (!et->ht_members) return err_no_memory();
    for (ssize i = 0; i < nslots; i++) {
      ssize len;
      const char* s = str_as_utf8(tuple_get(slot_names.get(), i), &len);
      if (!s) return nullptr;
      char* copy = static_cast<char*>(mem_alloc(len + 1));
      if (!copy) return err_no_memory();
      memcpy(copy, s, len + 1);
      et->ht_members[i] = MemberDef{copy, MemberKind::ObjectEx, slotoffset, 0, nullptr};
      slotoffset += sizeof(Object*);
    }
  } else if (slot_names) {
    et->ht_slots = new_ref(slot_names.get());
  }
  if (add_dict) {
    if (base->tp_itemsize) type->tp_dictoffset = -ssize(sizeof(Object*));
    else { type->tp_dictoffset = slotoffset; slotoffset += sizeof(Object*); }
  }
  if (add_weak) {
    type->tp_weaklistoffset = slotoffset;
    slotoffset += sizeof(Object*);
  }
  type->tp_basicsize = slotoffset;
  type->tp_itemsize = base->tp_itemsize;
  type->tp_members = et->ht_members;
  if (add_dict && add_weak) type->tp_getset = subtype_getset_full;
  else if (add_dict) type->tp_getset = subtype_getset_dict_only;
  else if (add_weak) type->tp_getset = subtype_getset_weakref_only;

  // Descriptors for slots, __dict__, __weakref__ go straight into the dict.
  if (et->ht_members) {
    for (MemberDef* m = et->ht_members; m->name; m++) {
      Ref<> d = steal(descr_new_member(type, m));
      Ref<> n = steal(str_intern_cstr(m->name));
      if (!d || !n || dict_setitem(dict.get(), n.get(), d.get()) < 0) return nullptr;
    }
  }
  for (const GetSetDef* g = type->tp_getset; g && g->name; g++) {
    Ref<> n = steal(str_intern_cstr(g->name));
    if (!n) return nullptr;
    r = dict_contains(dict.get(), n.get());
    if (r < 0) return nullptr;
    if (r) continue;
    Ref<> d = steal(descr_new_getset(type, g));
    if (!d || dict_setitem(dict.get(), n.get(), d.get()) < 0) return nullptr;
  }

  // __doc__ defaults to None (after __dict__/__weakref__, as CPython orders them)
  r = dict_contains(dict.get(), g_names.__doc__);
  if (r < 0) return nullptr;
  if (!r && dict_setitem(dict.get(), g_names.__doc__, None) < 0) return nullptr;

  if (type_ready(type) < 0) return nullptr;
  fixup_slot_dispatchers(type);
  // A class whose instances need no tracking: nothing to do (always GC here).

  // __classcell__ / __classdictcell__
  Object* cell = dict_getitem(dict.get(), g_names.__classcell__);
  if (cell) {
    if (!cell_check(cell)) {
      return err_format(&exc::TypeError, "__classcell__ must be a nonlocal cell, not %.200R", type_of(cell));
    }
    xset_ref(static_cast<CellObject*>(cell)->ref, new_ref<Object>(type));
    if (dict_delitem(dict.get(), g_names.__classcell__) < 0) return nullptr;
  } else if (err_occurred()) {
    return nullptr;
  }
  cell = dict_getitem(dict.get(), g_names.__classdictcell__);
  if (cell) {
    if (!cell_check(cell)) {
      return err_format(&exc::TypeError, "__classdictcell__ must be a nonlocal cell, not %.200R", type_of(cell));
    }
    xset_ref(static_cast<CellObject*>(cell)->ref, new_ref(dict.get()));
    if (dict_delitem(dict.get(), g_names.__classdictcell__) < 0) return nullptr;
  } else if (err_occurred()) {
    return nullptr;
  }
  type_modified(type);
  if (set_names(type) < 0) return nullptr;
  if (init_subclass(type, kwds) < 0) return nullptr;
  return type_obj.release();
}

}  // namespace pyxx
