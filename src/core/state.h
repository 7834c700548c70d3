// Runtime / Interpreter / ThreadState: the only homes of mutable global state
// (DESIGN.md section 7). The current thread state is reached through a
// thread_local pointer, as CPython's _PyThreadState_GET.
#pragma once
#include "core/object.h"

namespace pyxx {

struct InterpreterFrame;  // vm/frame.h: frames on the per-thread data stack
struct Frame;             // alias kept for readability in some call sites

// One entry of the handled-exception stack (sys.exception()).
struct ExcInfo {
  Object* exc_value;      // currently handled exception or nullptr/None
  ExcInfo* previous_item;
};

struct Interpreter {
  Runtime* runtime;
  Object* modules;        // sys.modules (dict)
  Object* sysdict;        // sys.__dict__
  Object* builtins;       // builtins.__dict__
  Object* builtins_module;
  Object* sys_module;
  Object* importlib;      // importlib._bootstrap once loaded
  Object* import_func;    // builtins.__import__
  int recursion_limit;    // sys.getrecursionlimit(), default 1000
  Object* interned;       // dict of interned strings (non-immortal)
  // Method cache for type_lookup (see core/type.cpp).
  struct MethodCacheEntry { unsigned int version; Object* name; Object* value; };
  static constexpr int kMethodCacheSize = 1 << 12;
  MethodCacheEntry method_cache[kMethodCacheSize];
  unsigned int next_version_tag;
  int64_t hash_seed;      // PYTHONHASHSEED (or random)
  uint64_t siphash_k0, siphash_k1;
  int int_max_str_digits; // sys.get_int_max_str_digits(), default 4300
  Object* argv;           // list
  Object* warnoptions;    // list
  Object* xoptions;       // dict
  Object* source_texts;   // dict: pseudo-file name -> source (tracebacks of -c code)
  // Reports SyntaxWarnings from the parser (runtime/warnings.cpp); see parser.h.
  int (*syntax_warning_hook)(Object* filename, int lineno, const char* message);
  int verbose, optimize, dont_write_bytecode, isolated, safe_path, no_site, quiet, unbuffered, inspect;
};

struct ThreadState {
  Interpreter* interp;
  Object* current_exception;  // pending exception (new reference) or nullptr
  ExcInfo base_exc_info;
  ExcInfo* exc_info;          // top of the handled-exception stack
  InterpreterFrame* current_frame;
  // Per-thread contiguous data stack for interpreter frames (vm/frame.cpp).
  Object** datastack_top;
  Object** datastack_limit;
  void* datastack_chunk;
  int py_recursion_remaining;  // Python-level calls left before RecursionError
  int py_recursion_limit;
  char* c_stack_soft_limit;    // below this address: RecursionError (C-stack guard)
  char* c_stack_hard_limit;
  int recursion_headroom;      // >0 while handling a RecursionError
  Object* dict;                // threading.local storage base
  Object* repr_running;        // list of containers being repr'd (Py_ReprEnter/Leave)
  int py_call_depth;           // informational
  uint64_t id;
  uintptr_t eval_breaker;      // needed by vm: nonzero = JUMP_BACKWARD/RESUME run eval_handle_breaker
};

// Open-addressing set of immortal interned strings (objects/str.cpp).
struct InternTable {
  Object** slots;
  size_t mask;
  size_t used;
};

struct Runtime {
  Interpreter* main_interp;
  bool initialized;
  bool finalizing;
  bool unhandled_keyboard_interrupt;  // exit by SIGINT after finalization, as CPython
  InternTable interned;               // immortal interned strings
};

// The calling thread's state (never null while the interpreter runs).
ThreadState* tstate_get();
void tstate_set(ThreadState* ts);
inline Interpreter* interp_get();  // defined below

namespace detail { extern thread_local ThreadState* current_tstate; }
PYXX_ALWAYS_INLINE ThreadState* tstate_fast() { return detail::current_tstate; }
inline Interpreter* interp_get() { return detail::current_tstate->interp; }

// C-stack guard: returns -1 with RecursionError set when too deep.
// C-stack guard (Py_EnterRecursiveCall): inline check, error path out of line.
[[nodiscard]] int enter_recursive_call_slow(ThreadState* ts, char* here, const char* where);
[[nodiscard]] PYXX_ALWAYS_INLINE int enter_recursive_call(const char* where) {
  ThreadState* ts = detail::current_tstate;
  char here;
  if (PYXX_UNLIKELY(&here < ts->c_stack_soft_limit)) return enter_recursive_call_slow(ts, &here, where);
  return 0;
}
PYXX_ALWAYS_INLINE void leave_recursive_call() {}

}  // namespace pyxx
