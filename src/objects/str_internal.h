// Internal helpers shared by the str implementation files (str.cpp,
// str_methods.cpp, str_format.cpp, str_from_format.cpp) and bytes.cpp.
#pragma once
#include <cstring>
#include "core/abstract.h"
#include "core/alloc.h"
#include "core/error.h"
#include "objects/exceptions.h"
#include "objects/str.h"
#include "objects/unicode_tables.h"

namespace pyxx {

PYXX_ALWAYS_INLINE int kind_for_maxchar(uint32_t maxchar) {
  return maxchar < 256 ? 1 : maxchar < 65536 ? 2 : 4;
}

// Calls f(T{}) with T the code-unit type of `kind`.
template <class F> PYXX_ALWAYS_INLINE decltype(auto) visit_kind(int kind, F&& f) {
  if (kind == 1) return f(uint8_t{});
  if (kind == 2) return f(uint16_t{});
  return f(uint32_t{});
}

PYXX_ALWAYS_INLINE void str_write(int kind, void* data, ssize i, uint32_t c) {
  if (kind == 1) static_cast<uint8_t*>(data)[i] = uint8_t(c);
  else if (kind == 2) static_cast<uint16_t*>(data)[i] = uint16_t(c);
  else static_cast<uint32_t*>(data)[i] = c;
}

// Largest code point of s (computed from kind/ascii; exact enough for kind choice).
uint32_t str_max_char_bound(Object* s);
// Exact maximum code point of s[start:end].
uint32_t str_max_char(Object* s, ssize start, ssize end);
// Copies n code points from src[src_off:] into dst[dst_off:], converting kinds
// (dst's kind must be wide enough).
void str_copy_chars(Object* dst, ssize dst_off, Object* src, ssize src_off, ssize n);
// New string from raw code units of any kind (narrowed to the canonical kind).
[[nodiscard]] Object* str_from_kind(int kind, const void* data, ssize len);
// Sets hash etc. on a freshly filled string made by str_new (no-op now; kept
// as the single place that would finalize a string).
PYXX_ALWAYS_INLINE Object* str_done(Object* s) { return s; }

// str.isspace() for one code point with the ASCII case inline (split/strip hot path).
PYXX_ALWAYS_INLINE bool is_space_fast(uint32_t c) {
  if (c < 128) return c == ' ' || (c >= 9 && c <= 13) || (c >= 28 && c <= 31);
  return unicode_is_space(c);
}

// Searching (code-point indexes). Return -1 when not found.
ssize str_find_range(Object* h, Object* n, ssize start, ssize end, int direction);
ssize str_count_range(Object* h, Object* n, ssize start, ssize end, ssize maxcount);
ssize str_find_char(Object* h, uint32_t ch, ssize start, ssize end, int direction);

// Returns an exact-str copy (or new ref) of s: used for str subclasses.
[[nodiscard]] Object* str_exact_copy(Object* s);

// Error-handler names used by codecs.
enum class ErrHandler { Strict, Ignore, Replace, BackslashReplace, SurrogateEscape, SurrogatePass,
                        XmlCharRefReplace, NameReplace, Unknown };
ErrHandler errhandler_from_name(const char* name);  // null = strict

// Raise UnicodeDecodeError(encoding, bytes(data), start, end, reason).
void raise_decode_error(const char* encoding, const char* data, ssize len, ssize start, ssize end, const char* reason);
void raise_encode_error(const char* encoding, Object* str, ssize start, ssize end, const char* reason);

// Adjust start/end like CPython's ADJUST_INDICES.
PYXX_ALWAYS_INLINE void adjust_indices(ssize& start, ssize& end, ssize len) {
  if (end > len) end = len;
  else if (end < 0) { end += len; if (end < 0) end = 0; }
  if (start < 0) { start += len; if (start < 0) start = 0; }
}

// Clinic-style integer arguments: __index__ then exact conversion
// ("Python int too large to convert to C ssize_t" / "... C int").
[[nodiscard]] bool arg_as_ssize(Object* v, ssize* out);
[[nodiscard]] bool arg_as_int(Object* v, int* out);

// Parses optional start/end arguments (None or __index__, clamped) of find-like methods.
[[nodiscard]] bool parse_slice_index(Object* v, ssize* out);

// Method-table entries implemented in str_methods.cpp / str_format.cpp.
extern const MethodDef kStrMethods[];
[[nodiscard]] Object* str_mod(Object* format, Object* args);  // format % args (str_format.cpp)
[[nodiscard]] Object* str_format_method(Object* self, Object* const* args, ssize nargs, Object* kwnames);
[[nodiscard]] Object* str_format_map_method(Object* self, Object* mapping);
[[nodiscard]] Object* str_dunder_format(Object* self, Object* spec);

}  // namespace pyxx
