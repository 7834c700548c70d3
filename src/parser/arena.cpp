// ast::Arena out-of-line parts: block allocation and release.
#include "parser/arena.h"

#include <cstdio>
#include <cstdlib>

namespace pyxx::ast {

namespace {
constexpr size_t kBlockSize = 64 * 1024;
}

Arena::~Arena() {
  // Objects first: they do not point into the arena's blocks.
  for (Object* o : objects_) decref(o);
  for (void* b : blocks_) std::free(b);
}

void* Arena::alloc_slow(size_t n, size_t align) {
  size_t size = n + align > kBlockSize ? n + align : kBlockSize;
  char* block = static_cast<char*>(std::malloc(size));
  if (!block) {
    std::fputs("pyxx: out of memory in the parser arena\n", stderr);
    std::abort();
  }
  blocks_.push_back(block);
  total_ += size;
  uintptr_t p = (reinterpret_cast<uintptr_t>(block) + (align - 1)) & ~uintptr_t(align - 1);
  char* result = reinterpret_cast<char*>(p);
  // A big request gets its own block; keep bump-allocating from the current one.
  if (size > kBlockSize) return result;
  cur_ = result + n;
  end_ = block + size;
  return result;
}

}  // namespace pyxx::ast
