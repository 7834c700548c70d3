// Warnings issued by the runtime before the warnings module exists
// (runtime/warnings.cpp): printed in warnings.showwarning's format, with the
// -W options' simple filters applied.
#pragma once
#include "core/object.h"

namespace pyxx {
struct Config;
// Installs the parser's SyntaxWarning hook and reads the -W options.
void warnings_init(const Config& config);
// Issues `message` of `category` for filename:lineno. Returns 0 when shown or
// ignored, 1 when the filters turned it into an error (no exception set), -1
// on failure (exception set).
[[nodiscard]] int warn_explicit_simple(Type* category, const char* message, Object* filename, int lineno);
}  // namespace pyxx
