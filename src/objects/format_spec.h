// The format-spec mini-language shared by int, float, complex and str
// __format__ (objects/format_spec.cpp). Mirrors CPython's
// Python/formatter_unicode.c behaviour: parsing rules, error messages, padding,
// alignment and digit grouping (including 3.14's fractional-part grouping).
#pragma once
#include <string>
#include <string_view>
#include "core/object.h"

namespace pyxx {

struct FormatSpec {
  uint32_t fill = ' ';
  char align = 0;           // '<' '>' '=' '^' or 0 (type default)
  char sign = 0;            // '+' '-' ' ' or 0
  bool no_neg_zero = false; // 'z'
  bool alternate = false;   // '#'
  bool fill_given = false;  // explicit fill char or '0' flag
  ssize width = -1;
  char thousands = 0;       // ',' or '_' or 0
  ssize precision = -1;
  char frac_thousands = 0;  // 3.14: grouping after '.precision'
  uint32_t type = 0;        // presentation type code point; 0 = none
};

// Parses `spec` (a str object) into *out. `default_align` is used when the
// spec has none ('>' for numbers, '<' for str). Returns false with
// ValueError set ("Invalid format specifier ...", "Cannot specify both ',' and '_'.", ...).
// obj_type_name is used in messages ("... for object of type 'int'").
[[nodiscard]] bool format_spec_parse(Object* spec, FormatSpec* out, char default_align, const char* obj_type_name);

// Pads `body` (UTF-8) to spec.width using spec.fill / spec.align (used by str
// __format__ too). Returns a new str.
[[nodiscard]] Object* format_pad(std::string_view body, ssize body_len_codepoints, const FormatSpec& spec);

// Builds a formatted number: sign, prefix ("0x"), integer digits (to be grouped
// every `group` digits with spec.thousands), and the rest (".5e+10", "%").
// Handles '=' alignment, zero padding with grouping and width. New str.
[[nodiscard]] Object* format_number(const FormatSpec& spec, std::string_view sign, std::string_view prefix,
                                    std::string_view int_digits, std::string_view rest, int group);

// Float formatting core: formats |v| (finite or not) with presentation type
// ('e','E','f','F','g','G','%','r' (repr), or 0 = float's "none" type) and
// precision (-1 = default) into digits; sets *neg. add_dot_0: "none" rule.
std::string format_double_body(double v, char type, int precision, bool alternate, bool* neg);

// Unknown-type error: "Unknown format code 'x' for object of type 'float'".
std::nullptr_t format_unknown_code(uint32_t type, const char* obj_type_name);

}  // namespace pyxx
