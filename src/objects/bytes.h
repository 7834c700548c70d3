// bytes (objects/bytes.cpp) and bytearray (objects/bytearray.cpp, later).
#pragma once
#include <string_view>
#include "core/type.h"

namespace pyxx {
struct BytesObject : VarObject {  // size = number of bytes
  Hash hash;                      // -1 until computed
  char data[1];                   // size + 1 bytes, NUL-terminated
};
extern Type BytesType;
PYXX_ALWAYS_INLINE bool bytes_check(const Object* o) { return type_has_flag(o->type, kTpflagsBytesSubclass); }
PYXX_ALWAYS_INLINE char* bytes_data(Object* o) { return static_cast<BytesObject*>(o)->data; }
PYXX_ALWAYS_INLINE ssize bytes_size(const Object* o) { return var_size(o); }
[[nodiscard]] Object* bytes_from(const void* data, ssize len);   // data may be null: uninitialised
[[nodiscard]] inline Object* bytes_from(std::string_view s) { return bytes_from(s.data(), ssize(s.size())); }
[[nodiscard]] Object* bytes_repr(Object* b);
Hash bytes_hash(Object* b);
// --- additions by the text area ---
extern Type BytesIterType;
void init_bytes_types();  // registers BytesType / BytesIterType (runtime/static_types.inc)

// bytearray (objects/bytearray.cpp): mutable, over-allocating buffer.
struct ByteArrayObject : VarObject {  // size = number of bytes
  ssize alloc;                        // allocated bytes (>= size + 1 when data != null)
  char* data;                         // NUL-terminated, or null when empty and never allocated
  ssize exports;                      // active buffer exports (resizing forbidden while > 0)
};
extern Type ByteArrayType, ByteArrayIterType;
inline bool bytearray_check(const Object* o) { return o->type == &ByteArrayType || type_is_subtype(o->type, &ByteArrayType); }
PYXX_ALWAYS_INLINE char* bytearray_data(Object* o) {
  static char empty[1] = {0};
  char* d = static_cast<ByteArrayObject*>(o)->data;
  return d ? d : empty;
}
[[nodiscard]] Object* bytearray_from(const void* data, ssize len);
[[nodiscard]] int bytearray_resize(Object* ba, ssize new_size);  // -1 + exception on failure
void init_bytearray_types();
// Contiguous byte buffer of a bytes-like object (bytes, bytearray for now):
// true and *data/*len set, or false (no exception set).
bool bytes_like_view(Object* o, const char** data, ssize* len);
}  // namespace pyxx
