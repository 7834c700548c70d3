// The `frame` type: a lazily created view of an InterpreterFrame (vm/frame.h).
#include <cstring>
#include "core/abstract.h"
#include "core/alloc.h"
#include "core/error.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/exceptions.h"
#include "objects/function.h"
#include "objects/generator.h"
#include "objects/int.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "vm/frame.h"

namespace pyxx {

Type FrameType;

FrameObject* frame_object_new(Object* code) {
  size_t slots = size_t(frame_slots_needed(code));
  size_t size = offsetof(FrameObject, frame_data) + slots * sizeof(Object*);
  // frame_data is only written when the frame object takes ownership: leave it uninitialised.
  auto* fo = static_cast<FrameObject*>(object_alloc(&FrameType, size));
  if (!fo) return nullptr;
  fo->f_frame = nullptr;
  fo->f_back = nullptr;
  fo->f_trace = nullptr;
  fo->f_extra_locals = nullptr;
  fo->f_locals_cache = nullptr;
  fo->f_lineno = 0;
  fo->f_trace_lines = 1;
  fo->f_trace_opcodes = 0;
  gc_track(fo);
  return fo;
}

static bool frame_owned(FrameObject* fo) {
  return fo->f_frame == reinterpret_cast<InterpreterFrame*>(fo->frame_data);
}

// Iterative along f_back (as tb_dealloc along tb_next): a deep recursion's
// frame objects form a chain as long as sys.setrecursionlimit() allows, and
// freeing it recursively overflowed the C stack (docs/fuzzing.md).
static void frame_dealloc(Object* self) {
  auto* fo = static_cast<FrameObject*>(self);
  for (;;) {
    gc_untrack(fo);
    if (fo->f_frame && frame_owned(fo)) frame_clear(fo->f_frame);
    Object* back = fo->f_back;
    xdecref(fo->f_trace);
    xdecref(fo->f_extra_locals);
    xdecref(fo->f_locals_cache);
    object_free(fo);
    if (!back) return;
    if (back->type != &FrameType) { decref(back); return; }
    // We held the last reference to the caller's frame: free it here.
    if (--back->refcnt != 0) return;
    fo = static_cast<FrameObject*>(back);
  }
}

static int frame_traverse(Object* self, VisitProc visit, void* arg) {
  auto* fo = static_cast<FrameObject*>(self);
  if (fo->f_back && visit(fo->f_back, arg)) return -1;
  if (fo->f_trace && visit(fo->f_trace, arg)) return -1;
  if (fo->f_locals_cache && visit(fo->f_locals_cache, arg)) return -1;
  if (fo->f_frame && frame_owned(fo)) {
    InterpreterFrame* f = fo->f_frame;
    for (int i = 0; i < f->stackpointer; i++)
      if (f->localsplus[i] && visit(f->localsplus[i], arg)) return -1;
    if (f->f_locals && visit(f->f_locals, arg)) return -1;
    if (f->f_funcobj && visit(f->f_funcobj, arg)) return -1;
  }
  return 0;
}

Object* frame_get_locals(InterpreterFrame* frame) {
  auto* code = frame_code(frame);
  if (!(code->co_flags & kCoOptimized)) {
    if (frame->f_locals) return new_ref(frame->f_locals);
  }
  Ref<> d = steal(dict_new());
  if (!d) return nullptr;
  if (frame->f_locals && frame->f_locals != frame->f_globals) {
    if (dict_update(d.get(), frame->f_locals) < 0) return nullptr;
  }
  const uint8_t* k = reinterpret_cast<const uint8_t*>(bytes_data(code->co_localspluskinds));
  bool started = frame_lasti(frame) >= code->co_firsttraceable;
  for (int i = 0; i < code->co_nlocalsplus; i++) {
    uint8_t kind = k[i];
    if (kind & kCoFastHidden) continue;
    Object* name = tuple_get(code->co_localsplusnames, i);
    Object* v = frame->localsplus[i];
    if (kind & kCoFastFree) {
      // Before COPY_FREE_VARS ran, take the cell from the function's closure.
      if (!v && frame->f_funcobj) {
        auto* fn = static_cast<FunctionObject*>(frame->f_funcobj);
        if (fn->func_closure) v = tuple_get(fn->func_closure, i - (code->co_nlocalsplus - code->co_nfreevars));
      }
      if (!(code->co_flags & kCoOptimized)) continue;  // class bodies: free vars are not locals
    }
    if (v && ((kind & kCoFastCell) || (kind & kCoFastFree)) && cell_check(v) &&
        (started || (kind & kCoFastFree))) {
      v = static_cast<CellObject*>(v)->ref;
    }
    if (!v) continue;
    if (dict_setitem(d.get(), name, v) < 0) return nullptr;
  }
  if (frame->frame_obj && frame->frame_obj->f_extra_locals) {
    if (dict_update(d.get(), frame->frame_obj->f_extra_locals) < 0) return nullptr;
  }
  return d.release();
}

// ---------------------------------------------------------------------------
// PEP 667: frame.f_locals of optimized frames is a write-through proxy over the
// fast locals (plus the frame object's f_extra_locals dict for other names).
// ---------------------------------------------------------------------------

Type FrameLocalsProxyType;
struct FrameLocalsProxy : Object { FrameObject* frame; };

static InterpreterFrame* proxy_frame(Object* self) { return static_cast<FrameLocalsProxy*>(self)->frame->f_frame; }

// Index of `key` among the visible fast locals, or -1.
static int proxy_index(InterpreterFrame* f, Object* key) {
  if (!str_check(key)) return -1;
  auto* code = frame_code(f);
  const uint8_t* k = reinterpret_cast<const uint8_t*>(bytes_data(code->co_localspluskinds));
  for (int pass = 0; pass < 2; pass++) {
    for (int i = 0; i < code->co_nlocalsplus; i++) {
      if (k[i] & kCoFastHidden) continue;
      Object* name = tuple_get(code->co_localsplusnames, i);
      if (pass == 0 ? name == key : str_eq(name, key)) return i;
    }
  }
  return -1;
}

// The value of fast local i (borrowed, null when unbound); *cell gets the cell if any.
static Object* proxy_value(InterpreterFrame* f, int i, CellObject** cell = nullptr) {
  auto* code = frame_code(f);
  const uint8_t* k = reinterpret_cast<const uint8_t*>(bytes_data(code->co_localspluskinds));
  Object* v = f->localsplus[i];
  if (!v && (k[i] & kCoFastFree) && f->f_funcobj) {
    auto* fn = static_cast<FunctionObject*>(f->f_funcobj);
    if (fn->func_closure) v = tuple_get(fn->func_closure, i - (code->co_nlocalsplus - code->co_nfreevars));
  }
  bool started = frame_lasti(f) >= code->co_firsttraceable;
  if (v && (k[i] & (kCoFastCell | kCoFastFree)) && cell_check(v) && (started || (k[i] & kCoFastFree))) {
    if (cell) *cell = static_cast<CellObject*>(v);
    return static_cast<CellObject*>(v)->ref;
  }
  return v;
}

static Object* proxy_getitem(Object* self, Object* key) {
  InterpreterFrame* f = proxy_frame(self);
  int i = proxy_index(f, key);
  if (i >= 0) {
    Object* v = proxy_value(f, i);
    if (v) return new_ref(v);
  } else {
    Object* extra = static_cast<FrameLocalsProxy*>(self)->frame->f_extra_locals;
    if (extra) {
      Object* v = nullptr;
      int r = dict_getitem_ref(extra, key, &v);
      if (r < 0) return nullptr;
      if (r > 0) return v;
    }
  }
  return err_format(&exc::KeyError, "local variable '%R' is not defined", key);
}

static int proxy_setitem(Object* self, Object* key, Object* value) {
  InterpreterFrame* f = proxy_frame(self);
  FrameObject* fo = static_cast<FrameLocalsProxy*>(self)->frame;
  int i = proxy_index(f, key);
  if (!value) {
    if (i >= 0) {
      err_set_string(&exc::ValueError, "cannot remove local variables from FrameLocalsProxy");
      return -1;
    }
    if (!fo->f_extra_locals) {
      err_set_object(&exc::KeyError, key);
      return -1;
    }
    return dict_delitem(fo->f_extra_locals, key);
  }
  if (i >= 0) {
    CellObject* cell = nullptr;
    proxy_value(f, i, &cell);
    if (cell) xset_ref(cell->ref, new_ref(value));
    else xset_ref(f->localsplus[i], new_ref(value));
    return 0;
  }
  if (!fo->f_extra_locals) {
    fo->f_extra_locals = dict_new();
    if (!fo->f_extra_locals) return -1;
  }
  return dict_setitem(fo->f_extra_locals, key, value);
}

// A dict with the current contents (fast locals first, then extra names).
static Object* proxy_to_dict(Object* self) {
  InterpreterFrame* f = proxy_frame(self);
  auto* code = frame_code(f);
  const uint8_t* k = reinterpret_cast<const uint8_t*>(bytes_data(code->co_localspluskinds));
  Ref<> d = steal(dict_new());
  if (!d) return nullptr;
  for (int i = 0; i < code->co_nlocalsplus; i++) {
    if (k[i] & kCoFastHidden) continue;
    Object* v = proxy_value(f, i);
    if (v && dict_setitem(d.get(), tuple_get(code->co_localsplusnames, i), v) < 0) return nullptr;
  }
  Object* extra = static_cast<FrameLocalsProxy*>(self)->frame->f_extra_locals;
  if (extra && dict_update(d.get(), extra) < 0) return nullptr;
  return d.release();
}

static ssize proxy_length(Object* self) {
  Ref<> d = steal(proxy_to_dict(self));
  return d ? dict_size(d.get()) : -1;
}
static int proxy_contains(Object* self, Object* key) {
  InterpreterFrame* f = proxy_frame(self);
  int i = proxy_index(f, key);
  if (i >= 0) return proxy_value(f, i) != nullptr;
  Object* extra = static_cast<FrameLocalsProxy*>(self)->frame->f_extra_locals;
  return extra ? dict_contains(extra, key) : 0;
}
static Object* proxy_iter(Object* self) {
  Ref<> d = steal(proxy_to_dict(self));
  if (!d) return nullptr;
  Ref<> keys = steal(dict_keys_list(d.get()));
  return keys ? object_get_iter(keys.get()) : nullptr;
}
static Object* proxy_repr(Object* self) {
  Ref<> d = steal(proxy_to_dict(self));
  return d ? object_repr(d.get()) : nullptr;
}
static Object* proxy_richcompare(Object* self, Object* other, int op) {
  if (op != kEQ && op != kNE) return new_ref(NotImplemented);
  Ref<> d = steal(proxy_to_dict(self));
  if (!d) return nullptr;
  Ref<> o;
  if (other->type == &FrameLocalsProxyType) o = steal(proxy_to_dict(other));
  else if (dict_check(other)) o = borrow(other);
  else return new_ref(NotImplemented);
  if (!o) return nullptr;
  return object_richcompare(d.get(), o.get(), op);
}
static Object* proxy_keys(Object* self, Object*) {
  Ref<> d = steal(proxy_to_dict(self));
  return d ? dict_keys_list(d.get()) : nullptr;
}
static Object* proxy_values(Object* self, Object*) {
  Ref<> d = steal(proxy_to_dict(self));
  return d ? dict_values_list(d.get()) : nullptr;
}
static Object* proxy_items(Object* self, Object*) {
  Ref<> d = steal(proxy_to_dict(self));
  return d ? dict_items_list(d.get()) : nullptr;
}
static Object* proxy_copy(Object* self, Object*) { return proxy_to_dict(self); }
static Object* proxy_get(Object* self, Object* const* args, ssize nargs) {
  if (nargs < 1 || nargs > 2) return err_format(&exc::TypeError, "get expected 1 or 2 arguments, got %zd", nargs);
  int c = proxy_contains(self, args[0]);
  if (c < 0) return nullptr;
  if (c) return proxy_getitem(self, args[0]);
  return new_ref(nargs > 1 ? args[1] : None);
}
static Object* proxy_setdefault(Object* self, Object* const* args, ssize nargs) {
  if (nargs < 1 || nargs > 2) return err_format(&exc::TypeError, "setdefault expected 1 or 2 arguments, got %zd", nargs);
  int c = proxy_contains(self, args[0]);
  if (c < 0) return nullptr;
  if (c) return proxy_getitem(self, args[0]);
  Object* def = nargs > 1 ? args[1] : None;
  if (proxy_setitem(self, args[0], def) < 0) return nullptr;
  return new_ref(def);
}
static Object* proxy_pop(Object* self, Object* const* args, ssize nargs) {
  if (nargs < 1 || nargs > 2) return err_format(&exc::TypeError, "pop expected 1 or 2 arguments, got %zd", nargs);
  InterpreterFrame* f = proxy_frame(self);
  if (proxy_index(f, args[0]) >= 0)
    return err_string(&exc::ValueError, "cannot remove local variables from FrameLocalsProxy");
  Object* extra = static_cast<FrameLocalsProxy*>(self)->frame->f_extra_locals;
  Object* v = nullptr;
  int r = extra ? dict_pop(extra, args[0], &v) : 0;
  if (r < 0) return nullptr;
  if (r > 0) return v;
  if (nargs > 1) return new_ref(args[1]);
  err_set_object(&exc::KeyError, args[0]);
  return nullptr;
}
static Object* proxy_update(Object* self, Object* other) {
  Ref<> d = steal(dict_new());
  if (!d) return nullptr;
  if (other->type == &FrameLocalsProxyType) {
    Ref<> od = steal(proxy_to_dict(other));
    if (!od || dict_update(d.get(), od.get()) < 0) return nullptr;
  } else if (dict_update(d.get(), other) < 0) {
    return nullptr;
  }
  ssize pos = 0;
  Object *k, *v;
  while (dict_next(d.get(), &pos, &k, &v))
    if (proxy_setitem(self, k, v) < 0) return nullptr;
  return new_ref(None);
}

static void proxy_dealloc(Object* self) {
  gc_untrack(self);
  xdecref(static_cast<FrameLocalsProxy*>(self)->frame);
  object_free(self);
}
static int proxy_traverse(Object* self, VisitProc visit, void* arg) {
  Object* f = static_cast<FrameLocalsProxy*>(self)->frame;
  return f ? visit(f, arg) : 0;
}

static MappingMethods proxy_as_mapping = {proxy_length, proxy_getitem, proxy_setitem};
static SequenceMethods proxy_as_sequence = {nullptr, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr, proxy_contains, nullptr, nullptr};
static const MethodDef proxy_methods[] = {
    {"keys", reinterpret_cast<void*>(proxy_keys), kMethNoArgs, nullptr},
    {"values", reinterpret_cast<void*>(proxy_values), kMethNoArgs, nullptr},
    {"items", reinterpret_cast<void*>(proxy_items), kMethNoArgs, nullptr},
    {"copy", reinterpret_cast<void*>(proxy_copy), kMethNoArgs, nullptr},
    {"get", reinterpret_cast<void*>(proxy_get), kMethFastcall, nullptr},
    {"setdefault", reinterpret_cast<void*>(proxy_setdefault), kMethFastcall, nullptr},
    {"pop", reinterpret_cast<void*>(proxy_pop), kMethFastcall, nullptr},
    {"update", reinterpret_cast<void*>(proxy_update), kMethO, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

static Object* frame_locals_proxy_new(FrameObject* fo) {
  auto* p = static_cast<FrameLocalsProxy*>(object_alloc(&FrameLocalsProxyType, sizeof(FrameLocalsProxy)));
  if (!p) return nullptr;
  p->frame = static_cast<FrameObject*>(new_ref(static_cast<Object*>(fo)));
  gc_track(p);
  return p;
}

static void init_frame_locals_proxy_type() {
  FrameLocalsProxyType.tp_name = "FrameLocalsProxy";
  FrameLocalsProxyType.tp_basicsize = sizeof(FrameLocalsProxy);
  FrameLocalsProxyType.tp_dealloc = proxy_dealloc;
  FrameLocalsProxyType.tp_traverse = proxy_traverse;
  FrameLocalsProxyType.tp_repr = proxy_repr;
  FrameLocalsProxyType.tp_as_mapping = &proxy_as_mapping;
  FrameLocalsProxyType.tp_as_sequence = &proxy_as_sequence;
  FrameLocalsProxyType.tp_iter = proxy_iter;
  FrameLocalsProxyType.tp_richcompare = proxy_richcompare;
  FrameLocalsProxyType.tp_hash = hash_not_implemented;
  FrameLocalsProxyType.tp_getattro = object_generic_getattr;
  FrameLocalsProxyType.tp_flags = kTpflagsDefault | kTpflagsHaveGC | kTpflagsMapping;
  FrameLocalsProxyType.tp_methods = proxy_methods;
}

static InterpreterFrame* live(Object* self) { return static_cast<FrameObject*>(self)->f_frame; }

static Object* frame_get_code(Object* self, void*) { return new_ref(live(self)->f_code); }
static Object* frame_get_globals(Object* self, void*) {
  Object* g = live(self)->f_globals;
  return new_ref(g ? g : None);
}
static Object* frame_get_builtins(Object* self, void*) {
  Object* b = live(self)->f_builtins;
  return new_ref(b ? b : None);
}
static Object* frame_get_f_locals(Object* self, void*) {
  InterpreterFrame* f = live(self);
  if (frame_code(f)->co_flags & kCoOptimized) return frame_locals_proxy_new(static_cast<FrameObject*>(self));
  return frame_get_locals(f);
}
static Object* frame_get_f_lineno(Object* self, void*) {
  auto* fo = static_cast<FrameObject*>(self);
  if (fo->f_lineno > 0) return int_from_i64(fo->f_lineno);
  int line = frame_get_lineno(fo->f_frame);
  if (line < 0) return new_ref(None);
  return int_from_i64(line);
}
static Object* frame_get_f_lasti(Object* self, void*) {
  int lasti = frame_lasti(live(self));
  if (lasti < 0) return int_from_i64(-1);
  return int_from_i64(int64_t(lasti) * 2);
}
static Object* frame_get_back(Object* self, void*) {
  auto* fo = static_cast<FrameObject*>(self);
  if (fo->f_back) return new_ref(static_cast<Object*>(fo->f_back));
  InterpreterFrame* f = fo->f_frame;
  if (!frame_owned(fo) && f->previous) {
    FrameObject* b = frame_get_object(f->previous);
    if (!b) return nullptr;
    return new_ref(static_cast<Object*>(b));
  }
  return new_ref(None);
}
static Object* frame_get_trace(Object* self, void*) {
  auto* fo = static_cast<FrameObject*>(self);
  return new_ref(fo->f_trace ? fo->f_trace : None);
}
static int frame_set_trace(Object* self, Object* v, void*) {
  auto* fo = static_cast<FrameObject*>(self);
  if (v == None) v = nullptr;
  xset_ref(fo->f_trace, xnew_ref(v));
  return 0;
}
static Object* frame_get_generator(Object* self, void*) {
  InterpreterFrame* f = live(self);
  if (f->owner == kFrameOwnedByGenerator) return new_ref(static_cast<Object*>(gen_from_frame(f)));
  return new_ref(None);
}
static Object* frame_get_trace_lines(Object* self, void*) { return new_ref(bool_from(static_cast<FrameObject*>(self)->f_trace_lines)); }
static Object* frame_get_trace_opcodes(Object* self, void*) { return new_ref(bool_from(static_cast<FrameObject*>(self)->f_trace_opcodes)); }
static int frame_set_trace_lines(Object* self, Object* v, void*) {
  int b = v ? object_is_true(v) : 0;
  if (b < 0) return -1;
  static_cast<FrameObject*>(self)->f_trace_lines = char(b);
  return 0;
}
static int frame_set_trace_opcodes(Object* self, Object* v, void*) {
  int b = v ? object_is_true(v) : 0;
  if (b < 0) return -1;
  static_cast<FrameObject*>(self)->f_trace_opcodes = char(b);
  return 0;
}

static Object* frame_repr(Object* self) {
  InterpreterFrame* f = live(self);
  auto* code = frame_code(f);
  return str_from_format("<frame at %p, file %R, line %d, code %U>", self, code->co_filename,
                         frame_get_lineno(f), code->co_name);
}

static Object* frame_clear_method(Object* self, Object*) {
  auto* fo = static_cast<FrameObject*>(self);
  InterpreterFrame* f = fo->f_frame;
  if (!frame_owned(fo)) {
    if (f->owner == kFrameOwnedByGenerator) {
      GenObject* gen = gen_from_frame(f);
      if (gen->gi_frame_state == kFrameExecuting) return err_string(&exc::RuntimeError, "cannot clear an executing frame");
      if (gen->gi_frame_state >= kFrameCompleted) return new_ref(None);
      return err_string(&exc::RuntimeError, "cannot clear a suspended frame");
    }
    return err_string(&exc::RuntimeError, "cannot clear an executing frame");
  }
  // Owned (finished) frame: drop the locals.
  auto* code = frame_code(f);
  for (int i = 0; i < f->stackpointer && i < code->co_nlocalsplus; i++) clear_ref(f->localsplus[i]);
  clear_ref(fo->f_locals_cache);
  return new_ref(None);
}

static const GetSetDef frame_getset[] = {
    {"f_code", frame_get_code, nullptr, nullptr, nullptr},
    {"f_globals", frame_get_globals, nullptr, nullptr, nullptr},
    {"f_builtins", frame_get_builtins, nullptr, nullptr, nullptr},
    {"f_locals", frame_get_f_locals, nullptr, nullptr, nullptr},
    {"f_lineno", frame_get_f_lineno, nullptr, nullptr, nullptr},
    {"f_lasti", frame_get_f_lasti, nullptr, nullptr, nullptr},
    {"f_back", frame_get_back, nullptr, nullptr, nullptr},
    {"f_trace", frame_get_trace, frame_set_trace, nullptr, nullptr},
    {"f_trace_lines", frame_get_trace_lines, frame_set_trace_lines, nullptr, nullptr},
    {"f_trace_opcodes", frame_get_trace_opcodes, frame_set_trace_opcodes, nullptr, nullptr},
    {"f_generator", frame_get_generator, nullptr, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr, nullptr},
};

static const MethodDef frame_methods[] = {
    {"clear", reinterpret_cast<void*>(frame_clear_method), kMethNoArgs, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

void init_frame_types() {
  init_frame_locals_proxy_type();
  FrameType.tp_name = "frame";
  FrameType.tp_basicsize = offsetof(FrameObject, frame_data);
  FrameType.tp_itemsize = sizeof(Object*);
  FrameType.tp_dealloc = frame_dealloc;
  FrameType.tp_traverse = frame_traverse;
  FrameType.tp_repr = frame_repr;
  FrameType.tp_flags = kTpflagsDefault | kTpflagsHaveGC;
  FrameType.tp_getattro = object_generic_getattr;
  FrameType.tp_getset = frame_getset;
  FrameType.tp_methods = frame_methods;
}

}  // namespace pyxx
