// Argument binding for built-in functions (runtime/args.h).
#include "runtime/args.h"
#include "core/error.h"
#include "objects/exceptions.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/suggestions.h"

namespace pyxx {

Object* err_unexpected_keyword(const char* fname, Object* name, const char* const* names, int n) {
  const char* s = suggest_keyword(names, n, name);
  if (s)
    err_format(&exc::TypeError, "%s() got an unexpected keyword argument '%U'. Did you mean '%s'?", fname, name, s);
  else
    err_format(&exc::TypeError, "%s() got an unexpected keyword argument '%U'", fname, name);
  return nullptr;
}

bool check_arg_count(const char* fname, ssize nargs, ssize min, ssize max) {
  if (nargs < min) {
    if (min == max)
      err_format(&exc::TypeError, "%s expected %s%zd argument%s, got %zd", fname, "", min, min == 1 ? "" : "s", nargs);
    else
      err_format(&exc::TypeError, "%s expected at least %zd argument%s, got %zd", fname, min, min == 1 ? "" : "s", nargs);
    return false;
  }
  if (nargs > max) {
    if (min == max)
      err_format(&exc::TypeError, "%s expected %zd argument%s, got %zd", fname, max, max == 1 ? "" : "s", nargs);
    else
      err_format(&exc::TypeError, "%s expected at most %zd argument%s, got %zd", fname, max, max == 1 ? "" : "s", nargs);
    return false;
  }
  return true;
}

bool bind_args(const ArgSpec& spec, Object* const* args, ssize nargs, Object* kwnames, Object** out) {
  int n_positional = spec.n_params - spec.n_kwonly;
  for (int i = 0; i < spec.n_params; ++i) out[i] = nullptr;
  ssize nkw = kwnames ? tuple_size(kwnames) : 0;
  if (nargs > n_positional) {
    const char* how = spec.n_required < n_positional ? "at most" : "exactly";
    if (n_positional == 0)
      err_format(&exc::TypeError, "%s() takes no positional arguments", spec.fname);
    else
      err_format(&exc::TypeError, "%s() takes %s %d %sargument%s (%zd given)", spec.fname, how, n_positional,
                 spec.n_kwonly ? "positional " : "", n_positional == 1 ? "" : "s", nargs);
    return false;
  }
  for (ssize i = 0; i < nargs; ++i) out[i] = args[i];
  // Same order of checks as CPython's _PyArg_UnpackKeywords: keywords fill
  // the parameters after the positionals; then a missing required
  // parameter, then a keyword naming a positionally given parameter, then
  // an unknown keyword (first in call order) is reported.
  ssize consumed = 0;
  for (ssize k = 0; k < nkw; ++k) {
    Object* name = tuple_get(kwnames, k);
    for (int i = spec.n_posonly > nargs ? spec.n_posonly : int(nargs); i < spec.n_params; ++i) {
      if (!out[i] && str_eq_cstr(name, spec.names[i])) {
        out[i] = args[nargs + k];
        ++consumed;
        break;
      }
    }
  }
  for (int i = 0; i < spec.n_required; ++i) {
    if (!out[i]) {
      if (i < spec.n_posonly) {
        err_format(&exc::TypeError, "%s() takes at least %d positional argument%s (%zd given)", spec.fname,
                   spec.n_required, spec.n_required == 1 ? "" : "s", nargs);
      } else {
        err_format(&exc::TypeError, "%s() missing required argument '%s' (pos %d)", spec.fname, spec.names[i], i + 1);
      }
      return false;
    }
  }
  if (consumed < nkw) {
    for (int i = spec.n_posonly; i < nargs && i < spec.n_params; ++i) {
      for (ssize k = 0; k < nkw; ++k) {
        if (str_eq_cstr(tuple_get(kwnames, k), spec.names[i])) {
          err_format(&exc::TypeError, "argument for %s() given by name ('%s') and position (%d)", spec.fname,
                     spec.names[i], i + 1);
          return false;
        }
      }
    }
    for (ssize k = 0; k < nkw; ++k) {
      Object* name = tuple_get(kwnames, k);
      bool known = false;
      for (int i = spec.n_posonly; i < spec.n_params && !known; ++i) known = str_eq_cstr(name, spec.names[i]);
      if (!known) {
        err_unexpected_keyword(spec.fname, name, spec.names + spec.n_posonly, spec.n_params - spec.n_posonly);
        return false;
      }
    }
  }
  return true;
}

}  // namespace pyxx
