// The generic object protocol (core/abstract.h): attribute access, calls
// (vectorcall with tp_call fallback), comparison, truth, hashing, isinstance,
// sequences/mappings/iteration, text conversion. Numbers are in number.cpp.
#include <cstring>
#include "core/abstract.h"
#include "objects/genericalias.h"  // genericalias area: type[...]
#include "core/alloc.h"
#include "core/error.h"
#include "core/state.h"
#include "objects/dict.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/method.h"
#include "objects/range.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type_internal.h"
#include "vm/eval.h"

namespace pyxx {

// ---------------------------------------------------------------- attributes

void attribute_error_set_context(Object* obj, Object* name) {
  if (!err_exception_matches(&exc::AttributeError)) return;
  Object* e = err_get_raised();
  if (e && type_is_subtype(type_of(e), &exc::AttributeError)) {
    auto* ae = static_cast<AttributeErrorObject*>(e);
    if (!ae->name) {
      ae->name = new_ref(name);
      xset_ref(ae->obj, new_ref(obj));
    }
  }
  err_set_raised(e);
}

static Object* attr_name_type_error(Object* name) {
  return err_format(&exc::TypeError, "attribute name must be string, not '%.200s'", type_of(name)->tp_name);
}

Object* object_getattr(Object* obj, Object* name) {
  Type* tp = type_of(obj);
  if (PYXX_UNLIKELY(!str_check(name))) return attr_name_type_error(name);
  if (PYXX_LIKELY(tp->tp_getattro != nullptr)) return tp->tp_getattro(obj, name);
  err_format(&exc::AttributeError, "'%.100s' object has no attribute '%U'", tp->tp_name, name);
  attribute_error_set_context(obj, name);
  return nullptr;
}

Object* object_getattr_str(Object* obj, const char* name) {
  Ref<> n = steal(str_intern_cstr(name));
  if (!n) return nullptr;
  return object_getattr(obj, n.get());
}

int object_lookup_attr(Object* obj, Object* name, Object** result) {
  Type* tp = type_of(obj);
  if (!str_check(name)) { *result = nullptr; attr_name_type_error(name); return -1; }
  if (tp->tp_getattro == object_generic_getattr) {
    *result = object_generic_getattr_with_dict(obj, name, nullptr, 1);
    if (*result) return 1;
    return err_occurred() ? -1 : 0;
  }
  if (!tp->tp_getattro) { *result = nullptr; return 0; }
  *result = tp->tp_getattro(obj, name);
  if (*result) return 1;
  if (!err_exception_matches(&exc::AttributeError)) return -1;
  err_clear();
  return 0;
}

int object_hasattr(Object* obj, Object* name) {
  Object* r;
  int rc = object_lookup_attr(obj, name, &r);
  xdecref(r);
  return rc;
}

int object_setattr(Object* obj, Object* name, Object* value) {
  Type* tp = type_of(obj);
  if (!str_check(name)) {
    attr_name_type_error(name);
    return -1;
  }
  Ref<> keep = borrow(name);
  if (str_check_exact(name) && !as_str(name)->interned) {
    keep = steal(str_intern(new_ref(name)));
    if (!keep) return -1;
  }
  if (tp->tp_setattro) return tp->tp_setattro(obj, keep.get(), value);
  if (!tp->tp_getattro) {
    err_format(&exc::TypeError, "'%.100s' object has no attributes (%s .%U)", tp->tp_name,
               value ? "assign to" : "del", name);
  } else {
    err_format(&exc::TypeError, "'%.100s' object has only read-only attributes (%s .%U)", tp->tp_name,
               value ? "assign to" : "del", name);
  }
  return -1;
}

int object_setattr_str(Object* obj, const char* name, Object* value) {
  Ref<> n = steal(str_intern_cstr(name));
  if (!n) return -1;
  return object_setattr(obj, n.get(), value);
}

int object_delattr(Object* obj, Object* name) { return object_setattr(obj, name, nullptr); }

int object_get_method(Object* obj, Object* name, Object** method) {
  Type* tp = type_of(obj);
  if (tp->tp_getattro != object_generic_getattr || !str_check(name)) {
    *method = object_getattr(obj, name);
    return *method ? 0 : -1;
  }
  Object* descr = type_lookup(tp, name);
  DescrGetFunc f = nullptr;
  bool meth_found = false;
  if (descr) {
    Type* dt = type_of(descr);
    if (type_has_flag(dt, kTpflagsMethodDescriptor)) {
      meth_found = true;
    } else {
      f = dt->tp_descr_get;
      if (f && dt->tp_descr_set) {
        Ref<> keep = borrow(descr);
        *method = f(descr, obj, tp);
        return *method ? 0 : -1;
      }
    }
  }
  Object** dictptr = object_dict_ptr(obj);
  if (dictptr && *dictptr) {
    Object* dict = *dictptr;
    Object* attr;
    incref(dict);
    int r = dict_getitem_ref(dict, name, &attr);
    decref(dict);
    if (r > 0) { *method = attr; return 0; }
    if (r < 0) { *method = nullptr; return -1; }
  }
  if (meth_found) { *method = new_ref(descr); return 1; }
  if (f) {
    Ref<> keep = borrow(descr);
    *method = f(descr, obj, tp);
    return *method ? 0 : -1;
  }
  if (descr) { *method = new_ref(descr); return 0; }
  err_format(&exc::AttributeError, "'%.100s' object has no attribute '%U'", tp->tp_name, name);
  attribute_error_set_context(obj, name);
  *method = nullptr;
  return -1;
}

Object** object_dict_ptr(Object* obj) {
  Type* tp = type_of(obj);
  ssize off = tp->tp_dictoffset;
  if (off == 0) return nullptr;
  if (off < 0) {
    // Variable-size objects: the dict slot follows the items (see docs/types.md).
    ssize size = var_size(obj);
    if (size < 0) size = -size;
    size_t total = size_t(tp->tp_basicsize) + size_t(size) * size_t(tp->tp_itemsize);
    total = (total + 7) & ~size_t(7);
    return reinterpret_cast<Object**>(reinterpret_cast<char*>(obj) + total);
  }
  return reinterpret_cast<Object**>(reinterpret_cast<char*>(obj) + off);
}

// ---------------------------------------------------------------- repr / str / ascii / format

Object* object_repr(Object* obj) {
  if (!obj) return str_from_cstr("<NULL>");
  Type* tp = type_of(obj);
  if (!tp->tp_repr) return str_from_format("<%s object at %p>", tp->tp_name, obj);
  if (enter_recursive_call(" while getting the repr of an object")) return nullptr;
  Object* r = tp->tp_repr(obj);
  leave_recursive_call();
  if (r && !str_check(r)) {
    err_format(&exc::TypeError, "__repr__ returned non-string (type %.200s)", type_of(r)->tp_name);
    decref(r);
    return nullptr;
  }
  return r;
}

Object* object_str(Object* obj) {
  if (!obj) return str_from_cstr("<NULL>");
  if (str_check_exact(obj)) return new_ref(obj);
  Type* tp = type_of(obj);
  if (!tp->tp_str) return object_repr(obj);
  if (enter_recursive_call(" while getting the str of an object")) return nullptr;
  Object* r = tp->tp_str(obj);
  leave_recursive_call();
  if (r && !str_check(r)) {
    err_format(&exc::TypeError, "__str__ returned non-string (type %.200s)", type_of(r)->tp_name);
    decref(r);
    return nullptr;
  }
  return r;
}

Object* object_ascii(Object* obj) {
  Ref<> r = steal(object_repr(obj));
  if (!r) return nullptr;
  Object* s = r.get();
  if (as_str(s)->ascii) return r.release();
  StrBuilder sb;
  ssize n = str_length(s);
  static const char hex[] = "0123456789abcdef";
  for (ssize i = 0; i < n; i++) {
    uint32_t c = str_char_at(s, i);
    bool ok;
    if (c < 128) {
      ok = sb.append_char(c);
    } else {
      char buf[12];
      int len;
      if (c < 0x100) { buf[0] = '\\'; buf[1] = 'x'; len = 2; for (int k = 1; k >= 0; k--) buf[len++] = hex[(c >> (4 * k)) & 15]; }
      else if (c < 0x10000) { buf[0] = '\\'; buf[1] = 'u'; len = 2; for (int k = 3; k >= 0; k--) buf[len++] = hex[(c >> (4 * k)) & 15]; }
      else { buf[0] = '\\'; buf[1] = 'U'; len = 2; for (int k = 7; k >= 0; k--) buf[len++] = hex[(c >> (4 * k)) & 15]; }
      ok = sb.append_ascii(std::string_view(buf, len));
    }
    if (!ok) return nullptr;
  }
  return sb.finish();
}

Object* object_format(Object* obj, Object* format_spec) {
  Ref<> empty;
  if (!format_spec) {
    empty = steal(str_empty());
    if (!empty) return nullptr;
    format_spec = empty.get();
  } else if (!str_check(format_spec)) {
    return err_format(&exc::TypeError, "format() argument 2 must be str, not %.100s", type_of(format_spec)->tp_name);
  }
  if (str_length(format_spec) == 0) {
    if (str_check_exact(obj)) return new_ref(obj);
    if (int_check_exact(obj)) return object_str(obj);
  }
  int unbound;
  Ref<> meth = steal(lookup_maybe_method(obj, g_names.__format__, &unbound));
  if (!meth) {
    if (err_occurred()) return nullptr;
    return err_format(&exc::TypeError, "Type %.100s doesn't define __format__", type_of(obj)->tp_name);
  }
  Object* r = call_unbound(meth.get(), unbound, obj, &format_spec, 1);
  if (r && !str_check(r)) {
    err_format(&exc::TypeError, "__format__ must return a str, not %.200s", type_of(r)->tp_name);
    decref(r);
    return nullptr;
  }
  return r;
}

// ---------------------------------------------------------------- hash / truth / compare

Hash hash_not_implemented(Object* obj) {
  err_format(&exc::TypeError, "unhashable type: '%.200s'", type_of(obj)->tp_name);
  return -1;
}

Hash object_hash(Object* obj) {
  Type* tp = type_of(obj);
  if (PYXX_LIKELY(tp->tp_hash != nullptr)) return tp->tp_hash(obj);
  if (!type_has_flag(tp, kTpflagsReady)) {
    if (type_ready(tp) < 0) return -1;
    if (tp->tp_hash) return tp->tp_hash(obj);
  }
  return hash_not_implemented(obj);
}

int object_is_true(Object* obj) {
  if (obj == True) return 1;
  if (obj == False || obj == None) return 0;
  Type* tp = type_of(obj);
  ssize res;
  if (tp->tp_as_number && tp->tp_as_number->nb_bool) {
    return tp->tp_as_number->nb_bool(obj);
  } else if (tp->tp_as_mapping && tp->tp_as_mapping->mp_length) {
    res = tp->tp_as_mapping->mp_length(obj);
  } else if (tp->tp_as_sequence && tp->tp_as_sequence->sq_length) {
    res = tp->tp_as_sequence->sq_length(obj);
  } else {
    return 1;
  }
  return res > 0 ? 1 : int(res);
}

int object_not(Object* obj) {
  int r = object_is_true(obj);
  return r < 0 ? r : !r;
}

static const int swapped_op[] = {kGT, kGE, kEQ, kNE, kLT, kLE};
static const char* const opstrings[] = {"<", "<=", "==", "!=", ">", ">="};

static Object* do_richcompare(Object* v, Object* w, int op) {
  Type* tv = type_of(v);
  Type* tw = type_of(w);
  bool checked_reverse = false;
  Object* r;
  if (tv != tw && tw->tp_richcompare && type_is_subtype(tw, tv)) {
    checked_reverse = true;
    r = tw->tp_richcompare(w, v, swapped_op[op]);
    if (r != NotImplemented) return r;
    decref(r);
  }
  if (tv->tp_richcompare) {
    r = tv->tp_richcompare(v, w, op);
    if (r != NotImplemented) return r;
    decref(r);
  }
  if (!checked_reverse && tw->tp_richcompare) {
    r = tw->tp_richcompare(w, v, swapped_op[op]);
    if (r != NotImplemented) return r;
    decref(r);
  }
  switch (op) {
    case kEQ: return new_ref(bool_from(v == w));
    case kNE: return new_ref(bool_from(v != w));
    default:
      return err_format(&exc::TypeError, "'%s' not supported between instances of '%.100s' and '%.100s'",
                        opstrings[op], tv->tp_name, tw->tp_name);
  }
}

Object* object_richcompare(Object* a, Object* b, int op) {
  if (enter_recursive_call(" in comparison")) return nullptr;
  Object* r = do_richcompare(a, b, op);
  leave_recursive_call();
  return r;
}

int object_richcompare_bool(Object* a, Object* b, int op) {
  if (a == b) {
    if (op == kEQ) return 1;
    if (op == kNE) return 0;
  }
  Object* r = object_richcompare(a, b, op);
  if (!r) return -1;
  int ok = r == True ? 1 : r == False ? 0 : object_is_true(r);
  decref(r);
  return ok;
}

// ---------------------------------------------------------------- isinstance / issubclass

static int get_bases_of(Object* cls, Object** bases) {
  int r = object_lookup_attr(cls, intern_cstr("__bases__"), bases);
  if (r > 0 && !tuple_check(*bases)) { clear_ref(*bases); return 0; }
  return r;
}

static int check_class(Object* cls, const char* error) {
  Object* bases;
  int r = get_bases_of(cls, &bases);
  if (r <= 0) {
    if (r == 0 && !err_occurred()) err_set_string(&exc::TypeError, error);
    return 0;
  }
  decref(bases);
  return 1;
}

static int abstract_issubclass(Object* derived, Object* cls) {
  // Walks __bases__ for non-type classes (single-inheritance loop, recursion otherwise).
  for (;;) {
    if (derived == cls) return 1;
    Object* bases;
    int r = get_bases_of(derived, &bases);
    if (r <= 0) return r;
    Ref<> keep = steal(bases);
    ssize n = tuple_size(bases);
    if (n == 0) return 0;
    if (n == 1) { derived = tuple_get(bases, 0); continue; }
    for (ssize i = 0; i < n; i++) {
      if (enter_recursive_call(" in __issubclass__")) return -1;
      r = abstract_issubclass(tuple_get(bases, i), cls);
      leave_recursive_call();
      if (r != 0) return r;
    }
    return 0;
  }
}

int object_recursive_isinstance(Object* inst, Object* cls) {
  if (type_check(cls)) {
    if (type_is_subtype(type_of(inst), static_cast<Type*>(cls))) return 1;
    Object* icls;
    int r = object_lookup_attr(inst, g_names.__class__, &icls);
    if (r <= 0) return r;
    Ref<> keep = steal(icls);
    if (icls != type_of(inst) && type_check(icls)) return type_is_subtype(static_cast<Type*>(icls), static_cast<Type*>(cls));
    return 0;
  }
  if (!check_class(cls, "isinstance() arg 2 must be a type, a tuple of types, or a union")) return -1;
  Object* icls;
  int r = object_lookup_attr(inst, g_names.__class__, &icls);
  if (r <= 0) return r;
  Ref<> keep = steal(icls);
  return abstract_issubclass(icls, cls);
}

int object_recursive_issubclass(Object* derived, Object* cls) {
  if (type_check(cls) && type_check(derived)) return type_is_subtype(static_cast<Type*>(derived), static_cast<Type*>(cls));
  if (!check_class(derived, "issubclass() arg 1 must be a class")) return -1;
  if (!check_class(cls, "issubclass() arg 2 must be a class, a tuple of classes, or a union")) return -1;
  return abstract_issubclass(derived, cls);
}

int object_isinstance(Object* inst, Object* cls) {
  if (reinterpret_cast<Object*>(type_of(inst)) == cls) return 1;
  if (type_of(cls) == &TypeType) return object_recursive_isinstance(inst, cls);
  if (tuple_check(cls)) {
    if (enter_recursive_call(" in __instancecheck__")) return -1;
    int r = 0;
    ssize n = tuple_size(cls);
    for (ssize i = 0; i < n; i++) {
      r = object_isinstance(inst, tuple_get(cls, i));
      if (r != 0) break;
    }
    leave_recursive_call();
    return r;
  }
  int unbound;
  Ref<> checker = steal(lookup_maybe_method(cls, g_names.__instancecheck__, &unbound));
  if (checker) {
    if (enter_recursive_call(" in __instancecheck__")) return -1;
    Ref<> r = steal(call_unbound(checker.get(), unbound, cls, &inst, 1));
    leave_recursive_call();
    if (!r) return -1;
    return object_is_true(r.get());
  }
  if (err_occurred()) return -1;
  return object_recursive_isinstance(inst, cls);
}

int object_issubclass(Object* derived, Object* cls) {
  if (type_of(cls) == &TypeType) {
    if (derived == cls) return 1;
    return object_recursive_issubclass(derived, cls);
  }
  if (tuple_check(cls)) {
    if (enter_recursive_call(" in __subclasscheck__")) return -1;
    int r = 0;
    ssize n = tuple_size(cls);
    for (ssize i = 0; i < n; i++) {
      r = object_issubclass(derived, tuple_get(cls, i));
      if (r != 0) break;
    }
    leave_recursive_call();
    return r;
  }
  int unbound;
  Ref<> checker = steal(lookup_maybe_method(cls, g_names.__subclasscheck__, &unbound));
  if (checker) {
    if (enter_recursive_call(" in __subclasscheck__")) return -1;
    Ref<> r = steal(call_unbound(checker.get(), unbound, cls, &derived, 1));
    leave_recursive_call();
    if (!r) return -1;
    return object_is_true(r.get());
  }
  if (err_occurred()) return -1;
  return object_recursive_issubclass(derived, cls);
}

Object* object_type(Object* obj) { return new_ref<Object>(type_of(obj)); }

Object* object_dir(Object* obj) {
  Ref<> result;
  if (!obj) {
    Object* locals = eval_get_locals();
    if (!locals) {
      if (!err_occurred()) err_set_string(&exc::SystemError, "frame does not exist");
      return nullptr;
    }
    Ref<> keep = steal(locals);
    result = steal(mapping_keys(locals));
    if (!result) return nullptr;
  } else {
    int unbound;
    Ref<> f = steal(lookup_maybe_method(obj, g_names.__dir__, &unbound));
    if (!f) {
      if (!err_occurred()) err_set_string(&exc::TypeError, "object does not provide __dir__");
      return nullptr;
    }
    Ref<> r = steal(call_unbound(f.get(), unbound, obj, nullptr, 0));
    if (!r) return nullptr;
    result = steal(sequence_list(r.get()));
    if (!result) return nullptr;
  }
  if (list_sort(result.get()) < 0) return nullptr;
  return result.release();
}

// ---------------------------------------------------------------- calls

static PYXX_ALWAYS_INLINE VectorcallFunc get_vectorcall(Object* callable) {
  Type* tp = type_of(callable);
  ssize off = tp->tp_vectorcall_offset;
  if (off <= 0) return nullptr;
  if (!type_has_flag(tp, kTpflagsHaveVectorcall) && type_has_flag(tp, kTpflagsHeapType)) return nullptr;
  return *reinterpret_cast<VectorcallFunc*>(reinterpret_cast<char*>(callable) + off);
}

VectorcallFunc vectorcall_function(Object* callable) { return get_vectorcall(callable); }

static Object* check_call_result(Object* callable, Object* r) {
  if (!r && !err_occurred()) {
    err_format(&exc::SystemError, "%R returned NULL without setting an exception", callable);
  }
  return r;
}

int stack_to_tuple_dict(Object* const* args, ssize nargs, Object* kwnames, Object** tuple, Object** dict) {
  *tuple = tuple_from_array(args, nargs);
  *dict = nullptr;
  if (!*tuple) return -1;
  if (kwnames && tuple_size(kwnames)) {
    ssize nk = tuple_size(kwnames);
    *dict = dict_new_presized(nk);
    if (!*dict) { clear_ref(*tuple); return -1; }
    for (ssize i = 0; i < nk; i++) {
      if (dict_setitem(*dict, tuple_get(kwnames, i), args[nargs + i]) < 0) {
        clear_ref(*tuple);
        clear_ref(*dict);
        return -1;
      }
    }
  }
  return 0;
}

Object* make_tp_call(Object* callable, Object* const* args, size_t nargsf, Object* kwnames) {
  TernaryFunc call = type_of(callable)->tp_call;
  if (!call) return err_format(&exc::TypeError, "'%.200s' object is not callable", type_of(callable)->tp_name);
  Object *tup, *dict;
  if (stack_to_tuple_dict(args, vectorcall_nargs(nargsf), kwnames, &tup, &dict) < 0) return nullptr;
  Object* r = nullptr;
  if (!enter_recursive_call(" while calling a Python object")) {
    r = call(callable, tup, dict);
    leave_recursive_call();
  }
  decref(tup);
  xdecref(dict);
  return check_call_result(callable, r);
}

Object* vectorcall(Object* callable, Object* const* args, size_t nargsf, Object* kwnames) {
  VectorcallFunc f = get_vectorcall(callable);
  if (PYXX_LIKELY(f != nullptr)) {
    Object* r = f(callable, args, nargsf, kwnames);
    if (PYXX_UNLIKELY(!r)) return check_call_result(callable, r);
    return r;
  }
  return make_tp_call(callable, args, nargsf, kwnames);
}

// Calls a vectorcall function with a (tuple, dict) pair.
static Object* vectorcall_from_tuple_dict(VectorcallFunc f, Object* callable, Object* args, Object* kwargs) {
  ssize nargs = tuple_size(args);
  if (!kwargs || dict_size(kwargs) == 0) return f(callable, tuple_items(args), size_t(nargs), nullptr);
  ssize nk = dict_size(kwargs);
  Object* small[16];
  Object** stack = small;
  if (nargs + nk + 1 > 16) {
    stack = static_cast<Object**>(mem_alloc(sizeof(Object*) * (nargs + nk + 1)));
    if (!stack) return err_no_memory();
  }
  Ref<> kwnames = steal(tuple_new(nk));
  if (!kwnames) { if (stack != small) mem_free(stack); return nullptr; }
  stack[0] = nullptr;
  for (ssize i = 0; i < nargs; i++) stack[i + 1] = tuple_get(args, i);
  ssize pos = 0, i = 0;
  Object *k, *v;
  bool ok = true;
  Ref<> kwcopy = borrow(kwargs);
  while (dict_next(kwargs, &pos, &k, &v)) {
    if (!str_check(k)) { ok = false; break; }
    tuple_init_item(kwnames.get(), i, new_ref(k));
    stack[nargs + 1 + i] = new_ref(v);
    i++;
  }
  Object* r = nullptr;
  if (!ok) {
    err_set_string(&exc::TypeError, "keywords must be strings");
  } else {
    r = f(callable, stack + 1, size_t(nargs) | kVectorcallArgumentsOffset, kwnames.get());
  }
  for (ssize j = 0; j < i; j++) decref(stack[nargs + 1 + j]);
  // unfilled kwnames entries (on error) must be valid for tuple dealloc
  for (ssize j = i; j < nk; j++) tuple_init_item(kwnames.get(), j, new_ref(None));
  if (stack != small) mem_free(stack);
  return r;
}

Object* object_call(Object* callable, Object* args, Object* kwargs) {
  VectorcallFunc f = get_vectorcall(callable);
  if (f) return check_call_result(callable, vectorcall_from_tuple_dict(f, callable, args, kwargs));
  TernaryFunc call = type_of(callable)->tp_call;
  if (!call) return err_format(&exc::TypeError, "'%.200s' object is not callable", type_of(callable)->tp_name);
  if (enter_recursive_call(" while calling a Python object")) return nullptr;
  Object* r = call(callable, args, kwargs);
  leave_recursive_call();
  return check_call_result(callable, r);
}

Object* vectorcall_call(Object* callable, Object* args, Object* kwargs) {
  VectorcallFunc f = get_vectorcall(callable);
  if (!f) return err_format(&exc::TypeError, "'%.200s' object does not support vectorcall", type_of(callable)->tp_name);
  return vectorcall_from_tuple_dict(f, callable, args, kwargs);
}

Object* call_no_args(Object* callable) { return vectorcall(callable, nullptr, 0, nullptr); }

Object* call_one_arg(Object* callable, Object* arg) {
  Object* stack[2] = {nullptr, arg};
  return vectorcall(callable, stack + 1, 1 | kVectorcallArgumentsOffset, nullptr);
}

Object* call_args(Object* callable, std::initializer_list<Object*> args) {
  return vectorcall(callable, args.begin(), args.size(), nullptr);
}

Object* call_method(Object* obj, Object* name, std::initializer_list<Object*> args) {
  Object* meth;
  int unbound = object_get_method(obj, name, &meth);
  if (unbound < 0) return nullptr;
  Ref<> keep = steal(meth);
  return call_unbound(meth, unbound, obj, args.begin(), ssize(args.size()));
}

Object* call_method_str(Object* obj, const char* name, std::initializer_list<Object*> args) {
  Ref<> n = steal(str_intern_cstr(name));
  if (!n) return nullptr;
  return call_method(obj, n.get(), args);
}

Object* call_special_method(Object* self, Object* name, std::initializer_list<Object*> args) {
  return vectorcall_special(self, name, args.begin(), ssize(args.size()));
}

// ---------------------------------------------------------------- sequences / mappings

ssize object_length(Object* obj) {
  Type* tp = type_of(obj);
  if (tp->tp_as_sequence && tp->tp_as_sequence->sq_length) return tp->tp_as_sequence->sq_length(obj);
  if (tp->tp_as_mapping && tp->tp_as_mapping->mp_length) return tp->tp_as_mapping->mp_length(obj);
  err_format(&exc::TypeError, "object of type '%.200s' has no len()", tp->tp_name);
  return -1;
}

ssize object_length_hint(Object* obj, ssize default_value) {
  Type* tp = type_of(obj);
  if ((tp->tp_as_sequence && tp->tp_as_sequence->sq_length) || (tp->tp_as_mapping && tp->tp_as_mapping->mp_length)) {
    ssize n = object_length(obj);
    if (n >= 0) return n;
    if (!err_exception_matches(&exc::TypeError)) return -1;
    err_clear();
  }
  int unbound;
  Ref<> hint = steal(lookup_maybe_method(obj, g_names.__length_hint__, &unbound));
  if (!hint) return err_occurred() ? -1 : default_value;
  Ref<> r = steal(call_unbound(hint.get(), unbound, obj, nullptr, 0));
  if (!r) {
    if (err_exception_matches(&exc::TypeError)) { err_clear(); return default_value; }
    return -1;
  }
  if (r.get() == NotImplemented) return default_value;
  if (!int_check(r.get())) {
    err_format(&exc::TypeError, "__length_hint__ must be an integer, not %.100s", type_of(r.get())->tp_name);
    return -1;
  }
  ssize n = int_as_ssize(r.get());
  if (n == -1 && err_occurred()) return -1;
  if (n < 0) { err_set_string(&exc::ValueError, "__length_hint__() should return >= 0"); return -1; }
  return n;
}

Object* object_getitem(Object* obj, Object* key) {
  Type* tp = type_of(obj);
  if (tp->tp_as_mapping && tp->tp_as_mapping->mp_subscript) return tp->tp_as_mapping->mp_subscript(obj, key);
  if (tp->tp_as_sequence && tp->tp_as_sequence->sq_item) {
    if (index_check(key)) {
      ssize i = number_as_ssize(key, &exc::IndexError);
      if (i == -1 && err_occurred()) return nullptr;
      return sequence_getitem(obj, i);
    }
    return err_format(&exc::TypeError, "sequence index must be integer, not '%.200s'", type_of(key)->tp_name);
  }
  if (type_check(obj)) {
    // type[...] is a GenericAlias (CPython special-cases it in PyObject_GetItem).
    if (obj == reinterpret_cast<Object*>(&TypeType)) return generic_alias_new(obj, key);
    Object* meth;
    int r = object_lookup_attr(obj, g_names.__class_getitem__, &meth);
    if (r < 0) return nullptr;
    if (r > 0) {
      Ref<> keep = steal(meth);
      return call_one_arg(meth, key);
    }
    return err_format(&exc::TypeError, "type '%.200s' is not subscriptable", static_cast<Type*>(obj)->tp_name);
  }
  return err_format(&exc::TypeError, "'%.200s' object is not subscriptable", tp->tp_name);
}

int object_setitem(Object* obj, Object* key, Object* value) {
  Type* tp = type_of(obj);
  if (tp->tp_as_mapping && tp->tp_as_mapping->mp_ass_subscript) return tp->tp_as_mapping->mp_ass_subscript(obj, key, value);
  if (tp->tp_as_sequence) {
    if (index_check(key)) {
      ssize i = number_as_ssize(key, &exc::IndexError);
      if (i == -1 && err_occurred()) return -1;
      SequenceMethods* sq = tp->tp_as_sequence;
      if (sq->sq_ass_item) {
        if (i < 0 && sq->sq_length) {
          ssize n = sq->sq_length(obj);
          if (n < 0) return -1;
          i += n;
        }
        return sq->sq_ass_item(obj, i, value);
      }
    } else if (tp->tp_as_sequence->sq_ass_item) {
      err_format(&exc::TypeError, "sequence index must be integer, not '%.200s'", type_of(key)->tp_name);
      return -1;
    }
  }
  if (value) err_format(&exc::TypeError, "'%.200s' object does not support item assignment", tp->tp_name);
  else err_format(&exc::TypeError, "'%.200s' object doesn't support item deletion", tp->tp_name);
  return -1;
}

int object_delitem(Object* obj, Object* key) { return object_setitem(obj, key, nullptr); }

Object* sequence_getitem(Object* seq, ssize i) {
  Type* tp = type_of(seq);
  SequenceMethods* sq = tp->tp_as_sequence;
  if (sq && sq->sq_item) {
    if (i < 0 && sq->sq_length) {
      ssize n = sq->sq_length(seq);
      if (n < 0) return nullptr;
      i += n;
    }
    return sq->sq_item(seq, i);
  }
  if (tp->tp_as_mapping && tp->tp_as_mapping->mp_subscript) {
    Ref<> k = steal(int_from_ssize(i));
    if (!k) return nullptr;
    return tp->tp_as_mapping->mp_subscript(seq, k.get());
  }
  return err_format(&exc::TypeError, "'%.200s' object does not support indexing", tp->tp_name);
}

int sequence_contains(Object* seq, Object* item) {
  Type* tp = type_of(seq);
  if (tp->tp_as_sequence && tp->tp_as_sequence->sq_contains) return tp->tp_as_sequence->sq_contains(seq, item);
  Ref<> it = steal(object_get_iter(seq));
  if (!it) {
    if (err_exception_matches(&exc::TypeError)) {
      err_clear();
      err_format(&exc::TypeError, "argument of type '%.200s' is not a container or iterable", tp->tp_name);
    }
    return -1;
  }
  IterNextFunc next = type_of(it.get())->tp_iternext;
  for (;;) {
    Object* x = next(it.get());
    if (!x) {
      if (err_occurred()) {
        if (!err_exception_matches(&exc::StopIteration)) return -1;
        err_clear();
      }
      return 0;
    }
    int c = object_richcompare_bool(x, item, kEQ);
    decref(x);
    if (c != 0) return c;
  }
}

Object* sequence_list(Object* iterable) {
  Ref<> l = steal(list_new(0));
  if (!l) return nullptr;
  if (list_extend(l.get(), iterable) < 0) return nullptr;
  return l.release();
}

Object* sequence_tuple(Object* iterable) {
  if (tuple_check_exact(iterable)) return new_ref(iterable);
  if (list_check_exact(iterable)) return list_as_tuple(iterable);
  // CPython 3.14's PySequence_Tuple does not consult __len__ /
  // __length_hint__ (a failing __len__ must not matter): just iterate.
  Ref<> it = steal(object_get_iter(iterable));
  if (!it) return nullptr;
  Ref<> l = steal(list_new(0));
  if (!l) return nullptr;
  for (;;) {
    Object* item = iter_next(it.get());
    if (!item) break;
    if (list_append_steal(l.get(), item) < 0) return nullptr;
  }
  if (err_occurred()) return nullptr;
  return list_as_tuple(l.get());
}

bool sequence_check(Object* obj) {
  if (dict_check(obj)) return false;
  SequenceMethods* sq = type_of(obj)->tp_as_sequence;
  return sq && sq->sq_item;
}

bool mapping_check(Object* obj) {
  MappingMethods* mp = type_of(obj)->tp_as_mapping;
  return mp && mp->mp_subscript;
}

Object* mapping_keys(Object* m) {
  if (dict_check_exact(m)) return dict_keys_list(m);
  Ref<> keys = steal(call_method(m, g_names.keys));
  if (!keys) return nullptr;
  if (list_check_exact(keys.get())) return keys.release();
  Ref<> it = steal(object_get_iter(keys.get()));
  if (!it) {
    if (err_exception_matches(&exc::TypeError)) {
      err_clear();
      err_format(&exc::TypeError, "%.200s.keys() returned a non-iterable (type %.200s)", type_of(m)->tp_name,
                 type_of(keys.get())->tp_name);
    }
    return nullptr;
  }
  return sequence_list(it.get());
}

// ---------------------------------------------------------------- iteration

Object* object_get_iter(Object* obj) {
  Type* tp = type_of(obj);
  GetIterFunc f = tp->tp_iter;
  if (!f) {
    if (sequence_check(obj)) return seq_iter_new(obj);
    return err_format(&exc::TypeError, "'%.200s' object is not iterable", tp->tp_name);
  }
  Object* r = f(obj);
  if (r && !iter_check(r)) {
    err_format(&exc::TypeError, "iter() returned non-iterator of type '%.100s'", type_of(r)->tp_name);
    decref(r);
    return nullptr;
  }
  return r;
}

Object* iter_next(Object* iter) {
  Object* r = type_of(iter)->tp_iternext(iter);
  if (!r) {
    Type* e = err_occurred();
    if (e && err_exception_matches(&exc::StopIteration)) err_clear();
  }
  return r;
}

bool iter_check(Object* obj) {
  IterNextFunc f = type_of(obj)->tp_iternext;
  return f != nullptr;
}

}  // namespace pyxx
