// Descriptor types: method_descriptor, classmethod_descriptor,
// member_descriptor, getset_descriptor, wrapper_descriptor and method-wrapper,
// plus classmethod, staticmethod and property.
#include <cstring>
#include "core/abstract.h"
#include "core/alloc.h"
#include "core/error.h"
#include "core/state.h"
#include "objects/dict.h"
#include "objects/exceptions.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/method.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type_internal.h"

namespace pyxx {

Type MethodDescrType, ClassMethodDescrType, MemberDescrType, GetSetDescrType, WrapperDescrType, MethodWrapperType,
    ClassMethodType, StaticMethodType, PropertyType;


// ---------------------------------------------------------------- common

static Object* descr_alloc(Type* descrtype, Type* type, const char* name, size_t size) {
  Object* d = type_generic_alloc(descrtype, 0);
  if (!d) return nullptr;
  (void)size;
  auto* descr = static_cast<DescrObject*>(d);
  descr->d_type = static_cast<Type*>(new_ref<Object>(type));
  descr->d_name = str_intern_cstr(name);
  if (!descr->d_name) { decref(d); return nullptr; }
  return d;
}

static void descr_dealloc(Object* self) {
  auto* d = static_cast<DescrObject*>(self);
  if (gc_is_tracked(self)) gc_untrack(self);
  xdecref(d->d_type);
  xdecref(d->d_name);
  xdecref(d->d_qualname);
  type_of(self)->tp_free(self);
}

static int descr_traverse(Object* self, VisitProc visit, void* arg) {
  auto* d = static_cast<DescrObject*>(self);
  if (d->d_type) return visit(d->d_type, arg);
  return 0;
}

// Returns 0 and sets *res when obj is null/unsuitable, 1 to proceed.
static int descr_check(DescrObject* descr, Object* obj) {
  if (!type_is_subtype(type_of(obj), descr->d_type)) {
    err_format(&exc::TypeError, "descriptor '%V' for '%.100s' objects doesn't apply to a '%.100s' object", descr->d_name,
               "?", descr->d_type->tp_name, type_of(obj)->tp_name);
    return 0;
  }
  return 1;
}

static Object* descr_get_qualname(Object* self, void*) {
  auto* d = static_cast<DescrObject*>(self);
  if (!d->d_qualname) {
    Ref<> tq = steal(object_getattr(d->d_type, g_names.__qualname__));
    if (!tq) return nullptr;
    d->d_qualname = str_from_format("%U.%U", tq.get(), d->d_name);
    if (!d->d_qualname) return nullptr;
  }
  return new_ref(d->d_qualname);
}

static Object* descr_get_name(Object* self, void*) { return new_ref(static_cast<DescrObject*>(self)->d_name); }
static Object* descr_get_objclass(Object* self, void*) { return new_ref<Object>(static_cast<DescrObject*>(self)->d_type); }

static Object* descr_reduce(Object* self, Object*) {
  // (getattr, (type, name))
  Object* builtins = dict_getitem_str(interp_get()->builtins, "getattr");
  if (!builtins) return err_string(&exc::RuntimeError, "lost builtins.getattr");
  auto* d = static_cast<DescrObject*>(self);
  Ref<> inner = steal(tuple_pack({d->d_type, d->d_name}));
  if (!inner) return nullptr;
  return tuple_pack({builtins, inner.get()});
}

static const MethodDef descr_methods[] = {
    {"__reduce__", reinterpret_cast<void*>(descr_reduce), kMethNoArgs, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

// ---------------------------------------------------------------- method_descriptor

static Object* method_funcstr(const void* ctx) {
  auto* d = static_cast<const MethodDescrObject*>(ctx);
  return str_from_format("%s.%s()", type_name(d->d_type), d->d_method->name);
}

static Object* methoddescr_vectorcall(Object* self, Object* const* args, size_t nargsf, Object* kwnames) {
  auto* d = static_cast<MethodDescrObject*>(self);
  ssize nargs = vectorcall_nargs(nargsf);
  if (nargs < 1) {
    return err_format(&exc::TypeError, "unbound method %s.%s() needs an argument", type_name(d->d_type), d->d_method->name);
  }
  Object* obj = args[0];
  if (PYXX_UNLIKELY(type_of(obj) != d->d_type) && !descr_check(d, obj)) return nullptr;
  // Hot paths: METH_O / METH_NOARGS / METH_FASTCALL without keywords.
  if (!kwnames) {
    int flags = d->d_method->flags & ~kMethCoexist;
    if (flags == kMethO && nargs == 2) return reinterpret_cast<CFunction>(d->d_method->impl)(obj, args[1]);
    if (flags == kMethNoArgs && nargs == 1) return reinterpret_cast<CFunction>(d->d_method->impl)(obj, nullptr);
    if (flags == kMethFastcall) return reinterpret_cast<CFunctionFast>(d->d_method->impl)(obj, args + 1, nargs - 1);
  }
  return methoddef_call(d->d_method, obj, d->d_type, args + 1, size_t(nargs - 1), kwnames, method_funcstr, d);
}

Object* descr_new_method(Type* type, const MethodDef* def) {
  Object* o = descr_alloc(&MethodDescrType, type, def->name, sizeof(MethodDescrObject));
  if (!o) return nullptr;
  auto* d = static_cast<MethodDescrObject*>(o);
  d->d_method = def;
  d->vectorcall = methoddescr_vectorcall;
  return o;
}

static Object* methoddescr_get(Object* self, Object* obj, Object* type) {
  if (!obj) return new_ref(self);
  auto* d = static_cast<MethodDescrObject*>(self);
  if (!descr_check(d, obj)) return nullptr;
  if (d->d_method->flags & kMethMethod) return cmethod_new(d->d_method, obj, nullptr, d->d_type);
  return cfunction_new(d->d_method, obj, nullptr);
}

static Object* methoddescr_repr(Object* self) {
  return str_from_format("<method '%V' of '%s' objects>", static_cast<DescrObject*>(self)->d_name, "?",
                         type_name(static_cast<DescrObject*>(self)->d_type));
}

static Object* methoddescr_get_doc(Object* self, void*) {
  auto* d = static_cast<MethodDescrObject*>(self);
  return doc_from_internal(d->d_method->name, d->d_method->doc);
}
static Object* methoddescr_get_text_signature(Object* self, void*) {
  auto* d = static_cast<MethodDescrObject*>(self);
  return text_signature_from_internal(d->d_method->name, d->d_method->doc);
}

static const GetSetDef methoddescr_getset[] = {
    {"__doc__", methoddescr_get_doc, nullptr, nullptr, nullptr},
    {"__qualname__", descr_get_qualname, nullptr, nullptr, nullptr},
    {"__text_signature__", methoddescr_get_text_signature, nullptr, nullptr, nullptr},
    {"__name__", descr_get_name, nullptr, nullptr, nullptr},
    {"__objclass__", descr_get_objclass, nullptr, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr, nullptr},
};

// ---------------------------------------------------------------- classmethod_descriptor

static Object* classmethoddescr_get(Object* self, Object* obj, Object* type) {
  auto* d = static_cast<MethodDescrObject*>(self);
  if (!type) {
    if (obj) type = type_of(obj);
    else
      return err_format(&exc::TypeError, "descriptor '%V' for type '%.100s' needs either an object or a type",
                        d->d_name, "?", d->d_type->tp_name);
  }
  if (!type_check(type)) {
    return err_format(&exc::TypeError, "descriptor '%V' for type '%.100s' needs a type, not a '%.100s' as arg 2", d->d_name,
                      "?", d->d_type->tp_name, type_of(type)->tp_name);
  }
  if (!type_is_subtype(static_cast<Type*>(type), d->d_type)) {
    return err_format(&exc::TypeError, "descriptor '%V' requires a subtype of '%.100s' but received '%.100s'", d->d_name,
                      "?", d->d_type->tp_name, static_cast<Type*>(type)->tp_name);
  }
  if (d->d_method->flags & kMethMethod) return cmethod_new(d->d_method, type, nullptr, d->d_type);
  return cfunction_new(d->d_method, type, nullptr);
}

static Object* classmethoddescr_vectorcall(Object* self, Object* const* args, size_t nargsf, Object* kwnames) {
  auto* d = static_cast<MethodDescrObject*>(self);
  ssize nargs = vectorcall_nargs(nargsf);
  if (nargs < 1) {
    return err_format(&exc::TypeError, "descriptor '%V' of '%.100s' object needs an argument", d->d_name, "?",
                      d->d_type->tp_name);
  }
  Ref<> bound = steal(classmethoddescr_get(self, nullptr, args[0]));
  if (!bound) return nullptr;
  return vectorcall(bound.get(), args + 1, size_t(nargs - 1), kwnames);
}

Object* descr_new_classmethod(Type* type, const MethodDef* def) {
  Object* o = descr_alloc(&ClassMethodDescrType, type, def->name, sizeof(MethodDescrObject));
  if (!o) return nullptr;
  auto* d = static_cast<MethodDescrObject*>(o);
  d->d_method = def;
  d->vectorcall = classmethoddescr_vectorcall;
  return o;
}

// ---------------------------------------------------------------- member_descriptor

static Object* member_get(Object* self, Object* obj, Object* type) {
  if (!obj) return new_ref(self);
  auto* d = static_cast<MemberDescrObject*>(self);
  if (!descr_check(d, obj)) return nullptr;
  const MemberDef* m = d->d_member;
  char* addr = reinterpret_cast<char*>(obj) + m->offset;
  switch (m->kind) {
    case MemberKind::Object: {
      Object* v = *reinterpret_cast<Object**>(addr);
      return new_ref(v ? v : None);
    }
    case MemberKind::ObjectEx: {
      Object* v = *reinterpret_cast<Object**>(addr);
      if (!v) {
        err_format(&exc::AttributeError, "'%.200s' object has no attribute '%s'", type_of(obj)->tp_name, m->name);
        attribute_error_set_context(obj, d->d_name);
        return nullptr;
      }
      return new_ref(v);
    }
    case MemberKind::Int: return int_from_i64(*reinterpret_cast<int*>(addr));
    case MemberKind::Ssize: return int_from_i64(*reinterpret_cast<ssize*>(addr));
    case MemberKind::Bool: return new_ref(bool_from(*reinterpret_cast<char*>(addr) != 0));
    case MemberKind::Double: return float_from_double(*reinterpret_cast<double*>(addr));
    case MemberKind::Char: return str_from_codepoint(static_cast<unsigned char>(*addr));
    case MemberKind::CString: {
      const char* s = *reinterpret_cast<const char**>(addr);
      if (!s) return new_ref(None);
      return str_from_cstr(s);
    }
  }
  return err_bad_internal_call("member_get");
}

static int member_set(Object* self, Object* obj, Object* value) {
  auto* d = static_cast<MemberDescrObject*>(self);
  if (!descr_check(d, obj)) return -1;
  const MemberDef* m = d->d_member;
  if (m->flags & kMemberReadonly) {
    err_set_string(&exc::AttributeError, "readonly attribute");
    return -1;
  }
  char* addr = reinterpret_cast<char*>(obj) + m->offset;
  if (!value && m->kind != MemberKind::Object && m->kind != MemberKind::ObjectEx) {
    err_set_string(&exc::TypeError, "can't delete numeric/char attribute");
    return -1;
  }
  switch (m->kind) {
    case MemberKind::Object:
    case MemberKind::ObjectEx: {
      Object** slot = reinterpret_cast<Object**>(addr);
      if (!value && m->kind == MemberKind::ObjectEx && !*slot) {
        err_set_object(&exc::AttributeError, d->d_name);
        return -1;
      }
      Object* old = *slot;
      *slot = xnew_ref(value);
      xdecref(old);
      return 0;
    }
    case MemberKind::Bool:
      if (!bool_check(value)) { err_set_string(&exc::TypeError, "attribute value type must be bool"); return -1; }
      *reinterpret_cast<char*>(addr) = value == True;
      return 0;
    case MemberKind::Int:
    case MemberKind::Ssize: {
      if (!int_check(value)) { err_set_string(&exc::TypeError, "attribute value type must be int"); return -1; }
      int64_t v = int_as_i64(value);
      if (v == -1 && err_occurred()) return -1;
      if (m->kind == MemberKind::Int) *reinterpret_cast<int*>(addr) = int(v);
      else *reinterpret_cast<ssize*>(addr) = ssize(v);
      return 0;
    }
    case MemberKind::Double: {
      double v = float_as_double(value);
      if (v == -1.0 && err_occurred()) return -1;
      *reinterpret_cast<double*>(addr) = v;
      return 0;
    }
    default:
      err_set_string(&exc::TypeError, "readonly attribute");
      return -1;
  }
}

static Object* member_repr(Object* self) {
  return str_from_format("<member '%V' of '%s' objects>", static_cast<DescrObject*>(self)->d_name, "?",
                         type_name(static_cast<DescrObject*>(self)->d_type));
}

static Object* member_get_doc(Object* self, void*) {
  const MemberDef* m = static_cast<MemberDescrObject*>(self)->d_member;
  if (!m->doc) return new_ref(None);
  return str_from_cstr(m->doc);
}

static const GetSetDef member_getset[] = {
    {"__doc__", member_get_doc, nullptr, nullptr, nullptr},
    {"__qualname__", descr_get_qualname, nullptr, nullptr, nullptr},
    {"__name__", descr_get_name, nullptr, nullptr, nullptr},
    {"__objclass__", descr_get_objclass, nullptr, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr, nullptr},
};

Object* descr_new_member(Type* type, const MemberDef* def) {
  Object* o = descr_alloc(&MemberDescrType, type, def->name, sizeof(MemberDescrObject));
  if (!o) return nullptr;
  static_cast<MemberDescrObject*>(o)->d_member = def;
  return o;
}

// ---------------------------------------------------------------- getset_descriptor

static Object* getset_get(Object* self, Object* obj, Object* type) {
  if (!obj) return new_ref(self);
  auto* d = static_cast<GetSetDescrObject*>(self);
  if (!descr_check(d, obj)) return nullptr;
  if (d->d_getset->get) return d->d_getset->get(obj, d->d_getset->closure);
  return err_format(&exc::AttributeError, "attribute '%V' of '%.100s' objects is not readable", d->d_name, "?",
                    d->d_type->tp_name);
}

static int getset_set(Object* self, Object* obj, Object* value) {
  auto* d = static_cast<GetSetDescrObject*>(self);
  if (!descr_check(d, obj)) return -1;
  if (d->d_getset->set) return d->d_getset->set(obj, value, d->d_getset->closure);
  err_format(&exc::AttributeError, "attribute '%V' of '%.100s' objects is not writable", d->d_name, "?",
             d->d_type->tp_name);
  return -1;
}

static Object* getset_repr(Object* self) {
  return str_from_format("<attribute '%V' of '%s' objects>", static_cast<DescrObject*>(self)->d_name, "?",
                         type_name(static_cast<DescrObject*>(self)->d_type));
}

static Object* getset_get_doc(Object* self, void*) {
  const GetSetDef* g = static_cast<GetSetDescrObject*>(self)->d_getset;
  if (!g->doc) return new_ref(None);
  return str_from_cstr(g->doc);
}

static const GetSetDef getset_getset[] = {
    {"__doc__", getset_get_doc, nullptr, nullptr, nullptr},
    {"__qualname__", descr_get_qualname, nullptr, nullptr, nullptr},
    {"__name__", descr_get_name, nullptr, nullptr, nullptr},
    {"__objclass__", descr_get_objclass, nullptr, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr, nullptr},
};

Object* descr_new_getset(Type* type, const GetSetDef* def) {
  Object* o = descr_alloc(&GetSetDescrType, type, def->name, sizeof(GetSetDescrObject));
  if (!o) return nullptr;
  static_cast<GetSetDescrObject*>(o)->d_getset = def;
  return o;
}

// ---------------------------------------------------------------- wrapper_descriptor / method-wrapper

static Object* wrapper_call_checked(WrapperDescrObject* d, Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (kwnames && tuple_size(kwnames) && !(d->d_base->flags & kSlotFlagKeywords)) {
    return err_format(&exc::TypeError, "wrapper %s() takes no keyword arguments", d->d_base->name);
  }
  return d->d_base->wrapper(self, args, nargs, kwnames, d->d_wrapped);
}

static Object* wrapperdescr_vectorcall(Object* self, Object* const* args, size_t nargsf, Object* kwnames) {
  auto* d = static_cast<WrapperDescrObject*>(self);
  ssize nargs = vectorcall_nargs(nargsf);
  if (nargs < 1) {
    return err_format(&exc::TypeError, "descriptor '%V' of '%.100s' object needs an argument", d->d_name, "?",
                      d->d_type->tp_name);
  }
  Object* obj = args[0];
  if (!type_is_subtype(type_of(obj), d->d_type)) {
    return err_format(&exc::TypeError, "descriptor '%V' requires a '%.100s' object but received a '%.100s'", d->d_name,
                      "?", d->d_type->tp_name, type_of(obj)->tp_name);
  }
  return wrapper_call_checked(d, obj, args + 1, nargs - 1, kwnames);
}

struct WrapperDescrFull : WrapperDescrObject { VectorcallFunc vectorcall; };

Object* descr_new_wrapper(Type* type, SlotDef* base, void* wrapped) {
  Object* o = descr_alloc(&WrapperDescrType, type, base->name, sizeof(WrapperDescrFull));
  if (!o) return nullptr;
  auto* d = static_cast<WrapperDescrFull*>(o);
  d->d_base = base;
  d->d_wrapped = wrapped;
  d->vectorcall = wrapperdescr_vectorcall;
  return o;
}

static Object* wrapperdescr_get(Object* self, Object* obj, Object* type) {
  if (!obj) return new_ref(self);
  auto* d = static_cast<WrapperDescrObject*>(self);
  if (!descr_check(d, obj)) return nullptr;
  return method_wrapper_new(self, obj);
}

static Object* wrapperdescr_repr(Object* self) {
  return str_from_format("<slot wrapper '%V' of '%s' objects>", static_cast<DescrObject*>(self)->d_name, "?",
                         type_name(static_cast<DescrObject*>(self)->d_type));
}

static Object* wrapperdescr_get_doc(Object* self, void*) {
  auto* d = static_cast<WrapperDescrObject*>(self);
  return doc_from_internal("", d->d_base->doc);
}
static Object* wrapperdescr_get_text_signature(Object* self, void*) {
  auto* d = static_cast<WrapperDescrObject*>(self);
  return text_signature_from_internal("", d->d_base->doc);
}

static const GetSetDef wrapperdescr_getset[] = {
    {"__doc__", wrapperdescr_get_doc, nullptr, nullptr, nullptr},
    {"__qualname__", descr_get_qualname, nullptr, nullptr, nullptr},
    {"__text_signature__", wrapperdescr_get_text_signature, nullptr, nullptr, nullptr},
    {"__name__", descr_get_name, nullptr, nullptr, nullptr},
    {"__objclass__", descr_get_objclass, nullptr, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr, nullptr},
};

struct MethodWrapperFull : MethodWrapperObject { VectorcallFunc vectorcall; };

static Object* methodwrapper_vectorcall(Object* self, Object* const* args, size_t nargsf, Object* kwnames) {
  auto* w = static_cast<MethodWrapperObject*>(self);
  return wrapper_call_checked(w->descr, w->self, args, vectorcall_nargs(nargsf), kwnames);
}

Object* method_wrapper_new(Object* descr, Object* self) {
  Object* o = type_generic_alloc(&MethodWrapperType, 0);
  if (!o) return nullptr;
  auto* w = static_cast<MethodWrapperFull*>(o);
  w->descr = static_cast<WrapperDescrObject*>(new_ref(descr));
  w->self = new_ref(self);
  w->vectorcall = methodwrapper_vectorcall;
  return o;
}

static void methodwrapper_dealloc(Object* self) {
  auto* w = static_cast<MethodWrapperObject*>(self);
  if (gc_is_tracked(self)) gc_untrack(self);
  xdecref(w->descr);
  xdecref(w->self);
  type_of(self)->tp_free(self);
}

static int methodwrapper_traverse(Object* self, VisitProc visit, void* arg) {
  auto* w = static_cast<MethodWrapperObject*>(self);
  if (w->descr) { int r = visit(w->descr, arg); if (r) return r; }
  if (w->self) return visit(w->self, arg);
  return 0;
}

static Object* methodwrapper_repr(Object* self) {
  auto* w = static_cast<MethodWrapperObject*>(self);
  return str_from_format("<method-wrapper '%s' of %s object at %p>", w->descr->d_base->name, type_of(w->self)->tp_name,
                         w->self);
}

static Object* methodwrapper_richcompare(Object* a, Object* b, int op) {
  if ((op != kEQ && op != kNE) || type_of(b) != &MethodWrapperType) return new_ref(NotImplemented);
  auto* wa = static_cast<MethodWrapperObject*>(a);
  auto* wb = static_cast<MethodWrapperObject*>(b);
  bool eq = wa->descr == wb->descr && wa->self == wb->self;
  return new_ref(bool_from(op == kEQ ? eq : !eq));
}

static Hash methodwrapper_hash(Object* self) {
  auto* w = static_cast<MethodWrapperObject*>(self);
  Hash x = object_generic_hash(w->self);
  Hash y = object_generic_hash(w->descr);
  Hash h = x ^ y;
  return h == -1 ? -2 : h;
}

static Object* mw_get_self(Object* self, void*) { return new_ref(static_cast<MethodWrapperObject*>(self)->self); }
static Object* mw_get_name(Object* self, void*) { return new_ref(static_cast<MethodWrapperObject*>(self)->descr->d_name); }
static Object* mw_get_objclass(Object* self, void*) {
  return new_ref<Object>(static_cast<MethodWrapperObject*>(self)->descr->d_type);
}
static Object* mw_get_doc(Object* self, void*) { return wrapperdescr_get_doc(static_cast<MethodWrapperObject*>(self)->descr, nullptr); }
static Object* mw_get_text_signature(Object* self, void*) {
  return wrapperdescr_get_text_signature(static_cast<MethodWrapperObject*>(self)->descr, nullptr);
}
static Object* mw_get_qualname(Object* self, void*) {
  return descr_get_qualname(static_cast<MethodWrapperObject*>(self)->descr, nullptr);
}

static const GetSetDef methodwrapper_getset[] = {
    {"__doc__", mw_get_doc, nullptr, nullptr, nullptr},
    {"__name__", mw_get_name, nullptr, nullptr, nullptr},
    {"__qualname__", mw_get_qualname, nullptr, nullptr, nullptr},
    {"__self__", mw_get_self, nullptr, nullptr, nullptr},
    {"__objclass__", mw_get_objclass, nullptr, nullptr, nullptr},
    {"__text_signature__", mw_get_text_signature, nullptr, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr, nullptr},
};

// ---------------------------------------------------------------- classmethod / staticmethod

static int copy_wrapped_attrs(Object* wrapper_dict_owner, Object** dictslot, Object* callable) {
  // functools.wraps-like: __module__, __name__, __qualname__, __doc__ into the wrapper's __dict__.
  static const char* names[] = {"__module__", "__name__", "__qualname__", "__doc__"};
  for (const char* n : names) {
    Ref<> name = steal(str_intern_cstr(n));
    Object* v;
    int r = object_lookup_attr(callable, name.get(), &v);
    if (r < 0) return -1;
    if (r == 0) continue;
    Ref<> keep = steal(v);
    if (!*dictslot) {
      *dictslot = dict_new();
      if (!*dictslot) return -1;
    }
    if (dict_setitem(*dictslot, name.get(), v) < 0) return -1;
  }
  return 0;
}

static Object* cm_new_common(Type* type, Object* callable) {
  Object* o = type->tp_alloc(type, 0);
  if (!o) return nullptr;
  auto* cm = static_cast<ClassMethodObject*>(o);
  cm->cm_callable = new_ref(callable);
  if (copy_wrapped_attrs(o, &cm->cm_dict, callable) < 0) { decref(o); return nullptr; }
  return o;
}

Object* classmethod_new(Object* callable) { return cm_new_common(&ClassMethodType, callable); }
Object* staticmethod_new(Object* callable) { return cm_new_common(&StaticMethodType, callable); }

static void cm_dealloc(Object* self) {
  auto* cm = static_cast<ClassMethodObject*>(self);
  if (gc_is_tracked(self)) gc_untrack(self);
  clear_ref(cm->cm_callable);
  clear_ref(cm->cm_dict);
  type_of(self)->tp_free(self);
}

static int cm_traverse(Object* self, VisitProc visit, void* arg) {
  auto* cm = static_cast<ClassMethodObject*>(self);
  if (cm->cm_callable) { int r = visit(cm->cm_callable, arg); if (r) return r; }
  if (cm->cm_dict) return visit(cm->cm_dict, arg);
  return 0;
}

static int cm_clear(Object* self) {
  auto* cm = static_cast<ClassMethodObject*>(self);
  clear_ref(cm->cm_callable);
  clear_ref(cm->cm_dict);
  return 0;
}

static Object* cm_descr_get(Object* self, Object* obj, Object* type) {
  auto* cm = static_cast<ClassMethodObject*>(self);
  if (!type) type = type_of(obj);
  return method_new(cm->cm_callable, type);
}

static int cm_init_common(Object* self, Object* args, Object* kwds, const char* name) {
  if (kwds && dict_size(kwds)) {
    err_format(&exc::TypeError, "%s() takes no keyword arguments", name);
    return -1;
  }
  if (tuple_size(args) != 1) {
    err_format(&exc::TypeError, "%s expected 1 argument, got %zd", name, tuple_size(args));
    return -1;
  }
  auto* cm = static_cast<ClassMethodObject*>(self);
  Object* callable = tuple_get(args, 0);
  xset_ref(cm->cm_callable, new_ref(callable));
  return copy_wrapped_attrs(self, &cm->cm_dict, callable);
}
static int cm_init(Object* self, Object* args, Object* kwds) { return cm_init_common(self, args, kwds, "classmethod"); }
static int sm_init(Object* self, Object* args, Object* kwds) { return cm_init_common(self, args, kwds, "staticmethod"); }

static Object* sm_descr_get(Object* self, Object* obj, Object* type) {
  return new_ref(static_cast<StaticMethodObject*>(self)->sm_callable);
}

static Object* sm_call(Object* self, Object* args, Object* kwds) {
  return object_call(static_cast<StaticMethodObject*>(self)->sm_callable, args, kwds);
}

static Object* cm_repr(Object* self) {
  return str_from_format("<classmethod(%R)>", static_cast<ClassMethodObject*>(self)->cm_callable);
}
static Object* sm_repr(Object* self) {
  return str_from_format("<staticmethod(%R)>", static_cast<StaticMethodObject*>(self)->sm_callable);
}

static Object* cm_get_func(Object* self, void*) { return new_ref(static_cast<ClassMethodObject*>(self)->cm_callable); }

static Object* cm_get_isabstract(Object* self, void*) {
  Object* v;
  int r = object_lookup_attr(static_cast<ClassMethodObject*>(self)->cm_callable, g_names.__isabstractmethod__, &v);
  if (r < 0) return nullptr;
  if (r == 0) return new_ref(False);
  Ref<> keep = steal(v);
  int t = object_is_true(v);
  if (t < 0) return nullptr;
  return new_ref(bool_from(t));
}

static Object* cm_get_dict(Object* self, void*) {
  auto* cm = static_cast<ClassMethodObject*>(self);
  if (!cm->cm_dict) {
    cm->cm_dict = dict_new();
    if (!cm->cm_dict) return nullptr;
  }
  return new_ref(cm->cm_dict);
}

static const GetSetDef cm_getset[] = {
    {"__func__", cm_get_func, nullptr, nullptr, nullptr},
    {"__wrapped__", cm_get_func, nullptr, nullptr, nullptr},
    {"__isabstractmethod__", cm_get_isabstract, nullptr, nullptr, nullptr},
    {"__dict__", cm_get_dict, nullptr, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr, nullptr},
};

// ---------------------------------------------------------------- property

static void property_dealloc(Object* self) {
  auto* p = static_cast<PropertyObject*>(self);
  if (gc_is_tracked(self)) gc_untrack(self);
  clear_ref(p->prop_get);
  clear_ref(p->prop_set);
  clear_ref(p->prop_del);
  clear_ref(p->prop_doc);
  clear_ref(p->prop_name);
  type_of(self)->tp_free(self);
}

static int property_traverse(Object* self, VisitProc visit, void* arg) {
  auto* p = static_cast<PropertyObject*>(self);
  for (Object* o : {p->prop_get, p->prop_set, p->prop_del, p->prop_doc, p->prop_name})
    if (o) { int r = visit(o, arg); if (r) return r; }
  return 0;
}

static int property_clear(Object* self) {
  auto* p = static_cast<PropertyObject*>(self);
  clear_ref(p->prop_get);
  clear_ref(p->prop_set);
  clear_ref(p->prop_del);
  clear_ref(p->prop_doc);
  clear_ref(p->prop_name);
  return 0;
}

static Object* property_error(Object* self, Object* obj, const char* what) {
  auto* p = static_cast<PropertyObject*>(self);
  Ref<> qualname = steal(object_getattr(type_of(obj), g_names.__qualname__));
  if (!qualname) return nullptr;
  if (p->prop_name) {
    return err_format(&exc::AttributeError, "property %R of %R object has no %s", p->prop_name, qualname.get(), what);
  }
  return err_format(&exc::AttributeError, "property of %R object has no %s", qualname.get(), what);
}

static Object* property_descr_get(Object* self, Object* obj, Object* type) {
  if (!obj || obj == None) return new_ref(self);
  auto* p = static_cast<PropertyObject*>(self);
  if (!p->prop_get) return property_error(self, obj, "getter");
  return call_one_arg(p->prop_get, obj);
}

static int property_descr_set(Object* self, Object* obj, Object* value) {
  auto* p = static_cast<PropertyObject*>(self);
  Object* func = value ? p->prop_set : p->prop_del;
  if (!func) {
    property_error(self, obj, value ? "setter" : "deleter");
    return -1;
  }
  Ref<> r = value ? steal(call_args(func, {obj, value})) : steal(call_one_arg(func, obj));
  return r ? 0 : -1;
}

static int property_init_impl(PropertyObject* p, Object* fget, Object* fset, Object* fdel, Object* doc) {
  if (fget == None) fget = nullptr;
  if (fset == None) fset = nullptr;
  if (fdel == None) fdel = nullptr;
  xset_ref(p->prop_get, xnew_ref(fget));
  xset_ref(p->prop_set, xnew_ref(fset));
  xset_ref(p->prop_del, xnew_ref(fdel));
  clear_ref(p->prop_doc);
  clear_ref(p->prop_name);
  p->getter_doc = 0;
  Ref<> prop_doc;
  if (doc && doc != None) {
    prop_doc = borrow(doc);
  } else if (fget) {
    Object* d;
    int r = object_lookup_attr(fget, g_names.__doc__, &d);
    if (r < 0) return -1;
    prop_doc = steal(r > 0 ? d : nullptr);
    if (prop_doc.get() == None) prop_doc = nullptr;
    if (prop_doc) p->getter_doc = 1;
  }
  if (prop_doc) {
    if (type_of(p) == &PropertyType) {
      p->prop_doc = prop_doc.release();
    } else {
      // Subclasses store the doc in the instance __dict__ (CPython behaviour).
      if (object_setattr(p, g_names.__doc__, prop_doc.get()) < 0) return -1;
    }
  }
  return 0;
}

static int property_init(Object* self, Object* args, Object* kwds) {
  static const char* const kwlist[] = {"fget", "fset", "fdel", "doc"};
  Object* vals[4] = {nullptr, nullptr, nullptr, nullptr};
  ssize n = tuple_size(args);
  if (n > 4) {
    err_format(&exc::TypeError, "property() takes at most 4 arguments (%zd given)", n);
    return -1;
  }
  for (ssize i = 0; i < n; i++) vals[i] = tuple_get(args, i);
  if (kwds) {
    ssize pos = 0;
    Object *k, *v;
    while (dict_next(kwds, &pos, &k, &v)) {
      int idx = -1;
      for (int i = 0; i < 4; i++)
        if (str_check(k) && str_eq_cstr(k, kwlist[i])) idx = i;
      if (idx < 0) {
        err_format(&exc::TypeError, "property() got an unexpected keyword argument '%U'", k);
        return -1;
      }
      if (vals[idx]) {
        err_format(&exc::TypeError, "argument for property() given by name ('%s') and position (%d)", kwlist[idx], idx + 1);
        return -1;
      }
      vals[idx] = v;
    }
  }
  return property_init_impl(static_cast<PropertyObject*>(self), vals[0], vals[1], vals[2], vals[3]);
}

static Object* property_copy(Object* self, Object* get, Object* set, Object* del) {
  auto* p = static_cast<PropertyObject*>(self);
  if (!get) get = p->prop_get ? p->prop_get : None;
  if (!set) set = p->prop_set ? p->prop_set : None;
  if (!del) del = p->prop_del ? p->prop_del : None;
  Object* doc = (p->getter_doc && get != None) || !p->prop_doc ? None : p->prop_doc;
  Ref<> r = steal(call_args(type_of(self), {get, set, del, doc}));
  if (!r) return nullptr;
  if (type_of(r.get()) == &PropertyType || type_is_subtype(type_of(r.get()), &PropertyType)) {
    auto* np = static_cast<PropertyObject*>(r.get());
    xset_ref(np->prop_name, xnew_ref(p->prop_name));
  }
  return r.release();
}

static Object* property_getter(Object* self, Object* f) { return property_copy(self, f, nullptr, nullptr); }
static Object* property_setter(Object* self, Object* f) { return property_copy(self, nullptr, f, nullptr); }
static Object* property_deleter(Object* self, Object* f) { return property_copy(self, nullptr, nullptr, f); }

static Object* property_set_name(Object* self, Object* const* args, ssize nargs) {
  if (nargs != 2) return err_format(&exc::TypeError, "__set_name__() takes 2 positional arguments but %zd were given", nargs);
  xset_ref(static_cast<PropertyObject*>(self)->prop_name, new_ref(args[1]));
  return new_ref(None);
}

static Object* prop_get_fget(Object* self, void*) { Object* o = static_cast<PropertyObject*>(self)->prop_get; return new_ref(o ? o : None); }
static Object* prop_get_fset(Object* self, void*) { Object* o = static_cast<PropertyObject*>(self)->prop_set; return new_ref(o ? o : None); }
static Object* prop_get_fdel(Object* self, void*) { Object* o = static_cast<PropertyObject*>(self)->prop_del; return new_ref(o ? o : None); }
static Object* prop_get_doc(Object* self, void*) { Object* o = static_cast<PropertyObject*>(self)->prop_doc; return new_ref(o ? o : None); }
static int prop_set_doc(Object* self, Object* value, void*) {
  xset_ref(static_cast<PropertyObject*>(self)->prop_doc, xnew_ref(value));
  return 0;
}
static Object* prop_get_name(Object* self, void*) {
  auto* p = static_cast<PropertyObject*>(self);
  if (p->prop_name) return new_ref(p->prop_name);
  if (p->prop_get) return object_getattr(p->prop_get, g_names.__name__);
  return err_format(&exc::AttributeError, "'property' object has no attribute '__name__'");
}
static int prop_set_name(Object* self, Object* value, void*) {
  xset_ref(static_cast<PropertyObject*>(self)->prop_name, xnew_ref(value));
  return 0;
}
static Object* prop_get_isabstract(Object* self, void*) {
  auto* p = static_cast<PropertyObject*>(self);
  for (Object* f : {p->prop_get, p->prop_set, p->prop_del}) {
    if (!f) continue;
    Object* v;
    int r = object_lookup_attr(f, g_names.__isabstractmethod__, &v);
    if (r < 0) return nullptr;
    if (r > 0) {
      Ref<> keep = steal(v);
      int t = object_is_true(v);
      if (t < 0) return nullptr;
      if (t) return new_ref(True);
    }
  }
  return new_ref(False);
}

static const GetSetDef property_getset[] = {
    {"fget", prop_get_fget, nullptr, nullptr, nullptr},
    {"fset", prop_get_fset, nullptr, nullptr, nullptr},
    {"fdel", prop_get_fdel, nullptr, nullptr, nullptr},
    {"__doc__", prop_get_doc, prop_set_doc, nullptr, nullptr},
    {"__name__", prop_get_name, prop_set_name, nullptr, nullptr},
    {"__isabstractmethod__", prop_get_isabstract, nullptr, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr, nullptr},
};

static const MethodDef property_methods[] = {
    {"getter", reinterpret_cast<void*>(property_getter), kMethO, "Descriptor to obtain a copy of the property with a different getter."},
    {"setter", reinterpret_cast<void*>(property_setter), kMethO, "Descriptor to obtain a copy of the property with a different setter."},
    {"deleter", reinterpret_cast<void*>(property_deleter), kMethO, "Descriptor to obtain a copy of the property with a different deleter."},
    {"__set_name__", reinterpret_cast<void*>(property_set_name), kMethFastcall, "Method to set name of a property."},
    {nullptr, nullptr, 0, nullptr},
};

// ---------------------------------------------------------------- type init

static void init_descr_common(Type& t, const char* name, size_t size) {
  t.tp_name = name;
  t.tp_basicsize = ssize(size);
  t.tp_dealloc = descr_dealloc;
  t.tp_traverse = descr_traverse;
  t.tp_getattro = object_generic_getattr;
  t.tp_flags = kTpflagsDefault | kTpflagsHaveGC;
  t.tp_methods = descr_methods;
}

void init_descr_types() {
  init_descr_common(MethodDescrType, "method_descriptor", sizeof(MethodDescrObject));
  MethodDescrType.tp_flags |= kTpflagsHaveVectorcall | kTpflagsMethodDescriptor;
  MethodDescrType.tp_vectorcall_offset = offsetof(MethodDescrObject, vectorcall);
  MethodDescrType.tp_call = vectorcall_call;
  MethodDescrType.tp_repr = methoddescr_repr;
  MethodDescrType.tp_descr_get = methoddescr_get;
  MethodDescrType.tp_getset = methoddescr_getset;

  init_descr_common(ClassMethodDescrType, "classmethod_descriptor", sizeof(MethodDescrObject));
  ClassMethodDescrType.tp_flags |= kTpflagsHaveVectorcall;
  ClassMethodDescrType.tp_vectorcall_offset = offsetof(MethodDescrObject, vectorcall);
  ClassMethodDescrType.tp_call = vectorcall_call;
  ClassMethodDescrType.tp_repr = methoddescr_repr;
  ClassMethodDescrType.tp_descr_get = classmethoddescr_get;
  ClassMethodDescrType.tp_getset = methoddescr_getset;

  init_descr_common(MemberDescrType, "member_descriptor", sizeof(MemberDescrObject));
  MemberDescrType.tp_repr = member_repr;
  MemberDescrType.tp_descr_get = member_get;
  MemberDescrType.tp_descr_set = member_set;
  MemberDescrType.tp_getset = member_getset;

  init_descr_common(GetSetDescrType, "getset_descriptor", sizeof(GetSetDescrObject));
  GetSetDescrType.tp_repr = getset_repr;
  GetSetDescrType.tp_descr_get = getset_get;
  GetSetDescrType.tp_descr_set = getset_set;
  GetSetDescrType.tp_getset = getset_getset;

  init_descr_common(WrapperDescrType, "wrapper_descriptor", sizeof(WrapperDescrFull));
  WrapperDescrType.tp_flags |= kTpflagsHaveVectorcall | kTpflagsMethodDescriptor;
  WrapperDescrType.tp_vectorcall_offset = offsetof(WrapperDescrFull, vectorcall);
  WrapperDescrType.tp_call = vectorcall_call;
  WrapperDescrType.tp_repr = wrapperdescr_repr;
  WrapperDescrType.tp_descr_get = wrapperdescr_get;
  WrapperDescrType.tp_getset = wrapperdescr_getset;

  MethodWrapperType.tp_name = "method-wrapper";
  MethodWrapperType.tp_basicsize = sizeof(MethodWrapperFull);
  MethodWrapperType.tp_dealloc = methodwrapper_dealloc;
  MethodWrapperType.tp_traverse = methodwrapper_traverse;
  MethodWrapperType.tp_flags = kTpflagsDefault | kTpflagsHaveGC | kTpflagsHaveVectorcall;
  MethodWrapperType.tp_vectorcall_offset = offsetof(MethodWrapperFull, vectorcall);
  MethodWrapperType.tp_call = vectorcall_call;
  MethodWrapperType.tp_repr = methodwrapper_repr;
  MethodWrapperType.tp_richcompare = methodwrapper_richcompare;
  MethodWrapperType.tp_hash = methodwrapper_hash;
  MethodWrapperType.tp_getattro = object_generic_getattr;
  MethodWrapperType.tp_getset = methodwrapper_getset;

  for (Type* t : {&ClassMethodType, &StaticMethodType}) {
    t->tp_basicsize = sizeof(ClassMethodObject);
    t->tp_dealloc = cm_dealloc;
    t->tp_traverse = cm_traverse;
    t->tp_clear = cm_clear;
    t->tp_flags = kTpflagsDefault | kTpflagsHaveGC | kTpflagsBaseType;
    t->tp_getattro = object_generic_getattr;
    t->tp_setattro = object_generic_setattr;
    t->tp_getset = cm_getset;
    t->tp_dictoffset = offsetof(ClassMethodObject, cm_dict);
    t->tp_alloc = type_generic_alloc;
    t->tp_new = type_generic_new;
  }
  ClassMethodType.tp_name = "classmethod";
  ClassMethodType.tp_descr_get = cm_descr_get;
  ClassMethodType.tp_init = cm_init;
  ClassMethodType.tp_repr = cm_repr;
  ClassMethodType.tp_doc =
      "classmethod(function, /)\n--\n\nConvert a function to be a class method.\n\nA class method receives the class as "
      "implicit first argument,\njust like an instance method receives the instance.\nTo declare a class method, use this "
      "idiom:\n\n  class C:\n      @classmethod\n      def f(cls, arg1, arg2, argN):\n          ...\n\nIt can be called "
      "either on the class (e.g. C.f()) or on an instance\n(e.g. C().f()).  The instance is ignored except for its "
      "class.\nIf a class method is called for a derived class, the derived class\nobject is passed as the implied first "
      "argument.\n\nClass methods are different than C++ or Java static methods.\nIf you want those, see the staticmethod "
      "builtin.";
  StaticMethodType.tp_name = "staticmethod";
  StaticMethodType.tp_descr_get = sm_descr_get;
  StaticMethodType.tp_init = sm_init;
  StaticMethodType.tp_repr = sm_repr;
  StaticMethodType.tp_call = sm_call;
  StaticMethodType.tp_doc =
      "staticmethod(function, /)\n--\n\nConvert a function to be a static method.\n\nA static method does not receive an "
      "implicit first argument.\nTo declare a static method, use this idiom:\n\n     class C:\n         @staticmethod\n     "
      "    def f(arg1, arg2, argN):\n             ...\n\nIt can be called either on the class (e.g. C.f()) or on an "
      "instance\n(e.g. C().f()). Both the class and the instance are ignored, and\nneither is passed implicitly as the first "
      "argument to the method.\n\nStatic methods in Python are similar to those found in Java or C++.\nFor a more advanced "
      "concept, see the classmethod builtin.";

  PropertyType.tp_name = "property";
  PropertyType.tp_basicsize = sizeof(PropertyObject);
  PropertyType.tp_dealloc = property_dealloc;
  PropertyType.tp_traverse = property_traverse;
  PropertyType.tp_clear = property_clear;
  PropertyType.tp_flags = kTpflagsDefault | kTpflagsHaveGC | kTpflagsBaseType;
  PropertyType.tp_getattro = object_generic_getattr;
  PropertyType.tp_methods = property_methods;
  PropertyType.tp_getset = property_getset;
  PropertyType.tp_descr_get = property_descr_get;
  PropertyType.tp_descr_set = property_descr_set;
  PropertyType.tp_init = property_init;
  PropertyType.tp_alloc = type_generic_alloc;
  PropertyType.tp_new = type_generic_new;
  PropertyType.tp_doc =
      "property(fget=None, fset=None, fdel=None, doc=None)\n--\n\nProperty attribute.\n\n  fget\n    function to be used for "
      "getting an attribute value\n  fset\n    function to be used for setting an attribute value\n  fdel\n    function to "
      "be used for del'ing an attribute\n  doc\n    docstring\n\nTypical use is to define a managed attribute x:\n\nclass "
      "C(object):\n    def getx(self): return self._x\n    def setx(self, value): self._x = value\n    def delx(self): del "
      "self._x\n    x = property(getx, setx, delx, \"I'm the 'x' property.\")\n\nDecorators make defining new properties or "
      "modifying existing ones easy:\n\nclass C(object):\n    @property\n    def x(self):\n        \"I am the 'x' "
      "property.\"\n        return self._x\n    @x.setter\n    def x(self, value):\n        self._x = value\n    "
      "@x.deleter\n    def x(self):\n        del self._x";
}

}  // namespace pyxx
