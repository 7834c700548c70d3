// Python functions and cells (objects/function.cpp, objects/cell.cpp).
#pragma once
#include "core/type.h"

namespace pyxx {
struct FunctionObject : Object {
  Object* func_globals;     // dict
  Object* func_builtins;    // dict
  Object* func_name;        // str
  Object* func_qualname;    // str
  Object* func_code;        // CodeObject
  Object* func_defaults;    // tuple or null
  Object* func_kwdefaults;  // dict or null
  Object* func_closure;     // tuple of cells or null
  Object* func_doc;
  Object* func_dict;
  Object* func_weakreflist;
  Object* func_module;
  Object* func_annotations; // dict or null
  Object* func_annotate;    // callable or null (PEP 649)
  Object* func_typeparams;  // tuple or null
  VectorcallFunc vectorcall;
  uint32_t func_version;
};
extern Type FunctionType;
inline bool function_check(const Object* o) { return o->type == &FunctionType; }
// MAKE_FUNCTION: name/qualname from the code object, module from globals['__name__'].
[[nodiscard]] Object* function_new(Object* code, Object* globals);

struct CellObject : Object { Object* ref; };  // ref null = empty cell
extern Type CellType;
inline bool cell_check(const Object* o) { return o->type == &CellType; }
[[nodiscard]] Object* cell_new(Object* value);  // value may be null
}  // namespace pyxx

namespace pyxx {
void init_function_types();  // FunctionType
void init_cell_types();      // CellType
}  // namespace pyxx
