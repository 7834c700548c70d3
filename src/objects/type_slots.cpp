// The slot table (dunder name <-> type slot), the wrapper functions exposing
// C++ slots as wrapper_descriptors (int.__add__), and the slot functions that
// make classes defined in Python dispatch to their dunder methods, kept in
// sync by update_slot() when a class attribute is assigned.
#include <cstring>
#include <string>
#include "core/abstract.h"
#include "core/alloc.h"
#include "core/error.h"
#include "core/state.h"
#include "objects/dict.h"
#include "objects/exceptions.h"
#include "objects/function.h"
#include "objects/int.h"
#include "objects/method.h"
#include "objects/range.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type_internal.h"

namespace pyxx {

// ---------------------------------------------------------------- calling helpers

Object* lookup_maybe_method(Object* self, Object* name, int* unbound) {
  Type* t = type_of(self);
  Object* res = type_lookup(t, name);
  if (!res) { *unbound = 0; return nullptr; }
  Type* rt = type_of(res);
  if (type_has_flag(rt, kTpflagsMethodDescriptor)) {
    *unbound = 1;
    return new_ref(res);
  }
  *unbound = 0;
  if (DescrGetFunc g = rt->tp_descr_get) {
    Ref<> keep = borrow(res);
    return g(res, self, t);
  }
  return new_ref(res);
}

Object* call_unbound(Object* func, int unbound, Object* self, Object* const* args, ssize nargs) {
  if (!unbound) return vectorcall(func, args, size_t(nargs), nullptr);
  Object* small[6];
  Object** stack = small;
  if (nargs + 1 > 6) {
    stack = static_cast<Object**>(mem_alloc(sizeof(Object*) * (nargs + 2)));
    if (!stack) return err_no_memory();
  }
  stack[1] = self;
  for (ssize i = 0; i < nargs; i++) stack[i + 2] = args[i];
  Object* r = vectorcall(func, stack + 1, size_t(nargs + 1) | kVectorcallArgumentsOffset, nullptr);
  if (stack != small) mem_free(stack);
  return r;
}

Object* vectorcall_special(Object* self, Object* name, Object* const* args, ssize nargs) {
  int unbound;
  Ref<> f = steal(lookup_maybe_method(self, name, &unbound));
  if (!f) {
    if (!err_occurred()) err_set_object(&exc::AttributeError, name);
    return nullptr;
  }
  return call_unbound(f.get(), unbound, self, args, nargs);
}

Object* vectorcall_special_maybe(Object* self, Object* name, Object* const* args, ssize nargs) {
  int unbound;
  Ref<> f = steal(lookup_maybe_method(self, name, &unbound));
  if (!f) {
    if (err_occurred()) return nullptr;
    return new_ref(NotImplemented);
  }
  return call_unbound(f.get(), unbound, self, args, nargs);
}

bool is_dunder_name(Object* name) {
  if (!str_check(name)) return false;
  ssize n = str_length(name);
  if (n < 5) return false;
  return str_char_at(name, 0) == '_' && str_char_at(name, 1) == '_' && str_char_at(name, n - 1) == '_' &&
         str_char_at(name, n - 2) == '_';
}

// ---------------------------------------------------------------- wrappers

static bool check_nargs(ssize nargs, ssize n) {
  if (nargs == n) return true;
  err_format(&exc::TypeError, "expected %zd argument%s, got %zd", n, n == 1 ? "" : "s", nargs);
  return false;
}

#define NEED(n) if (!check_nargs(nargs, n)) return nullptr

static Object* wrap_unaryfunc(Object* self, Object* const* args, ssize nargs, Object*, void* w) {
  NEED(0);
  return reinterpret_cast<UnaryFunc>(w)(self);
}
static Object* wrap_binaryfunc(Object* self, Object* const* args, ssize nargs, Object*, void* w) {
  NEED(1);
  return reinterpret_cast<BinaryFunc>(w)(self, args[0]);
}
static Object* wrap_binaryfunc_r(Object* self, Object* const* args, ssize nargs, Object*, void* w) {
  NEED(1);
  return reinterpret_cast<BinaryFunc>(w)(args[0], self);
}
static Object* wrap_ternaryfunc(Object* self, Object* const* args, ssize nargs, Object*, void* w) {
  if (nargs < 1 || nargs > 2) {
    return err_format(&exc::TypeError, "expected %s, got %zd", nargs < 1 ? "at least 1 argument" : "at most 2 arguments", nargs);
  }
  return reinterpret_cast<TernaryFunc>(w)(self, args[0], nargs == 2 ? args[1] : None);
}
static Object* wrap_ternaryfunc_r(Object* self, Object* const* args, ssize nargs, Object*, void* w) {
  if (nargs < 1 || nargs > 2) {
    return err_format(&exc::TypeError, "expected %s, got %zd", nargs < 1 ? "at least 1 argument" : "at most 2 arguments", nargs);
  }
  return reinterpret_cast<TernaryFunc>(w)(args[0], self, nargs == 2 ? args[1] : None);
}
static Object* wrap_inquirypred(Object* self, Object* const* args, ssize nargs, Object*, void* w) {
  NEED(0);
  int r = reinterpret_cast<InquiryFunc>(w)(self);
  if (r < 0) return nullptr;
  return new_ref(bool_from(r));
}
static Object* wrap_lenfunc(Object* self, Object* const* args, ssize nargs, Object*, void* w) {
  NEED(0);
  ssize r = reinterpret_cast<LenFunc>(w)(self);
  if (r < 0 && err_occurred()) return nullptr;
  return int_from_ssize(r);
}
static Object* wrap_indexargfunc(Object* self, Object* const* args, ssize nargs, Object*, void* w) {
  NEED(1);
  Object* o = args[0];
  if (!index_check(o)) {
    return err_format(&exc::TypeError, "can't multiply sequence by non-int of type '%.200s'", type_of(o)->tp_name);
  }
  ssize i = number_as_ssize(o, &exc::OverflowError);
  if (i == -1 && err_occurred()) return nullptr;
  return reinterpret_cast<SsizeArgFunc>(w)(self, i);
}
static ssize getindex(Object* self, Object* arg) {
  ssize i = number_as_ssize(arg, &exc::OverflowError);
  if (i == -1 && err_occurred()) return -1;
  if (i < 0) {
    SequenceMethods* sq = type_of(self)->tp_as_sequence;
    if (sq && sq->sq_length) {
      ssize n = sq->sq_length(self);
      if (n < 0) return -1;
      i += n;
    }
  }
  return i;
}
static Object* wrap_sq_item(Object* self, Object* const* args, ssize nargs, Object*, void* w) {
  NEED(1);
  ssize i = getindex(self, args[0]);
  if (i == -1 && err_occurred()) return nullptr;
  return reinterpret_cast<SsizeArgFunc>(w)(self, i);
}
static Object* wrap_sq_setitem(Object* self, Object* const* args, ssize nargs, Object*, void* w) {
  NEED(2);
  ssize i = getindex(self, args[0]);
  if (i == -1 && err_occurred()) return nullptr;
  if (reinterpret_cast<SsizeObjArgProc>(w)(self, i, args[1]) < 0) return nullptr;
  return new_ref(None);
}
static Object* wrap_sq_delitem(Object* self, Object* const* args, ssize nargs, Object*, void* w) {
  NEED(1);
  ssize i = getindex(self, args[0]);
  if (i == -1 && err_occurred()) return nullptr;
  if (reinterpret_cast<SsizeObjArgProc>(w)(self, i, nullptr) < 0) return nullptr;
  return new_ref(None);
}
static Object* wrap_objobjproc(Object* self, Object* const* args, ssize nargs, Object*, void* w) {
  NEED(1);
  int r = reinterpret_cast<ObjObjProc>(w)(self, args[0]);
  if (r < 0) return nullptr;
  return new_ref(bool_from(r));
}
static Object* wrap_objobjargproc(Object* self, Object* const* args, ssize nargs, Object*, void* w) {
  NEED(2);
  if (reinterpret_cast<ObjObjArgProc>(w)(self, args[0], args[1]) < 0) return nullptr;
  return new_ref(None);
}
static Object* wrap_delitem(Object* self, Object* const* args, ssize nargs, Object*, void* w) {
  NEED(1);
  if (reinterpret_cast<ObjObjArgProc>(w)(self, args[0], nullptr) < 0) return nullptr;
  return new_ref(None);
}
// Refuses object.__setattr__(int, ...) style bypasses of a C++ type's own setattr.
static bool hackcheck(Object* self, SetAttroFunc func, const char* what) {
  Type* t = type_of(self);
  Object* mro = t->tp_mro;
  if (!mro) return true;
  // Find the first non-heap type in the MRO: its setattr must be func.
  Type* defining = nullptr;
  for (ssize i = 0; i < tuple_size(mro); i++) {
    Type* b = static_cast<Type*>(tuple_get(mro, i));
    if (!type_has_flag(b, kTpflagsHeapType)) { defining = b; break; }
  }
  if (defining && defining->tp_setattro != func) {
    err_format(&exc::TypeError, "can't apply this %s to %s object", what, defining->tp_name);
    return false;
  }
  return true;
}
static Object* wrap_setattr(Object* self, Object* const* args, ssize nargs, Object*, void* w) {
  NEED(2);
  auto f = reinterpret_cast<SetAttroFunc>(w);
  if (!hackcheck(self, f, "__setattr__")) return nullptr;
  if (f(self, args[0], args[1]) < 0) return nullptr;
  return new_ref(None);
}
static Object* wrap_delattr(Object* self, Object* const* args, ssize nargs, Object*, void* w) {
  NEED(1);
  auto f = reinterpret_cast<SetAttroFunc>(w);
  if (!hackcheck(self, f, "__delattr__")) return nullptr;
  if (f(self, args[0], nullptr) < 0) return nullptr;
  return new_ref(None);
}
static Object* wrap_hashfunc(Object* self, Object* const* args, ssize nargs, Object*, void* w) {
  NEED(0);
  Hash h = reinterpret_cast<HashFunc>(w)(self);
  if (h == -1 && err_occurred()) return nullptr;
  return int_from_i64(h);
}
static Object* wrap_call(Object* self, Object* const* args, ssize nargs, Object* kwnames, void* w) {
  Object *tup, *dict;
  if (stack_to_tuple_dict(args, nargs, kwnames, &tup, &dict) < 0) return nullptr;
  Object* r = reinterpret_cast<TernaryFunc>(w)(self, tup, dict);
  decref(tup);
  xdecref(dict);
  return r;
}
static Object* wrap_init(Object* self, Object* const* args, ssize nargs, Object* kwnames, void* w) {
  Object *tup, *dict;
  if (stack_to_tuple_dict(args, nargs, kwnames, &tup, &dict) < 0) return nullptr;
  int r = reinterpret_cast<InitProc>(w)(self, tup, dict);
  decref(tup);
  xdecref(dict);
  if (r < 0) return nullptr;
  return new_ref(None);
}
template <int Op>
static Object* wrap_richcmp(Object* self, Object* const* args, ssize nargs, Object*, void* w) {
  NEED(1);
  return reinterpret_cast<RichCmpFunc>(w)(self, args[0], Op);
}
static Object* wrap_next(Object* self, Object* const* args, ssize nargs, Object*, void* w) {
  NEED(0);
  Object* r = reinterpret_cast<IterNextFunc>(w)(self);
  if (!r && !err_occurred()) err_set_none(&exc::StopIteration);
  return r;
}
static Object* wrap_descr_get(Object* self, Object* const* args, ssize nargs, Object*, void* w) {
  if (nargs < 1 || nargs > 2) {
    return err_format(&exc::TypeError, "expected %s, got %zd", nargs < 1 ? "at least 1 argument" : "at most 2 arguments", nargs);
  }
  Object* obj = args[0];
  Object* type = nargs == 2 ? args[1] : nullptr;
  if (obj == None) obj = nullptr;
  if (type == None) type = nullptr;
  if (!type && !obj) return err_string(&exc::TypeError, "__get__(None, None) is invalid");
  return reinterpret_cast<DescrGetFunc>(w)(self, obj, type);
}
static Object* wrap_descr_set(Object* self, Object* const* args, ssize nargs, Object*, void* w) {
  NEED(2);
  if (reinterpret_cast<DescrSetFunc>(w)(self, args[0], args[1]) < 0) return nullptr;
  return new_ref(None);
}
static Object* wrap_descr_delete(Object* self, Object* const* args, ssize nargs, Object*, void* w) {
  NEED(1);
  if (reinterpret_cast<DescrSetFunc>(w)(self, args[0], nullptr) < 0) return nullptr;
  return new_ref(None);
}
static Object* wrap_del(Object* self, Object* const* args, ssize nargs, Object*, void* w) {
  NEED(0);
  reinterpret_cast<DestructorFunc>(w)(self);
  if (err_occurred()) return nullptr;
  return new_ref(None);
}
#undef NEED

// ---------------------------------------------------------------- slot functions

static Object* slot_tp_repr(Object* self) {
  int unbound;
  Ref<> f = steal(lookup_maybe_method(self, g_names.__repr__, &unbound));
  if (f) return call_unbound(f.get(), unbound, self, nullptr, 0);
  if (err_occurred()) return nullptr;
  return str_from_format("<%s object at %p>", type_name(type_of(self)), self);
}

static Object* slot_tp_str(Object* self) {
  return vectorcall_special(self, g_names.__str__, nullptr, 0);
}

static Hash slot_tp_hash(Object* self) {
  int unbound;
  Ref<> f = steal(lookup_maybe_method(self, g_names.__hash__, &unbound));
  if (!f) {
    if (err_occurred()) return -1;
    return hash_not_implemented(self);
  }
  if (f.get() == None) return hash_not_implemented(self);
  Ref<> r = steal(call_unbound(f.get(), unbound, self, nullptr, 0));
  if (!r) return -1;
  if (!int_check(r.get())) {
    err_set_string(&exc::TypeError, "__hash__ method should return an integer");
    return -1;
  }
  // Large values hash like the int itself, as CPython does.
  int overflow = 0;
  int64_t v = int_as_i64_overflow(r.get(), &overflow);
  Hash h;
  if (overflow) h = int_hash(r.get());
  else h = Hash(v);
  if (h == -1) h = -2;
  return h;
}

static Object* slot_tp_call(Object* self, Object* args, Object* kwds) {
  int unbound;
  Ref<> f = steal(lookup_maybe_method(self, g_names.__call__, &unbound));
  if (!f) {
    if (!err_occurred()) err_format(&exc::TypeError, "'%.200s' object is not callable", type_of(self)->tp_name);
    return nullptr;
  }
  if (!unbound) return object_call(f.get(), args, kwds);
  // prepend self
  ssize n = tuple_size(args);
  Ref<> a = steal(tuple_new(n + 1));
  if (!a) return nullptr;
  tuple_init_item(a.get(), 0, new_ref(self));
  for (ssize i = 0; i < n; i++) tuple_init_item(a.get(), i + 1, new_ref(tuple_get(args, i)));
  return object_call(f.get(), a.get(), kwds);
}

static Object* call_attribute(Object* self, Object* attr, Object* name) {
  if (type_has_flag(type_of(attr), kTpflagsMethodDescriptor)) {
    Object* args[2] = {self, name};
    return vectorcall(attr, args, 2, nullptr);
  }
  Ref<> bound;
  if (DescrGetFunc g = type_of(attr)->tp_descr_get) {
    bound = steal(g(attr, self, type_of(self)));
    if (!bound) return nullptr;
    attr = bound.get();
  }
  return call_one_arg(attr, name);
}

static Object* slot_tp_getattr_hook(Object* self, Object* name) {
  Type* tp = type_of(self);
  Object* getattr = type_lookup(tp, g_names.__getattr__);
  Object* getattribute = type_lookup(tp, g_names.__getattribute__);
  Ref<> keep_ga = xnew_ref(getattr) ? steal(getattr) : Ref<>();
  Ref<> res;
  if (getattribute && type_of(getattribute) == &WrapperDescrType &&
      static_cast<WrapperDescrObject*>(getattribute)->d_wrapped == reinterpret_cast<void*>(object_generic_getattr)) {
    if (getattr) {
      res = steal(object_generic_getattr_with_dict(self, name, nullptr, 1));
      if (res || err_occurred()) return res.release();
      return call_attribute(self, getattr, name);
    }
    return object_generic_getattr(self, name);
  }
  if (!getattribute) {
    res = steal(object_generic_getattr(self, name));
  } else {
    Ref<> keep = borrow(getattribute);
    res = steal(call_attribute(self, getattribute, name));
  }
  if (!res && getattr && err_exception_matches(&exc::AttributeError)) {
    err_clear();
    res = steal(call_attribute(self, getattr, name));
  }
  return res.release();
}

static int slot_tp_setattro(Object* self, Object* name, Object* value) {
  Ref<> r;
  if (value) {
    Object* args[2] = {name, value};
    r = steal(vectorcall_special(self, intern_cstr("__setattr__"), args, 2));
  } else {
    r = steal(vectorcall_special(self, intern_cstr("__delattr__"), &name, 1));
  }
  return r ? 0 : -1;
}

static Object* richcmp_names[6];

static Object* slot_tp_richcompare(Object* self, Object* other, int op) {
  int unbound;
  Ref<> f = steal(lookup_maybe_method(self, richcmp_names[op], &unbound));
  if (!f) {
    if (err_occurred()) return nullptr;
    return new_ref(NotImplemented);
  }
  return call_unbound(f.get(), unbound, self, &other, 1);
}

static Object* slot_tp_iter(Object* self) {
  int unbound;
  Ref<> f = steal(lookup_maybe_method(self, g_names.__iter__, &unbound));
  if (f.get() == None) {
    return err_format(&exc::TypeError, "'%.200s' object is not iterable", type_of(self)->tp_name);
  }
  if (f) return call_unbound(f.get(), unbound, self, nullptr, 0);
  if (err_occurred()) return nullptr;
  Ref<> gi = steal(lookup_maybe_method(self, g_names.__getitem__, &unbound));
  if (!gi) {
    if (err_occurred()) return nullptr;
    return err_format(&exc::TypeError, "'%.200s' object is not iterable", type_of(self)->tp_name);
  }
  return seq_iter_new(self);
}

static Object* slot_tp_iternext(Object* self) {
  return vectorcall_special(self, g_names.__next__, nullptr, 0);
}

static Object* slot_tp_descr_get(Object* self, Object* obj, Object* type) {
  Type* tp = type_of(self);
  Object* get = type_lookup(tp, g_names.__get__);
  if (!get) return new_ref(self);
  if (!obj) obj = None;
  if (!type) type = None;
  Object* args[3] = {self, obj, type};
  Ref<> keep = borrow(get);
  return vectorcall(get, args, 3, nullptr);
}

static int slot_tp_descr_set(Object* self, Object* target, Object* value) {
  Ref<> r;
  if (value) {
    Object* args[2] = {target, value};
    r = steal(vectorcall_special(self, g_names.__set__, args, 2));
  } else {
    r = steal(vectorcall_special(self, g_names.__delete__, &target, 1));
  }
  return r ? 0 : -1;
}

int slot_tp_init(Object* self, Object* args, Object* kwds) {
  int unbound;
  Ref<> f = steal(lookup_maybe_method(self, g_names.__init__, &unbound));
  if (!f) {
    if (!err_occurred()) err_set_object(&exc::AttributeError, g_names.__init__);
    return -1;
  }
  Ref<> r;
  if (unbound) {
    ssize n = tuple_size(args);
    Ref<> a = steal(tuple_new(n + 1));
    if (!a) return -1;
    tuple_init_item(a.get(), 0, new_ref(self));
    for (ssize i = 0; i < n; i++) tuple_init_item(a.get(), i + 1, new_ref(tuple_get(args, i)));
    r = steal(object_call(f.get(), a.get(), kwds));
  } else {
    r = steal(object_call(f.get(), args, kwds));
  }
  if (!r) return -1;
  if (r.get() != None) {
    err_format(&exc::TypeError, "__init__() should return None, not '%.200s'", type_of(r.get())->tp_name);
    return -1;
  }
  return 0;
}

// Vectorcall form used by the class constructor fast path (type.cpp).
Object* slot_tp_init_vectorcall(Object* self, Object* const* args, size_t nargsf, Object* kwnames) {
  int unbound;
  Ref<> f = steal(lookup_maybe_method(self, g_names.__init__, &unbound));
  if (!f) {
    if (!err_occurred()) err_set_object(&exc::AttributeError, g_names.__init__);
    return nullptr;
  }
  ssize nargs = vectorcall_nargs(nargsf);
  ssize nkw = kwnames ? tuple_size(kwnames) : 0;
  Ref<> r;
  if (!unbound) {
    r = steal(vectorcall(f.get(), args, size_t(nargs), kwnames));
  } else {
    Object* small[8];
    Object** stack = small;
    ssize total = nargs + nkw;
    if (total + 2 > 8) {
      stack = static_cast<Object**>(mem_alloc(sizeof(Object*) * (total + 2)));
      if (!stack) return err_no_memory();
    }
    stack[1] = self;
    for (ssize i = 0; i < total; i++) stack[i + 2] = args[i];
    r = steal(vectorcall(f.get(), stack + 1, size_t(nargs + 1) | kVectorcallArgumentsOffset, kwnames));
    if (stack != small) mem_free(stack);
  }
  if (!r) return nullptr;
  if (r.get() != None) {
    return err_format(&exc::TypeError, "__init__() should return None, not '%.200s'", type_of(r.get())->tp_name);
  }
  return r.release();
}

static Object* slot_tp_new(Type* type, Object* args, Object* kwds) {
  Ref<> func = steal(object_getattr(type, g_names.__new__));
  if (!func) return nullptr;
  ssize n = tuple_size(args);
  Ref<> a = steal(tuple_new(n + 1));
  if (!a) return nullptr;
  tuple_init_item(a.get(), 0, new_ref<Object>(type));
  for (ssize i = 0; i < n; i++) tuple_init_item(a.get(), i + 1, new_ref(tuple_get(args, i)));
  return object_call(func.get(), a.get(), kwds);
}

static void slot_tp_finalize(Object* self) {
  Object* exc = err_get_raised();
  int unbound;
  Ref<> del = steal(lookup_maybe_method(self, g_names.__del__, &unbound));
  if (del) {
    Ref<> r = steal(call_unbound(del.get(), unbound, self, nullptr, 0));
    if (!r) {
      // 3.14 wording: "Exception ignored while calling deallocator <repr>:"
      Object* e = err_get_raised();
      Ref<> fr = steal(object_repr(del.get()));
      std::string msg = "Exception ignored while calling deallocator ";
      if (fr) msg += std::string(str_view(fr.get()));
      else { err_clear(); msg += "<object repr() failed>"; }
      msg += ":";
      err_set_raised(e);
      err_write_unraisable(nullptr, msg.c_str());
    }
  } else if (err_occurred()) {
    err_write_unraisable(self);
  }
  if (exc) err_set_raised(exc);
}

// -- numbers

static int method_is_overloaded(Type* left, Type* right, Object* name) {
  Object* a = type_lookup(right, name);
  if (!a) return 0;
  Object* b = type_lookup(left, name);
  if (!b) return 1;
  return a != b;
}

struct BinOpInfo { BinaryFunc NumberMethods::*slot; const char* name; const char* rname; Object* n; Object* rn; };
static BinOpInfo binops[] = {
    {&NumberMethods::nb_add, "__add__", "__radd__", nullptr, nullptr},
    {&NumberMethods::nb_subtract, "__sub__", "__rsub__", nullptr, nullptr},
    {&NumberMethods::nb_multiply, "__mul__", "__rmul__", nullptr, nullptr},
    {&NumberMethods::nb_remainder, "__mod__", "__rmod__", nullptr, nullptr},
    {&NumberMethods::nb_divmod, "__divmod__", "__rdivmod__", nullptr, nullptr},
    {&NumberMethods::nb_lshift, "__lshift__", "__rlshift__", nullptr, nullptr},
    {&NumberMethods::nb_rshift, "__rshift__", "__rrshift__", nullptr, nullptr},
    {&NumberMethods::nb_and, "__and__", "__rand__", nullptr, nullptr},
    {&NumberMethods::nb_xor, "__xor__", "__rxor__", nullptr, nullptr},
    {&NumberMethods::nb_or, "__or__", "__ror__", nullptr, nullptr},
    {&NumberMethods::nb_floor_divide, "__floordiv__", "__rfloordiv__", nullptr, nullptr},
    {&NumberMethods::nb_true_divide, "__truediv__", "__rtruediv__", nullptr, nullptr},
    {&NumberMethods::nb_matrix_multiply, "__matmul__", "__rmatmul__", nullptr, nullptr},
};

static Object* slot_binary_generic(const BinOpInfo& info, Object* self, Object* other, BinaryFunc me) {
  Type* ts = type_of(self);
  Type* to = type_of(other);
  bool do_other = ts != to && to->tp_as_number && to->tp_as_number->*info.slot == me;
  if (ts->tp_as_number && ts->tp_as_number->*info.slot == me) {
    if (do_other && type_is_subtype(to, ts)) {
      int ov = method_is_overloaded(ts, to, info.rn);
      if (ov) {
        Object* r = vectorcall_special_maybe(other, info.rn, &self, 1);
        if (r != NotImplemented) return r;
        decref(r);
        do_other = false;
      }
    }
    Object* r = vectorcall_special_maybe(self, info.n, &other, 1);
    if (!r || r != NotImplemented || to == ts) return r;
    decref(r);
  }
  if (do_other) return vectorcall_special_maybe(other, info.rn, &self, 1);
  return new_ref(NotImplemented);
}

template <int I>
static Object* slot_nb_binary(Object* self, Object* other) {
  return slot_binary_generic(binops[I], self, other, &slot_nb_binary<I>);
}

static BinOpInfo pow_info = {nullptr, "__pow__", "__rpow__", nullptr, nullptr};
static Object* slot_nb_power(Object* self, Object* other, Object* mod);
static Object* slot_nb_power_binary(Object* self, Object* other) {
  // Same rules as the other binary slots, with nb_power as the identity test.
  Type* ts = type_of(self);
  Type* to = type_of(other);
  bool do_other = ts != to && to->tp_as_number && to->tp_as_number->nb_power == slot_nb_power;
  if (ts->tp_as_number && ts->tp_as_number->nb_power == slot_nb_power) {
    if (do_other && type_is_subtype(to, ts) && method_is_overloaded(ts, to, pow_info.rn)) {
      Object* r = vectorcall_special_maybe(other, pow_info.rn, &self, 1);
      if (r != NotImplemented) return r;
      decref(r);
      do_other = false;
    }
    Object* r = vectorcall_special_maybe(self, pow_info.n, &other, 1);
    if (!r || r != NotImplemented || to == ts) return r;
    decref(r);
  }
  if (do_other) return vectorcall_special_maybe(other, pow_info.rn, &self, 1);
  return new_ref(NotImplemented);
}
static Object* slot_nb_power(Object* self, Object* other, Object* mod) {
  if (mod == None) return slot_nb_power_binary(self, other);
  // 3.14: the binary rules with three arguments, so pow(a, b, m) also tries
  // b.__rpow__(a, m).
  Type* ts = type_of(self);
  Type* to = type_of(other);
  bool do_other = ts != to && to->tp_as_number && to->tp_as_number->nb_power == slot_nb_power;
  if (ts->tp_as_number && ts->tp_as_number->nb_power == slot_nb_power) {
    if (do_other && type_is_subtype(to, ts) && method_is_overloaded(ts, to, pow_info.rn)) {
      Object* rargs[2] = {self, mod};
      Object* r = vectorcall_special_maybe(other, pow_info.rn, rargs, 2);
      if (r != NotImplemented) return r;
      decref(r);
      do_other = false;
    }
    Object* args[2] = {other, mod};
    Object* r = vectorcall_special_maybe(self, pow_info.n, args, 2);
    if (!r || r != NotImplemented || to == ts) return r;
    decref(r);
  }
  if (do_other) {
    Object* rargs[2] = {self, mod};
    return vectorcall_special_maybe(other, pow_info.rn, rargs, 2);
  }
  return new_ref(NotImplemented);
}

struct UnOpInfo { const char* name; Object* n; };
static UnOpInfo unops[] = {
    {"__neg__", nullptr}, {"__pos__", nullptr}, {"__abs__", nullptr}, {"__invert__", nullptr},
    {"__int__", nullptr}, {"__float__", nullptr}, {"__index__", nullptr},
};
template <int I>
static Object* slot_nb_unary(Object* self) {
  return vectorcall_special(self, unops[I].n, nullptr, 0);
}

static const char* inplace_names[] = {
    "__iadd__", "__isub__", "__imul__", "__imod__", "__ilshift__", "__irshift__", "__iand__",
    "__ixor__", "__ior__", "__ifloordiv__", "__itruediv__", "__imatmul__", "__ipow__",
};
static Object* inplace_n[13];
template <int I>
static Object* slot_nb_inplace(Object* self, Object* other) {
  return vectorcall_special(self, inplace_n[I], &other, 1);
}
static Object* slot_nb_inplace_power(Object* self, Object* other, Object* mod) {
  return vectorcall_special(self, inplace_n[12], &other, 1);
}

static int slot_nb_bool(Object* self) {
  int unbound;
  bool using_len = false;
  Ref<> f = steal(lookup_maybe_method(self, g_names.__bool__, &unbound));
  if (!f) {
    if (err_occurred()) return -1;
    f = steal(lookup_maybe_method(self, g_names.__len__, &unbound));
    if (!f) return err_occurred() ? -1 : 1;
    using_len = true;
  }
  Ref<> r = steal(call_unbound(f.get(), unbound, self, nullptr, 0));
  if (!r) return -1;
  if (using_len) {
    // __len__ result goes through the same checks as len().
    if (!index_check(r.get())) {
      err_format(&exc::TypeError, "'%.200s' object cannot be interpreted as an integer", type_of(r.get())->tp_name);
      return -1;
    }
    ssize n = number_as_ssize(r.get(), &exc::OverflowError);
    if (n == -1 && err_occurred()) return -1;
    if (n < 0) { err_set_string(&exc::ValueError, "__len__() should return >= 0"); return -1; }
    return n > 0;
  }
  if (bool_check(r.get())) return r.get() == True;
  err_format(&exc::TypeError, "__bool__ should return bool, returned %.200s", type_of(r.get())->tp_name);
  return -1;
}

// -- sequences & mappings

static ssize slot_sq_length(Object* self) {
  Ref<> r = steal(vectorcall_special(self, g_names.__len__, nullptr, 0));
  if (!r) return -1;
  if (!index_check(r.get())) {
    err_format(&exc::TypeError, "'%.200s' object cannot be interpreted as an integer", type_of(r.get())->tp_name);
    return -1;
  }
  Ref<> idx = steal(number_index(r.get()));
  if (!idx) return -1;
  if (int_sign(idx.get()) < 0) { err_set_string(&exc::ValueError, "__len__() should return >= 0"); return -1; }
  ssize n = number_as_ssize(idx.get(), &exc::OverflowError);
  if (n == -1 && err_occurred()) return -1;
  return n;
}

static Object* slot_sq_item(Object* self, ssize i) {
  Ref<> idx = steal(int_from_ssize(i));
  if (!idx) return nullptr;
  Object* a = idx.get();
  return vectorcall_special(self, g_names.__getitem__, &a, 1);
}

static int slot_sq_contains(Object* self, Object* value) {
  int unbound;
  Ref<> f = steal(lookup_maybe_method(self, g_names.__contains__, &unbound));
  if (f.get() == None) {
    err_format(&exc::TypeError, "'%.200s' object is not a container", type_of(self)->tp_name);
    return -1;
  }
  if (f) {
    Ref<> r = steal(call_unbound(f.get(), unbound, self, &value, 1));
    if (!r) return -1;
    return object_is_true(r.get());
  }
  if (err_occurred()) return -1;
  // Fall back to iteration.
  Ref<> it = steal(object_get_iter(self));
  if (!it) return -1;
  for (;;) {
    Ref<> item = steal(iter_next(it.get()));
    if (!item) return err_occurred() ? -1 : 0;
    int c = object_richcompare_bool(item.get(), value, kEQ);
    if (c != 0) return c;
  }
}

static Object* slot_mp_subscript(Object* self, Object* key) {
  return vectorcall_special(self, g_names.__getitem__, &key, 1);
}

static int slot_mp_ass_subscript(Object* self, Object* key, Object* value) {
  Ref<> r;
  if (value) {
    Object* args[2] = {key, value};
    r = steal(vectorcall_special(self, intern_cstr("__setitem__"), args, 2));
  } else {
    r = steal(vectorcall_special(self, intern_cstr("__delitem__"), &key, 1));
  }
  return r ? 0 : -1;
}

static int slot_sq_ass_item(Object* self, ssize i, Object* value) {
  Ref<> idx = steal(int_from_ssize(i));
  if (!idx) return -1;
  return slot_mp_ass_subscript(self, idx.get(), value);
}

// -- async
static Object* slot_am_await(Object* self) { return vectorcall_special(self, intern_cstr("__await__"), nullptr, 0); }
static Object* slot_am_aiter(Object* self) { return vectorcall_special(self, intern_cstr("__aiter__"), nullptr, 0); }
static Object* slot_am_anext(Object* self) { return vectorcall_special(self, intern_cstr("__anext__"), nullptr, 0); }

// ---------------------------------------------------------------- the table

#define HOFF(f) static_cast<int>(offsetof(HeapType, f))
#define FN(f) ((void*)(f))
#define TP(name, field, fn, wrap, doc) {name, HOFF(field), FN(fn), wrap, doc, 0, nullptr}
#define TPK(name, field, fn, wrap, doc) {name, HOFF(field), FN(fn), wrap, doc, kSlotFlagKeywords, nullptr}
#define NB(name, field, fn, wrap, doc) {name, HOFF(as_number.field), FN(fn), wrap, doc, 0, nullptr}
#define MP(name, field, fn, wrap, doc) {name, HOFF(as_mapping.field), FN(fn), wrap, doc, 0, nullptr}
#define SQ(name, field, fn, wrap, doc) {name, HOFF(as_sequence.field), FN(fn), wrap, doc, 0, nullptr}
#define AM(name, field, fn, wrap, doc) {name, HOFF(as_async.field), FN(fn), wrap, doc, 0, nullptr}
#define BIN(n, rn, field, I, doc, rdoc)                                                             \
  NB(n, field, slot_nb_binary<I>, wrap_binaryfunc, "($self, value, /)\n--\n\n" doc),               \
  NB(rn, field, slot_nb_binary<I>, wrap_binaryfunc_r, "($self, value, /)\n--\n\n" rdoc)

SlotDef g_slotdefs[] = {
    TP("__getattribute__", tp_getattro, slot_tp_getattr_hook, wrap_binaryfunc,
       "($self, name, /)\n--\n\nReturn getattr(self, name)."),
    TP("__getattr__", tp_getattro, slot_tp_getattr_hook, nullptr, ""),
    TP("__setattr__", tp_setattro, slot_tp_setattro, wrap_setattr,
       "($self, name, value, /)\n--\n\nImplement setattr(self, name, value)."),
    TP("__delattr__", tp_setattro, slot_tp_setattro, wrap_delattr, "($self, name, /)\n--\n\nImplement delattr(self, name)."),
    TP("__repr__", tp_repr, slot_tp_repr, wrap_unaryfunc, "($self, /)\n--\n\nReturn repr(self)."),
    TP("__hash__", tp_hash, slot_tp_hash, wrap_hashfunc, "($self, /)\n--\n\nReturn hash(self)."),
    TPK("__call__", tp_call, slot_tp_call, wrap_call, "($self, /, *args, **kwargs)\n--\n\nCall self as a function."),
    TP("__str__", tp_str, slot_tp_str, wrap_unaryfunc, "($self, /)\n--\n\nReturn str(self)."),
    TP("__lt__", tp_richcompare, slot_tp_richcompare, wrap_richcmp<kLT>, "($self, value, /)\n--\n\nReturn self<value."),
    TP("__le__", tp_richcompare, slot_tp_richcompare, wrap_richcmp<kLE>, "($self, value, /)\n--\n\nReturn self<=value."),
    TP("__eq__", tp_richcompare, slot_tp_richcompare, wrap_richcmp<kEQ>, "($self, value, /)\n--\n\nReturn self==value."),
    TP("__ne__", tp_richcompare, slot_tp_richcompare, wrap_richcmp<kNE>, "($self, value, /)\n--\n\nReturn self!=value."),
    TP("__gt__", tp_richcompare, slot_tp_richcompare, wrap_richcmp<kGT>, "($self, value, /)\n--\n\nReturn self>value."),
    TP("__ge__", tp_richcompare, slot_tp_richcompare, wrap_richcmp<kGE>, "($self, value, /)\n--\n\nReturn self>=value."),
    TP("__iter__", tp_iter, slot_tp_iter, wrap_unaryfunc, "($self, /)\n--\n\nImplement iter(self)."),
    TP("__next__", tp_iternext, slot_tp_iternext, wrap_next, "($self, /)\n--\n\nImplement next(self)."),
    TP("__get__", tp_descr_get, slot_tp_descr_get, wrap_descr_get,
       "($self, instance, owner=None, /)\n--\n\nReturn an attribute of instance, which is of type owner."),
    TP("__set__", tp_descr_set, slot_tp_descr_set, wrap_descr_set,
       "($self, instance, value, /)\n--\n\nSet an attribute of instance to value."),
    TP("__delete__", tp_descr_set, slot_tp_descr_set, wrap_descr_delete,
       "($self, instance, /)\n--\n\nDelete an attribute of instance."),
    TPK("__init__", tp_init, slot_tp_init, wrap_init,
        "($self, /, *args, **kwargs)\n--\n\nInitialize self.  See help(type(self)) for accurate signature."),
    TP("__new__", tp_new, slot_tp_new, nullptr, "__new__(type, /, *args, **kwargs)\n--\n\nCreate and return new object.  See help(type) for accurate signature."),
    TP("__del__", tp_finalize, slot_tp_finalize, wrap_del,
       "($self, /)\n--\n\nCalled when the instance is about to be destroyed."),
    AM("__await__", am_await, slot_am_await, wrap_unaryfunc, "($self, /)\n--\n\nReturn an iterator to be used in await expression."),
    AM("__aiter__", am_aiter, slot_am_aiter, wrap_unaryfunc, "($self, /)\n--\n\nReturn an awaitable, that resolves in asynchronous iterator."),
    AM("__anext__", am_anext, slot_am_anext, wrap_unaryfunc, "($self, /)\n--\n\nReturn a value or raise StopAsyncIteration."),
    BIN("__add__", "__radd__", nb_add, 0, "Return self+value.", "Return value+self."),
    BIN("__sub__", "__rsub__", nb_subtract, 1, "Return self-value.", "Return value-self."),
    BIN("__mul__", "__rmul__", nb_multiply, 2, "Return self*value.", "Return value*self."),
    BIN("__mod__", "__rmod__", nb_remainder, 3, "Return self%value.", "Return value%self."),
    BIN("__divmod__", "__rdivmod__", nb_divmod, 4, "Return divmod(self, value).", "Return divmod(value, self)."),
    NB("__pow__", nb_power, slot_nb_power, wrap_ternaryfunc, "($self, value, mod=None, /)\n--\n\nReturn pow(self, value, mod)."),
    NB("__rpow__", nb_power, slot_nb_power, wrap_ternaryfunc_r, "($self, value, mod=None, /)\n--\n\nReturn pow(value, self, mod)."),
    NB("__neg__", nb_negative, slot_nb_unary<0>, wrap_unaryfunc, "($self, /)\n--\n\n-self"),
    NB("__pos__", nb_positive, slot_nb_unary<1>, wrap_unaryfunc, "($self, /)\n--\n\n+self"),
    NB("__abs__", nb_absolute, slot_nb_unary<2>, wrap_unaryfunc, "($self, /)\n--\n\nabs(self)"),
    NB("__bool__", nb_bool, slot_nb_bool, wrap_inquirypred, "($self, /)\n--\n\nTrue if self else False"),
    NB("__invert__", nb_invert, slot_nb_unary<3>, wrap_unaryfunc, "($self, /)\n--\n\n~self"),
    BIN("__lshift__", "__rlshift__", nb_lshift, 5, "Return self<<value.", "Return value<<self."),
    BIN("__rshift__", "__rrshift__", nb_rshift, 6, "Return self>>value.", "Return value>>self."),
    BIN("__and__", "__rand__", nb_and, 7, "Return self&value.", "Return value&self."),
    BIN("__xor__", "__rxor__", nb_xor, 8, "Return self^value.", "Return value^self."),
    BIN("__or__", "__ror__", nb_or, 9, "Return self|value.", "Return value|self."),
    NB("__int__", nb_int, slot_nb_unary<4>, wrap_unaryfunc, "($self, /)\n--\n\nint(self)"),
    NB("__float__", nb_float, slot_nb_unary<5>, wrap_unaryfunc, "($self, /)\n--\n\nfloat(self)"),
    NB("__iadd__", nb_inplace_add, slot_nb_inplace<0>, wrap_binaryfunc, "($self, value, /)\n--\n\nReturn self+=value."),
    NB("__isub__", nb_inplace_subtract, slot_nb_inplace<1>, wrap_binaryfunc, "($self, value, /)\n--\n\nReturn self-=value."),
    NB("__imul__", nb_inplace_multiply, slot_nb_inplace<2>, wrap_binaryfunc, "($self, value, /)\n--\n\nReturn self*=value."),
    NB("__imod__", nb_inplace_remainder, slot_nb_inplace<3>, wrap_binaryfunc, "($self, value, /)\n--\n\nReturn self%=value."),
    NB("__ipow__", nb_inplace_power, slot_nb_inplace_power, wrap_ternaryfunc, "($self, value, /)\n--\n\nReturn self**=value."),
    NB("__ilshift__", nb_inplace_lshift, slot_nb_inplace<4>, wrap_binaryfunc, "($self, value, /)\n--\n\nReturn self<<=value."),
    NB("__irshift__", nb_inplace_rshift, slot_nb_inplace<5>, wrap_binaryfunc, "($self, value, /)\n--\n\nReturn self>>=value."),
    NB("__iand__", nb_inplace_and, slot_nb_inplace<6>, wrap_binaryfunc, "($self, value, /)\n--\n\nReturn self&=value."),
    NB("__ixor__", nb_inplace_xor, slot_nb_inplace<7>, wrap_binaryfunc, "($self, value, /)\n--\n\nReturn self^=value."),
    NB("__ior__", nb_inplace_or, slot_nb_inplace<8>, wrap_binaryfunc, "($self, value, /)\n--\n\nReturn self|=value."),
    BIN("__floordiv__", "__rfloordiv__", nb_floor_divide, 10, "Return self//value.", "Return value//self."),
    BIN("__truediv__", "__rtruediv__", nb_true_divide, 11, "Return self/value.", "Return value/self."),
    NB("__ifloordiv__", nb_inplace_floor_divide, slot_nb_inplace<9>, wrap_binaryfunc, "($self, value, /)\n--\n\nReturn self//=value."),
    NB("__itruediv__", nb_inplace_true_divide, slot_nb_inplace<10>, wrap_binaryfunc, "($self, value, /)\n--\n\nReturn self/=value."),
    NB("__index__", nb_index, slot_nb_unary<6>, wrap_unaryfunc, "($self, /)\n--\n\nReturn self converted to an integer, if self is suitable for use as an index into a list."),
    BIN("__matmul__", "__rmatmul__", nb_matrix_multiply, 12, "Return self@value.", "Return value@self."),
    NB("__imatmul__", nb_inplace_matrix_multiply, slot_nb_inplace<11>, wrap_binaryfunc, "($self, value, /)\n--\n\nReturn self@=value."),
    MP("__len__", mp_length, slot_sq_length, wrap_lenfunc, "($self, /)\n--\n\nReturn len(self)."),
    MP("__getitem__", mp_subscript, slot_mp_subscript, wrap_binaryfunc, "($self, key, /)\n--\n\nReturn self[key]."),
    MP("__setitem__", mp_ass_subscript, slot_mp_ass_subscript, wrap_objobjargproc, "($self, key, value, /)\n--\n\nSet self[key] to value."),
    MP("__delitem__", mp_ass_subscript, slot_mp_ass_subscript, wrap_delitem, "($self, key, /)\n--\n\nDelete self[key]."),
    SQ("__len__", sq_length, slot_sq_length, wrap_lenfunc, "($self, /)\n--\n\nReturn len(self)."),
    SQ("__add__", sq_concat, nullptr, wrap_binaryfunc, "($self, value, /)\n--\n\nReturn self+value."),
    SQ("__mul__", sq_repeat, nullptr, wrap_indexargfunc, "($self, value, /)\n--\n\nReturn self*value."),
    SQ("__rmul__", sq_repeat, nullptr, wrap_indexargfunc, "($self, value, /)\n--\n\nReturn value*self."),
    SQ("__getitem__", sq_item, slot_sq_item, wrap_sq_item, "($self, key, /)\n--\n\nReturn self[key]."),
    SQ("__setitem__", sq_ass_item, slot_sq_ass_item, wrap_sq_setitem, "($self, key, value, /)\n--\n\nSet self[key] to value."),
    SQ("__delitem__", sq_ass_item, slot_sq_ass_item, wrap_sq_delitem, "($self, key, /)\n--\n\nDelete self[key]."),
    SQ("__contains__", sq_contains, slot_sq_contains, wrap_objobjproc, "($self, key, /)\n--\n\nReturn bool(key in self)."),
    SQ("__iadd__", sq_inplace_concat, nullptr, wrap_binaryfunc, "($self, value, /)\n--\n\nImplement self+=value."),
    SQ("__imul__", sq_inplace_repeat, nullptr, wrap_indexargfunc, "($self, value, /)\n--\n\nImplement self*=value."),
};
int g_slotdefs_count = sizeof(g_slotdefs) / sizeof(g_slotdefs[0]);

void slotdefs_init() {
  if (g_slotdefs[0].name_str) return;
  for (int i = 0; i < g_slotdefs_count; i++) g_slotdefs[i].name_str = intern_cstr(g_slotdefs[i].name);
  for (auto& b : binops) { b.n = intern_cstr(b.name); b.rn = intern_cstr(b.rname); }
  pow_info.n = intern_cstr(pow_info.name);
  pow_info.rn = intern_cstr(pow_info.rname);
  for (auto& u : unops) u.n = intern_cstr(u.name);
  for (int i = 0; i < 13; i++) inplace_n[i] = intern_cstr(inplace_names[i]);
  const char* rc[6] = {"__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"};
  for (int i = 0; i < 6; i++) richcmp_names[i] = intern_cstr(rc[i]);
}

void** slot_ptr(Type* type, int offset) {
  char* base;
  if (offset >= HOFF(as_sequence)) {
    base = reinterpret_cast<char*>(type->tp_as_sequence);
    offset -= HOFF(as_sequence);
  } else if (offset >= HOFF(as_mapping)) {
    base = reinterpret_cast<char*>(type->tp_as_mapping);
    offset -= HOFF(as_mapping);
  } else if (offset >= HOFF(as_number)) {
    base = reinterpret_cast<char*>(type->tp_as_number);
    offset -= HOFF(as_number);
  } else if (offset >= HOFF(as_async)) {
    base = reinterpret_cast<char*>(type->tp_as_async);
    offset -= HOFF(as_async);
  } else {
    base = reinterpret_cast<char*>(type);
  }
  if (!base) return nullptr;
  return reinterpret_cast<void**>(base + offset);
}

int add_operators(Type* type) {
  for (int i = 0; i < g_slotdefs_count; i++) {
    SlotDef* p = &g_slotdefs[i];
    if (!p->wrapper) continue;
    void** ptr = slot_ptr(type, p->offset);
    if (!ptr || !*ptr) continue;
    // A slot set to the same function as the base's is treated as inherited.
    if (type->tp_base) {
      void** bptr = slot_ptr(type->tp_base, p->offset);
      if (bptr && *bptr == *ptr) continue;
    }
    int r = dict_contains(type->tp_dict, p->name_str);
    if (r < 0) return -1;
    if (r) continue;
    if (*ptr == reinterpret_cast<void*>(hash_not_implemented)) {
      if (dict_setitem(type->tp_dict, p->name_str, None) < 0) return -1;
      continue;
    }
    Ref<> d = steal(descr_new_wrapper(type, p, *ptr));
    if (!d || dict_setitem(type->tp_dict, p->name_str, d.get()) < 0) return -1;
  }
  return 0;
}

// Decides the slot value for the group of slotdefs [p, end) sharing an offset.
static void update_one_slot(Type* type, SlotDef* p, SlotDef* end) {
  void** ptr = slot_ptr(type, p->offset);
  if (!ptr) return;
  void* generic = nullptr;
  void* specific = nullptr;
  bool use_generic = false;
  for (SlotDef* q = p; q < end; q++) {
    Object* descr = type_lookup(type, q->name_str);
    if (!descr) continue;
    if (type_of(descr) == &WrapperDescrType &&
        static_cast<WrapperDescrObject*>(descr)->d_base->offset == q->offset &&
        static_cast<WrapperDescrObject*>(descr)->d_base->wrapper == q->wrapper) {
      void* w = static_cast<WrapperDescrObject*>(descr)->d_wrapped;
      if (type_is_subtype(type, static_cast<WrapperDescrObject*>(descr)->d_type) && (!specific || specific == w)) {
        specific = w;
      } else {
        use_generic = true;
        generic = q->function;
      }
    } else if (q->offset == HOFF(tp_new) && is_tp_new_wrapper(descr)) {
      Type* owner = static_cast<Type*>(static_cast<CFunctionObject*>(descr)->m_self);
      specific = reinterpret_cast<void*>(owner->tp_new);
    } else if (descr == None && q->offset == HOFF(tp_hash)) {
      specific = reinterpret_cast<void*>(hash_not_implemented);
    } else {
      use_generic = true;
      generic = q->function;
    }
  }
  // Instances of a class overriding __call__ must not use the base's vectorcall.
  if (p->offset == HOFF(tp_call) && use_generic) type->tp_flags &= ~kTpflagsHaveVectorcall;
  if (specific && !use_generic) *ptr = specific;
  else if (generic) *ptr = generic;
  else if (specific || p->offset != HOFF(tp_new)) *ptr = specific;  // tp_new: keep the inherited one
}

void fixup_slot_dispatchers(Type* type) {
  for (int i = 0; i < g_slotdefs_count;) {
    int j = i + 1;
    while (j < g_slotdefs_count && g_slotdefs[j].offset == g_slotdefs[i].offset) j++;
    update_one_slot(type, &g_slotdefs[i], &g_slotdefs[j]);
    i = j;
  }
}

static void update_subclasses(Type* type, Object* name, SlotDef* p, SlotDef* end) {
  update_one_slot(type, p, end);
  Object* subs = type->tp_subclasses;
  if (!subs) return;
  ssize pos = 0;
  Object *k, *v;
  while (dict_next(subs, &pos, &k, &v)) {
    Type* sub = reinterpret_cast<Type*>(static_cast<intptr_t>(int_compact_value(v)));
    if (!type_has_flag(sub, kTpflagsHeapType)) continue;
    // A subclass defining the name itself is not affected.
    if (sub->tp_dict) {
      int r = dict_contains(sub->tp_dict, name);
      if (r < 0) { err_clear(); continue; }
      if (r) continue;
    }
    update_subclasses(sub, name, p, end);
  }
}

int update_slot(Type* type, Object* name) {
  for (int i = 0; i < g_slotdefs_count;) {
    int j = i + 1;
    while (j < g_slotdefs_count && g_slotdefs[j].offset == g_slotdefs[i].offset) j++;
    bool hit = false;
    for (int k = i; k < j; k++)
      if (g_slotdefs[k].name_str == name || str_eq(g_slotdefs[k].name_str, name)) hit = true;
    if (hit) update_subclasses(type, name, &g_slotdefs[i], &g_slotdefs[j]);
    i = j;
  }
  return 0;
}

// ---------------------------------------------------------------- tp_new wrapper

static Object* tp_new_wrapper(Object* self, Object* args, Object* kwds) {
  Type* type = static_cast<Type*>(self);
  if (!tuple_check(args) || tuple_size(args) < 1) {
    return err_format(&exc::TypeError, "%s.__new__(): not enough arguments", type_name(type));
  }
  Object* arg0 = tuple_get(args, 0);
  if (!type_check(arg0)) {
    return err_format(&exc::TypeError, "%s.__new__(X): X is not a type object (%s)", type_name(type), type_of(arg0)->tp_name);
  }
  Type* subtype = static_cast<Type*>(arg0);
  if (!type_is_subtype(subtype, type)) {
    return err_format(&exc::TypeError, "%s.__new__(%s): %s is not a subtype of %s", type_name(type), type_name(subtype),
                      type_name(subtype), type_name(type));
  }
  // The most derived non-heap base must use this tp_new (can't call int.__new__ on a str subclass).
  Type* staticbase = subtype;
  while (staticbase && staticbase->tp_new == slot_tp_new) staticbase = staticbase->tp_base;
  if (staticbase && staticbase->tp_new != type->tp_new) {
    return err_format(&exc::TypeError, "%s.__new__(%s) is not safe, use %s.__new__()", type_name(type), type_name(subtype),
                      type_name(staticbase));
  }
  Ref<> rest = steal(tuple_slice(args, 1, tuple_size(args)));
  if (!rest) return nullptr;
  return type->tp_new(subtype, rest.get(), kwds);
}

static const MethodDef tp_new_def = {
    "__new__", reinterpret_cast<void*>(tp_new_wrapper), kMethVarargs | kMethKeywords,
    "__new__($type, *args, **kwargs)\n--\n\nCreate and return a new object.  See help(type) for accurate signature."};

Object* make_tp_new_wrapper(Type* type) { return cfunction_new(&tp_new_def, type, nullptr); }
bool is_tp_new_wrapper(Object* descr) {
  return type_of(descr) == &CFunctionType && static_cast<CFunctionObject*>(descr)->m_ml == &tp_new_def;
}

}  // namespace pyxx
