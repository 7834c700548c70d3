// Interpreter frames (vm/frame.cpp) and frame objects (objects/frameobject.cpp).
// Frames live on a per-thread contiguous data stack of chunks (DESIGN.md 6):
// header, then localsplus[] = fast locals, cells, free vars, then the value
// stack. A frame object (`frame` type) is materialized lazily; when a frame
// dies while its frame object is still referenced, the frame's contents move
// into storage inside the frame object ("take ownership", as CPython).
#pragma once
#include "core/state.h"
#include "core/type.h"
#include "objects/code.h"

namespace pyxx {

enum FrameOwner : uint8_t {
  kFrameOwnedByThread = 0,     // on the thread's data stack
  kFrameOwnedByGenerator = 1,  // embedded in a generator/coroutine object
  kFrameOwnedByFrameObject = 2 // moved into its frame object after the frame ended
};

struct FrameObject;

struct InterpreterFrame {
  Object* f_code;              // CodeObject (strong)
  InterpreterFrame* previous;  // caller (null for the outermost / suspended generator)
  Object* f_funcobj;           // function (strong) or null for module/exec code
  Object* f_globals;           // dict (strong)
  Object* f_builtins;          // dict (strong)
  Object* f_locals;            // mapping (strong) or null for optimized frames
  FrameObject* frame_obj;      // strong, or null until materialized
  CodeUnit* instr_ptr;         // instruction being executed / to resume at
  int stackpointer;            // index into localsplus of the first free stack slot (saved)
  uint16_t return_offset;      // code units from instr_ptr to resume at after a call returns
  uint8_t owner;               // FrameOwner
  uint8_t is_entry;            // entered from C++: RETURN/YIELD leave the eval loop
  Object* localsplus[1];       // nlocalsplus + stacksize slots
};

// Header size in pointer-sized slots (what code objects add to nlocalsplus+stacksize).
constexpr int kFrameHeaderSlots = int(offsetof(InterpreterFrame, localsplus) / sizeof(Object*));
PYXX_ALWAYS_INLINE int frame_slots_needed(Object* code) {
  auto* c = static_cast<CodeObject*>(code);
  return kFrameHeaderSlots + c->co_nlocalsplus + c->co_stacksize;
}
PYXX_ALWAYS_INLINE CodeObject* frame_code(const InterpreterFrame* f) { return static_cast<CodeObject*>(f->f_code); }
PYXX_ALWAYS_INLINE Object** frame_stack_base(InterpreterFrame* f) { return f->localsplus + frame_code(f)->co_nlocalsplus; }
// Instruction index (code units) of instr_ptr.
PYXX_ALWAYS_INLINE int frame_lasti(const InterpreterFrame* f) {
  return int(f->instr_ptr - static_cast<CodeObject*>(f->f_code)->co_code_adaptive);
}

// --- data stack ---
// Pointer-sized slots taken by a chunk's header before its first frame.
constexpr int kDataStackChunkHeaderSlots = 3;
// Reserves `slots` pointer slots on the thread's data stack (new chunk when needed).
// Returns nullptr with MemoryError set on failure.
InterpreterFrame* datastack_push_slow(ThreadState* ts, int slots);
PYXX_ALWAYS_INLINE InterpreterFrame* datastack_push(ThreadState* ts, int slots) {
  Object** top = ts->datastack_top;
  if (PYXX_LIKELY(top && top + slots <= ts->datastack_limit)) {
    ts->datastack_top = top + slots;
    return reinterpret_cast<InterpreterFrame*>(top);
  }
  return datastack_push_slow(ts, slots);
}
// Releases the most recently pushed frame (must be the top of the data stack).
void datastack_pop_slow(ThreadState* ts, InterpreterFrame* frame);
// The first frame of a chunk is recognised by the chunk header right below it.
PYXX_ALWAYS_INLINE void datastack_pop(ThreadState* ts, InterpreterFrame* frame) {
  auto* base = reinterpret_cast<Object**>(frame);
  if (PYXX_UNLIKELY(base == static_cast<Object**>(ts->datastack_chunk) + kDataStackChunkHeaderSlots)) {
    datastack_pop_slow(ts, frame);
    return;
  }
  ts->datastack_top = base;
}
void datastack_free_all(ThreadState* ts);

// Pushes and initializes a frame for `code` (new refs taken on every argument);
// localsplus cleared to null. f_funcobj/f_locals may be null.
InterpreterFrame* frame_push(ThreadState* ts, Object* code, Object* func, Object* globals,
                             Object* builtins, Object* locals);
// Clears a frame's references (locals, stack up to stackpointer, code, ...). If a
// frame object still refers to it, the contents move into the frame object instead.
void frame_clear(InterpreterFrame* frame);
// Same, but keeps f_code (generators keep their code after finishing).
void frame_clear_except_code(InterpreterFrame* frame);
// Copies header+locals+stack of src into dst (moving references).
void frame_copy(InterpreterFrame* src, InterpreterFrame* dst);
// The frame object for `frame`, created on first use (borrowed; null + error on failure).
FrameObject* frame_get_object(InterpreterFrame* frame);
int frame_get_lineno(InterpreterFrame* frame);

// --- frame objects ---
struct FrameObject : Object {
  InterpreterFrame* f_frame;  // live frame, or &frame_data when owned
  FrameObject* f_back;        // set only once the frame ended (strong)
  Object* f_trace;
  Object* f_extra_locals;     // PEP 667 extra names (later)
  Object* f_locals_cache;     // dict snapshot returned by f_locals
  int f_lineno;               // explicit line (tracing), 0 = compute
  char f_trace_lines, f_trace_opcodes;
  Object* frame_data[1];      // storage for the InterpreterFrame (variable size)
};
extern Type FrameType;
extern Type FrameLocalsProxyType;  // PEP 667 frame.f_locals of optimized frames
void init_frame_types();
void init_traceback_types();  // objects/traceback.cpp
inline bool frame_check(const Object* o) { return o->type == &FrameType; }
// Allocates a frame object able to hold a frame of `code` (f_frame unset).
FrameObject* frame_object_new(Object* code);
// frame.f_locals: dict snapshot for optimized frames (PEP 667 proxy later); new ref.
[[nodiscard]] Object* frame_get_locals(InterpreterFrame* frame);
// Writes locals back from a snapshot dict (for exec in function scope etc.).
}  // namespace pyxx
