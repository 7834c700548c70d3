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
}  // namespace pyxx
