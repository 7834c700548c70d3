// The builtins module (modules/builtins.cpp).
#pragma once
#include "core/object.h"

namespace pyxx {
// Creates the builtins module with its functions, types and constants.
[[nodiscard]] Object* builtins_module_create();
// builtins.__import__ as called by IMPORT_NAME.
[[nodiscard]] Object* import_module_level(Object* name, Object* globals, Object* fromlist, int level);
}  // namespace pyxx
