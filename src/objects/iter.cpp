// The generic iterators: "iterator" (iter(seq) for objects that only have
// __getitem__) and "callable_iterator" (iter(callable, sentinel)), as
// CPython's Objects/iterobject.c.
#include "core/alloc.h"
#include "objects/container_util.h"
#include "objects/int.h"
#include "objects/range.h"
#include "objects/singletons.h"

namespace pyxx {

Type SeqIterType, CallIterType;

namespace {

struct SeqIterObject : Object {
  ssize index;
  Object* seq;  // null once exhausted
};

struct CallIterObject : Object {
  Object* callable;  // null once exhausted
  Object* sentinel;
};

}  // namespace

Object* seq_iter_new(Object* seq) {
  if (!sequence_check(seq)) return err_bad_internal_call("seq_iter_new");
  auto* it = static_cast<SeqIterObject*>(object_alloc(&SeqIterType, sizeof(SeqIterObject)));
  if (!it) return nullptr;
  it->index = 0;
  it->seq = new_ref(seq);
  gc_track(it);
  return it;
}

Object* call_iter_new(Object* callable, Object* sentinel) {
  auto* it = static_cast<CallIterObject*>(object_alloc(&CallIterType, sizeof(CallIterObject)));
  if (!it) return nullptr;
  it->callable = new_ref(callable);
  it->sentinel = new_ref(sentinel);
  gc_track(it);
  return it;
}

namespace {

void seqiter_dealloc(Object* op) {
  gc_untrack(op);
  xdecref(static_cast<SeqIterObject*>(op)->seq);
  object_free(op);
}

int seqiter_traverse(Object* op, VisitProc visit, void* arg) {
  Object* s = static_cast<SeqIterObject*>(op)->seq;
  return s ? visit(s, arg) : 0;
}

Object* seqiter_next(Object* op) {
  auto* it = static_cast<SeqIterObject*>(op);
  Object* seq = it->seq;
  if (!seq) return nullptr;
  if (it->index == kSsizeMax) return err_string(&exc::OverflowError, "iter index too large");
  Object* result = sequence_getitem(seq, it->index);
  if (result) {
    it->index++;
    return result;
  }
  if (err_exception_matches(&exc::IndexError) || err_exception_matches(&exc::StopIteration)) {
    err_clear();
    it->seq = nullptr;
    decref(seq);
  }
  return nullptr;
}

Object* seqiter_len(Object* op, Object*) {
  auto* it = static_cast<SeqIterObject*>(op);
  if (it->seq) {
    ssize seqsize = object_length(it->seq);
    if (seqsize == -1) {
      if (err_exception_matches(&exc::TypeError)) {
        err_clear();
        return new_ref(NotImplemented);
      }
      return nullptr;
    }
    ssize len = seqsize - it->index;
    if (len >= 0) return int_from_ssize(len);
  }
  return int_from_i64(0);
}

void calliter_dealloc(Object* op) {
  auto* it = static_cast<CallIterObject*>(op);
  gc_untrack(op);
  xdecref(it->callable);
  xdecref(it->sentinel);
  object_free(op);
}

int calliter_traverse(Object* op, VisitProc visit, void* arg) {
  auto* it = static_cast<CallIterObject*>(op);
  if (it->callable) if (int r = visit(it->callable, arg)) return r;
  if (it->sentinel) if (int r = visit(it->sentinel, arg)) return r;
  return 0;
}

Object* calliter_next(Object* op) {
  auto* it = static_cast<CallIterObject*>(op);
  if (!it->callable) return nullptr;
  Object* callable = new_ref(it->callable);
  Object* result = call_no_args(callable);
  decref(callable);
  if (result) {
    int ok = object_richcompare_bool(it->sentinel, result, kEQ);
    if (ok == 0) return result;
    decref(result);
    if (ok > 0) {
      clear_ref(it->callable);
      clear_ref(it->sentinel);
    }
  } else if (err_exception_matches(&exc::StopIteration)) {
    err_clear();
    clear_ref(it->callable);
    clear_ref(it->sentinel);
  }
  return nullptr;
}

Object* self_iter(Object* self) { return new_ref(self); }

const MethodDef seqiter_methods[] = {
    {"__length_hint__", reinterpret_cast<void*>(&seqiter_len), kMethNoArgs, "Private method returning an estimate of len(list(it))."},
    {nullptr, nullptr, 0, nullptr}};

}  // namespace

void init_iter_types() {
  Type& s = SeqIterType;
  s.tp_name = "iterator";
  s.tp_basicsize = sizeof(SeqIterObject);
  s.tp_dealloc = seqiter_dealloc;
  s.tp_getattro = object_generic_getattr;
  s.tp_flags = kTpflagsDefault | kTpflagsHaveGC | kTpflagsImmutableType | kTpflagsDisallowInstantiation;
  s.tp_traverse = seqiter_traverse;
  s.tp_iter = self_iter;
  s.tp_iternext = seqiter_next;
  s.tp_methods = seqiter_methods;
  s.tp_base = &ObjectType;

  Type& c = CallIterType;
  c.tp_name = "callable_iterator";
  c.tp_basicsize = sizeof(CallIterObject);
  c.tp_dealloc = calliter_dealloc;
  c.tp_getattro = object_generic_getattr;
  c.tp_flags = kTpflagsDefault | kTpflagsHaveGC | kTpflagsImmutableType | kTpflagsDisallowInstantiation;
  c.tp_traverse = calliter_traverse;
  c.tp_iter = self_iter;
  c.tp_iternext = calliter_next;
  c.tp_base = &ObjectType;
}

}  // namespace pyxx
