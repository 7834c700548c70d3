// Fuzz target: source bytes -> compile_source (parser, symtable, codegen,
// flowgraph, assembler); the code object is discarded. Exceptions are normal
// outcomes; crashes, hangs, leaks and sanitizer reports are bugs.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include "compiler/compile.h"
#include "fuzz_common.h"
#include "objects/str.h"

using namespace pyxx;

static Object* g_filename;

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  pyxx_fuzz::init_runtime();
  g_filename = str_from_cstr("<fuzz>");
  if (!g_filename) std::abort();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view src(reinterpret_cast<const char*>(data), size);
  pyxx_fuzz::check_result(compile_source(src, g_filename, ParseMode::File, 0, -1), "compile exec");
  pyxx_fuzz::check_result(compile_source(src, g_filename, ParseMode::Single, 0, -1), "compile single");
  pyxx_fuzz::check_result(compile_source(src, g_filename, ParseMode::Eval, 0, 2), "compile eval -OO");
  return 0;
}
