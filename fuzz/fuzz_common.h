// Shared helpers for the libFuzzer targets in fuzz/ (see docs/fuzzing.md):
// one-time runtime start-up and the invariant checks every target applies to
// each API call (a result XOR a pending exception, never both, never neither).
#pragma once
#include <cstdio>
#include <cstdlib>
#include <string_view>
#include "core/error.h"
#include "core/object.h"
#include "runtime/lifecycle.h"

namespace pyxx_fuzz {

// libFuzzer calls LLVMFuzzerInitialize once before the first input.
inline void init_runtime() { pyxx::runtime_initialize_for_tests(); }

[[noreturn]] inline void fail(const char* what, const char* where) {
  std::fprintf(stderr, "\n*** pyxx fuzz invariant violated: %s (in %s)\n", what, where);
  std::fflush(stderr);
  std::abort();  // libFuzzer records the input as a crash
}

// Checks CPython's calling convention after an API call that returns a new
// reference or nullptr, then clears the exception. Takes ownership of `result`.
// Returns true when the call succeeded.
inline bool check_result(pyxx::Object* result, const char* where) {
  bool pending = pyxx::err_occurred() != nullptr;
  if (result) {
    if (pending) fail("non-null result with an exception set", where);
    pyxx::decref(result);
    return true;
  }
  if (!pending) fail("null result without an exception set", where);
  pyxx::err_clear();
  return false;
}

// No exception may leak from one input to the next.
inline void check_clean(const char* where) {
  if (pyxx::err_occurred()) fail("exception left pending", where);
}

}  // namespace pyxx_fuzz
