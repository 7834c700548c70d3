// Generators, coroutines and async generators (objects/generator.cpp). The
// generator embeds its interpreter frame, created by RETURN_GENERATOR.
#pragma once
#include "core/type.h"
#include "vm/frame.h"

namespace pyxx {

enum GenFrameState : int8_t {
  kFrameCreated = -3, kFrameSuspended = -2, kFrameSuspendedYieldFrom = -1,
  kFrameExecuting = 0, kFrameCompleted = 1, kFrameCleared = 4,
};

struct GenObject : Object {
  Object* gi_weakreflist;
  Object* gi_name;
  Object* gi_qualname;
  ExcInfo gi_exc_state;       // handled-exception stack entry while running
  Object* gi_origin_or_finalizer;
  char gi_hooks_inited, gi_closed, gi_running_async;
  int8_t gi_frame_state;      // GenFrameState
  InterpreterFrame gi_iframe; // must be last: followed by localsplus storage
};
extern Type GenType, CoroType, AsyncGenType;
extern Type AsyncGenWrappedValueType, AsyncGenASendType, AsyncGenAThrowType, CoroWrapperType;
// INTRINSIC_ASYNC_GEN_WRAP: marks a value yielded by an async generator.
[[nodiscard]] Object* async_gen_wrap_value(Object* v);
void init_generator_types();
inline bool gen_check_exact(const Object* o) { return o->type == &GenType; }
inline bool coro_check_exact(const Object* o) { return o->type == &CoroType; }
PYXX_ALWAYS_INLINE GenObject* gen_from_frame(InterpreterFrame* f) {
  return reinterpret_cast<GenObject*>(reinterpret_cast<char*>(f) - offsetof(GenObject, gi_iframe));
}
// RETURN_GENERATOR: makes the generator object for func's code and moves `frame`
// into it (frame is then empty and can be popped). New ref or null.
[[nodiscard]] Object* gen_new_from_frame(Object* func, InterpreterFrame* frame);
// Resumes with `arg` pushed (send); exc != 0: throw the pending exception in.
// Returns 1 yielded (*result), 0 returned (*result = return value), -1 error.
int gen_send_ex(GenObject* gen, Object* arg, Object** result, int exc);
// The object being delegated to by yield from / await (new ref or null).
[[nodiscard]] Object* gen_yieldfrom(GenObject* gen);
}  // namespace pyxx
