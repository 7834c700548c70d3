// Small argument-parsing helper for the number and exception types
// (objects/int.cpp, float.cpp, complex.cpp, exceptions.cpp): FASTCALL
// positional + keyword arguments bound to named slots, with CPython's
// argument-clinic style TypeError messages.
#pragma once
#include <string>
#include "core/error.h"
#include "objects/exceptions.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/args.h"

namespace pyxx::numargs {

// names: parameter names (npos_only of them positional-only, the rest may be
// given by keyword). max_pos: how many may be given positionally. min: required.
// out[i] is a borrowed pointer or nullptr when absent.
inline bool parse(const char* fname, Object* const* args, ssize nargs, Object* kwnames,
                  const char* const* names, int nnames, int npos_only, int max_pos, int min, Object** out) {
  for (int i = 0; i < nnames; ++i) out[i] = nullptr;
  if (nargs > max_pos) {
    if (max_pos == 0)
      err_format(&exc::TypeError, "%s() takes no positional arguments", fname);
    else if (min == max_pos && !kwnames)
      err_format(&exc::TypeError, "%s() takes exactly %d positional argument%s (%zd given)", fname, max_pos,
                 max_pos == 1 ? "" : "s", nargs);
    else
      err_format(&exc::TypeError, "%s() takes at most %d positional argument%s (%zd given)", fname, max_pos,
                 max_pos == 1 ? "" : "s", nargs);
    return false;
  }
  for (ssize i = 0; i < nargs; ++i) out[i] = args[i];
  if (kwnames) {
    ssize nk = tuple_size(kwnames);
    for (ssize k = 0; k < nk; ++k) {
      Object* key = tuple_get(kwnames, k);
      int found = -1;
      for (int i = npos_only; i < nnames; ++i)
        if (str_eq_cstr(key, names[i])) { found = i; break; }
      if (found < 0) {
        for (int i = 0; i < npos_only; ++i)
          if (str_eq_cstr(key, names[i])) {
            err_format(&exc::TypeError, "%s() got some positional-only arguments passed as keyword arguments: '%s'",
                       fname, names[i]);
            return false;
          }
        err_unexpected_keyword(fname, key, names + npos_only, nnames - npos_only);
        return false;
      }
      if (out[found]) {
        err_format(&exc::TypeError, "argument for %s() given by name ('%s') and position (%d)", fname, names[found],
                   found + 1);
        return false;
      }
      out[found] = args[nargs + k];
    }
  }
  for (int i = 0; i < min; ++i)
    if (!out[i]) {
      if (i < npos_only || i < nargs)
        err_format(&exc::TypeError, "%s() takes at least %d positional argument%s (%zd given)", fname, min,
                   min == 1 ? "" : "s", nargs);
      else
        err_format(&exc::TypeError, "%s() missing required argument '%s' (pos %d)", fname, names[i], i + 1);
      return false;
    }
  return true;
}

// int()/float()/complex() accept any Unicode decimal digit and white space:
// maps them to ASCII (other non-ASCII characters become '?', which no parser
// accepts), as CPython's _PyUnicode_TransformDecimalAndSpaceToASCII.
inline std::string ascii_digits(Object* s) {
  ssize n = str_length(s);
  std::string out;
  out.reserve(size_t(n));
  for (ssize i = 0; i < n; ++i) {
    uint32_t c = str_char_at(s, i);
    if (c < 128) out.push_back(char(c));
    else if (unicode_is_space(c)) out.push_back(' ');
    else {
      int d = unicode_decimal_value(c);
      out.push_back(d >= 0 ? char('0' + d) : '?');
    }
  }
  return out;
}

}  // namespace pyxx::numargs
