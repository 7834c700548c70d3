// ast::Arena: bump allocator for AST nodes and sequences, plus the owner of the
// Python objects (identifiers, constants) the nodes point at. Everything is
// released at once when the arena dies, as CPython's PyArena.
#pragma once
#include <cstddef>
#include <cstring>
#include <new>
#include <type_traits>
#include <utility>
#include <vector>
#include "core/object.h"

namespace pyxx::ast {

// Seq<T>: arena-allocated array (pointer + size), the C++ form of asdl_seq.
template <class T>
struct Seq {
  T* items = nullptr;
  ssize size = 0;

  T* begin() const { return items; }
  T* end() const { return items + size; }
  T& operator[](ssize i) const { return items[i]; }
  bool empty() const { return size == 0; }
  ssize len() const { return size; }
};

class Arena {
 public:
  Arena() = default;
  ~Arena();
  Arena(const Arena&) = delete;
  Arena& operator=(const Arena&) = delete;

  // Raw storage, aligned; aborts the process when memory is exhausted (as the
  // parser cannot make progress without it).
  void* alloc(size_t n, size_t align = alignof(std::max_align_t)) {
    uintptr_t p = (reinterpret_cast<uintptr_t>(cur_) + (align - 1)) & ~uintptr_t(align - 1);
    if (PYXX_UNLIKELY(p + n > reinterpret_cast<uintptr_t>(end_) || cur_ == nullptr)) return alloc_slow(n, align);
    cur_ = reinterpret_cast<char*>(p + n);
    return reinterpret_cast<void*>(p);
  }

  template <class T, class... A>
  T* make(A&&... args) {
    static_assert(std::is_trivially_destructible_v<T>, "arena nodes are never destroyed individually");
    return new (alloc(sizeof(T), alignof(T))) T(std::forward<A>(args)...);
  }

  // A sequence of n zero-initialised items.
  template <class T>
  Seq<T> new_seq(ssize n) {
    Seq<T> s;
    s.size = n;
    if (n > 0) {
      s.items = static_cast<T*>(alloc(sizeof(T) * size_t(n), alignof(T)));
      std::memset(static_cast<void*>(s.items), 0, sizeof(T) * size_t(n));
    }
    return s;
  }
  template <class T>
  Seq<T> seq_from(const T* data, ssize n) {
    Seq<T> s = new_seq<T>(n);
    if (n > 0) std::memcpy(static_cast<void*>(s.items), data, sizeof(T) * size_t(n));
    return s;
  }

  // Takes ownership of a new reference; returns it (borrowed, valid while the
  // arena lives). nullptr passes through (so `own(f())` propagates errors).
  Object* own(Object* new_ref) {
    if (new_ref) objects_.push_back(new_ref);
    return new_ref;
  }

  size_t bytes_allocated() const { return total_; }

 private:
  void* alloc_slow(size_t n, size_t align);

  char* cur_ = nullptr;
  char* end_ = nullptr;
  size_t total_ = 0;
  std::vector<void*> blocks_;
  std::vector<Object*> objects_;
};

}  // namespace pyxx::ast
