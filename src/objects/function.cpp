// Python function objects (the `function` type). Calling goes through
// function_vectorcall (vm/eval.cpp), which binds arguments into a new frame.
#include <atomic>
#include "core/abstract.h"
#include "core/alloc.h"
#include "core/error.h"
#include "objects/code.h"
#include "objects/dict.h"
#include "objects/exceptions.h"
#include "objects/function.h"
#include "objects/int.h"
#include "objects/method.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "vm/eval.h"

namespace pyxx {

Type FunctionType;

static uint32_t next_func_version() {
  static std::atomic<uint32_t> counter{1};
  return counter.fetch_add(1, std::memory_order_relaxed);
}

Object* function_new(Object* code, Object* globals) {
  auto* c = static_cast<CodeObject*>(code);
  Object* builtins = eval_builtins_from_globals(globals);
  if (!builtins) return nullptr;
  Object* module = nullptr;
  if (dict_check(globals)) {
    module = dict_getitem_str(globals, "__name__");
    if (!module && err_occurred()) return nullptr;
  }
  Object* doc = None;
  if ((c->co_flags & kCoHasDocstring) && tuple_size(c->co_consts) > 0) doc = tuple_get(c->co_consts, 0);
  auto* f = static_cast<FunctionObject*>(object_alloc_zeroed(&FunctionType, sizeof(FunctionObject)));
  if (!f) return nullptr;
  f->func_globals = new_ref(globals);
  f->func_builtins = new_ref(builtins);
  f->func_name = new_ref(c->co_name);
  f->func_qualname = new_ref(c->co_qualname);
  f->func_code = new_ref(code);
  f->func_doc = new_ref(doc);
  f->func_module = xnew_ref(module);
  f->vectorcall = function_vectorcall;
  f->func_version = next_func_version();
  gc_track(f);
  return f;
}

static void func_dealloc(Object* self) {
  auto* f = static_cast<FunctionObject*>(self);
  gc_untrack(f);
  if (f->func_weakreflist) {
    // weakref clearing belongs to the weakref module (later issue)
  }
  xdecref(f->func_globals);
  xdecref(f->func_builtins);
  xdecref(f->func_name);
  xdecref(f->func_qualname);
  xdecref(f->func_code);
  xdecref(f->func_defaults);
  xdecref(f->func_kwdefaults);
  xdecref(f->func_closure);
  xdecref(f->func_doc);
  xdecref(f->func_dict);
  xdecref(f->func_module);
  xdecref(f->func_annotations);
  xdecref(f->func_annotate);
  xdecref(f->func_typeparams);
  object_free(f);
}

static int func_traverse(Object* self, VisitProc visit, void* arg) {
  auto* f = static_cast<FunctionObject*>(self);
  for (Object* o : {f->func_globals, f->func_builtins, f->func_name, f->func_qualname, f->func_code,
                    f->func_defaults, f->func_kwdefaults, f->func_closure, f->func_doc, f->func_dict,
                    f->func_module, f->func_annotations, f->func_annotate, f->func_typeparams})
    if (o && visit(o, arg)) return -1;
  return 0;
}

static int func_clear(Object* self) {
  auto* f = static_cast<FunctionObject*>(self);
  f->func_version = 0;
  clear_ref(f->func_globals);
  clear_ref(f->func_builtins);
  clear_ref(f->func_module);
  clear_ref(f->func_defaults);
  clear_ref(f->func_kwdefaults);
  clear_ref(f->func_doc);
  clear_ref(f->func_dict);
  clear_ref(f->func_closure);
  clear_ref(f->func_annotations);
  clear_ref(f->func_annotate);
  clear_ref(f->func_typeparams);
  return 0;
}

static Object* func_repr(Object* self) {
  return str_from_format("<function %U at %p>", static_cast<FunctionObject*>(self)->func_qualname, self);
}

static Object* func_descr_get(Object* self, Object* obj, Object*) {
  if (!obj || obj == None) return new_ref(self);
  return method_new(self, obj);
}

// --- attributes ---
#define FN(self) static_cast<FunctionObject*>(self)

static Object* get_code(Object* s, void*) { return new_ref(FN(s)->func_code); }
static int set_code(Object* s, Object* v, void*) {
  if (!v || !code_check(v)) { err_set_string(&exc::TypeError, "__code__ must be set to a code object"); return -1; }
  ssize nfree = static_cast<CodeObject*>(v)->co_nfreevars;
  ssize nclosure = FN(s)->func_closure ? tuple_size(FN(s)->func_closure) : 0;
  if (nclosure != nfree) {
    err_format(&exc::ValueError, "%U() requires a code object with %zd free vars, not %zd", FN(s)->func_name, nclosure, nfree);
    return -1;
  }
  FN(s)->func_version = next_func_version();
  set_ref(FN(s)->func_code, new_ref(v));
  return 0;
}
static Object* get_defaults(Object* s, void*) { return new_ref(FN(s)->func_defaults ? FN(s)->func_defaults : None); }
static int set_defaults(Object* s, Object* v, void*) {
  if (v == None) v = nullptr;
  if (v && !tuple_check(v)) { err_set_string(&exc::TypeError, "__defaults__ must be set to a tuple object"); return -1; }
  FN(s)->func_version = next_func_version();
  xset_ref(FN(s)->func_defaults, xnew_ref(v));
  return 0;
}
static Object* get_kwdefaults(Object* s, void*) { return new_ref(FN(s)->func_kwdefaults ? FN(s)->func_kwdefaults : None); }
static int set_kwdefaults(Object* s, Object* v, void*) {
  if (v == None) v = nullptr;
  if (v && !dict_check(v)) { err_set_string(&exc::TypeError, "__kwdefaults__ must be set to a dict object"); return -1; }
  FN(s)->func_version = next_func_version();
  xset_ref(FN(s)->func_kwdefaults, xnew_ref(v));
  return 0;
}
static Object* get_name(Object* s, void*) { return new_ref(FN(s)->func_name); }
static int set_name(Object* s, Object* v, void*) {
  if (!v || !str_check(v)) { err_set_string(&exc::TypeError, "__name__ must be set to a string object"); return -1; }
  set_ref(FN(s)->func_name, new_ref(v));
  return 0;
}
static Object* get_qualname(Object* s, void*) { return new_ref(FN(s)->func_qualname); }
static int set_qualname(Object* s, Object* v, void*) {
  if (!v || !str_check(v)) { err_set_string(&exc::TypeError, "__qualname__ must be set to a string object"); return -1; }
  set_ref(FN(s)->func_qualname, new_ref(v));
  return 0;
}
static Object* get_dict(Object* s, void*) {
  if (!FN(s)->func_dict) {
    FN(s)->func_dict = dict_new();
    if (!FN(s)->func_dict) return nullptr;
  }
  return new_ref(FN(s)->func_dict);
}
static int set_dict(Object* s, Object* v, void*) {
  if (!v) { err_set_string(&exc::TypeError, "cannot delete __dict__"); return -1; }
  if (!dict_check(v)) { err_format(&exc::TypeError, "__dict__ must be set to a dictionary, not a '%.200s'", type_name(v->type)); return -1; }
  xset_ref(FN(s)->func_dict, new_ref(v));
  return 0;
}
static Object* get_annotate(Object* s, void*) { return new_ref(FN(s)->func_annotate ? FN(s)->func_annotate : None); }
static int set_annotate(Object* s, Object* v, void*) {
  if (!v) { err_set_string(&exc::TypeError, "__annotate__ cannot be deleted"); return -1; }
  if (v == None) { clear_ref(FN(s)->func_annotate); return 0; }
  if (!v->type->tp_call) { err_set_string(&exc::TypeError, "__annotate__ must be callable or None"); return -1; }
  xset_ref(FN(s)->func_annotate, new_ref(v));
  clear_ref(FN(s)->func_annotations);
  return 0;
}
static Object* get_annotations(Object* s, void*) {
  auto* f = FN(s);
  if (!f->func_annotations && f->func_annotate) {
    Ref<> one = steal(int_from_i64(1));
    if (!one) return nullptr;
    Object* ann = call_one_arg(f->func_annotate, one.get());
    if (!ann) return nullptr;
    if (!dict_check(ann)) {
      err_format(&exc::TypeError, "__annotate__ returned non-dict of type '%.100s'", type_name(ann->type));
      decref(ann);
      return nullptr;
    }
    f->func_annotations = ann;
  }
  if (!f->func_annotations) {
    f->func_annotations = dict_new();
    if (!f->func_annotations) return nullptr;
  }
  return new_ref(f->func_annotations);
}
static int set_annotations(Object* s, Object* v, void*) {
  if (v == None) v = nullptr;
  if (v && !dict_check(v)) { err_set_string(&exc::TypeError, "__annotations__ must be set to a dict object"); return -1; }
  xset_ref(FN(s)->func_annotations, xnew_ref(v));
  clear_ref(FN(s)->func_annotate);
  return 0;
}
static Object* get_type_params(Object* s, void*) {
  if (!FN(s)->func_typeparams) return tuple_new(0);
  return new_ref(FN(s)->func_typeparams);
}
static int set_type_params(Object* s, Object* v, void*) {
  if (!v || !tuple_check(v)) { err_set_string(&exc::TypeError, "__type_params__ must be set to a tuple"); return -1; }
  xset_ref(FN(s)->func_typeparams, new_ref(v));
  return 0;
}
#undef FN

static const GetSetDef func_getset[] = {
    {"__code__", get_code, set_code, nullptr, nullptr},
    {"__defaults__", get_defaults, set_defaults, nullptr, nullptr},
    {"__kwdefaults__", get_kwdefaults, set_kwdefaults, nullptr, nullptr},
    {"__annotations__", get_annotations, set_annotations, nullptr, nullptr},
    {"__annotate__", get_annotate, set_annotate, nullptr, nullptr},
    {"__dict__", get_dict, set_dict, nullptr, nullptr},
    {"__name__", get_name, set_name, nullptr, nullptr},
    {"__qualname__", get_qualname, set_qualname, nullptr, nullptr},
    {"__type_params__", get_type_params, set_type_params, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr, nullptr},
};

static const MemberDef func_members[] = {
    {"__closure__", MemberKind::Object, ssize(offsetof(FunctionObject, func_closure)), kMemberReadonly, nullptr},
    {"__doc__", MemberKind::Object, ssize(offsetof(FunctionObject, func_doc)), 0, nullptr},
    {"__globals__", MemberKind::Object, ssize(offsetof(FunctionObject, func_globals)), kMemberReadonly, nullptr},
    {"__module__", MemberKind::Object, ssize(offsetof(FunctionObject, func_module)), 0, nullptr},
    {"__builtins__", MemberKind::Object, ssize(offsetof(FunctionObject, func_builtins)), kMemberReadonly, nullptr},
    {nullptr, MemberKind::Object, 0, 0, nullptr},
};

// types.FunctionType(code, globals, name=None, argdefs=None, closure=None, kwdefaults=None)
static Object* func_tp_new(Type*, Object* args, Object* kwds) {
  static const char* names[6] = {"code", "globals", "name", "argdefs", "closure", "kwdefaults"};
  Object* a[6] = {};
  ssize n = tuple_size(args);
  if (n > 6) return err_format(&exc::TypeError, "function() takes at most 6 arguments (%zd given)", n);
  for (ssize i = 0; i < n; i++) a[i] = tuple_get(args, i);
  if (kwds) {
    for (int i = 0; i < 6; i++) {
      Object* v = dict_getitem_str(kwds, names[i]);
      if (!v) continue;
      if (a[i]) return err_format(&exc::TypeError, "argument for function() given by name ('%s') and position (%d)", names[i], i + 1);
      a[i] = v;
    }
  }
  if (!a[0]) return err_string(&exc::TypeError, "function() missing required argument 'code' (pos 1)");
  if (!a[1]) return err_string(&exc::TypeError, "function() missing required argument 'globals' (pos 2)");
  if (!code_check(a[0])) return err_format(&exc::TypeError, "function() argument 'code' must be code, not %.200s", type_name(a[0]->type));
  if (!dict_check(a[1])) return err_format(&exc::TypeError, "function() argument 'globals' must be dict, not %.200s", type_name(a[1]->type));
  Object* name = a[2] == None ? nullptr : a[2];
  Object* defs = a[3] == None ? nullptr : a[3];
  Object* closure = a[4] == None ? nullptr : a[4];
  Object* kwdefs = a[5] == None ? nullptr : a[5];
  if (name && !str_check(name)) return err_string(&exc::TypeError, "arg 3 (name) must be None or string");
  if (defs && !tuple_check(defs)) return err_string(&exc::TypeError, "arg 4 (defaults) must be None or tuple");
  if (kwdefs && !dict_check(kwdefs)) return err_string(&exc::TypeError, "arg 6 (kwdefaults) must be None or dict");
  auto* code = static_cast<CodeObject*>(a[0]);
  ssize nclosure = closure ? (tuple_check(closure) ? tuple_size(closure) : -1) : 0;
  if (closure && nclosure < 0) return err_string(&exc::TypeError, "arg 5 (closure) must be tuple");
  if (code->co_nfreevars && !closure) return err_string(&exc::TypeError, "arg 5 (closure) must be tuple");
  if (nclosure != code->co_nfreevars)
    return err_format(&exc::ValueError, "%U requires closure of length %zd, not %zd", code->co_name, ssize(code->co_nfreevars), nclosure);
  for (ssize i = 0; i < nclosure; i++)
    if (!cell_check(tuple_get(closure, i)))
      return err_format(&exc::TypeError, "arg 5 (closure) expected cell, found %s", type_name(tuple_get(closure, i)->type));
  auto* f = static_cast<FunctionObject*>(function_new(a[0], a[1]));
  if (!f) return nullptr;
  if (name) set_ref(f->func_name, new_ref(name));
  f->func_defaults = xnew_ref(defs);
  f->func_kwdefaults = xnew_ref(kwdefs);
  f->func_closure = xnew_ref(closure);
  return f;
}

void init_function_types() {
  FunctionType.tp_name = "function";
  FunctionType.tp_basicsize = sizeof(FunctionObject);
  FunctionType.tp_dealloc = func_dealloc;
  FunctionType.tp_traverse = func_traverse;
  FunctionType.tp_clear = func_clear;
  FunctionType.tp_repr = func_repr;
  FunctionType.tp_call = vectorcall_call;
  FunctionType.tp_vectorcall_offset = ssize(offsetof(FunctionObject, vectorcall));
  FunctionType.tp_descr_get = func_descr_get;
  FunctionType.tp_getattro = object_generic_getattr;
  FunctionType.tp_setattro = object_generic_setattr;
  FunctionType.tp_flags = kTpflagsDefault | kTpflagsHaveGC | kTpflagsMethodDescriptor | kTpflagsHaveVectorcall;
  FunctionType.tp_getset = func_getset;
  FunctionType.tp_members = func_members;
  FunctionType.tp_dictoffset = ssize(offsetof(FunctionObject, func_dict));
  FunctionType.tp_weaklistoffset = ssize(offsetof(FunctionObject, func_weakreflist));
  FunctionType.tp_new = func_tp_new;
  FunctionType.tp_doc =
      "Create a function object.\n\n  code\n    a code object\n  globals\n    the globals dictionary\n  name\n"
      "    a string that overrides the name from the code object\n  argdefs\n    a tuple that specifies the default "
      "argument values\n  closure\n    a tuple that supplies the bindings for free variables\n  kwdefaults\n"
      "    a dictionary that specifies the default keyword argument values";
}

}  // namespace pyxx
