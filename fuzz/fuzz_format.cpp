// Fuzz target: the formatting mini-languages. The input (as a str) is used as
//  - the spec of format(value, spec) for ints, floats, complex and str values,
//  - the format string of str % tuple, str % dict and str % value,
//  - the template of str.format(*args, **kwargs),
// and (as bytes) as the format string of bytes % tuple.
// Exceptions are normal outcomes; crashes, hangs, leaks, sanitizer reports and
// broken error conventions are bugs. Inputs with more than four consecutive
// digits are skipped: a width like 999999999 is a legal request for a huge
// string, not a bug.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <iterator>
#include "core/abstract.h"
#include "fuzz_common.h"
#include "objects/bytes.h"
#include "objects/complex.h"
#include "objects/dict.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/str.h"
#include "objects/tuple.h"

using namespace pyxx;
using pyxx_fuzz::check_result;
using pyxx_fuzz::fail;

// Owned for the whole run. Plain arrays, not std::vector: a static destructor
// would free the buffer before LeakSanitizer's exit check and strand the objects.
static Object* g_values[17];
static Object* g_tuple;                 // str % tuple / str.format(*tuple)
static Object* g_dict;                  // str % dict / str.format(**dict)
static Object* g_bytes_tuple;           // bytes % tuple
// str.format(*args, **kwargs): no int arguments, so nested specs such as
// "{0:{1}{1}}" cannot build a legal but huge width out of argument digits.
static Object* g_fmt_tuple;
static Object* g_fmt_dict;
static Object* g_format_method_name;

static Object* must(Object* o) {
  if (!o) std::abort();
  return o;
}

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  pyxx_fuzz::init_runtime();
  Object* big = must(int_from_string("-123456789012345678901234567890", 10));
  Object* const values[] = {
      must(int_from_i64(0)),          must(int_from_i64(-1234567)),   must(int_from_i64(255)),
      big,                            must(float_from_double(0.0)),   must(float_from_double(-0.0)),
      must(float_from_double(3.14159)), must(float_from_double(1e300)), must(float_from_double(-1e-300)),
      must(float_from_double(1234567.891)), must(float_from_double(INFINITY)), must(float_from_double(NAN)),
      must(complex_from_doubles(1.5, -2.0)), must(complex_from_doubles(-0.0, NAN)),
      must(str_from_cstr("")),        must(str_from_cstr("abc")),     must(str_from_cstr("h\xc3\xa9llo\xe2\x82\xac\xf0\x9f\x98\x80")),
  };
  static_assert(sizeof values == sizeof g_values);
  for (size_t i = 0; i < std::size(values); i++) g_values[i] = values[i];
  g_tuple = must(tuple_pack({g_values[2], g_values[6], g_values[15], g_values[1], g_values[7], g_values[16],
                             g_values[3], g_values[12], g_values[4]}));
  g_dict = must(dict_new());
  if (dict_setitem_str(g_dict, "a", g_values[2]) < 0 || dict_setitem_str(g_dict, "b", g_values[6]) < 0 ||
      dict_setitem_str(g_dict, "s", g_values[16]) < 0 || dict_setitem_str(g_dict, "", g_values[3]) < 0)
    std::abort();
  Object* bytes_item = must(bytes_from(std::string_view("by\xfftes", 6)));
  g_bytes_tuple = must(tuple_pack({bytes_item, g_values[2], g_values[6], g_values[1], bytes_item}));
  g_fmt_tuple = must(tuple_pack({g_values[6], g_values[15], g_values[16], g_values[12], g_values[7]}));
  g_fmt_dict = must(dict_new());
  if (dict_setitem_str(g_fmt_dict, "a", g_values[6]) < 0 || dict_setitem_str(g_fmt_dict, "s", g_values[16]) < 0 ||
      dict_setitem_str(g_fmt_dict, "", g_values[7]) < 0)
    std::abort();
  g_format_method_name = must(str_from_cstr("format"));
  return 0;
}

static bool has_long_digit_run(std::string_view s) {
  int run = 0;
  for (char c : s) {
    run = (c >= '0' && c <= '9') ? run + 1 : 0;
    if (run > 4) return true;
  }
  return false;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  if (has_long_digit_run(text)) return 0;

  Ref<> fmt_bytes = steal(bytes_from(text));
  if (!fmt_bytes) fail("bytes_from failed", "setup");
  check_result(number_remainder(fmt_bytes.get(), g_bytes_tuple), "bytes % tuple");
  check_result(number_remainder(fmt_bytes.get(), g_values[2]), "bytes % int");

  Ref<> spec = steal(str_from_utf8(text.data(), ssize(text.size())));
  if (!spec) {  // not UTF-8: nothing more a str can hold
    err_clear();
    return 0;
  }
  for (Object* v : g_values) check_result(object_format(v, spec.get()), "format(value, spec)");

  check_result(number_remainder(spec.get(), g_tuple), "str % tuple");
  check_result(number_remainder(spec.get(), g_dict), "str % dict");
  check_result(number_remainder(spec.get(), g_values[1]), "str % int");
  check_result(number_remainder(spec.get(), g_values[16]), "str % str");

  Ref<> method = steal(object_getattr(spec.get(), g_format_method_name));
  if (!method) fail("str.format lookup failed", "str.format");
  check_result(object_call(method.get(), g_fmt_tuple, g_fmt_dict), "str.format(*tuple, **dict)");
  pyxx_fuzz::check_clean("end");
  return 0;
}
