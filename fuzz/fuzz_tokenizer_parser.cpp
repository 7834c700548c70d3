// Fuzz target: source bytes -> tokenizer + parser (parse_source) in every
// mode. A SyntaxError (or any Python exception) is a normal outcome; only a
// crash, hang, leak, sanitizer report or a broken error convention is a bug.
// The input is passed as raw bytes, as compile(b"...") and the file runner do.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include "compiler/compile.h"
#include "fuzz_common.h"
#include "objects/str.h"
#include "parser/arena.h"
#include "parser/ast_dump.h"
#include "parser/parser.h"

using namespace pyxx;

static Object* g_filename;

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  pyxx_fuzz::init_runtime();
  g_filename = str_from_cstr("<fuzz>");
  if (!g_filename) std::abort();
  return 0;
}

static void parse_one(std::string_view src, ParseMode mode, int flags, const char* where) {
  ast::Arena arena;
  ast::Mod* mod = parse_source(src, g_filename, mode, flags, arena);
  if (!mod) {
    if (!err_occurred()) pyxx_fuzz::fail("parse_source returned null without an exception", where);
    err_clear();
    return;
  }
  if (err_occurred()) pyxx_fuzz::fail("parse_source succeeded with an exception set", where);
  // Walking the whole tree catches malformed nodes (null children, bad kinds).
  std::string dump = ast_dump(mod, true);
  (void)dump;
  pyxx_fuzz::check_clean(where);
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view src(reinterpret_cast<const char*>(data), size);
  parse_one(src, ParseMode::File, 0, "exec");
  parse_one(src, ParseMode::Eval, 0, "eval");
  parse_one(src, ParseMode::Single, 0, "single");
  parse_one(src, ParseMode::FuncType, 0, "func_type");
  // codeop / the REPL: incomplete input allowed, no implied dedent.
  parse_one(src, ParseMode::Single, kCfAllowIncompleteInput | kCfDontImplyDedent, "single+incomplete");
  parse_one(src, ParseMode::File, kCfTypeComments, "exec+type_comments");
  return 0;
}
