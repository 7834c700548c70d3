// "Did you mean: ...?" suggestions for NameError, AttributeError and
// ImportError, as CPython 3.14's traceback module computes them.
#pragma once
#include <string>
#include "core/object.h"

namespace pyxx {
// Text to append to the exception's message (possibly empty).
std::string exception_suggestion_suffix(Object* exc);
}  // namespace pyxx
