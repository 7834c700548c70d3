// Generators and coroutines: objects that embed a suspended interpreter frame
// (created by RETURN_GENERATOR) and resume it through eval_frame.
// Async generators reuse the machinery; their asend/athrow awaitables are a
// later step.
#include "objects/generator.h"
#include <cstring>
#include "core/abstract.h"
#include "core/alloc.h"
#include "core/error.h"
#include "objects/dict.h"
#include "objects/exceptions.h"
#include "objects/function.h"
#include "objects/int.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "vm/eval.h"

namespace pyxx {

Type GenType, CoroType, AsyncGenType;

static bool is_coro(GenObject* g) { return g->type == &CoroType; }
static bool is_async_gen(GenObject* g) { return g->type == &AsyncGenType; }
static const char* kind_name(GenObject* g) {
  return is_coro(g) ? "coroutine" : is_async_gen(g) ? "async generator" : "generator";
}

Object* gen_new_from_frame(Object* func, InterpreterFrame* frame) {
  auto* fn = static_cast<FunctionObject*>(func);
  auto* code = frame_code(frame);
  Type* type = (code->co_flags & kCoCoroutine) ? &CoroType : (code->co_flags & kCoAsyncGenerator) ? &AsyncGenType : &GenType;
  size_t size = offsetof(GenObject, gi_iframe) + offsetof(InterpreterFrame, localsplus) +
                size_t(code->co_nlocalsplus + code->co_stacksize) * sizeof(Object*);
  auto* gen = static_cast<GenObject*>(object_alloc_zeroed(type, size));
  if (!gen) return nullptr;
  InterpreterFrame* dst = &gen->gi_iframe;
  frame_copy(frame, dst);
  dst->owner = kFrameOwnedByGenerator;
  dst->previous = nullptr;
  dst->is_entry = 0;
  if (FrameObject* fo = frame->frame_obj) {
    dst->frame_obj = fo;
    fo->f_frame = dst;
    frame->frame_obj = nullptr;
  }
  frame->stackpointer = 0;  // references moved
  gen->gi_name = new_ref(fn ? fn->func_name : code->co_name);
  gen->gi_qualname = new_ref(fn ? fn->func_qualname : code->co_qualname);
  gen->gi_frame_state = kFrameCreated;
  gc_track(gen);
  return gen;
}

int gen_send_ex(GenObject* gen, Object* arg, Object** result, int exc) {
  ThreadState* ts = tstate_fast();
  *result = nullptr;
  int8_t state = gen->gi_frame_state;
  if (state == kFrameCreated && !exc && arg && arg != None) {
    err_format(&exc::TypeError, "can't send non-None value to a just-started %s", kind_name(gen));
    return -1;
  }
  if (state == kFrameExecuting) {
    if (is_async_gen(gen)) err_set_string(&exc::RuntimeError, "anext(): asynchronous generator is already running");
    else err_format(&exc::ValueError, "%s already executing", kind_name(gen));
    return -1;
  }
  if (state >= kFrameCompleted) {
    if (is_coro(gen) && !exc) {
      err_set_string(&exc::RuntimeError, "cannot reuse already awaited coroutine");
      return -1;
    }
    if (exc) return -1;  // the thrown exception propagates
    if (is_async_gen(gen)) { err_set_none(&exc::StopAsyncIteration); return -1; }
    *result = new_ref(None);
    return 0;
  }
  InterpreterFrame* frame = &gen->gi_iframe;
  frame->localsplus[frame->stackpointer++] = new_ref(arg ? arg : None);
  if (!ts->exc_info) ts->exc_info = &ts->base_exc_info;
  gen->gi_exc_state.previous_item = ts->exc_info;
  ts->exc_info = &gen->gi_exc_state;
  if (exc) {
    // Chain the thrown exception to the one being handled by the caller.
    Object* thrown = ts->current_exception;
    Object* handled = nullptr;
    for (ExcInfo* ei = gen->gi_exc_state.previous_item; ei; ei = ei->previous_item)
      if (ei->exc_value && ei->exc_value != None) { handled = ei->exc_value; break; }
    if (thrown && handled && thrown != handled && !exception_get_context(thrown))
      exception_set_context(thrown, new_ref(handled));
  }
  gen->gi_frame_state = kFrameExecuting;
  Object* r = eval_frame(ts, frame, exc);
  ts->exc_info = gen->gi_exc_state.previous_item;
  gen->gi_exc_state.previous_item = nullptr;
  if (gen->gi_frame_state == kFrameSuspended || gen->gi_frame_state == kFrameSuspendedYieldFrom) {
    *result = r;
    return 1;
  }
  // Finished: drop any handled exception the frame still referenced.
  clear_ref(gen->gi_exc_state.exc_value);
  if (!r) return -1;
  if (is_async_gen(gen)) {
    // An async generator's return (always None) ends iteration.
    decref(r);
    err_set_none(&exc::StopAsyncIteration);
    return -1;
  }
  *result = r;
  return 0;
}

// Raises StopIteration(value) (value None -> bare StopIteration); steals value.
static void set_stop_iteration(Object* value) {
  if (value == None) {
    decref(value);
    err_set_none(&exc::StopIteration);
    return;
  }
  Ref<> v = steal(value);
  Object* e = call_one_arg(&exc::StopIteration, v.get());
  if (!e) return;
  err_set_raised(e);
}

Object* gen_yieldfrom(GenObject* gen) {
  if (gen->gi_frame_state != kFrameSuspendedYieldFrom) return nullptr;
  InterpreterFrame* f = &gen->gi_iframe;
  if (f->stackpointer <= frame_code(f)->co_nlocalsplus) return nullptr;
  return xnew_ref(f->localsplus[f->stackpointer - 1]);
}

static Object* gen_iternext(Object* self) {
  Object* res;
  int r = gen_send_ex(static_cast<GenObject*>(self), None, &res, 0);
  if (r == 1) return res;
  if (r == 0) {
    if (res != None) set_stop_iteration(res);
    else decref(res);
  }
  return nullptr;
}

static Object* gen_send(Object* self, Object* arg) {
  Object* res;
  int r = gen_send_ex(static_cast<GenObject*>(self), arg, &res, 0);
  if (r == 1) return res;
  if (r == 0) set_stop_iteration(res);
  return nullptr;
}

static Object* gen_close(Object* self, Object* = nullptr);

// Closes a delegated-to iterator (yield from); 0 ok, -1 error.
static int gen_close_iter(Object* yf) {
  Object* ret;
  if (gen_check_exact(yf) || coro_check_exact(yf)) {
    ret = gen_close(yf);
  } else {
    Object* meth = nullptr;
    if (object_lookup_attr(yf, str_intern_cstr("close"), &meth) < 0) {
      err_write_unraisable(yf);
      return 0;
    }
    if (!meth) return 0;
    ret = call_no_args(meth);
    decref(meth);
  }
  if (!ret) return -1;
  decref(ret);
  return 0;
}

// Throws the pending exception into gen (after delegating to yield-from).
static Object* gen_throw_pending(GenObject* gen, bool close_on_genexit) {
  Object* yf = gen_yieldfrom(gen);
  if (yf) {
    Ref<> yfr = steal(yf);
    Object* ret = nullptr;
    if (close_on_genexit && err_exception_matches(&exc::GeneratorExit)) {
      Object* saved = err_get_raised();
      int8_t st = gen->gi_frame_state;
      gen->gi_frame_state = kFrameExecuting;
      int err = gen_close_iter(yf);
      gen->gi_frame_state = st;
      if (err < 0) {
        xdecref(saved);
      } else {
        err_set_raised(saved);
      }
    } else {
      Object* exc = err_get_raised();
      if (gen_check_exact(yf) || coro_check_exact(yf)) {
        err_set_raised(exc);
        int8_t st = gen->gi_frame_state;
        gen->gi_frame_state = kFrameExecuting;
        ret = gen_throw_pending(static_cast<GenObject*>(yf), close_on_genexit);
        gen->gi_frame_state = st;
      } else {
        Object* meth = nullptr;
        if (object_lookup_attr(yf, str_intern_cstr("throw"), &meth) < 0) {
          xdecref(exc);
          return nullptr;
        }
        if (!meth) {
          err_set_raised(exc);
          goto throw_here;
        }
        int8_t st = gen->gi_frame_state;
        gen->gi_frame_state = kFrameExecuting;
        ret = call_one_arg(meth, exc);
        gen->gi_frame_state = st;
        decref(meth);
        decref(exc);
      }
      if (ret) return ret;
    }
    // The sub-iterator raised (or finished): resume this generator with that
    // exception; CLEANUP_THROW turns a StopIteration into the yield-from value.
  }
throw_here:
  Object* res;
  int r = gen_send_ex(gen, None, &res, 1);
  if (r == 1) return res;
  if (r == 0) set_stop_iteration(res);
  return nullptr;
}

static Object* gen_throw(Object* self, Object* const* args, ssize nargs) {
  if (nargs < 1 || nargs > 3) {
    if (nargs < 1) return err_format(&exc::TypeError, "throw expected at least 1 argument, got %zd", nargs);
    return err_format(&exc::TypeError, "throw expected at most 3 arguments, got %zd", nargs);
  }
  Object* typ = args[0];
  Object* val = nargs > 1 ? args[1] : nullptr;
  Object* tb = nargs > 2 ? args[2] : nullptr;
  if (tb == None) tb = nullptr;
  if (tb && tb->type != &TracebackType) return err_string(&exc::TypeError, "throw() third argument must be a traceback object");
  Ref<> value;
  if (exception_class_check(typ)) {
    if (val && val != None && exception_instance_check(val) && type_is_subtype(val->type, static_cast<Type*>(typ))) {
      value = borrow(val);
    } else if (!val || val == None) {
      value = steal(call_no_args(typ));
    } else if (tuple_check(val)) {
      value = steal(object_call(typ, val, nullptr));
    } else {
      value = steal(call_one_arg(typ, val));
    }
    if (!value) return nullptr;
    if (!exception_instance_check(value.get()))
      return err_format(&exc::TypeError, "calling %R should have returned an instance of BaseException, not %R", typ,
                        static_cast<Object*>(value->type));
  } else if (exception_instance_check(typ)) {
    if (val && val != None) return err_string(&exc::TypeError, "instance exception may not have a separate value");
    value = borrow(typ);
  } else {
    return err_format(&exc::TypeError, "exceptions must be classes or instances deriving from BaseException, not %s",
                      type_name(typ->type));
  }
  if (tb) exception_set_traceback(value.get(), tb);
  err_set_raised(value.release());
  return gen_throw_pending(static_cast<GenObject*>(self), true);
}

static Object* gen_close(Object* self, Object*) {
  auto* gen = static_cast<GenObject*>(self);
  if (gen->gi_frame_state == kFrameCreated) {
    gen->gi_frame_state = kFrameCompleted;
    frame_clear_except_code(&gen->gi_iframe);
    return new_ref(None);
  }
  if (gen->gi_frame_state >= kFrameCompleted) return new_ref(None);
  int err = 0;
  if (Object* yf = gen_yieldfrom(gen)) {
    int8_t st = gen->gi_frame_state;
    gen->gi_frame_state = kFrameExecuting;
    err = gen_close_iter(yf);
    gen->gi_frame_state = st;
    decref(yf);
  }
  if (err == 0) err_set_none(&exc::GeneratorExit);
  Object* res;
  int r = gen_send_ex(gen, None, &res, 1);
  if (r == 1) {
    decref(res);
    err_format(&exc::RuntimeError, "%s ignored GeneratorExit", kind_name(gen));
    return nullptr;
  }
  if (r == 0) return res;
  if (err_exception_matches(&exc::StopIteration) || err_exception_matches(&exc::GeneratorExit)) {
    err_clear();
    return new_ref(None);
  }
  return nullptr;
}

static void gen_dealloc(Object* self) {
  auto* gen = static_cast<GenObject*>(self);
  gc_untrack(gen);
  int8_t st = gen->gi_frame_state;
  if (st == kFrameSuspended || st == kFrameSuspendedYieldFrom) {
    // Finalize: close the generator (runs its finally blocks); may resurrect.
    self->refcnt = 1;
    Object* saved = err_get_raised();
    Object* r = gen_close(self);
    if (!r) err_write_unraisable(self);
    else decref(r);
    if (saved) err_set_raised(saved);
    if (--self->refcnt != 0) {
      gc_track(gen);
      return;
    }
  }
  InterpreterFrame* f = &gen->gi_iframe;
  if (gen->gi_frame_state < kFrameCompleted) {
    frame_clear(f);
  } else {
    clear_ref(f->f_code);
  }
  xdecref(gen->gi_name);
  xdecref(gen->gi_qualname);
  xdecref(gen->gi_exc_state.exc_value);
  xdecref(gen->gi_origin_or_finalizer);
  object_free(gen);
}

static int gen_traverse(Object* self, VisitProc visit, void* arg) {
  auto* gen = static_cast<GenObject*>(self);
  if (gen->gi_name && visit(gen->gi_name, arg)) return -1;
  if (gen->gi_qualname && visit(gen->gi_qualname, arg)) return -1;
  if (gen->gi_exc_state.exc_value && visit(gen->gi_exc_state.exc_value, arg)) return -1;
  if (gen->gi_frame_state < kFrameCompleted) {
    InterpreterFrame* f = &gen->gi_iframe;
    for (int i = 0; i < f->stackpointer; i++)
      if (f->localsplus[i] && visit(f->localsplus[i], arg)) return -1;
    if (f->f_funcobj && visit(f->f_funcobj, arg)) return -1;
    if (f->f_locals && visit(f->f_locals, arg)) return -1;
  }
  return 0;
}

static Object* gen_repr(Object* self) {
  auto* gen = static_cast<GenObject*>(self);
  return str_from_format("<%s object %U at %p>", kind_name(gen), gen->gi_qualname, self);
}

static Object* gen_get_frame(Object* self, void*) {
  auto* gen = static_cast<GenObject*>(self);
  if (gen->gi_frame_state >= kFrameCompleted) return new_ref(None);
  FrameObject* fo = frame_get_object(&gen->gi_iframe);
  if (!fo) return nullptr;
  return new_ref(static_cast<Object*>(fo));
}
static Object* gen_get_running(Object* self, void*) {
  return new_ref(bool_from(static_cast<GenObject*>(self)->gi_frame_state == kFrameExecuting));
}
static Object* gen_get_suspended(Object* self, void*) {
  int8_t st = static_cast<GenObject*>(self)->gi_frame_state;
  return new_ref(bool_from(st == kFrameSuspended || st == kFrameSuspendedYieldFrom));
}
static Object* gen_get_code(Object* self, void*) { return new_ref(static_cast<GenObject*>(self)->gi_iframe.f_code); }
static Object* gen_get_yieldfrom(Object* self, void*) {
  Object* y = gen_yieldfrom(static_cast<GenObject*>(self));
  return y ? y : new_ref(None);
}
static Object* gen_get_name(Object* self, void*) { return new_ref(static_cast<GenObject*>(self)->gi_name); }
static int gen_set_name(Object* self, Object* v, void*) {
  if (!v || !str_check(v)) { err_set_string(&exc::TypeError, "__name__ must be set to a string object"); return -1; }
  set_ref(static_cast<GenObject*>(self)->gi_name, new_ref(v));
  return 0;
}
static Object* gen_get_qualname(Object* self, void*) { return new_ref(static_cast<GenObject*>(self)->gi_qualname); }
static int gen_set_qualname(Object* self, Object* v, void*) {
  if (!v || !str_check(v)) { err_set_string(&exc::TypeError, "__qualname__ must be set to a string object"); return -1; }
  set_ref(static_cast<GenObject*>(self)->gi_qualname, new_ref(v));
  return 0;
}
static Object* coro_get_origin(Object* self, void*) {
  Object* o = static_cast<GenObject*>(self)->gi_origin_or_finalizer;
  return new_ref(o ? o : None);
}

static Object* gen_self_iter(Object* self) { return new_ref(self); }

static const GetSetDef gen_getset[] = {
    {"__name__", gen_get_name, gen_set_name, nullptr, nullptr},
    {"__qualname__", gen_get_qualname, gen_set_qualname, nullptr, nullptr},
    {"gi_frame", gen_get_frame, nullptr, nullptr, nullptr},
    {"gi_running", gen_get_running, nullptr, nullptr, nullptr},
    {"gi_code", gen_get_code, nullptr, nullptr, nullptr},
    {"gi_yieldfrom", gen_get_yieldfrom, nullptr, "object being iterated by yield from, or None", nullptr},
    {"gi_suspended", gen_get_suspended, nullptr, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr, nullptr},
};
static const GetSetDef coro_getset[] = {
    {"__name__", gen_get_name, gen_set_name, nullptr, nullptr},
    {"__qualname__", gen_get_qualname, gen_set_qualname, nullptr, nullptr},
    {"cr_frame", gen_get_frame, nullptr, nullptr, nullptr},
    {"cr_running", gen_get_running, nullptr, nullptr, nullptr},
    {"cr_code", gen_get_code, nullptr, nullptr, nullptr},
    {"cr_await", gen_get_yieldfrom, nullptr, "object being awaited on, or None", nullptr},
    {"cr_suspended", gen_get_suspended, nullptr, nullptr, nullptr},
    {"cr_origin", coro_get_origin, nullptr, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr, nullptr},
};
static const GetSetDef agen_getset[] = {
    {"__name__", gen_get_name, gen_set_name, nullptr, nullptr},
    {"__qualname__", gen_get_qualname, gen_set_qualname, nullptr, nullptr},
    {"ag_frame", gen_get_frame, nullptr, nullptr, nullptr},
    {"ag_running", gen_get_running, nullptr, nullptr, nullptr},
    {"ag_code", gen_get_code, nullptr, nullptr, nullptr},
    {"ag_await", gen_get_yieldfrom, nullptr, nullptr, nullptr},
    {"ag_suspended", gen_get_suspended, nullptr, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr, nullptr},
};

static const MethodDef gen_methods[] = {
    {"send", reinterpret_cast<void*>(gen_send), kMethO,
     "send(arg) -> send 'arg' into generator,\nreturn next yielded value or raise StopIteration."},
    {"throw", reinterpret_cast<void*>(gen_throw), kMethFastcall,
     "throw(value)\nthrow(type[,value[,tb]])\n\nRaise exception in generator, return next yielded value or raise\nStopIteration.\nthe (type, val, tb) signature is deprecated, \nand may be removed in a future version of Python."},
    {"close", reinterpret_cast<void*>(gen_close), kMethNoArgs, "close() -> raise GeneratorExit inside generator."},
    {nullptr, nullptr, 0, nullptr},
};

// ---------------------------------------------------------------------------
// Async generators: `yield v` produces a wrapped value (INTRINSIC_ASYNC_GEN_WRAP)
// so that the asend/athrow awaitables can tell yielded values (which finish
// the awaitable with StopIteration(v)) from values yielded by inner awaits
// (passed through to the event loop).
// ---------------------------------------------------------------------------

Type AsyncGenWrappedValueType, AsyncGenASendType, AsyncGenAThrowType;

struct AsyncGenWrappedValue : Object { Object* val; };
struct AsyncGenASend : Object { GenObject* gen; Object* sendval; int state; };
struct AsyncGenAThrow : Object { GenObject* gen; Object* args; int state; };  // args null = aclose()
enum { kAwaitableInit = 0, kAwaitableIter = 1, kAwaitableClosed = 2 };

Object* async_gen_wrap_value(Object* v) {
  auto* w = static_cast<AsyncGenWrappedValue*>(object_alloc(&AsyncGenWrappedValueType, sizeof(AsyncGenWrappedValue)));
  if (!w) return nullptr;
  w->val = new_ref(v);
  return w;
}
static void wrapped_dealloc(Object* self) {
  xdecref(static_cast<AsyncGenWrappedValue*>(self)->val);
  object_free(self);
}

// Turns a generator step result into an awaitable step result.
static Object* async_gen_unwrap(GenObject* gen, Object* result) {
  if (!result) {
    if (err_exception_matches(&exc::StopAsyncIteration) || err_exception_matches(&exc::GeneratorExit))
      gen->gi_closed = 1;
    gen->gi_running_async = 0;
    return nullptr;
  }
  if (result->type == &AsyncGenWrappedValueType) {
    Object* v = new_ref(static_cast<AsyncGenWrappedValue*>(result)->val);
    decref(result);
    set_stop_iteration(v);
    gen->gi_running_async = 0;
    return nullptr;
  }
  return result;
}

static Object* asend_send(Object* self, Object* arg) {
  auto* o = static_cast<AsyncGenASend*>(self);
  if (o->state == kAwaitableClosed)
    return err_string(&exc::RuntimeError, "cannot reuse already awaited __anext__()/asend()");
  if (o->state == kAwaitableInit) {
    if (o->gen->gi_running_async) {
      o->state = kAwaitableClosed;
      return err_string(&exc::RuntimeError, "anext(): asynchronous generator is already running");
    }
    if (!arg || arg == None) arg = o->sendval;
    o->state = kAwaitableIter;
  }
  o->gen->gi_running_async = 1;
  Object* r = async_gen_unwrap(o->gen, gen_send(o->gen, arg ? arg : None));
  if (!r) o->state = kAwaitableClosed;
  return r;
}
static Object* asend_iternext(Object* self) { return asend_send(self, None); }
static Object* asend_throw(Object* self, Object* const* args, ssize nargs) {
  auto* o = static_cast<AsyncGenASend*>(self);
  if (o->state == kAwaitableClosed)
    return err_string(&exc::RuntimeError, "cannot reuse already awaited __anext__()/asend()");
  Object* r = async_gen_unwrap(o->gen, gen_throw(o->gen, args, nargs));
  if (!r) o->state = kAwaitableClosed;
  return r;
}
static Object* asend_close(Object* self, Object*) {
  static_cast<AsyncGenASend*>(self)->state = kAwaitableClosed;
  return new_ref(None);
}
static void asend_dealloc(Object* self) {
  auto* o = static_cast<AsyncGenASend*>(self);
  gc_untrack(self);
  xdecref(o->gen);
  xdecref(o->sendval);
  object_free(self);
}
static int asend_traverse(Object* self, VisitProc visit, void* arg) {
  auto* o = static_cast<AsyncGenASend*>(self);
  if (o->gen && visit(o->gen, arg)) return -1;
  if (o->sendval && visit(o->sendval, arg)) return -1;
  return 0;
}

static Object* athrow_send(Object* self, Object* arg) {
  auto* o = static_cast<AsyncGenAThrow*>(self);
  GenObject* gen = o->gen;
  bool aclose = o->args == nullptr;
  if (o->state == kAwaitableClosed)
    return err_string(&exc::RuntimeError, "cannot reuse already awaited aclose()/athrow()");
  if (gen->gi_frame_state >= kFrameCompleted) {
    o->state = kAwaitableClosed;
    err_set_none(&exc::StopIteration);
    return nullptr;
  }
  Object* retval;
  if (o->state == kAwaitableInit) {
    if (gen->gi_running_async) {
      o->state = kAwaitableClosed;
      return err_string(&exc::RuntimeError, aclose ? "aclose(): asynchronous generator is already running"
                                                   : "athrow(): asynchronous generator is already running");
    }
    if (gen->gi_closed) {
      o->state = kAwaitableClosed;
      err_set_none(&exc::StopAsyncIteration);
      return nullptr;
    }
    if (arg && arg != None) return err_string(&exc::RuntimeError, "can't send non-None value to a just-started coroutine");
    o->state = kAwaitableIter;
    gen->gi_running_async = 1;
    if (aclose) {
      gen->gi_closed = 1;
      err_set_none(&exc::GeneratorExit);
      retval = gen_throw_pending(gen, false);
    } else {
      retval = gen_throw(gen, tuple_items(o->args), tuple_size(o->args));
      retval = async_gen_unwrap(gen, retval);
      if (!retval) o->state = kAwaitableClosed;
      return retval;
    }
  } else {
    retval = gen_send(gen, arg ? arg : None);
    if (!aclose) {
      retval = async_gen_unwrap(gen, retval);
      if (!retval) o->state = kAwaitableClosed;
      return retval;
    }
  }
  // aclose(): the generator must not yield a value after GeneratorExit.
  if (retval) {
    if (retval->type == &AsyncGenWrappedValueType) {
      decref(retval);
      gen->gi_running_async = 0;
      o->state = kAwaitableClosed;
      return err_string(&exc::RuntimeError, "async generator ignored GeneratorExit");
    }
    return retval;
  }
  gen->gi_running_async = 0;
  o->state = kAwaitableClosed;
  if (err_exception_matches(&exc::StopAsyncIteration) || err_exception_matches(&exc::GeneratorExit)) {
    err_clear();
    err_set_none(&exc::StopIteration);
  }
  return nullptr;
}
static Object* athrow_iternext(Object* self) { return athrow_send(self, None); }
static Object* athrow_throw(Object* self, Object* const* args, ssize nargs) {
  auto* o = static_cast<AsyncGenAThrow*>(self);
  if (o->state == kAwaitableClosed)
    return err_string(&exc::RuntimeError, "cannot reuse already awaited aclose()/athrow()");
  Object* r = gen_throw(o->gen, args, nargs);
  if (o->args) {
    r = async_gen_unwrap(o->gen, r);
    if (!r) o->state = kAwaitableClosed;
    return r;
  }
  if (r && r->type == &AsyncGenWrappedValueType) {
    decref(r);
    o->gen->gi_running_async = 0;
    o->state = kAwaitableClosed;
    return err_string(&exc::RuntimeError, "async generator ignored GeneratorExit");
  }
  if (!r) {
    o->gen->gi_running_async = 0;
    o->state = kAwaitableClosed;
    if (err_exception_matches(&exc::StopAsyncIteration) || err_exception_matches(&exc::GeneratorExit)) {
      err_clear();
      err_set_none(&exc::StopIteration);
    }
  }
  return r;
}
static Object* athrow_close(Object* self, Object*) {
  static_cast<AsyncGenAThrow*>(self)->state = kAwaitableClosed;
  return new_ref(None);
}
static void athrow_dealloc(Object* self) {
  auto* o = static_cast<AsyncGenAThrow*>(self);
  gc_untrack(self);
  xdecref(o->gen);
  xdecref(o->args);
  object_free(self);
}
static int athrow_traverse(Object* self, VisitProc visit, void* arg) {
  auto* o = static_cast<AsyncGenAThrow*>(self);
  if (o->gen && visit(o->gen, arg)) return -1;
  if (o->args && visit(o->args, arg)) return -1;
  return 0;
}

static Object* asend_new(GenObject* gen, Object* sendval) {
  auto* o = static_cast<AsyncGenASend*>(object_alloc(&AsyncGenASendType, sizeof(AsyncGenASend)));
  if (!o) return nullptr;
  o->gen = static_cast<GenObject*>(new_ref(static_cast<Object*>(gen)));
  o->sendval = xnew_ref(sendval);
  o->state = kAwaitableInit;
  gc_track(o);
  return o;
}
static Object* athrow_new(GenObject* gen, Object* args) {
  auto* o = static_cast<AsyncGenAThrow*>(object_alloc(&AsyncGenAThrowType, sizeof(AsyncGenAThrow)));
  if (!o) return nullptr;
  o->gen = static_cast<GenObject*>(new_ref(static_cast<Object*>(gen)));
  o->args = xnew_ref(args);
  o->state = kAwaitableInit;
  gc_track(o);
  return o;
}

static Object* agen_anext(Object* self) { return asend_new(static_cast<GenObject*>(self), nullptr); }
static Object* agen_asend(Object* self, Object* arg) { return asend_new(static_cast<GenObject*>(self), arg); }
static Object* agen_athrow(Object* self, Object* const* args, ssize nargs) {
  if (nargs < 1 || nargs > 3) {
    if (nargs < 1) return err_format(&exc::TypeError, "athrow expected at least 1 argument, got %zd", nargs);
    return err_format(&exc::TypeError, "athrow expected at most 3 arguments, got %zd", nargs);
  }
  Ref<> t = steal(tuple_from_array(args, nargs));
  if (!t) return nullptr;
  return athrow_new(static_cast<GenObject*>(self), t.get());
}
static Object* agen_aclose(Object* self, Object*) { return athrow_new(static_cast<GenObject*>(self), nullptr); }
static Object* agen_aiter(Object* self) { return new_ref(self); }
static Object* awaitable_self(Object* self) { return new_ref(self); }

static AsyncMethods agen_as_async = {nullptr, agen_aiter, agen_anext};
static AsyncMethods awaitable_as_async = {awaitable_self, nullptr, nullptr};

static const MethodDef agen_methods[] = {
    {"asend", reinterpret_cast<void*>(agen_asend), kMethO, "asend(v) -> send 'v' in generator."},
    {"athrow", reinterpret_cast<void*>(agen_athrow), kMethFastcall, "athrow(value)\nathrow(type[,value[,tb]])\n\nraise exception in generator.\nthe (type, val, tb) signature is deprecated, \nand may be removed in a future version of Python."},
    {"aclose", reinterpret_cast<void*>(agen_aclose), kMethNoArgs, "aclose() -> raise GeneratorExit inside generator."},
    {nullptr, nullptr, 0, nullptr},
};
static const MethodDef asend_methods[] = {
    {"send", reinterpret_cast<void*>(asend_send), kMethO, "send(arg) -> send 'arg' into generator,\nreturn next yielded value or raise StopIteration."},
    {"throw", reinterpret_cast<void*>(asend_throw), kMethFastcall, nullptr},
    {"close", reinterpret_cast<void*>(asend_close), kMethNoArgs, "close() -> raise GeneratorExit inside generator."},
    {nullptr, nullptr, 0, nullptr},
};
static const MethodDef athrow_methods[] = {
    {"send", reinterpret_cast<void*>(athrow_send), kMethO, "send(arg) -> send 'arg' into generator,\nreturn next yielded value or raise StopIteration."},
    {"throw", reinterpret_cast<void*>(athrow_throw), kMethFastcall, nullptr},
    {"close", reinterpret_cast<void*>(athrow_close), kMethNoArgs, "close() -> raise GeneratorExit inside generator."},
    {nullptr, nullptr, 0, nullptr},
};

static void init_async_gen_types() {
  AsyncGenType.tp_as_async = &agen_as_async;
  AsyncGenType.tp_methods = agen_methods;

  AsyncGenWrappedValueType.tp_name = "async_generator_wrapped_value";
  AsyncGenWrappedValueType.tp_basicsize = sizeof(AsyncGenWrappedValue);
  AsyncGenWrappedValueType.tp_dealloc = wrapped_dealloc;
  AsyncGenWrappedValueType.tp_getattro = object_generic_getattr;

  AsyncGenASendType.tp_name = "async_generator_asend";
  AsyncGenASendType.tp_basicsize = sizeof(AsyncGenASend);
  AsyncGenASendType.tp_dealloc = asend_dealloc;
  AsyncGenASendType.tp_traverse = asend_traverse;
  AsyncGenASendType.tp_flags = kTpflagsDefault | kTpflagsHaveGC;
  AsyncGenASendType.tp_getattro = object_generic_getattr;
  AsyncGenASendType.tp_as_async = &awaitable_as_async;
  AsyncGenASendType.tp_iter = awaitable_self;
  AsyncGenASendType.tp_iternext = asend_iternext;
  AsyncGenASendType.tp_methods = asend_methods;

  AsyncGenAThrowType.tp_name = "async_generator_athrow";
  AsyncGenAThrowType.tp_basicsize = sizeof(AsyncGenAThrow);
  AsyncGenAThrowType.tp_dealloc = athrow_dealloc;
  AsyncGenAThrowType.tp_traverse = athrow_traverse;
  AsyncGenAThrowType.tp_flags = kTpflagsDefault | kTpflagsHaveGC;
  AsyncGenAThrowType.tp_getattro = object_generic_getattr;
  AsyncGenAThrowType.tp_as_async = &awaitable_as_async;
  AsyncGenAThrowType.tp_iter = awaitable_self;
  AsyncGenAThrowType.tp_iternext = athrow_iternext;
  AsyncGenAThrowType.tp_methods = athrow_methods;
}

// coroutine.__await__() returns a coroutine_wrapper iterating the coroutine.
Type CoroWrapperType;
struct CoroWrapper : Object { GenObject* cw_coroutine; };

static Object* coro_await(Object* self) {
  auto* w = static_cast<CoroWrapper*>(object_alloc(&CoroWrapperType, sizeof(CoroWrapper)));
  if (!w) return nullptr;
  w->cw_coroutine = static_cast<GenObject*>(new_ref(self));
  gc_track(w);
  return w;
}
static void cw_dealloc(Object* self) {
  gc_untrack(self);
  xdecref(static_cast<CoroWrapper*>(self)->cw_coroutine);
  object_free(self);
}
static int cw_traverse(Object* self, VisitProc visit, void* arg) {
  Object* c = static_cast<CoroWrapper*>(self)->cw_coroutine;
  return c ? visit(c, arg) : 0;
}
static Object* cw_iternext(Object* self) {
  Object* res;
  int r = gen_send_ex(static_cast<CoroWrapper*>(self)->cw_coroutine, None, &res, 0);
  if (r == 1) return res;
  if (r == 0) set_stop_iteration(res);
  return nullptr;
}
static Object* cw_send(Object* self, Object* arg) { return gen_send(static_cast<CoroWrapper*>(self)->cw_coroutine, arg); }
static Object* cw_throw(Object* self, Object* const* args, ssize nargs) {
  return gen_throw(static_cast<CoroWrapper*>(self)->cw_coroutine, args, nargs);
}
static Object* cw_close(Object* self, Object*) { return gen_close(static_cast<CoroWrapper*>(self)->cw_coroutine); }
static Object* cw_self(Object* self) { return new_ref(self); }
static const MethodDef cw_methods[] = {
    {"send", reinterpret_cast<void*>(cw_send), kMethO, "send(arg) -> send 'arg' into coroutine,\nreturn next iterated value or raise StopIteration."},
    {"throw", reinterpret_cast<void*>(cw_throw), kMethFastcall, nullptr},
    {"close", reinterpret_cast<void*>(cw_close), kMethNoArgs, "close() -> raise GeneratorExit inside coroutine."},
    {nullptr, nullptr, 0, nullptr},
};
static AsyncMethods coro_as_async = {coro_await, nullptr, nullptr};

static void init_coro_wrapper_type() {
  CoroType.tp_as_async = &coro_as_async;
  CoroWrapperType.tp_name = "coroutine_wrapper";
  CoroWrapperType.tp_basicsize = sizeof(CoroWrapper);
  CoroWrapperType.tp_dealloc = cw_dealloc;
  CoroWrapperType.tp_traverse = cw_traverse;
  CoroWrapperType.tp_flags = kTpflagsDefault | kTpflagsHaveGC;
  CoroWrapperType.tp_getattro = object_generic_getattr;
  CoroWrapperType.tp_iter = cw_self;
  CoroWrapperType.tp_iternext = cw_iternext;
  CoroWrapperType.tp_methods = cw_methods;
}

static void init_common(Type& t, const char* name, const GetSetDef* getset) {
  t.tp_name = name;
  t.tp_basicsize = offsetof(GenObject, gi_iframe) + offsetof(InterpreterFrame, localsplus);
  t.tp_itemsize = sizeof(Object*);
  t.tp_dealloc = gen_dealloc;
  t.tp_traverse = gen_traverse;
  t.tp_repr = gen_repr;
  t.tp_getattro = object_generic_getattr;
  t.tp_flags = kTpflagsDefault | kTpflagsHaveGC;
  t.tp_getset = getset;
  t.tp_methods = gen_methods;
  t.tp_weaklistoffset = ssize(offsetof(GenObject, gi_weakreflist));
}

void init_generator_types() {
  init_common(GenType, "generator", gen_getset);
  GenType.tp_iter = gen_self_iter;
  GenType.tp_iternext = gen_iternext;
  init_common(CoroType, "coroutine", coro_getset);
  init_common(AsyncGenType, "async_generator", agen_getset);
  init_async_gen_types();
  init_coro_wrapper_type();
}

}  // namespace pyxx
