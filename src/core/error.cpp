// The pending-exception API (core/error.h), following CPython 3.12+'s single
// "raised exception" model, including implicit __context__ chaining with the
// exception being handled (as _PyErr_SetObject does).
#include "core/error.h"
#include <cstdarg>
#include "core/abstract.h"
#include "core/state.h"
#include "objects/exceptions.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"

namespace pyxx {

static Object* topmost_handled_exception(ThreadState* ts) {
  for (ExcInfo* info = ts->exc_info; info; info = info->previous_item) {
    if (info->exc_value && info->exc_value != None) return info->exc_value;
  }
  return nullptr;
}

// Makes `value` (an instance, an args tuple, a single arg, or null) into an
// exception instance of `type`. Returns a new reference or null (error set).
static Object* make_exception(Type* type, Object* value) {
  if (value && exception_instance_check(value) && type_is_subtype(value->type, type)) return new_ref(value);
  Ref<> args;
  if (!value || value == None) {
    args = steal(tuple_new(0));
  } else if (tuple_check(value)) {
    args = borrow(value);
  } else {
    args = steal(tuple_pack({value}));
  }
  if (!args) return nullptr;
  Object* exc = object_call(type, args.get(), nullptr);
  if (!exc) return nullptr;
  if (!exception_instance_check(exc)) {
    err_format(&exc::TypeError, "calling %R should have returned an instance of BaseException, not %s",
               static_cast<Object*>(type), exc->type->tp_name);
    decref(exc);
    return nullptr;
  }
  return exc;
}

// Sets `value` (a fresh exception instance, stolen) as pending, giving it the
// currently handled exception as __context__ while avoiding cycles.
static void set_with_context(ThreadState* ts, Object* value) {
  Object* handled = topmost_handled_exception(ts);
  if (handled && handled != value) {
    // Break a cycle if `value` already appears in handled's context chain.
    Object* o = handled;
    Object* slow = o;
    bool toggle = false;
    while (Object* ctx = exception_get_context(o)) {
      if (ctx == value) {
        exception_set_context(o, nullptr);
        break;
      }
      o = ctx;
      if (toggle) {
        slow = exception_get_context(slow);
        if (slow == o) break;  // pre-existing cycle: stop walking
      }
      toggle = !toggle;
    }
    exception_set_context(value, new_ref(handled));
  }
  Object* old = ts->current_exception;
  ts->current_exception = value;
  xdecref(old);
}

void err_set_object(Type* type, Object* value) {
  ThreadState* ts = tstate_get();
  if (!exception_class_check(type)) {
    err_format(&exc::SystemError, "_PyErr_SetObject: exception %R is not a BaseException subclass",
               static_cast<Object*>(type));
    return;
  }
  // Creating the instance may itself fail; that failure replaces the error.
  Object* saved = ts->current_exception;
  ts->current_exception = nullptr;
  xdecref(saved);
  Object* exc = make_exception(type, value);
  if (!exc) return;
  set_with_context(ts, exc);
}

void err_set_none(Type* type) { err_set_object(type, nullptr); }

void err_set_string(Type* type, const char* msg) {
  Object* s = str_from_cstr(msg);
  if (!s) return;
  err_set_object(type, s);
  decref(s);
}

std::nullptr_t err_format(Type* type, const char* fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  Object* msg = str_from_format_v(fmt, ap);
  va_end(ap);
  if (msg) {
    err_set_object(type, msg);
    decref(msg);
  }
  return nullptr;
}

std::nullptr_t err_no_memory() {
  // Avoid allocating a message: MemoryError() with no args, like CPython's preallocated one.
  err_set_object(&exc::MemoryError, nullptr);
  return nullptr;
}

std::nullptr_t err_bad_internal_call(const char* where) {
  if (where) return err_format(&exc::SystemError, "%s: bad argument to internal function", where);
  err_set_string(&exc::SystemError, "bad argument to internal function");
  return nullptr;
}

Type* err_occurred() {
  ThreadState* ts = tstate_fast();
  return ts->current_exception ? ts->current_exception->type : nullptr;
}

bool err_given_exception_matches(Object* given, Object* exc) {
  if (!given || !exc) return false;
  if (tuple_check(exc)) {
    ssize n = tuple_size(exc);
    for (ssize i = 0; i < n; ++i)
      if (err_given_exception_matches(given, tuple_get(exc, i))) return true;
    return false;
  }
  if (exception_instance_check(given)) given = given->type;
  if (exception_class_check(given) && exception_class_check(exc))
    return type_is_subtype(static_cast<Type*>(given), static_cast<Type*>(exc));
  return given == exc;
}

bool err_exception_matches(Type* exc) {
  Type* t = err_occurred();
  return t && err_given_exception_matches(t, exc);
}

void err_clear() {
  ThreadState* ts = tstate_fast();
  Object* old = ts->current_exception;
  ts->current_exception = nullptr;
  xdecref(old);
}

Object* err_get_raised() {
  ThreadState* ts = tstate_fast();
  Object* e = ts->current_exception;
  ts->current_exception = nullptr;
  return e;
}

void err_set_raised(Object* exc) {
  ThreadState* ts = tstate_fast();
  Object* old = ts->current_exception;
  ts->current_exception = exc;
  xdecref(old);
}

void err_chain(Object* context) {
  if (!context) return;
  if (err_occurred()) {
    Object* exc = err_get_raised();
    if (exc != context) exception_set_context(exc, context);
    else decref(context);
    err_set_raised(exc);
  } else {
    err_set_raised(context);
  }
}

}  // namespace pyxx
