// The object header, reference counting and the owning handle Ref<T>.
// Mirrors CPython's PyObject / PyVarObject layout and refcount semantics
// (DESIGN.md section 3). Immortal objects (singletons, static types, small
// ints, interned literals) start with a huge count so inc/dec never free them;
// this keeps incref/decref branch-free except for the zero test.
#pragma once
#include "core/common.h"

namespace pyxx {

struct Object {
  ssize refcnt;
  Type* type;
};

struct VarObject : Object {
  ssize size;  // ob_size
};

// Count given to immortal objects. Large enough that no program can bring it to
// zero; sys.getrefcount reports kImmortalReportedRefcnt for them as CPython does.
constexpr ssize kImmortalRefcnt = ssize(1) << 60;
constexpr ssize kImmortalReportedRefcnt = 0xFFFFFFFF;  // CPython 3.14 on 64-bit: 2**32-1

// Header initialiser for statically allocated (immortal) objects.
#define PYXX_STATIC_OBJECT_HEAD(typeptr) ::pyxx::kImmortalRefcnt, (typeptr)

void dealloc_object(Object* op);  // calls op->type->dealloc; defined in core/object.cpp

PYXX_ALWAYS_INLINE bool is_immortal(const Object* op) { return op->refcnt >= (kImmortalRefcnt >> 1); }
PYXX_ALWAYS_INLINE void incref(Object* op) { ++op->refcnt; }
PYXX_ALWAYS_INLINE void xincref(Object* op) { if (op) ++op->refcnt; }
PYXX_ALWAYS_INLINE void decref(Object* op) {
  if (--op->refcnt == 0) dealloc_object(op);
}
PYXX_ALWAYS_INLINE void xdecref(Object* op) { if (op) decref(op); }
// Returns a new reference to op (Py_NewRef).
template <class T> PYXX_ALWAYS_INLINE T* new_ref(T* op) { incref(op); return op; }
template <class T> PYXX_ALWAYS_INLINE T* xnew_ref(T* op) { xincref(op); return op; }
// Py_CLEAR / Py_SETREF
template <class T> PYXX_ALWAYS_INLINE void clear_ref(T*& slot) {
  T* old = slot; slot = nullptr; if (old) decref(old);
}
template <class T, class U> PYXX_ALWAYS_INLINE void set_ref(T*& slot, U* steal_new) {
  T* old = slot; slot = steal_new; if (old) decref(old);
}
template <class T, class U> PYXX_ALWAYS_INLINE void xset_ref(T*& slot, U* steal_new) {
  T* old = slot; slot = steal_new; xdecref(old);
}

PYXX_ALWAYS_INLINE Type* type_of(const Object* op) { return op->type; }
PYXX_ALWAYS_INLINE ssize var_size(const Object* op) { return static_cast<const VarObject*>(op)->size; }

// Ref<T>: owning handle, one pointer wide, move-aware. Copy increments.
// A null Ref usually means "an exception is set" (CPython's NULL convention).
template <class T = Object>
class Ref {
 public:
  Ref() noexcept : p_(nullptr) {}
  Ref(std::nullptr_t) noexcept : p_(nullptr) {}
  ~Ref() { if (p_) decref(reinterpret_cast<Object*>(p_)); }
  Ref(const Ref& o) noexcept : p_(o.p_) { if (p_) incref(reinterpret_cast<Object*>(p_)); }
  Ref(Ref&& o) noexcept : p_(o.p_) { o.p_ = nullptr; }
  template <class U> Ref(Ref<U>&& o) noexcept : p_(static_cast<T*>(o.release())) {}
  Ref& operator=(const Ref& o) noexcept {
    if (o.p_) incref(reinterpret_cast<Object*>(o.p_));
    T* old = p_; p_ = o.p_; if (old) decref(reinterpret_cast<Object*>(old));
    return *this;
  }
  Ref& operator=(Ref&& o) noexcept {
    if (this != &o) { T* old = p_; p_ = o.p_; o.p_ = nullptr; if (old) decref(reinterpret_cast<Object*>(old)); }
    return *this;
  }
  Ref& operator=(std::nullptr_t) noexcept { reset(); return *this; }

  // Takes ownership of an existing (new) reference.
  [[nodiscard]] static Ref steal(T* p) noexcept { Ref r; r.p_ = p; return r; }
  // Adds a reference to a borrowed pointer.
  [[nodiscard]] static Ref borrow(T* p) noexcept { if (p) incref(reinterpret_cast<Object*>(p)); Ref r; r.p_ = p; return r; }

  T* get() const noexcept { return p_; }
  Object* obj() const noexcept { return reinterpret_cast<Object*>(p_); }
  T* operator->() const noexcept { return p_; }
  T& operator*() const noexcept { return *p_; }
  explicit operator bool() const noexcept { return p_ != nullptr; }
  // Gives up ownership: the caller now owns the reference.
  [[nodiscard]] T* release() noexcept { T* p = p_; p_ = nullptr; return p; }
  void reset(T* steal_new = nullptr) noexcept { T* old = p_; p_ = steal_new; if (old) decref(reinterpret_cast<Object*>(old)); }
  // For out-parameters: Object** that the callee fills with a new reference.
  T** out() noexcept { reset(); return &p_; }

 private:
  T* p_;
};

template <class T> [[nodiscard]] inline Ref<T> steal(T* p) { return Ref<T>::steal(p); }
template <class T> [[nodiscard]] inline Ref<T> borrow(T* p) { return Ref<T>::borrow(p); }

}  // namespace pyxx

namespace pyxx {
// Recursive repr guard (Py_ReprEnter / Py_ReprLeave): 1 if obj is already being
// repr'd on this thread (caller prints "[...]"), 0 if entered, -1 on error.
[[nodiscard]] int repr_enter(Object* obj);
void repr_leave(Object* obj);
}  // namespace pyxx
