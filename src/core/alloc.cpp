// Object memory: mimalloc when available, with the GC header placed before
// container objects (see core/alloc.h).
#include "core/alloc.h"
#include <cstdlib>
#include <cstring>
#include "core/error.h"
#include "core/type.h"
#ifdef PYXX_USE_MIMALLOC
#include <mimalloc.h>
#endif

namespace pyxx {

void* mem_alloc(size_t n) {
#ifdef PYXX_USE_MIMALLOC
  return mi_malloc(n ? n : 1);
#else
  return std::malloc(n ? n : 1);
#endif
}
void* mem_calloc(size_t count, size_t n) {
#ifdef PYXX_USE_MIMALLOC
  return mi_calloc(count ? count : 1, n ? n : 1);
#else
  return std::calloc(count ? count : 1, n ? n : 1);
#endif
}
void* mem_realloc(void* p, size_t n) {
#ifdef PYXX_USE_MIMALLOC
  return mi_realloc(p, n ? n : 1);
#else
  return std::realloc(p, n ? n : 1);
#endif
}
void mem_free(void* p) {
#ifdef PYXX_USE_MIMALLOC
  mi_free(p);
#else
  std::free(p);
#endif
}

// Bytes placed before the object: the GC header for GC types.
static PYXX_ALWAYS_INLINE size_t pre_header_size(const Type* type) {
  return type_has_flag(type, kTpflagsHaveGC) ? sizeof(GCHeader) : 0;
}

static Object* alloc_impl(Type* type, size_t size, bool zero) {
  size_t pre = pre_header_size(type);
  char* mem = static_cast<char*>(zero ? mem_calloc(1, pre + size) : mem_alloc(pre + size));
  if (!mem) return err_no_memory();
  if (pre) {
    GCHeader* g = reinterpret_cast<GCHeader*>(mem);
    g->gc_next = 0;
    g->gc_prev = 0;
  }
  Object* op = reinterpret_cast<Object*>(mem + pre);
  op->refcnt = 1;
  op->type = type;
  if (type_has_flag(type, kTpflagsHeapType)) incref(type);
  return op;
}

Object* object_alloc(Type* type, size_t size) { return alloc_impl(type, size, false); }
Object* object_alloc_zeroed(Type* type, size_t size) { return alloc_impl(type, size, true); }

void object_free(void* p) {
  Object* op = static_cast<Object*>(p);
  size_t pre = pre_header_size(op->type);
  mem_free(reinterpret_cast<char*>(op) - pre);
}

Object* object_realloc_var(Object* op, size_t new_size) {
  size_t pre = pre_header_size(op->type);
  char* mem = static_cast<char*>(mem_realloc(reinterpret_cast<char*>(op) - pre, pre + new_size));
  if (!mem) return err_no_memory();
  return reinterpret_cast<Object*>(mem + pre);
}

// The cycle collector is a later issue: tracking only marks the header so
// gc.is_tracked() answers as CPython; no lists are kept yet.
void gc_track(Object* op) { gc_header(op)->gc_prev |= 1; }
void gc_untrack(Object* op) { gc_header(op)->gc_prev &= ~uintptr_t(1); }
bool gc_is_tracked(Object* op) {
  return type_has_flag(op->type, kTpflagsHaveGC) && (gc_header(op)->gc_prev & 1);
}

}  // namespace pyxx
