// Harness driver: parse_file MODE PATH -> prints ast.dump(include_attributes=True)
// or the SyntaxError as "Type|msg|lineno|offset|end_lineno|end_offset|repr(text)".
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "core/error.h"
#include "objects/str.h"
#include "parser/ast_dump.h"
#include "parser/arena.h"
#include "parser/parser.h"

namespace pyxx { std::string harness_format_error(); }

static int g_warn_mode = 0;  // 0 off, 1 print, 2 error
static int warn_hook(pyxx::Object* filename, int lineno, const char* msg) {
  if (g_warn_mode == 2) return 1;
  std::cout << "WARN|" << lineno << "|" << msg << "\n";
  return 0;
}

int main(int argc, char** argv) {
  using namespace pyxx;
  if (const char* w = std::getenv("PYXX_WARN")) {
    g_warn_mode = std::string(w) == "error" ? 2 : 1;
    set_syntax_warning_hook(warn_hook);
  }
  if (argc < 3) return 2;
  std::string mode = argv[1];
  bool attrs = true;
  for (int i = 2; i < argc; i++) {
    std::ifstream f(argv[i], std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    std::string src = ss.str();
    ParseMode m = mode == "eval" ? ParseMode::Eval : mode == "single" ? ParseMode::Single : ParseMode::File;
    ast::Arena arena;
    Object* fn = str_from_utf8("f", 1);
    if (argc > 3) std::cout << "== " << argv[i] << "\n";
    ast::Mod* mod = parse_source(src, fn, m, 0, arena);
    if (mod) std::cout << ast_dump(mod, attrs) << "\n";
    else {
      std::cout << harness_format_error() << "\n";
      err_clear();
    }
  }
  return 0;
}
