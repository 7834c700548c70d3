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

namespace pyxx {
// --- added by the VM area ---
struct InterpreterFrame;
// builtins dict for a globals dict: globals['__builtins__'] (module -> its dict),
// else the current frame's builtins, else the interpreter's (borrowed; null + error).
Object* eval_builtins_from_globals(Object* globals);
// sys._getframe(depth): frame object `depth` levels up (new ref), ValueError
// "call stack is not deep enough" when there is none.
[[nodiscard]] Object* vm_getframe(int depth);
// Runs a frame already pushed on ts's data stack (or a generator frame) until it
// returns or yields. throwflag: the pending exception is raised at the frame's
// current instruction (generator.throw). The frame is marked as an entry frame.
[[nodiscard]] Object* eval_frame(ThreadState* ts, InterpreterFrame* frame, int throwflag);
// Frees VM-private per-code data (CodeObject::co_extra); called by the code dealloc.
void vm_code_extra_free(void* extra);
// Sets the eval-breaker bit of the current thread (signals, pending calls, GIL).
void eval_request_break(ThreadState* ts);
}  // namespace pyxx
