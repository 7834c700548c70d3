// "Did you mean: ...?" suggestions for NameError, AttributeError and
// ImportError, as CPython 3.14's traceback module computes them.
#pragma once
#include <string>
#include "core/object.h"

namespace pyxx {
// Text to append to the exception's message (possibly empty).
std::string exception_suggestion_suffix(Object* exc);
// Closest of `names[0..n)` to `wrong` as Python/suggestions.c computes it
// (used for "Did you mean 'x'?" on bad keyword arguments); null if none.
const char* suggest_keyword(const char* const* names, int n, Object* wrong);
}  // namespace pyxx
