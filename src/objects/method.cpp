// Bound methods (types.MethodType): vectorcall prepends self without
// allocating (kVectorcallArgumentsOffset slot, or a small stack buffer).
#include "core/abstract.h"
#include "core/alloc.h"
#include "core/error.h"
#include "core/state.h"
#include "objects/dict.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type_internal.h"

namespace pyxx {

Type MethodType;

static Object* method_vectorcall(Object* callable, Object* const* args, size_t nargsf, Object* kwnames) {
  auto* m = static_cast<MethodObject*>(callable);
  Object* self = m->im_self;
  Object* func = m->im_func;
  ssize nargs = vectorcall_nargs(nargsf);
  if (nargsf & kVectorcallArgumentsOffset) {
    // args[-1] is ours to use temporarily.
    Object** newargs = const_cast<Object**>(args) - 1;
    Object* saved = newargs[0];
    newargs[0] = self;
    Object* r = vectorcall(func, newargs, size_t(nargs + 1), kwnames);
    newargs[0] = saved;
    return r;
  }
  ssize nkw = kwnames ? tuple_size(kwnames) : 0;
  ssize total = nargs + nkw;
  Object* small[8];
  Object** stack = small;
  if (total + 1 > 8) {
    stack = static_cast<Object**>(mem_alloc(sizeof(Object*) * (total + 1)));
    if (!stack) return err_no_memory();
  }
  stack[0] = self;
  for (ssize i = 0; i < total; i++) stack[i + 1] = args[i];
  Object* r = vectorcall(func, stack, size_t(nargs + 1), kwnames);
  if (stack != small) mem_free(stack);
  return r;
}

Object* method_new(Object* func, Object* self) {
  if (!self) return err_bad_internal_call("method_new");
  Object* o = type_generic_alloc(&MethodType, 0);
  if (!o) return nullptr;
  auto* m = static_cast<MethodObject*>(o);
  m->im_func = new_ref(func);
  m->im_self = new_ref(self);
  m->vectorcall = method_vectorcall;
  return o;
}

static void method_dealloc(Object* self) {
  auto* m = static_cast<MethodObject*>(self);
  if (gc_is_tracked(self)) gc_untrack(self);
  if (m->im_weakreflist) weakref_clear_refs(self);
  xdecref(m->im_func);
  xdecref(m->im_self);
  object_free(self);
}

static int method_traverse(Object* self, VisitProc visit, void* arg) {
  auto* m = static_cast<MethodObject*>(self);
  if (m->im_func) { int r = visit(m->im_func, arg); if (r) return r; }
  if (m->im_self) return visit(m->im_self, arg);
  return 0;
}

static Object* method_repr(Object* self) {
  auto* m = static_cast<MethodObject*>(self);
  Object* name;
  int r = object_lookup_attr(m->im_func, g_names.__qualname__, &name);
  if (r < 0) return nullptr;
  if (r == 0) {
    r = object_lookup_attr(m->im_func, g_names.__name__, &name);
    if (r < 0) return nullptr;
  }
  Ref<> keep = steal(name);
  if (name && !str_check(name)) keep = nullptr;
  if (!keep) return str_from_format("<bound method ? of %R>", m->im_self);
  return str_from_format("<bound method %U of %R>", keep.get(), m->im_self);
}

static Object* method_richcompare(Object* a, Object* b, int op) {
  if ((op != kEQ && op != kNE) || type_of(a) != &MethodType || type_of(b) != &MethodType) return new_ref(NotImplemented);
  auto* ma = static_cast<MethodObject*>(a);
  auto* mb = static_cast<MethodObject*>(b);
  int eq = object_richcompare_bool(ma->im_func, mb->im_func, kEQ);
  if (eq < 0) return nullptr;
  bool res = eq && ma->im_self == mb->im_self;
  return new_ref(bool_from(op == kEQ ? res : !res));
}

static Hash method_hash(Object* self) {
  auto* m = static_cast<MethodObject*>(self);
  Hash x = object_generic_hash(m->im_self);
  Hash y = object_hash(m->im_func);
  if (y == -1) return -1;
  Hash h = x ^ y;
  return h == -1 ? -2 : h;
}

// Attributes not defined on the method type come from the function.
static Object* method_getattro(Object* obj, Object* name) {
  Type* tp = type_of(obj);
  Object* descr = type_lookup(tp, name);
  if (descr) {
    if (DescrGetFunc f = type_of(descr)->tp_descr_get) {
      Ref<> keep = borrow(descr);
      return f(descr, obj, tp);
    }
    return new_ref(descr);
  }
  return object_getattr(static_cast<MethodObject*>(obj)->im_func, name);
}

static Object* method_descr_get(Object* self, Object* obj, Object* type) { return new_ref(self); }

static Object* method_new_impl(Type* type, Object* args, Object* kwds) {
  if (kwds && dict_size(kwds)) return err_string(&exc::TypeError, "method() takes no keyword arguments");
  if (tuple_size(args) != 2) return err_format(&exc::TypeError, "method expected 2 arguments, got %zd", tuple_size(args));
  Object* func = tuple_get(args, 0);
  Object* self = tuple_get(args, 1);
  if (!type_of(func)->tp_call && !vectorcall_function(func)) return err_string(&exc::TypeError, "first argument must be callable");
  if (self == None) return err_string(&exc::TypeError, "instance must not be None");
  return method_new(func, self);
}

static Object* mt_get_func(Object* self, void*) { return new_ref(static_cast<MethodObject*>(self)->im_func); }
static Object* mt_get_self(Object* self, void*) { return new_ref(static_cast<MethodObject*>(self)->im_self); }
static Object* mt_get_doc(Object* self, void*) { return object_getattr(static_cast<MethodObject*>(self)->im_func, g_names.__doc__); }

static Object* mt_reduce(Object* self, Object*) {
  auto* m = static_cast<MethodObject*>(self);
  Object* getattr_fn = dict_getitem_str(interp_get()->builtins, "getattr");
  if (!getattr_fn) return err_string(&exc::RuntimeError, "lost builtins.getattr");
  Ref<> name = steal(object_getattr(m->im_func, g_names.__name__));
  if (!name) return nullptr;
  Ref<> inner = steal(tuple_pack({m->im_self, name.get()}));
  if (!inner) return nullptr;
  return tuple_pack({getattr_fn, inner.get()});
}

static const GetSetDef method_getset[] = {
    {"__func__", mt_get_func, nullptr, "the function (or other callable) implementing a method", nullptr},
    {"__self__", mt_get_self, nullptr, "the instance to which a method is bound", nullptr},
    {"__doc__", mt_get_doc, nullptr, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr, nullptr},
};

static const MethodDef method_methods[] = {
    {"__reduce__", reinterpret_cast<void*>(mt_reduce), kMethNoArgs, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

void init_method_types() {
  MethodType.tp_name = "method";
  MethodType.tp_basicsize = sizeof(MethodObject);
  MethodType.tp_dealloc = method_dealloc;
  MethodType.tp_vectorcall_offset = offsetof(MethodObject, vectorcall);
  MethodType.tp_repr = method_repr;
  MethodType.tp_hash = method_hash;
  MethodType.tp_call = vectorcall_call;
  MethodType.tp_getattro = method_getattro;
  MethodType.tp_setattro = object_generic_setattr;
  MethodType.tp_flags = kTpflagsDefault | kTpflagsHaveGC | kTpflagsHaveVectorcall;
  MethodType.tp_doc = "method(function, instance, /)\n--\n\nCreate a bound instance method object.";
  MethodType.tp_traverse = method_traverse;
  MethodType.tp_richcompare = method_richcompare;
  MethodType.tp_weaklistoffset = offsetof(MethodObject, im_weakreflist);
  MethodType.tp_methods = method_methods;
  MethodType.tp_getset = method_getset;
  MethodType.tp_descr_get = method_descr_get;
  MethodType.tp_new = method_new_impl;
}

}  // namespace pyxx
