// Argument binding for built-in functions taking keyword arguments, with
// CPython's Argument Clinic error messages.
#pragma once
#include "core/object.h"

namespace pyxx {

struct ArgSpec {
  const char* fname;           // e.g. "round" (messages say "round()")
  const char* const* names;    // parameter names, positional order
  int n_params;
  int n_posonly;               // leading positional-only parameters
  int n_required;              // leading required parameters
  int n_kwonly;                // trailing keyword-only parameters (included in n_params)
};

// Binds args[0..nargs) and the keyword arguments (values after the
// positionals, names in kwnames) to out[0..n_params) (borrowed; null = not
// given). Returns false with TypeError set on a mismatch.
[[nodiscard]] bool bind_args(const ArgSpec& spec, Object* const* args, ssize nargs, Object* kwnames, Object** out);

// Sets "fname() got an unexpected keyword argument 'name'" with CPython's
// ". Did you mean 'x'?" suffix chosen among names[0..n); returns nullptr.
Object* err_unexpected_keyword(const char* fname, Object* name, const char* const* names, int n);

// "f expected N arguments, got M" family (CPython's _PyArg_CheckPositional).
[[nodiscard]] bool check_arg_count(const char* fname, ssize nargs, ssize min, ssize max);

}  // namespace pyxx
