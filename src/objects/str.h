// str: PEP 393 compact storage (1, 2 or 4 bytes per code point, data right
// after the header), cached hash and UTF-8, interning (objects/str.cpp).
#pragma once
#include <cstdarg>
#include <string_view>
#include "core/type.h"

namespace pyxx {

struct StrObject : Object {
  ssize length;       // in code points
  Hash hash;          // -1 until computed
  uint8_t kind;       // 1, 2 or 4 bytes per code point
  uint8_t ascii;      // 1 if every code point < 128
  uint8_t interned;   // 0 no, 1 interned (mortal), 2 interned immortal
  uint8_t reserved;
  char* utf8;         // cached UTF-8 (NUL-terminated); for ascii strings points at the data
  ssize utf8_length;
  // followed by (length + 1) code units of `kind` bytes, NUL-terminated
};
extern Type StrType;

PYXX_ALWAYS_INLINE bool str_check(const Object* o) { return type_has_flag(o->type, kTpflagsUnicodeSubclass); }
PYXX_ALWAYS_INLINE bool str_check_exact(const Object* o) { return o->type == &StrType; }
PYXX_ALWAYS_INLINE StrObject* as_str(Object* o) { return static_cast<StrObject*>(o); }
PYXX_ALWAYS_INLINE void* str_data(Object* o) { return static_cast<StrObject*>(o) + 1; }
PYXX_ALWAYS_INLINE ssize str_length(const Object* o) { return static_cast<const StrObject*>(o)->length; }
PYXX_ALWAYS_INLINE int str_kind(const Object* o) { return static_cast<const StrObject*>(o)->kind; }
PYXX_ALWAYS_INLINE uint32_t str_read(int kind, const void* data, ssize i) {
  return kind == 1 ? static_cast<const uint8_t*>(data)[i]
       : kind == 2 ? static_cast<const uint16_t*>(data)[i] : static_cast<const uint32_t*>(data)[i];
}
PYXX_ALWAYS_INLINE uint32_t str_char_at(Object* o, ssize i) { return str_read(str_kind(o), str_data(o), i); }

// Construction. UTF-8 decoding is strict (UnicodeDecodeError on bad input)
// unless noted; surrogates are allowed in str values themselves.
[[nodiscard]] Object* str_from_utf8(const char* data, ssize len);
[[nodiscard]] Object* str_from_utf8_surrogatepass(const char* data, ssize len);
[[nodiscard]] Object* str_from_cstr(const char* s);
[[nodiscard]] inline Object* str_from(std::string_view s) { return str_from_utf8(s.data(), ssize(s.size())); }
[[nodiscard]] Object* str_from_latin1(const uint8_t* data, ssize len);
[[nodiscard]] Object* str_from_ucs4(const uint32_t* data, ssize len);  // picks the narrowest kind
// Allocates an uninitialised string of `length` code points with room for maxchar.
[[nodiscard]] Object* str_new(ssize length, uint32_t maxchar);
[[nodiscard]] Object* str_from_codepoint(uint32_t cp);  // chr(); cached for latin-1
[[nodiscard]] Object* str_empty();                      // the '' singleton (new ref)
// PyUnicode_FromFormat: %% %c %d %i %u %ld %li %lu %lld %zd %zu %x %p %s %U %V %S %R %A %T %N, widths/precisions.
[[nodiscard]] Object* str_from_format(const char* fmt, ...);
[[nodiscard]] Object* str_from_format_v(const char* fmt, va_list ap);

// Access. The returned pointer lives as long as the string.
const char* str_as_utf8(Object* s, ssize* len = nullptr);  // null + UnicodeEncodeError for lone surrogates
std::string_view str_view(Object* s);                      // UTF-8 view; empty on error (check err_occurred)

// Interning: returns the canonical equal string (new ref).
[[nodiscard]] Object* str_intern(Object* s_steal);
[[nodiscard]] Object* str_intern_cstr(const char* s);   // immortal interned string, new ref
// Fast identity-or-value equality for str objects (no exceptions).
bool str_eq(Object* a, Object* b);
bool str_eq_cstr(Object* a, const char* s);
int str_compare(Object* a, Object* b);      // -1/0/1 by code points
Hash str_hash(Object* s);                   // SipHash-1-3 keyed per PYTHONHASHSEED, cached
[[nodiscard]] Object* str_concat(Object* a, Object* b);
[[nodiscard]] Object* str_join(Object* sep, Object* iterable);
[[nodiscard]] Object* str_substring(Object* s, ssize start, ssize end);
[[nodiscard]] int str_contains(Object* haystack, Object* needle);  // 1/0/-1
// repr(str) as CPython (quotes choice, escapes).
[[nodiscard]] Object* str_repr(Object* s);

// Incremental builder for joining pieces (used by f-strings, repr of containers, ...).
class StrBuilder {
 public:
  StrBuilder() = default;
  ~StrBuilder();
  StrBuilder(const StrBuilder&) = delete;
  StrBuilder& operator=(const StrBuilder&) = delete;
  [[nodiscard]] bool append_str(Object* s);
  [[nodiscard]] bool append_ascii(std::string_view s);
  [[nodiscard]] bool append_utf8(std::string_view s);
  [[nodiscard]] bool append_char(uint32_t cp);
  [[nodiscard]] Object* finish();  // new str; builder becomes empty
 private:
  void* buf_ = nullptr;   // uint32_t code units until finish() narrows
  ssize len_ = 0, cap_ = 0;
  uint32_t maxchar_ = 0;
};

}  // namespace pyxx
