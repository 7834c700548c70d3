// Entry points into the bytecode interpreter (vm/eval.cpp).
#pragma once
#include "core/type.h"

namespace pyxx {
// Runs a module/class-body/exec code object with the given namespaces
// (locals may equal globals). builtins come from globals['__builtins__'] or
// the interpreter's builtins.
[[nodiscard]] Object* eval_code(Object* code, Object* globals, Object* locals);
// tp_vectorcall of Python functions: binds arguments (CPython's messages for
// missing/unexpected arguments) and runs the frame (or makes a generator).
[[nodiscard]] Object* function_vectorcall(Object* func, Object* const* args, size_t nargsf, Object* kwnames);
// Globals/locals/builtins of the innermost running Python frame (borrowed; null if none).
Object* eval_get_globals();
Object* eval_get_locals();   // materializes f_locals for functions (new ref semantics documented in eval.cpp)
Object* eval_get_builtins();
Object* eval_get_frame();    // frame object of the innermost frame (borrowed), materialized lazily
}  // namespace pyxx

namespace pyxx {
// Runs a function whose code has no CO_NEWLOCALS-style fast locals against an
// explicit locals mapping (used by builtins.__build_class__ for class bodies).
[[nodiscard]] Object* eval_function_with_locals(Object* func, Object* locals);
}  // namespace pyxx
