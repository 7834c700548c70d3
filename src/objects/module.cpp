// module objects: creation (module_new, module(name, doc)), attribute lookup
// with the module-level __getattr__ fallback, repr, __dir__, and
// module_from_def for native (C++) modules.
#include <cstring>
#include "core/abstract.h"
#include "core/alloc.h"
#include "core/error.h"
#include "core/state.h"
#include "objects/dict.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/method.h"
#include "objects/module.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type_internal.h"

namespace pyxx {

Type ModuleType;

static int module_init_dict(Object* dict, Object* name, Object* doc) {
  if (!doc) doc = None;
  if (dict_setitem(dict, g_names.__name__, name) < 0) return -1;
  if (dict_setitem(dict, g_names.__doc__, doc) < 0) return -1;
  if (dict_setitem_str(dict, "__package__", None) < 0) return -1;
  if (dict_setitem_str(dict, "__loader__", None) < 0) return -1;
  if (dict_setitem_str(dict, "__spec__", None) < 0) return -1;
  return 0;
}

static Object* module_alloc(Type* type) {
  Object* m = type->tp_alloc(type, 0);
  if (!m) return nullptr;
  auto* mo = static_cast<ModuleObject*>(m);
  mo->md_dict = dict_new();
  if (!mo->md_dict) { decref(m); return nullptr; }
  return m;
}

Object* module_new(Object* name) {
  Ref<> m = steal(module_alloc(&ModuleType));
  if (!m) return nullptr;
  auto* mo = static_cast<ModuleObject*>(m.get());
  if (module_init_dict(mo->md_dict, name, nullptr) < 0) return nullptr;
  mo->md_name = new_ref(name);
  return m.release();
}

Object* module_from_def(const ModuleDef* def) {
  Ref<> name = steal(str_from_cstr(def->name));
  if (!name) return nullptr;
  Ref<> m = steal(module_new(name.get()));
  if (!m) return nullptr;
  auto* mo = static_cast<ModuleObject*>(m.get());
  mo->md_def = def;
  if (def->doc) {
    Ref<> doc = steal(str_from_cstr(def->doc));
    if (!doc || dict_setitem(mo->md_dict, g_names.__doc__, doc.get()) < 0) return nullptr;
  }
  for (const MethodDef* ml = def->methods; ml && ml->name; ml++) {
    Ref<> f = steal(cfunction_new(ml, m.get(), name.get()));
    if (!f || dict_setitem_str(mo->md_dict, ml->name, f.get()) < 0) return nullptr;
  }
  if (def->exec && def->exec(m.get()) < 0) {
    if (!err_occurred()) err_format(&exc::SystemError, "execution of module %s failed without setting an exception", def->name);
    return nullptr;
  }
  return m.release();
}

static Object* module_tp_new(Type* type, Object* args, Object* kwds) { return module_alloc(type); }

static int module_tp_init(Object* self, Object* args, Object* kwds) {
  Object* name = nullptr;
  Object* doc = nullptr;
  ssize n = tuple_size(args);
  if (n > 2) {
    err_format(&exc::TypeError, "module() takes at most 2 arguments (%zd given)", n);
    return -1;
  }
  if (n >= 1) name = tuple_get(args, 0);
  if (n >= 2) doc = tuple_get(args, 1);
  if (kwds) {
    ssize pos = 0;
    Object *k, *v;
    while (dict_next(kwds, &pos, &k, &v)) {
      if (str_check(k) && str_eq_cstr(k, "name") && !name) name = v;
      else if (str_check(k) && str_eq_cstr(k, "doc") && !doc) doc = v;
      else if (str_check(k) && (str_eq_cstr(k, "name") || str_eq_cstr(k, "doc"))) {
        err_format(&exc::TypeError, "argument for module() given by name ('%U') and position (%d)", k,
                   str_eq_cstr(k, "name") ? 1 : 2);
        return -1;
      } else {
        err_format(&exc::TypeError, "module() got an unexpected keyword argument '%U'", k);
        return -1;
      }
    }
  }
  if (!name) {
    err_set_string(&exc::TypeError, "module() missing required argument 'name' (pos 1)");
    return -1;
  }
  if (!str_check(name)) {
    err_format(&exc::TypeError, "module() argument 'name' must be str, not %.200s", type_of(name)->tp_name);
    return -1;
  }
  auto* mo = static_cast<ModuleObject*>(self);
  if (module_init_dict(mo->md_dict, name, doc) < 0) return -1;
  xset_ref(mo->md_name, new_ref(name));
  return 0;
}

static void module_dealloc(Object* self) {
  auto* mo = static_cast<ModuleObject*>(self);
  if (gc_is_tracked(self)) gc_untrack(self);
  if (mo->md_weaklist) weakref_clear_refs(self);
  clear_ref(mo->md_dict);
  clear_ref(mo->md_name);
  Type* t = type_of(self);
  t->tp_free(self);
}

static int module_traverse(Object* self, VisitProc visit, void* arg) {
  auto* mo = static_cast<ModuleObject*>(self);
  if (mo->md_dict) return visit(mo->md_dict, arg);
  return 0;
}

static int module_clear(Object* self) {
  clear_ref(static_cast<ModuleObject*>(self)->md_dict);
  return 0;
}

static Object* module_repr(Object* self) {
  Interpreter* interp = interp_get();
  if (interp->importlib) {
    return call_method_str(interp->importlib, "_module_repr", {self});
  }
  auto* mo = static_cast<ModuleObject*>(self);
  Object* name = mo->md_dict ? dict_getitem(mo->md_dict, g_names.__name__) : nullptr;
  Object* file = mo->md_dict ? dict_getitem_str(mo->md_dict, "__file__") : nullptr;
  if (!name || !str_check(name)) return str_from_cstr("<module '?'>");
  if (file && str_check(file)) return str_from_format("<module %R from %R>", name, file);
  if (mo->md_def) return str_from_format("<module %R (built-in)>", name);
  return str_from_format("<module %R>", name);
}

static Object* module_getattro(Object* self, Object* name) {
  auto* mo = static_cast<ModuleObject*>(self);
  Object* r = object_generic_getattr_with_dict(self, name, nullptr, 1);
  if (r || err_occurred()) return r;
  if (mo->md_dict) {
    Object* getattr = dict_getitem(mo->md_dict, g_names.__getattr__);
    if (getattr) {
      Ref<> keep = borrow(getattr);
      return call_one_arg(getattr, name);
    }
    if (err_occurred()) return nullptr;
    Object* mod_name = dict_getitem(mo->md_dict, g_names.__name__);
    if (mod_name && str_check(mod_name)) {
      Ref<> keep = borrow(mod_name);
      Object* spec = dict_getitem_str(mo->md_dict, "__spec__");
      int initializing = 0;
      if (spec && spec != None) {
        Ref<> keep_spec = borrow(spec);
        Object* v;
        int rr = object_lookup_attr(spec, intern_cstr("_initializing"), &v);
        if (rr < 0) return nullptr;
        if (rr > 0) {
          initializing = object_is_true(v);
          decref(v);
          if (initializing < 0) return nullptr;
        }
      }
      if (initializing) {
        err_format(&exc::AttributeError,
                   "partially initialized module '%U' has no attribute '%U' (most likely due to a circular import)",
                   mod_name, name);
      } else {
        err_format(&exc::AttributeError, "module '%U' has no attribute '%U'", mod_name, name);
      }
      attribute_error_set_context(self, name);
      return nullptr;
    }
  }
  err_format(&exc::AttributeError, "module has no attribute '%U'", name);
  attribute_error_set_context(self, name);
  return nullptr;
}

static Object* module_dir(Object* self, Object*) {
  Ref<> dict = steal(object_getattr(self, g_names.__dict__));
  if (!dict) return nullptr;
  if (!dict_check(dict.get())) {
    return err_format(&exc::TypeError, "<module>.__dict__ is not a dictionary");
  }
  Object* dirfunc = dict_getitem(dict.get(), g_names.__dir__);
  if (dirfunc) return call_no_args(dirfunc);
  if (err_occurred()) return nullptr;
  return dict_keys_list(dict.get());
}

static Object* module_get_dict(Object* self, void*) {
  Object* d = static_cast<ModuleObject*>(self)->md_dict;
  return new_ref(d ? d : None);
}

static Object* module_get_annotations(Object* self, void*) {
  auto* mo = static_cast<ModuleObject*>(self);
  Object* ann = dict_getitem_str(mo->md_dict, "__annotations__");
  if (ann) return new_ref(ann);
  if (err_occurred()) return nullptr;
  Object* annotate = dict_getitem_str(mo->md_dict, "__annotate__");
  Ref<> result;
  if (annotate && annotate != None) {
    Ref<> one = steal(int_from_i64(1));
    result = steal(call_one_arg(annotate, one.get()));
    if (!result) return nullptr;
    if (!dict_check(result.get()))
      return err_format(&exc::TypeError, "__annotate__ returned non-dict of type '%.100s'", type_of(result.get())->tp_name);
  } else {
    result = steal(dict_new());
    if (!result) return nullptr;
  }
  // Cache only once the module has finished initialising.
  Object* spec = dict_getitem_str(mo->md_dict, "__spec__");
  bool initializing = false;
  if (spec && spec != None) {
    Object* v;
    int rr = object_lookup_attr(spec, intern_cstr("_initializing"), &v);
    if (rr < 0) return nullptr;
    if (rr > 0) { initializing = object_is_true(v) > 0; decref(v); }
  }
  if (!initializing && dict_setitem_str(mo->md_dict, "__annotations__", result.get()) < 0) return nullptr;
  return result.release();
}

static int module_set_annotations(Object* self, Object* value, void*) {
  auto* mo = static_cast<ModuleObject*>(self);
  if (value) return dict_setitem_str(mo->md_dict, "__annotations__", value);
  Ref<> key = steal(str_from_cstr("__annotations__"));
  Ref<> out;
  int r = dict_pop(mo->md_dict, key.get(), out.out());
  if (r == 0) { err_set_string(&exc::AttributeError, "__annotations__"); return -1; }
  return r < 0 ? -1 : 0;
}

static Object* module_get_annotate(Object* self, void*) {
  Object* a = dict_getitem_str(static_cast<ModuleObject*>(self)->md_dict, "__annotate__");
  if (a) return new_ref(a);
  if (err_occurred()) return nullptr;
  return new_ref(None);
}

static int module_set_annotate(Object* self, Object* value, void*) {
  if (!value) { err_set_string(&exc::TypeError, "cannot delete __annotate__ attribute"); return -1; }
  if (value != None && !type_of(value)->tp_call && !vectorcall_function(value)) {
    err_set_string(&exc::TypeError, "__annotate__ must be callable or None");
    return -1;
  }
  auto* mo = static_cast<ModuleObject*>(self);
  if (dict_setitem_str(mo->md_dict, "__annotate__", value) < 0) return -1;
  if (value != None) {
    Ref<> key = steal(str_from_cstr("__annotations__"));
    Ref<> out;
    if (dict_pop(mo->md_dict, key.get(), out.out()) < 0) return -1;
  }
  return 0;
}

static const GetSetDef module_getset[] = {
    {"__dict__", module_get_dict, nullptr, nullptr, nullptr},
    {"__annotations__", module_get_annotations, module_set_annotations, nullptr, nullptr},
    {"__annotate__", module_get_annotate, module_set_annotate, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr, nullptr},
};

static const MethodDef module_methods[] = {
    {"__dir__", reinterpret_cast<void*>(module_dir), kMethNoArgs, "__dir__($self, /)\n--\n\nSpecialized __dir__ implementation for module."},
    {nullptr, nullptr, 0, nullptr},
};

void init_module_types() {
  ModuleType.tp_name = "module";
  ModuleType.tp_basicsize = sizeof(ModuleObject);
  ModuleType.tp_dealloc = module_dealloc;
  ModuleType.tp_repr = module_repr;
  ModuleType.tp_getattro = module_getattro;
  ModuleType.tp_setattro = object_generic_setattr;
  ModuleType.tp_flags = kTpflagsDefault | kTpflagsHaveGC | kTpflagsBaseType;
  ModuleType.tp_doc = "module(name, doc=None)\n--\n\nCreate a module object.\n\nThe name must be a string; the optional doc argument can have any type.";
  ModuleType.tp_traverse = module_traverse;
  ModuleType.tp_clear = module_clear;
  ModuleType.tp_weaklistoffset = offsetof(ModuleObject, md_weaklist);
  ModuleType.tp_methods = module_methods;
  ModuleType.tp_getset = module_getset;
  ModuleType.tp_dictoffset = offsetof(ModuleObject, md_dict);
  ModuleType.tp_init = module_tp_init;
  ModuleType.tp_alloc = type_generic_alloc;
  ModuleType.tp_new = module_tp_new;
}

}  // namespace pyxx
