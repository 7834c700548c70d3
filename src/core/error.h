// The per-thread pending exception (CPython 3.12+ model: one exception object).
// Fallible functions return nullptr / -1 and leave the exception here; Python
// errors are never C++ exceptions.
#pragma once
#include "core/object.h"

namespace pyxx {

// Set the pending exception. `type` is an exception class (e.g. &exc::TypeError).
void err_set_none(Type* type);
void err_set_string(Type* type, const char* utf8_message);
void err_set_object(Type* type, Object* value);  // value: instance, or args
// printf-like, with str_from_format's directives (%s %d %zd %ld %u %c %x %p %R %S %A %U %V %T %N %.200s ...).
// Always returns nullptr so callers can `return err_format(...)`.
std::nullptr_t err_format(Type* type, const char* fmt, ...);
// Convenience: set and return nullptr.
inline std::nullptr_t err_string(Type* type, const char* msg) { err_set_string(type, msg); return nullptr; }
std::nullptr_t err_no_memory();
std::nullptr_t err_bad_internal_call(const char* where = nullptr);

// Type of the pending exception, or nullptr when none.
Type* err_occurred();
bool err_exception_matches(Type* exc);  // pending exception is an instance of exc (or tuple)
bool err_given_exception_matches(Object* given, Object* exc); // isinstance/issubclass with tuple support
void err_clear();
// Take the pending exception (new reference, possibly null) and clear it.
[[nodiscard]] Object* err_get_raised();
// Set an exception instance as pending (steals).
void err_set_raised(Object* exc);
// Chain: the pending exception gets `context` (3.12 _PyErr_ChainExceptions1).
void err_chain(Object* context_steal);

// Report an exception that cannot propagate ("Exception ignored in: ...").
void err_write_unraisable(Object* obj, const char* context_msg = nullptr);
// Prints exception + traceback to sys.stderr as CPython's default excepthook.
void err_print_exception(Object* exc);

}  // namespace pyxx
