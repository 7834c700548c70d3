// module objects (objects/module.cpp) and the table of native modules.
#pragma once
#include "core/type.h"

namespace pyxx {
struct ModuleObject : Object {
  Object* md_dict;
  const struct ModuleDef* md_def;
  void* md_state;
  Object* md_weaklist;
  Object* md_name;
};
extern Type ModuleType;
inline bool module_check(const Object* o) { return o->type == &ModuleType || type_is_subtype(o->type, &ModuleType); }
[[nodiscard]] Object* module_new(Object* name);  // sets __name__, __doc__=None, __package__, __loader__, __spec__
PYXX_ALWAYS_INLINE Object* module_dict(Object* m) { return static_cast<ModuleObject*>(m)->md_dict; }  // borrowed

// A native (C++) module definition; its init function fills the module dict.
struct ModuleDef {
  const char* name;
  const char* doc;
  const MethodDef* methods;          // module-level functions, {nullptr}-terminated
  int (*exec)(Object* module);       // adds types/constants; -1 on error
};
// Registry of built-in modules (sys.builtin_module_names), in runtime/native_modules.cpp.
const ModuleDef* find_native_module(const char* name);
[[nodiscard]] Object* module_from_def(const ModuleDef* def);
void init_module_types();
}  // namespace pyxx
