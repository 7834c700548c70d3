// builtin_function_or_method: C++ functions and bound C++ methods, called
// through vectorcall according to their METH_* flags; the argument-count
// helpers giving CPython's messages.
#include <cstring>
#include "core/abstract.h"
#include "core/alloc.h"
#include "core/error.h"
#include "core/state.h"
#include "objects/dict.h"
#include "objects/exceptions.h"
#include "objects/module.h"
#include "objects/int.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type_internal.h"

namespace pyxx {

Type CFunctionType;

bool check_no_kwargs(const char* funcname, Object* kwnames) {
  if (!kwnames || tuple_size(kwnames) == 0) return true;
  err_format(&exc::TypeError, "%.200s() takes no keyword arguments", funcname);
  return false;
}

bool check_positional(const char* funcname, ssize nargs, ssize min, ssize max) {
  if (nargs < min) {
    err_format(&exc::TypeError, "%.200s expected %s%zd argument%s, got %zd", funcname, min == max ? "" : "at least ", min,
               min == 1 ? "" : "s", nargs);
    return false;
  }
  if (nargs > max) {
    err_format(&exc::TypeError, "%.200s expected %s%zd argument%s, got %zd", funcname, min == max ? "" : "at most ", max,
               max == 1 ? "" : "s", nargs);
    return false;
  }
  return true;
}

// "name()" or "Type.name()" for error messages.
static Object* funcstr_error(Object* (*funcstr)(const void*), const void* ctx, const char* fmt_suffix, ssize n) {
  Ref<> fs = steal(funcstr(ctx));
  if (!fs) return nullptr;
  if (n < 0) return err_format(&exc::TypeError, "%U %s", fs.get(), fmt_suffix);
  return err_format(&exc::TypeError, "%U %s (%zd given)", fs.get(), fmt_suffix, n);
}

Object* methoddef_call(const MethodDef* ml, Object* self, Type* defining, Object* const* args, size_t nargsf,
                       Object* kwnames, Object* (*funcstr)(const void*), const void* ctx) {
  ssize nargs = vectorcall_nargs(nargsf);
  int flags = ml->flags & ~(kMethClass | kMethStatic | kMethCoexist);
  bool has_kw = kwnames && tuple_size(kwnames) > 0;
  switch (flags) {
    case kMethNoArgs:
      if (has_kw) return funcstr_error(funcstr, ctx, "takes no keyword arguments", -1);
      if (nargs != 0) return funcstr_error(funcstr, ctx, "takes no arguments", nargs);
      return reinterpret_cast<CFunction>(ml->impl)(self, nullptr);
    case kMethO:
      if (has_kw) return funcstr_error(funcstr, ctx, "takes no keyword arguments", -1);
      if (nargs != 1) return funcstr_error(funcstr, ctx, "takes exactly one argument", nargs);
      return reinterpret_cast<CFunction>(ml->impl)(self, args[0]);
    case kMethFastcall:
      if (has_kw) return funcstr_error(funcstr, ctx, "takes no keyword arguments", -1);
      return reinterpret_cast<CFunctionFast>(ml->impl)(self, args, nargs);
    case kMethFastcall | kMethKeywords:
      return reinterpret_cast<CFunctionFastKw>(ml->impl)(self, args, nargs, has_kw ? kwnames : nullptr);
    case kMethMethod | kMethFastcall | kMethKeywords:
      return reinterpret_cast<CMethodFastKw>(ml->impl)(self, defining, args, size_t(nargs), has_kw ? kwnames : nullptr);
    case kMethVarargs: {
      if (has_kw) return funcstr_error(funcstr, ctx, "takes no keyword arguments", -1);
      Ref<> tup = steal(tuple_from_array(args, nargs));
      if (!tup) return nullptr;
      return reinterpret_cast<CFunctionVarargs>(ml->impl)(self, tup.get());
    }
    case kMethVarargs | kMethKeywords: {
      Object *tup, *dict;
      if (stack_to_tuple_dict(args, nargs, kwnames, &tup, &dict) < 0) return nullptr;
      Object* r = reinterpret_cast<CFunctionVarargsKw>(ml->impl)(self, tup, dict);
      decref(tup);
      xdecref(dict);
      return r;
    }
    default:
      return err_format(&exc::SystemError, "%s() method: bad call flags", ml->name);
  }
}

// ---------------------------------------------------------------- the type

static bool self_is_module_like(Object* self) { return !self || module_check(self); }

static Object* cfunction_funcstr(const void* ctx) {
  auto* f = static_cast<const CFunctionObject*>(ctx);
  if (self_is_module_like(f->m_self)) {
    // _PyObject_FunctionStr: "module.name()" unless the module is builtins.
    Object* mod = f->m_module;
    if (mod && str_check(mod) && !str_eq_cstr(mod, "builtins"))
      return str_from_format("%U.%s()", mod, f->m_ml->name);
    return str_from_format("%s()", f->m_ml->name);
  }
  Type* t = type_check(f->m_self) ? static_cast<Type*>(f->m_self) : type_of(f->m_self);
  return str_from_format("%s.%s()", type_name(t), f->m_ml->name);
}

static Object* cfunction_vectorcall(Object* callable, Object* const* args, size_t nargsf, Object* kwnames) {
  auto* f = static_cast<CFunctionObject*>(callable);
  const MethodDef* ml = f->m_ml;
  // Hot paths first.
  int flags = ml->flags & ~(kMethClass | kMethStatic | kMethCoexist);
  ssize nargs = vectorcall_nargs(nargsf);
  if (flags == kMethO && nargs == 1 && !kwnames) return reinterpret_cast<CFunction>(ml->impl)(f->m_self, args[0]);
  if (flags == kMethFastcall && !kwnames) return reinterpret_cast<CFunctionFast>(ml->impl)(f->m_self, args, nargs);
  if (flags == kMethNoArgs && nargs == 0 && !kwnames) return reinterpret_cast<CFunction>(ml->impl)(f->m_self, nullptr);
  if (enter_recursive_call(" while calling a Python object")) return nullptr;
  Type* defining = (flags & kMethMethod) ? static_cast<CMethodObject*>(f)->mm_class : nullptr;
  Object* r = methoddef_call(ml, f->m_self, defining, args, nargsf, kwnames, cfunction_funcstr, f);
  leave_recursive_call();
  return r;
}

static Object* cfunction_alloc(const MethodDef* def, Object* self, Object* module, size_t size) {
  Object* o = object_alloc_zeroed(&CFunctionType, size);
  if (!o) return nullptr;
  auto* f = static_cast<CFunctionObject*>(o);
  f->m_ml = def;
  f->m_self = xnew_ref(self);
  f->m_module = xnew_ref(module);
  f->vectorcall = cfunction_vectorcall;
  gc_track(o);
  return o;
}

Object* cfunction_new(const MethodDef* def, Object* self, Object* module) {
  if (def->flags & kMethMethod) {
    return err_string(&exc::SystemError, "attempting to create PyCMethod with a METH_METHOD flag but no class");
  }
  return cfunction_alloc(def, self, module, sizeof(CFunctionObject));
}

Object* cmethod_new(const MethodDef* def, Object* self, Object* module, Type* cls) {
  Object* o = cfunction_alloc(def, self, module, sizeof(CMethodObject));
  if (!o) return nullptr;
  static_cast<CMethodObject*>(o)->mm_class = static_cast<Type*>(new_ref<Object>(cls));
  return o;
}

static void cfunction_dealloc(Object* self) {
  auto* f = static_cast<CFunctionObject*>(self);
  if (gc_is_tracked(self)) gc_untrack(self);
  if (f->m_weakreflist) weakref_clear_refs(self);
  xdecref(f->m_self);
  xdecref(f->m_module);
  if (f->m_ml->flags & kMethMethod) xdecref(static_cast<CMethodObject*>(f)->mm_class);
  object_free(self);
}

static int cfunction_traverse(Object* self, VisitProc visit, void* arg) {
  auto* f = static_cast<CFunctionObject*>(self);
  if (f->m_self) { int r = visit(f->m_self, arg); if (r) return r; }
  if (f->m_module) { int r = visit(f->m_module, arg); if (r) return r; }
  return 0;
}

static Object* cfunction_repr(Object* self) {
  auto* f = static_cast<CFunctionObject*>(self);
  if (self_is_module_like(f->m_self)) return str_from_format("<built-in function %s>", f->m_ml->name);
  return str_from_format("<built-in method %s of %s object at %p>", f->m_ml->name, type_of(f->m_self)->tp_name, f->m_self);
}

static Object* cfunction_richcompare(Object* a, Object* b, int op) {
  if ((op != kEQ && op != kNE) || type_of(a) != &CFunctionType || type_of(b) != &CFunctionType)
    return new_ref(NotImplemented);
  auto* fa = static_cast<CFunctionObject*>(a);
  auto* fb = static_cast<CFunctionObject*>(b);
  bool eq = fa->m_self == fb->m_self && fa->m_ml->impl == fb->m_ml->impl;
  return new_ref(bool_from(op == kEQ ? eq : !eq));
}

static Hash cfunction_hash(Object* self) {
  auto* f = static_cast<CFunctionObject*>(self);
  size_t y = reinterpret_cast<size_t>(f->m_ml->impl);
  y = (y >> 4) | (y << (8 * sizeof(void*) - 4));
  Hash x = f->m_self ? object_generic_hash(f->m_self) : 0;
  Hash h = x ^ Hash(y);
  return h == -1 ? -2 : h;
}

static Object* cf_get_name(Object* self, void*) { return str_from_cstr(static_cast<CFunctionObject*>(self)->m_ml->name); }

static Object* cf_get_qualname(Object* self, void*) {
  auto* f = static_cast<CFunctionObject*>(self);
  if (self_is_module_like(f->m_self)) return str_from_cstr(f->m_ml->name);
  Object* t = type_check(f->m_self) ? f->m_self : reinterpret_cast<Object*>(type_of(f->m_self));
  Ref<> tq = steal(object_getattr(t, g_names.__qualname__));
  if (!tq) return nullptr;
  return str_from_format("%U.%s", tq.get(), f->m_ml->name);
}

static Object* cf_get_self(Object* self, void*) {
  Object* s = static_cast<CFunctionObject*>(self)->m_self;
  return new_ref(s ? s : None);
}

static Object* cf_get_doc(Object* self, void*) {
  const MethodDef* ml = static_cast<CFunctionObject*>(self)->m_ml;
  return doc_from_internal(ml->name, ml->doc);
}

static Object* cf_get_text_signature(Object* self, void*) {
  const MethodDef* ml = static_cast<CFunctionObject*>(self)->m_ml;
  return text_signature_from_internal(ml->name, ml->doc);
}

static Object* cf_get_module(Object* self, void*) {
  Object* m = static_cast<CFunctionObject*>(self)->m_module;
  return new_ref(m ? m : None);
}

static int cf_set_module(Object* self, Object* value, void*) {
  xset_ref(static_cast<CFunctionObject*>(self)->m_module, xnew_ref(value));
  return 0;
}

static Object* cf_reduce(Object* self, Object*) {
  auto* f = static_cast<CFunctionObject*>(self);
  if (self_is_module_like(f->m_self)) return str_from_cstr(f->m_ml->name);
  Object* getattr_fn = dict_getitem_str(interp_get()->builtins, "getattr");
  if (!getattr_fn) return err_string(&exc::RuntimeError, "lost builtins.getattr");
  Ref<> name = steal(str_from_cstr(f->m_ml->name));
  if (!name) return nullptr;
  Ref<> inner = steal(tuple_pack({f->m_self, name.get()}));
  if (!inner) return nullptr;
  return tuple_pack({getattr_fn, inner.get()});
}

static const GetSetDef cfunction_getset[] = {
    {"__doc__", cf_get_doc, nullptr, nullptr, nullptr},
    {"__name__", cf_get_name, nullptr, nullptr, nullptr},
    {"__qualname__", cf_get_qualname, nullptr, nullptr, nullptr},
    {"__text_signature__", cf_get_text_signature, nullptr, nullptr, nullptr},
    {"__self__", cf_get_self, nullptr, nullptr, nullptr},
    {"__module__", cf_get_module, cf_set_module, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr, nullptr},
};

static const MethodDef cfunction_methods[] = {
    {"__reduce__", reinterpret_cast<void*>(cf_reduce), kMethNoArgs, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

void init_cfunction_types() {
  CFunctionType.tp_name = "builtin_function_or_method";
  CFunctionType.tp_basicsize = sizeof(CFunctionObject);
  CFunctionType.tp_dealloc = cfunction_dealloc;
  CFunctionType.tp_vectorcall_offset = offsetof(CFunctionObject, vectorcall);
  CFunctionType.tp_repr = cfunction_repr;
  CFunctionType.tp_hash = cfunction_hash;
  CFunctionType.tp_call = vectorcall_call;
  CFunctionType.tp_getattro = object_generic_getattr;
  CFunctionType.tp_flags = kTpflagsDefault | kTpflagsHaveGC | kTpflagsHaveVectorcall;
  CFunctionType.tp_traverse = cfunction_traverse;
  CFunctionType.tp_richcompare = cfunction_richcompare;
  CFunctionType.tp_weaklistoffset = offsetof(CFunctionObject, m_weakreflist);
  CFunctionType.tp_methods = cfunction_methods;
  CFunctionType.tp_getset = cfunction_getset;
}

}  // namespace pyxx
