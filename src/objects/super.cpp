// super: super(type, obj) / super(type) / zero-argument super() (reads the
// calling frame's first argument and __class__ cell), attribute lookup along
// the MRO after `type`, and super_lookup_attr for LOAD_SUPER_ATTR.
#include <cstring>
#include "core/abstract.h"
#include "core/alloc.h"
#include "core/error.h"
#include "core/state.h"
#include "objects/bytes.h"
#include "objects/code.h"
#include "objects/dict.h"
#include "objects/exceptions.h"
#include "objects/function.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/super.h"
#include "objects/tuple.h"
#include "objects/type_internal.h"
#include "vm/frame.h"

namespace pyxx {

Type SuperType;

// The type to start the MRO walk from: obj itself when it is a subclass of
// type, else type(obj) (or obj.__class__).
static Type* supercheck(Type* type, Object* obj) {
  if (type_check(obj) && type_is_subtype(static_cast<Type*>(obj), type)) return static_cast<Type*>(new_ref(obj));
  if (type_is_subtype(type_of(obj), type)) return static_cast<Type*>(new_ref<Object>(type_of(obj)));
  Object* cls;
  int r = object_lookup_attr(obj, g_names.__class__, &cls);
  if (r < 0) return nullptr;
  if (r > 0) {
    if (type_check(cls) && cls != reinterpret_cast<Object*>(type_of(obj)) && type_is_subtype(static_cast<Type*>(cls), type))
      return static_cast<Type*>(cls);
    decref(cls);
  }
  const char* what = type_check(obj) ? "type" : "instance of";
  const char* objname = type_check(obj) ? static_cast<Type*>(obj)->tp_name : type_of(obj)->tp_name;
  err_format(&exc::TypeError, "super(type, obj): obj (%s %.200s) is not an instance or subtype of type (%.200s).", what,
             objname, type->tp_name);
  return nullptr;
}

// Borrowed attribute found after `type` in starttype's MRO, or null (no error).
static Object* super_lookup(Type* type, Type* starttype, Object* name) {
  Object* mro = starttype->tp_mro;
  if (!mro) return nullptr;
  ssize n = tuple_size(mro);
  ssize i = 0;
  for (; i + 1 < n; i++)
    if (tuple_get(mro, i) == reinterpret_cast<Object*>(type)) break;
  i++;
  if (i >= n) return nullptr;
  Ref<> keep = borrow(mro);
  for (; i < n; i++) {
    Type* b = static_cast<Type*>(tuple_get(mro, i));
    if (!b->tp_dict) continue;
    Object* r = dict_getitem(b->tp_dict, name);
    if (r) return r;
    if (err_occurred()) return nullptr;
  }
  return nullptr;
}

static Object* do_super_lookup(SuperObject* su, Type* type, Object* obj, Type* obj_type, Object* name, int* method) {
  if (obj_type && !(str_check(name) && str_eq(name, g_names.__class__))) {
    Object* res = super_lookup(type, obj_type, name);
    if (res) {
      Ref<> keep = borrow(res);
      if (method && type_has_flag(type_of(res), kTpflagsMethodDescriptor)) {
        *method = 1;
        return keep.release();
      }
      if (DescrGetFunc f = type_of(res)->tp_descr_get) {
        return f(res, obj == reinterpret_cast<Object*>(obj_type) ? nullptr : obj, obj_type);
      }
      return keep.release();
    }
    if (err_occurred()) return nullptr;
  }
  if (su) return object_generic_getattr(su, name);
  // No super object (LOAD_SUPER_ATTR fast path): build one for the error / special names.
  Ref<> s = steal(type_generic_alloc(&SuperType, 0));
  if (!s) return nullptr;
  auto* so = static_cast<SuperObject*>(s.get());
  so->type = static_cast<Type*>(new_ref<Object>(type));
  so->obj = xnew_ref(obj);
  so->obj_type = obj_type ? static_cast<Type*>(new_ref<Object>(obj_type)) : nullptr;
  return object_generic_getattr(s.get(), name);
}

static Object* super_getattro(Object* self, Object* name) {
  auto* su = static_cast<SuperObject*>(self);
  return do_super_lookup(su, su->type, su->obj, su->obj_type, name, nullptr);
}

Object* super_lookup_attr(Object* global_super, Object* class_, Object* self, Object* name, int* method_found) {
  if (method_found) *method_found = 0;
  if (global_super != reinterpret_cast<Object*>(&SuperType) || !type_check(class_)) {
    Ref<> s = steal(call_args(global_super, {class_, self}));
    if (!s) return nullptr;
    return object_getattr(s.get(), name);
  }
  Type* type = static_cast<Type*>(class_);
  Ref<Type> obj_type = steal(supercheck(type, self));
  if (!obj_type) return nullptr;
  return do_super_lookup(nullptr, type, self, obj_type.get(), name, method_found);
}

static Object* super_descr_get(Object* self, Object* obj, Object* type) {
  auto* su = static_cast<SuperObject*>(self);
  if (!obj || obj == None || su->obj) return new_ref(self);
  if (type_of(self) != &SuperType) return call_args(type_of(self), {su->type, obj});
  Ref<Type> obj_type = steal(supercheck(su->type, obj));
  if (!obj_type) return nullptr;
  Object* s = type_generic_alloc(&SuperType, 0);
  if (!s) return nullptr;
  auto* so = static_cast<SuperObject*>(s);
  so->type = static_cast<Type*>(new_ref<Object>(su->type));
  so->obj = new_ref(obj);
  so->obj_type = obj_type.release();
  return s;
}

// Zero-argument form: first argument and __class__ cell of the calling frame.
static int super_init_without_args(Type** type_p, Object** obj_p) {
  ThreadState* ts = tstate_get();
  InterpreterFrame* f = ts->current_frame;
  if (!f) {
    err_set_string(&exc::RuntimeError, "super(): no current frame");
    return -1;
  }
  CodeObject* co = frame_code(f);
  if (co->co_argcount == 0) {
    err_set_string(&exc::RuntimeError, "super(): no arguments");
    return -1;
  }
  Object* firstarg = f->localsplus[0];
  const uint8_t* kinds = reinterpret_cast<const uint8_t*>(bytes_data(co->co_localspluskinds));
  if (firstarg && (kinds[0] & kCoFastCell) && cell_check(firstarg) &&
      frame_lasti(f) >= 0 /* cell made by MAKE_CELL */) {
    firstarg = static_cast<CellObject*>(firstarg)->ref;
  }
  if (!firstarg) {
    err_set_string(&exc::RuntimeError, "super(): arg[0] deleted");
    return -1;
  }
  ssize n = tuple_size(co->co_localsplusnames);
  Type* type = nullptr;
  for (ssize i = co->co_nlocals; i < n; i++) {
    Object* nm = tuple_get(co->co_localsplusnames, i);
    if (!str_eq(nm, g_names.__class__)) continue;
    if (!(kinds[i] & kCoFastFree)) continue;
    Object* cell = f->localsplus[i];
    if (!cell || !cell_check(cell)) {
      err_set_string(&exc::RuntimeError, "super(): bad __class__ cell");
      return -1;
    }
    Object* t = static_cast<CellObject*>(cell)->ref;
    if (!t) {
      err_set_string(&exc::RuntimeError, "super(): empty __class__ cell");
      return -1;
    }
    if (!type_check(t)) {
      err_format(&exc::RuntimeError, "super(): __class__ is not a type (%s)", type_of(t)->tp_name);
      return -1;
    }
    type = static_cast<Type*>(t);
    break;
  }
  if (!type) {
    err_set_string(&exc::RuntimeError, "super(): __class__ cell not found");
    return -1;
  }
  *type_p = type;
  *obj_p = firstarg;
  return 0;
}

static int super_init_impl(Object* self, Type* type, Object* obj) {
  auto* su = static_cast<SuperObject*>(self);
  Type* obj_type = nullptr;
  if (obj == None) obj = nullptr;
  if (obj) {
    obj_type = supercheck(type, obj);
    if (!obj_type) return -1;
  }
  Type* old_type = su->type;
  Object* old_obj = su->obj;
  Type* old_obj_type = su->obj_type;
  su->type = static_cast<Type*>(new_ref<Object>(type));
  su->obj = xnew_ref(obj);
  su->obj_type = obj_type;
  xdecref(old_type);
  xdecref(old_obj);
  xdecref(old_obj_type);
  return 0;
}

static int super_init_args(Object* self, Object* const* args, ssize nargs) {
  if (nargs > 2) {
    err_format(&exc::TypeError, "super() takes at most 2 arguments (%zd given)", nargs);
    return -1;
  }
  Type* type;
  Object* obj = nullptr;
  if (nargs == 0) {
    if (super_init_without_args(&type, &obj) < 0) return -1;
  } else {
    if (!type_check(args[0])) {
      err_format(&exc::TypeError, "super() argument 1 must be a type, not %.200s", type_of(args[0])->tp_name);
      return -1;
    }
    type = static_cast<Type*>(args[0]);
    if (nargs == 2) obj = args[1];
  }
  return super_init_impl(self, type, obj);
}

static int super_init(Object* self, Object* args, Object* kwds) {
  if (kwds && dict_size(kwds)) {
    err_set_string(&exc::TypeError, "super() takes no keyword arguments");
    return -1;
  }
  return super_init_args(self, tuple_items(args), tuple_size(args));
}

static Object* super_vectorcall(Object* callable, Object* const* args, size_t nargsf, Object* kwnames) {
  Type* type = static_cast<Type*>(callable);
  if (type != &SuperType) return make_tp_call(callable, args, nargsf, kwnames);
  if (kwnames && tuple_size(kwnames)) return err_string(&exc::TypeError, "super() takes no keyword arguments");
  Ref<> s = steal(type_generic_alloc(&SuperType, 0));
  if (!s) return nullptr;
  if (super_init_args(s.get(), args, vectorcall_nargs(nargsf)) < 0) return nullptr;
  return s.release();
}

static void super_dealloc(Object* self) {
  auto* su = static_cast<SuperObject*>(self);
  if (gc_is_tracked(self)) gc_untrack(self);
  xdecref(su->obj);
  xdecref(su->type);
  xdecref(su->obj_type);
  type_of(self)->tp_free(self);
}

static int super_traverse(Object* self, VisitProc visit, void* arg) {
  auto* su = static_cast<SuperObject*>(self);
  for (Object* o : {static_cast<Object*>(su->obj), static_cast<Object*>(su->type), static_cast<Object*>(su->obj_type)})
    if (o) { int r = visit(o, arg); if (r) return r; }
  return 0;
}

static Object* super_repr(Object* self) {
  auto* su = static_cast<SuperObject*>(self);
  const char* tn = su->type ? su->type->tp_name : "NULL";
  if (su->obj_type) return str_from_format("<super: <class '%s'>, <%s object>>", tn, su->obj_type->tp_name);
  return str_from_format("<super: <class '%s'>, NULL>", tn);
}

static const MemberDef super_members[] = {
    {"__thisclass__", MemberKind::Object, offsetof(SuperObject, type), kMemberReadonly, "the class invoking super()"},
    {"__self__", MemberKind::Object, offsetof(SuperObject, obj), kMemberReadonly, "the instance invoking super(); may be None"},
    {"__self_class__", MemberKind::Object, offsetof(SuperObject, obj_type), kMemberReadonly,
     "the type of the instance invoking super(); may be None"},
    {nullptr, MemberKind::Object, 0, 0, nullptr},
};

void init_super_types() {
  SuperType.tp_name = "super";
  SuperType.tp_basicsize = sizeof(SuperObject);
  SuperType.tp_dealloc = super_dealloc;
  SuperType.tp_repr = super_repr;
  SuperType.tp_getattro = super_getattro;
  SuperType.tp_flags = kTpflagsDefault | kTpflagsHaveGC | kTpflagsBaseType;
  SuperType.tp_doc =
      "super() -> same as super(__class__, <first argument>)\nsuper(type) -> unbound super object\nsuper(type, obj) -> "
      "bound super object; requires isinstance(obj, type)\nsuper(type, type2) -> bound super object; requires "
      "issubclass(type2, type)\nTypical use to call a cooperative superclass method:\nclass C(B):\n    def meth(self, "
      "arg):\n        super().meth(arg)\nThis works for class methods too:\nclass C(B):\n    @classmethod\n    def "
      "cmeth(cls, arg):\n        super().cmeth(arg)\n";
  SuperType.tp_traverse = super_traverse;
  SuperType.tp_members = super_members;
  SuperType.tp_descr_get = super_descr_get;
  SuperType.tp_init = super_init;
  SuperType.tp_alloc = type_generic_alloc;
  SuperType.tp_new = type_generic_new;
  SuperType.tp_vectorcall = super_vectorcall;
}

}  // namespace pyxx
