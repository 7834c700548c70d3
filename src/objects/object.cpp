// The `object` type: generic attribute access (descriptors, instance __dict__),
// __new__/__init__ excess-argument rules, default repr/str/hash/comparison,
// __class__ assignment, __dir__, __format__, __init_subclass__, __sizeof__.
#include <cstring>
#include "core/abstract.h"
#include "core/alloc.h"
#include "core/error.h"
#include "core/state.h"
#include "objects/dict.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/method.h"
#include "objects/module.h"
#include "modules/builtins.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type_internal.h"

namespace pyxx {

Type ObjectType;

// ---------------------------------------------------------------- generic getattr / setattr

Object* object_generic_getattr_with_dict(Object* obj, Object* name, Object* dict, int suppress) {
  Type* tp = type_of(obj);
  if (PYXX_UNLIKELY(!str_check(name))) {
    return err_format(&exc::TypeError, "attribute name must be string, not '%.200s'", type_of(name)->tp_name);
  }
  Object* descr = type_lookup(tp, name);
  DescrGetFunc f = nullptr;
  if (descr) {
    Type* dt = type_of(descr);
    f = dt->tp_descr_get;
    if (f && dt->tp_descr_set) {
      incref(descr);
      Object* r = f(descr, obj, tp);
      decref(descr);
      if (!r && suppress && err_exception_matches(&exc::AttributeError)) err_clear();
      return r;
    }
  }
  if (!dict) {
    Object** dictptr = object_dict_ptr(obj);
    if (dictptr) dict = *dictptr;
  }
  if (dict) {
    Object* r;
    incref(dict);
    int rc = dict_getitem_ref(dict, name, &r);
    decref(dict);
    if (rc > 0) return r;
    if (rc < 0) return nullptr;
  }
  if (f) {
    incref(descr);
    Object* r = f(descr, obj, tp);
    decref(descr);
    if (!r && suppress && err_exception_matches(&exc::AttributeError)) err_clear();
    return r;
  }
  if (descr) return new_ref(descr);
  if (suppress) return nullptr;
  err_format(&exc::AttributeError, "'%.100s' object has no attribute '%U'", tp->tp_name, name);
  attribute_error_set_context(obj, name);
  return nullptr;
}

Object* object_generic_getattr(Object* obj, Object* name) {
  return object_generic_getattr_with_dict(obj, name, nullptr, 0);
}

int object_generic_setattr_with_dict(Object* obj, Object* name, Object* value, Object* dict) {
  Type* tp = type_of(obj);
  if (!str_check(name)) {
    err_format(&exc::TypeError, "attribute name must be string, not '%.200s'", type_of(name)->tp_name);
    return -1;
  }
  Object* descr = type_lookup(tp, name);
  if (descr) {
    DescrSetFunc f = type_of(descr)->tp_descr_set;
    if (f) {
      incref(descr);
      int r = f(descr, obj, value);
      decref(descr);
      return r;
    }
  }
  if (!dict) {
    Object** dictptr = object_dict_ptr(obj);
    if (!dictptr) {
      if (!descr) {
        err_format(&exc::AttributeError, "'%.100s' object has no attribute '%U' and no __dict__ for setting new attributes",
                   tp->tp_name, name);
      } else {
        err_format(&exc::AttributeError, "'%.100s' object attribute '%U' is read-only", tp->tp_name, name);
      }
      attribute_error_set_context(obj, name);
      return -1;
    }
    if (!*dictptr) {
      if (!value) {
        err_format(&exc::AttributeError, "'%.100s' object has no attribute '%U'", tp->tp_name, name);
        attribute_error_set_context(obj, name);
        return -1;
      }
      *dictptr = dict_new();
      if (!*dictptr) return -1;
    }
    dict = *dictptr;
  }
  incref(dict);
  int r;
  if (value) {
    r = dict_setitem(dict, name, value);
  } else {
    r = dict_delitem(dict, name);
    if (r < 0 && err_exception_matches(&exc::KeyError)) {
      err_clear();
      err_format(&exc::AttributeError, "'%.100s' object has no attribute '%U'", tp->tp_name, name);
      attribute_error_set_context(obj, name);
    }
  }
  decref(dict);
  return r;
}

int object_generic_setattr(Object* obj, Object* name, Object* value) {
  return object_generic_setattr_with_dict(obj, name, value, nullptr);
}

// ---------------------------------------------------------------- new / init

static bool excess_args(Object* args, Object* kwds) {
  return tuple_size(args) || (kwds && dict_check(kwds) && dict_size(kwds));
}

static Object* abstract_instantiation_error(Type* type) {
  Object* am = dict_getitem(type->tp_dict, g_names.__abstractmethods__);
  Ref<> sorted;
  if (am) sorted = steal(sequence_list(am));
  if (!sorted) {
    if (!err_occurred()) err_format(&exc::TypeError, "Can't instantiate abstract class %s", type_name(type));
    return nullptr;
  }
  if (list_sort(sorted.get()) < 0) return nullptr;
  Ref<> sep = steal(str_from_cstr("', '"));
  if (!sep) return nullptr;
  Ref<> joined = steal(str_join(sep.get(), sorted.get()));
  if (!joined) return nullptr;
  return err_format(&exc::TypeError,
                    "Can't instantiate abstract class %s without an implementation for abstract method%s '%U'",
                    type_name(type), list_size(sorted.get()) > 1 ? "s" : "", joined.get());
}

Object* object_new_impl(Type* type, Object* args, Object* kwds) {
  if (excess_args(args, kwds)) {
    if (type->tp_new != object_new_impl) {
      return err_string(&exc::TypeError, "object.__new__() takes exactly one argument (the type to instantiate)");
    }
    if (type->tp_init == object_init_impl) {
      return err_format(&exc::TypeError, "%.200s() takes no arguments", type->tp_name);
    }
  }
  if (type_has_flag(type, kTpflagsIsAbstract)) return abstract_instantiation_error(type);
  return type->tp_alloc(type, 0);
}

int object_init_impl(Object* self, Object* args, Object* kwds) {
  Type* type = type_of(self);
  if (excess_args(args, kwds)) {
    if (type->tp_init != object_init_impl) {
      err_set_string(&exc::TypeError, "object.__init__() takes exactly one argument (the instance to initialize)");
      return -1;
    }
    if (type->tp_new == object_new_impl) {
      err_format(&exc::TypeError, "%.200s.__init__() takes exactly one argument (the instance to initialize)", type_name(type));
      return -1;
    }
  }
  return 0;
}

static void object_dealloc(Object* self) { type_of(self)->tp_free(self); }

// ---------------------------------------------------------------- repr / str / hash / compare

Object* object_default_repr(Object* self) {
  Type* type = type_of(self);
  Ref<> mod = steal(type_module_obj(type));
  if (!mod) err_clear();
  else if (!str_check(mod.get())) mod = nullptr;
  Ref<> qual = steal(object_getattr(type, g_names.__qualname__));
  if (!qual) return nullptr;
  if (mod && !str_eq_cstr(mod.get(), "builtins")) return str_from_format("<%U.%U object at %p>", mod.get(), qual.get(), self);
  return str_from_format("<%s object at %p>", type->tp_name, self);
}

Object* object_default_str(Object* self) {
  Type* type = type_of(self);
  if (!type->tp_repr) return object_default_repr(self);
  return object_repr(self);
}

Object* object_richcompare_impl(Object* self, Object* other, int op) {
  switch (op) {
    case kEQ:
      return new_ref(self == other ? True : NotImplemented);
    case kNE: {
      RichCmpFunc f = type_of(self)->tp_richcompare;
      if (!f) return new_ref(NotImplemented);
      Object* r = f(self, other, kEQ);
      if (r && r != NotImplemented) {
        int ok = object_is_true(r);
        decref(r);
        if (ok < 0) return nullptr;
        return new_ref(bool_from(!ok));
      }
      return r;
    }
    default:
      return new_ref(NotImplemented);
  }
}

Hash object_generic_hash(Object* self) {
  size_t y = reinterpret_cast<size_t>(self);
  y = (y >> 4) | (y << (8 * sizeof(void*) - 4));
  Hash h = Hash(y);
  if (h == -1) h = -2;
  return h;
}

// ---------------------------------------------------------------- __class__

static Object* object_get_class(Object* self, void*) { return new_ref<Object>(type_of(self)); }

Type* solid_base(Type* type);

static bool same_slots_added(Type* a, Type* b) {
  Type* base = a->tp_base;
  if (base != b->tp_base) return false;
  ssize size = base->tp_basicsize;
  if (a->tp_dictoffset == size && b->tp_dictoffset == size) size += sizeof(Object*);
  if (a->tp_weaklistoffset == size && b->tp_weaklistoffset == size) size += sizeof(Object*);
  Object* sa = static_cast<HeapType*>(a)->ht_slots;
  Object* sb = static_cast<HeapType*>(b)->ht_slots;
  if (sa && sb) {
    if (object_richcompare_bool(sa, sb, kEQ) != 1) { err_clear(); return false; }
    size += tuple_size(sa) * ssize(sizeof(Object*));
  }
  return size == a->tp_basicsize && size == b->tp_basicsize;
}

bool compatible_for_assignment(Type* oldto, Type* newto, const char* attr) {
  // CPython's GC and non-GC types have different tp_free: same test here.
  if (newto->tp_free != oldto->tp_free || type_has_flag(newto, kTpflagsHaveGC) != type_has_flag(oldto, kTpflagsHaveGC)) {
    err_format(&exc::TypeError, "%s assignment: '%s' deallocator differs from '%s'", attr, type_name(newto), type_name(oldto));
    return false;
  }
  Type* newbase = newto;
  Type* oldbase = oldto;
  while (newbase->tp_base && newbase->tp_basicsize == newbase->tp_base->tp_basicsize && newbase->tp_itemsize == newbase->tp_base->tp_itemsize &&
         newbase->tp_dictoffset == newbase->tp_base->tp_dictoffset && newbase->tp_weaklistoffset == newbase->tp_base->tp_weaklistoffset &&
         type_has_flag(newbase, kTpflagsHaveGC) == type_has_flag(newbase->tp_base, kTpflagsHaveGC))
    newbase = newbase->tp_base;
  while (oldbase->tp_base && oldbase->tp_basicsize == oldbase->tp_base->tp_basicsize && oldbase->tp_itemsize == oldbase->tp_base->tp_itemsize &&
         oldbase->tp_dictoffset == oldbase->tp_base->tp_dictoffset && oldbase->tp_weaklistoffset == oldbase->tp_base->tp_weaklistoffset &&
         type_has_flag(oldbase, kTpflagsHaveGC) == type_has_flag(oldbase->tp_base, kTpflagsHaveGC))
    oldbase = oldbase->tp_base;
  if (newbase != oldbase &&
      (newbase->tp_base != oldbase->tp_base || !type_has_flag(newbase, kTpflagsHeapType) ||
       !type_has_flag(oldbase, kTpflagsHeapType) || !same_slots_added(newbase, oldbase))) {
    err_format(&exc::TypeError, "%s assignment: '%s' object layout differs from '%s'", attr, type_name(newto), type_name(oldto));
    return false;
  }
  return true;
}

static int object_set_class(Object* self, Object* value, void*) {
  if (!value) {
    err_set_string(&exc::TypeError, "can't delete __class__ attribute");
    return -1;
  }
  if (!type_check(value)) {
    err_format(&exc::TypeError, "__class__ must be set to a class, not '%s' object", type_of(value)->tp_name);
    return -1;
  }
  Type* newto = static_cast<Type*>(value);
  Type* oldto = type_of(self);
  bool ok_new = type_has_flag(newto, kTpflagsHeapType) && !type_has_flag(newto, kTpflagsImmutableType);
  bool ok_old = type_has_flag(oldto, kTpflagsHeapType) && !type_has_flag(oldto, kTpflagsImmutableType);
  if (!(type_is_subtype(newto, &ModuleType) && type_is_subtype(oldto, &ModuleType)) && !(ok_new && ok_old)) {
    err_set_string(&exc::TypeError, "__class__ assignment only supported for mutable types or ModuleType subclasses");
    return -1;
  }
  if (!compatible_for_assignment(oldto, newto, "__class__")) return -1;
  if (type_has_flag(newto, kTpflagsHeapType)) incref(newto);
  self->type = newto;
  if (type_has_flag(oldto, kTpflagsHeapType)) decref(oldto);
  return 0;
}

static const GetSetDef object_getsets[] = {
    {"__class__", object_get_class, object_set_class, "the object's class", nullptr},
    {nullptr, nullptr, nullptr, nullptr, nullptr},
};

// ---------------------------------------------------------------- methods

static Object* object_subclasshook(Object* cls, Object* arg) { return new_ref(NotImplemented); }

static Object* object_init_subclass(Object* cls, Object* arg) { return new_ref(None); }

static Object* object_format_method(Object* self, Object* spec) {
  if (!str_check(spec)) {
    return err_format(&exc::TypeError, "__format__() argument must be str, not %.200s", type_of(spec)->tp_name);
  }
  if (str_length(spec) > 0) {
    return err_format(&exc::TypeError, "unsupported format string passed to %.200s.__format__", type_name(type_of(self)));
  }
  return object_str(self);
}

static Object* object_sizeof(Object* self, Object*) {
  Type* t = type_of(self);
  ssize size = t->tp_basicsize;
  if (t->tp_itemsize) {
    ssize n = var_size(self);
    if (n < 0) n = -n;
    size += n * t->tp_itemsize;
  }
  return int_from_ssize(size);
}

static int merge_class_dict(Object* dict, Object* cls) {
  Object* classdict;
  int r = object_lookup_attr(cls, g_names.__dict__, &classdict);
  if (r < 0) return -1;
  if (r > 0) {
    Ref<> keep = steal(classdict);
    if (dict_update(dict, classdict) < 0) return -1;
  }
  Object* bases;
  r = object_lookup_attr(cls, intern_cstr("__bases__"), &bases);
  if (r < 0) return -1;
  if (r > 0) {
    Ref<> keep = steal(bases);
    if (tuple_check(bases)) {
      for (ssize i = 0; i < tuple_size(bases); i++) {
        if (enter_recursive_call(" in __dir__")) return -1;
        int rr = merge_class_dict(dict, tuple_get(bases, i));
        leave_recursive_call();
        if (rr < 0) return -1;
      }
    }
  }
  return 0;
}

static Object* object_dir_method(Object* self, Object*) {
  Object* d;
  int r = object_lookup_attr(self, g_names.__dict__, &d);
  if (r < 0) return nullptr;
  Ref<> dict;
  if (r > 0 && dict_check(d)) {
    dict = steal(dict_copy(d));
    decref(d);
  } else {
    xdecref(d);
    dict = steal(dict_new());
  }
  if (!dict) return nullptr;
  Object* cls;
  r = object_lookup_attr(self, g_names.__class__, &cls);
  if (r < 0) return nullptr;
  if (r > 0) {
    Ref<> keep = steal(cls);
    if (merge_class_dict(dict.get(), cls) < 0) return nullptr;
  }
  return dict_keys_list(dict.get());
}

// ---------------------------------------------------------------- pickling support

static Object* import_copyreg() {
  Ref<> name = steal(str_from_cstr("copyreg"));
  if (!name) return nullptr;
  return import_module_level(name.get(), nullptr, nullptr, 0);
}

static Object* slot_names_of(Type* cls) {
  Object* sn = cls->tp_dict ? dict_getitem_str(cls->tp_dict, "__slotnames__") : nullptr;
  if (sn) return new_ref(sn);
  if (err_occurred()) return nullptr;
  Ref<> copyreg = steal(import_copyreg());
  if (!copyreg) return nullptr;
  Ref<> r = steal(call_method_str(copyreg.get(), "_slotnames", {cls}));
  if (!r) return nullptr;
  if (r.get() != None && !list_check(r.get())) {
    return err_string(&exc::TypeError, "copyreg._slotnames didn't return a list or None");
  }
  return r.release();
}

static Object* object_getstate_impl(Object* obj, bool required) {
  Type* t = type_of(obj);
  if (required && t->tp_itemsize) {
    return err_format(&exc::TypeError, "cannot pickle '%.200s' object", t->tp_name);
  }
  Ref<> state;
  Object** dp = object_dict_ptr(obj);
  if (dp && *dp && dict_size(*dp)) {
    state = steal(dict_copy(*dp));
    if (!state) return nullptr;
  } else {
    state = borrow(None);
  }
  Ref<> slotnames = steal(slot_names_of(t));
  if (!slotnames) return nullptr;
  ssize nslots = slotnames.get() == None ? 0 : list_size(slotnames.get());
  if (required) {
    ssize basicsize = ObjectType.tp_basicsize;
    if (t->tp_dictoffset) basicsize += sizeof(Object*);
    if (t->tp_weaklistoffset > 0) basicsize += sizeof(Object*);
    basicsize += nslots * ssize(sizeof(Object*));
    if (t->tp_basicsize > basicsize) return err_format(&exc::TypeError, "cannot pickle '%.200s' object", t->tp_name);
  }
  if (nslots) {
    Ref<> slots = steal(dict_new());
    if (!slots) return nullptr;
    for (ssize i = 0; i < nslots; i++) {
      Object* name = list_get(slotnames.get(), i);
      Object* v;
      int r = object_lookup_attr(obj, name, &v);
      if (r < 0) return nullptr;
      if (r > 0) {
        int rr = dict_setitem(slots.get(), name, v);
        decref(v);
        if (rr < 0) return nullptr;
      }
    }
    if (dict_size(slots.get())) {
      Ref<> st = steal(tuple_pack({state.get(), slots.get()}));
      if (!st) return nullptr;
      return st.release();
    }
  }
  return state.release();
}

static Object* object_getstate(Object* self, Object*) { return object_getstate_impl(self, false); }

static const MethodDef* object_getstate_def();

// obj.__getstate__(), with the "required" layout check when it is object's own.
static Object* get_state(Object* obj, bool required) {
  Ref<> getstate = steal(object_getattr_str(obj, "__getstate__"));
  if (!getstate) return nullptr;
  if (type_of(getstate.get()) == &CFunctionType && static_cast<CFunctionObject*>(getstate.get())->m_ml == object_getstate_def() &&
      static_cast<CFunctionObject*>(getstate.get())->m_self == obj) {
    return object_getstate_impl(obj, required);
  }
  return call_no_args(getstate.get());
}

// (args, kwargs) from __getnewargs_ex__ / __getnewargs__; both null when absent.
static int get_new_arguments(Object* obj, Object** args, Object** kwargs) {
  *args = *kwargs = nullptr;
  int unbound;
  Ref<> f = steal(lookup_maybe_method(obj, intern_cstr("__getnewargs_ex__"), &unbound));
  if (f) {
    Ref<> r = steal(call_unbound(f.get(), unbound, obj, nullptr, 0));
    if (!r) return -1;
    if (!tuple_check(r.get())) {
      err_format(&exc::TypeError, "__getnewargs_ex__ should return a tuple, not '%.200s'", type_of(r.get())->tp_name);
      return -1;
    }
    if (tuple_size(r.get()) != 2) {
      err_format(&exc::ValueError, "__getnewargs_ex__ should return a tuple of length 2, not %zd", tuple_size(r.get()));
      return -1;
    }
    Object* a = tuple_get(r.get(), 0);
    Object* k = tuple_get(r.get(), 1);
    if (!tuple_check(a)) {
      err_format(&exc::TypeError, "first item of the tuple returned by __getnewargs_ex__ must be a tuple, not '%.200s'",
                 type_of(a)->tp_name);
      return -1;
    }
    if (!dict_check(k)) {
      err_format(&exc::TypeError, "second item of the tuple returned by __getnewargs_ex__ must be a dict, not '%.200s'",
                 type_of(k)->tp_name);
      return -1;
    }
    *args = new_ref(a);
    *kwargs = new_ref(k);
    return 0;
  }
  if (err_occurred()) return -1;
  f = steal(lookup_maybe_method(obj, intern_cstr("__getnewargs__"), &unbound));
  if (f) {
    Ref<> r = steal(call_unbound(f.get(), unbound, obj, nullptr, 0));
    if (!r) return -1;
    if (!tuple_check(r.get())) {
      err_format(&exc::TypeError, "__getnewargs__ should return a tuple, not '%.200s'", type_of(r.get())->tp_name);
      return -1;
    }
    *args = r.release();
    return 0;
  }
  return err_occurred() ? -1 : 0;
}

static Object* reduce_newobj(Object* obj) {
  Type* t = type_of(obj);
  if (!t->tp_new) return err_format(&exc::TypeError, "cannot pickle '%.200s' object", t->tp_name);
  Object *a, *k;
  if (get_new_arguments(obj, &a, &k) < 0) return nullptr;
  Ref<> args = steal(a), kwargs = steal(k);
  Ref<> copyreg = steal(import_copyreg());
  if (!copyreg) return nullptr;
  bool hasargs = args.get() != nullptr;
  Ref<> newobj, newargs;
  if (!kwargs || dict_size(kwargs.get()) == 0) {
    newobj = steal(object_getattr_str(copyreg.get(), "__newobj__"));
    if (!newobj) return nullptr;
    ssize n = args ? tuple_size(args.get()) : 0;
    newargs = steal(tuple_new(n + 1));
    if (!newargs) return nullptr;
    tuple_init_item(newargs.get(), 0, new_ref<Object>(t));
    for (ssize i = 0; i < n; i++) tuple_init_item(newargs.get(), i + 1, new_ref(tuple_get(args.get(), i)));
  } else {
    newobj = steal(object_getattr_str(copyreg.get(), "__newobj_ex__"));
    if (!newobj) return nullptr;
    newargs = steal(tuple_pack({t, args.get(), kwargs.get()}));
    if (!newargs) return nullptr;
  }
  bool required = !hasargs && !list_check(obj) && !dict_check(obj);
  Ref<> state = steal(get_state(obj, required));
  if (!state) return nullptr;
  Ref<> listitems = borrow(None), dictitems = borrow(None);
  if (list_check(obj)) {
    listitems = steal(object_get_iter(obj));
    if (!listitems) return nullptr;
  }
  if (dict_check(obj)) {
    Ref<> items = steal(call_method_str(obj, "items"));
    if (!items) return nullptr;
    dictitems = steal(object_get_iter(items.get()));
    if (!dictitems) return nullptr;
  }
  return tuple_pack({newobj.get(), newargs.get(), state.get(), listitems.get(), dictitems.get()});
}

static Object* common_reduce(Object* self, int proto) {
  if (proto >= 2) return reduce_newobj(self);
  Ref<> copyreg = steal(import_copyreg());
  if (!copyreg) return nullptr;
  Ref<> p = steal(int_from_i64(proto));
  if (!p) return nullptr;
  return call_method_str(copyreg.get(), "_reduce_ex", {self, p.get()});
}

static Object* object_reduce(Object* self, Object*) { return common_reduce(self, 0); }

static Object* object_reduce_ex(Object* self, Object* protocol) {
  if (!int_check(protocol)) {
    return err_format(&exc::TypeError, "'%.200s' object cannot be interpreted as an integer", type_of(protocol)->tp_name);
  }
  int64_t proto = int_as_i64(protocol);
  if (proto == -1 && err_occurred()) return nullptr;
  // A class-level __reduce__ override wins.
  Object* reduce;
  int r = object_lookup_attr(self, intern_cstr("__reduce__"), &reduce);
  if (r < 0) return nullptr;
  if (r > 0) {
    Ref<> keep = steal(reduce);
    Object* cls_reduce = type_lookup(type_of(self), intern_cstr("__reduce__"));
    Object* obj_reduce = dict_getitem_str(ObjectType.tp_dict, "__reduce__");
    if (cls_reduce && cls_reduce != obj_reduce) return call_no_args(reduce);
  }
  return common_reduce(self, int(proto));
}

static const MethodDef object_methods[] = {
    {"__reduce_ex__", reinterpret_cast<void*>(object_reduce_ex), kMethO,
     "__reduce_ex__($self, protocol, /)\n--\n\nHelper for pickle."},
    {"__reduce__", reinterpret_cast<void*>(object_reduce), kMethNoArgs, "__reduce__($self, /)\n--\n\nHelper for pickle."},
    {"__getstate__", reinterpret_cast<void*>(object_getstate), kMethNoArgs,
     "__getstate__($self, /)\n--\n\nHelper for pickle."},
    {"__subclasshook__", reinterpret_cast<void*>(object_subclasshook), kMethClass | kMethO,
     "__subclasshook__($cls, subclass, /)\n--\n\nAbstract classes can override this to customize issubclass().\n\n"
     "This is invoked early on by abc.ABCMeta.__subclasscheck__().\nIt should return True, False or NotImplemented.  If it "
     "returns\nNotImplemented, the normal algorithm is used.  Otherwise, it\noverrides the normal algorithm (and the outcome "
     "is cached).\n"},
    {"__init_subclass__", reinterpret_cast<void*>(object_init_subclass), kMethClass | kMethNoArgs,
     "__init_subclass__($cls, /)\n--\n\nThis method is called when a class is subclassed.\n\n"
     "The default implementation does nothing. It may be\noverridden to extend subclasses.\n"},
    {"__format__", reinterpret_cast<void*>(object_format_method), kMethO,
     "__format__($self, format_spec, /)\n--\n\nDefault object formatter.\n\nReturn str(self) if format_spec is empty. "
     "Raise TypeError otherwise."},
    {"__sizeof__", reinterpret_cast<void*>(object_sizeof), kMethNoArgs,
     "__sizeof__($self, /)\n--\n\nSize of object in memory, in bytes."},
    {"__dir__", reinterpret_cast<void*>(object_dir_method), kMethNoArgs, "__dir__($self, /)\n--\n\nDefault dir() implementation."},
    {nullptr, nullptr, 0, nullptr},
};

static const MethodDef* object_getstate_def() {
  for (const MethodDef* m = object_methods; m->name; m++)
    if (std::strcmp(m->name, "__getstate__") == 0) return m;
  return nullptr;
}

void init_object_types() {
  ObjectType.tp_name = "object";
  ObjectType.tp_basicsize = sizeof(Object);
  ObjectType.tp_dealloc = object_dealloc;
  ObjectType.tp_repr = object_default_repr;
  ObjectType.tp_hash = object_generic_hash;
  ObjectType.tp_str = object_default_str;
  ObjectType.tp_getattro = object_generic_getattr;
  ObjectType.tp_setattro = object_generic_setattr;
  ObjectType.tp_flags = kTpflagsDefault | kTpflagsBaseType;
  ObjectType.tp_doc =
      "object()\n--\n\nThe base class of the class hierarchy.\n\nWhen called, it accepts no arguments and returns a new "
      "featureless\ninstance that has no instance attributes and cannot be given any.\n";
  ObjectType.tp_richcompare = object_richcompare_impl;
  ObjectType.tp_methods = object_methods;
  ObjectType.tp_getset = object_getsets;
  ObjectType.tp_init = object_init_impl;
  ObjectType.tp_alloc = type_generic_alloc;
  ObjectType.tp_new = object_new_impl;
  ObjectType.tp_free = object_free;
}

}  // namespace pyxx
