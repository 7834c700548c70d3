// Object memory: mimalloc-backed allocation and the GC header that precedes
// container objects (DESIGN.md section 3). The cycle collector itself is a
// later issue; the header layout and tracking hooks are final.
#pragma once
#include "core/object.h"

namespace pyxx {

void* mem_alloc(size_t n);          // nullptr on failure (no exception set)
void* mem_calloc(size_t count, size_t n);
void* mem_realloc(void* p, size_t n);
void mem_free(void* p);

// Precedes every object whose type has kTpflagsHaveGC.
struct GCHeader {
  uintptr_t gc_next;  // list link; low bits reserved for collector flags
  uintptr_t gc_prev;
};
PYXX_ALWAYS_INLINE GCHeader* gc_header(Object* op) { return reinterpret_cast<GCHeader*>(op) - 1; }
PYXX_ALWAYS_INLINE Object* gc_object(GCHeader* g) { return reinterpret_cast<Object*>(g + 1); }

// Allocate an uninitialised object of `size` bytes (header included) for type;
// sets refcnt=1 and type (increfs heap types). GC types get a GCHeader prefix,
// untracked. Returns nullptr with MemoryError set on failure.
Object* object_alloc(Type* type, size_t size);
// Zero-filled variant.
Object* object_alloc_zeroed(Type* type, size_t size);
// Free memory obtained by object_alloc* (does not run destructors).
void object_free(void* op);
// Resize a variable-size non-GC object (e.g. str/bytes building); may move it.
Object* object_realloc_var(Object* op, size_t new_size);

void gc_track(Object* op);
void gc_untrack(Object* op);
bool gc_is_tracked(Object* op);

}  // namespace pyxx
