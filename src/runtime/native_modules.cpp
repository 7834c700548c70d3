// The table of native (C++) modules importable by name (sys.builtin_module_names).
#include <cstring>
#include "objects/module.h"
#include "modules/marshal.h"

namespace pyxx {

// Modules other than builtins and sys (which exist from start-up) register here.
static const ModuleDef* const kNativeModules[] = {
    &marshal_module_def,
    nullptr,
};

const ModuleDef* find_native_module(const char* name) {
  for (const ModuleDef* def : kNativeModules)
    if (def && std::strcmp(def->name, name) == 0) return def;
  return nullptr;
}

}  // namespace pyxx
