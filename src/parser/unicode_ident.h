// Unicode identifier / printable classification for the tokenizer, from the
// generated character database (objects/unicode_tables.h, Unicode 16.0).
#pragma once
#include <cstdint>
#include "objects/unicode_tables.h"

namespace pyxx::parser {

inline bool is_xid_start(uint32_t c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
  return unicode::has(c, unicode::kXidStart);
}
inline bool is_xid_continue(uint32_t c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  return unicode::has(c, unicode::kXidContinue);
}
inline bool is_printable(uint32_t c) { return unicode::has(c, unicode::kPrintable); }

}  // namespace pyxx::parser
