// str: PEP 393 compact storage (1, 2 or 4 bytes per code point, data right
// after the header), cached hash and UTF-8, interning (objects/str.cpp).
#pragma once
#include <cstdarg>
#include <string>
#include <string_view>
#include "core/type.h"

namespace pyxx {

struct StrObject : Object {
  ssize length;       // in code points
  Hash hash;          // -1 until computed
  uint8_t kind;       // 1, 2 or 4 bytes per code point
  uint8_t ascii;      // 1 if every code point < 128
  uint8_t interned;   // 0 no, 1 interned (mortal), 2 interned immortal
  uint8_t data_offset8; // extra bytes before the data, in 8-byte units: 0 for exact str;
                        // str subclasses keep __dict__/__slots__ there (CPython: non-compact)
  char* utf8;         // cached UTF-8 (NUL-terminated); for ascii strings points at the data
  ssize utf8_length;
  // followed (after data_offset8*8 bytes) by (length + 1) code units of `kind` bytes, NUL-terminated
};
extern Type StrType;

PYXX_ALWAYS_INLINE bool str_check(const Object* o) { return type_has_flag(o->type, kTpflagsUnicodeSubclass); }
PYXX_ALWAYS_INLINE bool str_check_exact(const Object* o) { return o->type == &StrType; }
PYXX_ALWAYS_INLINE StrObject* as_str(Object* o) { return static_cast<StrObject*>(o); }
PYXX_ALWAYS_INLINE void* str_data(Object* o) {
  StrObject* s = static_cast<StrObject*>(o);
  return reinterpret_cast<char*>(s + 1) + size_t(s->data_offset8) * 8;
}
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
  [[nodiscard]] bool append_substr(Object* s, ssize start, ssize end);  // s[start:end], no allocation
  [[nodiscard]] bool append_ascii(std::string_view s);
  [[nodiscard]] bool append_utf8(std::string_view s);
  [[nodiscard]] bool append_char(uint32_t cp);
  [[nodiscard]] bool append_repeat(uint32_t cp, ssize n);  // n copies of cp (MemoryError if too large)
  [[nodiscard]] Object* finish();  // new str; builder becomes empty
 private:
  bool reserve(ssize extra);
  bool widen();
  void* buf_ = nullptr;   // 1-byte units while everything is latin-1, then uint32_t
  ssize len_ = 0, cap_ = 0;  // in units
  uint32_t maxchar_ = 0;  // class bound (127 / 255 / 65535 / 0x10FFFF) or exact max: picks kind/ascii
  int kind_ = 1;          // 1 or 4: unit size of buf_
};

// --- additions by the text area ---
// Joins items (all must be str) with sep (may be null = ""); used by
// BUILD_STRING and f-strings. TypeError names the offending item.
[[nodiscard]] Object* str_join_array(Object* sep, Object* const* items, ssize n);
// left + right where the caller gives up its reference to `left` (steals it).
// When left is an exact, non-interned str with no other reference, it is
// resized in place (CPython's BINARY_OP_INPLACE_ADD_UNICODE, making `s += x`
// loops linear). right must be a str. Returns a new reference or nullptr.
[[nodiscard]] Object* str_concat_steal_left(Object* left_steal, Object* right);
// bytes -> str with a codec (utf-8 / ascii / latin-1 aliases built in) and an
// error handler name (null = strict); LookupError for unknown encodings.
[[nodiscard]] Object* str_decode(const char* data, ssize len, const char* encoding, const char* errors);
// str -> bytes (str.encode).
[[nodiscard]] Object* str_encode(Object* s, const char* encoding, const char* errors);
// Unicode database queries (objects/unicode_tables.h has the full set).
int unicode_decimal_value(uint32_t cp);   // 0..9, or -1
int unicode_digit_value(uint32_t cp);     // 0..9, or -1
bool unicode_is_space(uint32_t cp);       // str.isspace() for one code point
bool unicode_is_printable(uint32_t cp);
bool unicode_is_alpha(uint32_t cp);
bool unicode_is_xid_start(uint32_t cp);   // identifiers (plus '_' as CPython's isidentifier)
bool unicode_is_xid_continue(uint32_t cp);
bool unicode_is_linebreak(uint32_t cp);   // str.splitlines() boundaries
bool str_is_identifier(Object* s);       // str.isidentifier()
// format(s, spec) for str (the format-spec mini-language for strings).
[[nodiscard]] Object* str_format_with_spec(Object* s, Object* spec);
// Unicode character names (\\N{...}, unicodedata.name/lookup; no aliases yet).
bool unicode_char_name(uint32_t cp, std::string* out);
bool unicode_lookup_name(std::string_view name, uint32_t* cp);
// Registers StrType and its iterator types (runtime/static_types.inc).
void init_str_types();
extern Type StrIteratorType, StrAsciiIteratorType;

}  // namespace pyxx
