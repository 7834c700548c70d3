// Traceback objects: one per frame an exception passed through (tb_next goes
// towards the frame where it was raised).
#include "core/abstract.h"
#include "core/alloc.h"
#include "core/error.h"
#include "objects/dict.h"
#include "objects/exceptions.h"
#include "objects/list.h"
#include "objects/tuple.h"
#include "objects/int.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "vm/frame.h"

namespace pyxx {

Type TracebackType;

Object* traceback_new(Object* next, Object* frame, int lasti, int lineno) {
  if (next == None) next = nullptr;
  if (next && next->type != &TracebackType) return err_string(&exc::TypeError, "expected traceback object or None");
  if (!frame || !frame_check(frame)) return err_format(&exc::TypeError, "TracebackType() argument 'tb_frame' must be frame, not %T", frame ? frame : None);
  auto* tb = static_cast<TracebackObject*>(object_alloc_zeroed(&TracebackType, sizeof(TracebackObject)));
  if (!tb) return nullptr;
  tb->tb_next = static_cast<TracebackObject*>(xnew_ref(next));
  tb->tb_frame = new_ref(frame);
  tb->tb_lasti = lasti;
  tb->tb_lineno = lineno;
  gc_track(tb);
  return tb;
}

// Iterative along tb_next: a RecursionError's traceback is as long as
// sys.setrecursionlimit() allows, and freeing it recursively overflowed the C
// stack (SIGSEGV; docs/fuzzing.md). CPython uses its trashcan here.
static void tb_dealloc(Object* self) {
  auto* tb = static_cast<TracebackObject*>(self);
  for (;;) {
    gc_untrack(tb);
    TracebackObject* next = tb->tb_next;
    xdecref(tb->tb_frame);
    object_free(tb);
    // Dropping our reference to tb_next: when it was the last one, free that
    // traceback in this loop instead of through decref (tb_next is always a
    // traceback; the setters check it).
    if (!next || --next->refcnt != 0) return;
    tb = next;
  }
}

static int tb_traverse(Object* self, VisitProc visit, void* arg) {
  auto* tb = static_cast<TracebackObject*>(self);
  if (tb->tb_next && visit(tb->tb_next, arg)) return -1;
  if (tb->tb_frame && visit(tb->tb_frame, arg)) return -1;
  return 0;
}

static Object* tb_get_next(Object* self, void*) {
  auto* tb = static_cast<TracebackObject*>(self);
  return new_ref(tb->tb_next ? static_cast<Object*>(tb->tb_next) : None);
}
static int tb_set_next(Object* self, Object* v, void*) {
  auto* tb = static_cast<TracebackObject*>(self);
  if (!v) { err_set_string(&exc::TypeError, "can't delete tb_next attribute"); return -1; }
  if (v == None) v = nullptr;
  else if (v->type != &TracebackType) {
    err_format(&exc::TypeError, "expected traceback object, got '%s'", type_name(v->type));
    return -1;
  }
  for (Object* c = v; c; c = static_cast<TracebackObject*>(c)->tb_next) {
    if (c == self) { err_set_string(&exc::ValueError, "traceback loop detected"); return -1; }
  }
  Object* old = tb->tb_next;
  tb->tb_next = static_cast<TracebackObject*>(xnew_ref(v));
  xdecref(old);
  return 0;
}
static Object* tb_get_frame(Object* self, void*) { return new_ref(static_cast<TracebackObject*>(self)->tb_frame); }
static Object* tb_get_lasti(Object* self, void*) {
  auto* tb = static_cast<TracebackObject*>(self);
  return int_from_i64(tb->tb_lasti);
}
static Object* tb_get_lineno(Object* self, void*) {
  auto* tb = static_cast<TracebackObject*>(self);
  if (tb->tb_lineno == -1 && tb->tb_lasti >= 0) {
    auto* fo = static_cast<FrameObject*>(tb->tb_frame);
    tb->tb_lineno = code_addr_to_line(fo->f_frame->f_code, tb->tb_lasti / 2);
  }
  if (tb->tb_lineno < 0) return new_ref(None);
  return int_from_i64(tb->tb_lineno);
}

static Object* tb_new(Type*, Object* args, Object* kwds) {
  // TracebackType(tb_next, tb_frame, tb_lasti, tb_lineno)
  Object* a[4] = {nullptr, nullptr, nullptr, nullptr};
  static const char* names[4] = {"tb_next", "tb_frame", "tb_lasti", "tb_lineno"};
  ssize n = tuple_size(args);
  if (n > 4) return err_format(&exc::TypeError, "TracebackType() takes at most 4 arguments (%zd given)", n);
  for (ssize i = 0; i < n; i++) a[i] = tuple_get(args, i);
  if (kwds) {
    for (int i = 0; i < 4; i++) {
      if (Object* v = dict_getitem_str(kwds, names[i])) a[i] = v;
    }
  }
  for (int i = 0; i < 4; i++)
    if (!a[i]) return err_format(&exc::TypeError, "TracebackType() missing required argument '%s' (pos %d)", names[i], i + 1);
  int lasti = int(int_as_i64(a[2]));
  if (lasti == -1 && err_occurred()) return nullptr;
  int lineno = int(int_as_i64(a[3]));
  if (lineno == -1 && err_occurred()) return nullptr;
  return traceback_new(a[0], a[1], lasti, lineno);
}

static Object* tb_dir(Object* self, Object*) {
  Object* l = list_new(0);
  if (!l) return nullptr;
  for (const char* n : {"tb_frame", "tb_next", "tb_lasti", "tb_lineno"})
    if (list_append_steal(l, str_from_cstr(n)) < 0) { decref(l); return nullptr; }
  return l;
}

static const GetSetDef tb_getset[] = {
    {"tb_next", tb_get_next, tb_set_next, nullptr, nullptr},
    {"tb_frame", tb_get_frame, nullptr, nullptr, nullptr},
    {"tb_lasti", tb_get_lasti, nullptr, nullptr, nullptr},
    {"tb_lineno", tb_get_lineno, nullptr, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr, nullptr},
};
static const MethodDef tb_methods[] = {
    {"__dir__", reinterpret_cast<void*>(tb_dir), kMethNoArgs, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

void init_traceback_types() {
  TracebackType.tp_name = "traceback";
  TracebackType.tp_basicsize = sizeof(TracebackObject);
  TracebackType.tp_dealloc = tb_dealloc;
  TracebackType.tp_traverse = tb_traverse;
  TracebackType.tp_flags = kTpflagsDefault | kTpflagsHaveGC;
  TracebackType.tp_getattro = object_generic_getattr;
  TracebackType.tp_getset = tb_getset;
  TracebackType.tp_methods = tb_methods;
  TracebackType.tp_new = tb_new;
  TracebackType.tp_doc = "Create a new traceback object.";
}

}  // namespace pyxx
