// The per-thread frame data stack, frame clearing and lazy frame objects.
#include "vm/frame.h"
#include <cstring>
#include "core/alloc.h"
#include "core/error.h"
#include "objects/dict.h"
#include "objects/generator.h"

namespace pyxx {

namespace {
// A chunk of the data stack. Frames never straddle chunks.
struct DataStackChunk {
  DataStackChunk* previous;
  size_t size;           // bytes, including this header
  Object** saved_top;    // top of the previous chunk when this one was pushed
  Object* data[1];
};
constexpr size_t kChunkSize = 16 * 1024 * sizeof(Object*);  // 128 KiB
}  // namespace

static_assert(offsetof(DataStackChunk, data) == kDataStackChunkHeaderSlots * sizeof(Object*));

InterpreterFrame* datastack_push_slow(ThreadState* ts, int slots) {
  size_t need = offsetof(DataStackChunk, data) + size_t(slots) * sizeof(Object*);
  size_t size = need > kChunkSize ? need : kChunkSize;
  auto* chunk = static_cast<DataStackChunk*>(mem_alloc(size));
  if (!chunk) { err_no_memory(); return nullptr; }
  chunk->previous = static_cast<DataStackChunk*>(ts->datastack_chunk);
  chunk->size = size;
  chunk->saved_top = ts->datastack_top;
  ts->datastack_chunk = chunk;
  ts->datastack_limit = reinterpret_cast<Object**>(reinterpret_cast<char*>(chunk) + size);
  ts->datastack_top = chunk->data + slots;
  return reinterpret_cast<InterpreterFrame*>(chunk->data);
}

void datastack_pop_slow(ThreadState* ts, InterpreterFrame* frame) {
  auto* base = reinterpret_cast<Object**>(frame);
  auto* chunk = static_cast<DataStackChunk*>(ts->datastack_chunk);
  if (chunk && base == chunk->data) {
    // First frame of this chunk: drop back to the previous chunk.
    ts->datastack_chunk = chunk->previous;
    ts->datastack_top = chunk->saved_top;
    auto* prev = chunk->previous;
    ts->datastack_limit = prev ? reinterpret_cast<Object**>(reinterpret_cast<char*>(prev) + prev->size) : nullptr;
    mem_free(chunk);
    return;
  }
  ts->datastack_top = base;
}

void datastack_free_all(ThreadState* ts) {
  auto* chunk = static_cast<DataStackChunk*>(ts->datastack_chunk);
  while (chunk) { auto* p = chunk->previous; mem_free(chunk); chunk = p; }
  ts->datastack_chunk = nullptr;
  ts->datastack_top = ts->datastack_limit = nullptr;
}

InterpreterFrame* frame_push(ThreadState* ts, Object* code, Object* func, Object* globals,
                             Object* builtins, Object* locals) {
  auto* c = static_cast<CodeObject*>(code);
  InterpreterFrame* f = datastack_push(ts, frame_slots_needed(code));
  if (!f) return nullptr;
  f->f_code = new_ref(code);
  f->previous = nullptr;
  f->f_funcobj = xnew_ref(func);
  f->f_globals = xnew_ref(globals);
  f->f_builtins = xnew_ref(builtins);
  f->f_locals = xnew_ref(locals);
  f->frame_obj = nullptr;
  f->instr_ptr = c->co_code_adaptive;
  f->stackpointer = c->co_nlocalsplus;
  f->return_offset = 0;
  f->owner = kFrameOwnedByThread;
  f->is_entry = 0;
  for (int i = 0; i < c->co_nlocalsplus; i++) f->localsplus[i] = nullptr;
  return f;
}

void frame_copy(InterpreterFrame* src, InterpreterFrame* dst) {
  size_t n = offsetof(InterpreterFrame, localsplus) + size_t(src->stackpointer) * sizeof(Object*);
  std::memcpy(static_cast<void*>(dst), src, n);
  dst->frame_obj = nullptr;  // caller decides
}

static FrameObject* first_complete_back(InterpreterFrame* f) {
  return f ? frame_get_object(f) : nullptr;
}

// Moves a dying frame into its frame object (which outlives it).
static void take_ownership(FrameObject* fo, InterpreterFrame* frame) {
  auto* dst = reinterpret_cast<InterpreterFrame*>(fo->frame_data);
  frame_copy(frame, dst);
  dst->frame_obj = nullptr;  // the frame object does not own itself
  dst->owner = kFrameOwnedByFrameObject;
  dst->previous = nullptr;
  dst->is_entry = 0;
  fo->f_frame = dst;
  if (!fo->f_back && frame->previous) {
    FrameObject* back = first_complete_back(frame->previous);
    if (back) fo->f_back = new_ref(back);
    else err_clear();
  }
}

void frame_clear(InterpreterFrame* frame) {
  frame_clear_except_code(frame);
  clear_ref(frame->f_code);
}

void frame_clear_except_code(InterpreterFrame* frame) {
  if (FrameObject* fo = frame->frame_obj) {
    frame->frame_obj = nullptr;
    if (fo->refcnt > 1 && frame->owner != kFrameOwnedByFrameObject) {
      take_ownership(fo, frame);
      incref(frame->f_code);  // the copy took the frame's reference; keep ours
      frame->stackpointer = 0;
      frame->f_funcobj = frame->f_globals = frame->f_builtins = frame->f_locals = nullptr;
      decref(fo);
      return;
    }
    decref(fo);
  }
  for (int i = 0; i < frame->stackpointer; i++) xdecref(frame->localsplus[i]);
  frame->stackpointer = 0;
  clear_ref(frame->f_locals);
  clear_ref(frame->f_funcobj);
  clear_ref(frame->f_globals);
  clear_ref(frame->f_builtins);
}

FrameObject* frame_get_object(InterpreterFrame* frame) {
  if (frame->frame_obj) return frame->frame_obj;
  FrameObject* fo = frame_object_new(frame->f_code);
  if (!fo) return nullptr;
  fo->f_frame = frame;
  frame->frame_obj = fo;  // the frame owns the single reference
  return fo;
}

int frame_get_lineno(InterpreterFrame* frame) {
  if (frame->frame_obj && frame->frame_obj->f_lineno > 0) return frame->frame_obj->f_lineno;
  int idx = frame_lasti(frame);
  if (idx < 0) return frame_code(frame)->co_firstlineno;
  return code_addr_to_line(frame->f_code, idx);
}

}  // namespace pyxx
