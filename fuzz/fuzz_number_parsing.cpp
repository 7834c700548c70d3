// Fuzz target: number parsing. The input bytes are parsed by int_from_string
// (bases 0, 2, 8, 10, 16, 36), float_from_string, int()/float() on str and
// bytes, and complex() on str. Besides crashes, it checks round trips:
// str(int) parses back to the same int; repr(float) and repr(complex) parse
// back to the same repr.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include "core/abstract.h"
#include "fuzz_common.h"
#include "objects/bytes.h"
#include "objects/complex.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/str.h"
#include "objects/tuple.h"

using namespace pyxx;
using pyxx_fuzz::check_result;
using pyxx_fuzz::fail;

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  pyxx_fuzz::init_runtime();
  return 0;
}

// a == b (both str); clears nothing: both must be valid.
static bool same_str(Object* a, Object* b, const char* where) {
  int r = object_richcompare_bool(a, b, kEQ);
  if (r < 0) fail("str comparison raised", where);
  return r == 1;
}

static void check_int(std::string_view text, int base) {
  Ref<> v = steal(int_from_string(text, base));
  if (!v) {
    if (!err_occurred()) fail("int_from_string: null without exception", "int");
    err_clear();
    return;
  }
  if (err_occurred()) fail("int_from_string: result with exception set", "int");
  if (!int_check_exact(v.get()) && !int_check(v.get())) fail("int_from_string: not an int", "int");
  // str() may refuse more than sys.get_int_max_str_digits() digits.
  Ref<> s = steal(int_to_decimal_string(v.get()));
  if (!s) {
    if (!err_occurred()) fail("str(int): null without exception", "int");
    err_clear();
    return;
  }
  Ref<> back = steal(int_from_string(str_view(s.get()), 10));
  if (!back) fail("int(str(int(text))) failed", "int round trip");
  int eq = object_richcompare_bool(v.get(), back.get(), kEQ);
  if (eq != 1) fail("int(str(int(text))) != int(text)", "int round trip");
}

static void check_float(std::string_view text) {
  Ref<> v = steal(float_from_string(text));
  if (!v) {
    if (!err_occurred()) fail("float_from_string: null without exception", "float");
    err_clear();
    return;
  }
  if (err_occurred()) fail("float_from_string: result with exception set", "float");
  Ref<> r1 = steal(object_repr(v.get()));
  if (!r1) fail("repr(float) failed", "float");
  Ref<> back = steal(float_from_string(str_view(r1.get())));
  if (!back) fail("float(repr(x)) failed", "float round trip");
  Ref<> r2 = steal(object_repr(back.get()));
  if (!r2) fail("repr(float) failed", "float round trip");
  if (!same_str(r1.get(), r2.get(), "float round trip")) fail("repr(float(repr(x))) != repr(x)", "float round trip");
}

static void check_complex(Object* text_str) {
  Ref<> args = steal(tuple_pack({text_str}));
  if (!args) fail("tuple_pack failed", "complex");
  Ref<> v = steal(object_call(reinterpret_cast<Object*>(&ComplexType), args.get(), nullptr));
  if (!v) {
    if (!err_occurred()) fail("complex(str): null without exception", "complex");
    err_clear();
    return;
  }
  if (err_occurred()) fail("complex(str): result with exception set", "complex");
  Ref<> r1 = steal(object_repr(v.get()));
  if (!r1) fail("repr(complex) failed", "complex");
  Ref<> args2 = steal(tuple_pack({r1.get()}));
  Ref<> back = steal(object_call(reinterpret_cast<Object*>(&ComplexType), args2.get(), nullptr));
  if (!back) fail("complex(repr(z)) failed", "complex round trip");
  Ref<> r2 = steal(object_repr(back.get()));
  if (!r2) fail("repr(complex) failed", "complex round trip");
  if (!same_str(r1.get(), r2.get(), "complex round trip")) fail("repr(complex(repr(z))) != repr(z)", "complex round trip");
}

// type(arg) / type(arg, base) through the type's call path (int(), float()).
static void call_type(Type* type, Object* arg, Object* base, const char* where) {
  Ref<> args = steal(base ? tuple_pack({arg, base}) : tuple_pack({arg}));
  if (!args) fail("tuple_pack failed", where);
  check_result(object_call(reinterpret_cast<Object*>(type), args.get(), nullptr), where);
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  static const int kBases[] = {0, 2, 8, 10, 16, 36};
  for (int base : kBases) check_int(text, base);
  check_float(text);

  Ref<> b = steal(bytes_from(text));
  if (!b) fail("bytes_from failed", "setup");
  call_type(&IntType, b.get(), nullptr, "int(bytes)");
  call_type(&FloatType, b.get(), nullptr, "float(bytes)");
  Ref<> base16 = steal(int_from_i64(16));
  call_type(&IntType, b.get(), base16.get(), "int(bytes, 16)");

  // str-only paths need valid UTF-8 (a str cannot hold anything else).
  Ref<> s = steal(str_from_utf8(text.data(), ssize(text.size())));
  if (!s) {
    err_clear();
    return 0;
  }
  call_type(&IntType, s.get(), nullptr, "int(str)");
  Ref<> base0 = steal(int_from_i64(0));
  call_type(&IntType, s.get(), base0.get(), "int(str, 0)");
  call_type(&FloatType, s.get(), nullptr, "float(str)");
  check_complex(s.get());
  pyxx_fuzz::check_clean("end");
  return 0;
}
