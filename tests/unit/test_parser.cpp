// Parser parity tests: AST dumps and SyntaxErrors compared with the values the
// reference CPython 3.14 recorded (tools/record-ast-parity ->
// tests/parity/ast/expected/). Also a few tokenizer / arena unit checks.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/abstract.h"
#include "core/error.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "parser/arena.h"
#include "parser/ast_dump.h"
#include "parser/parser.h"
#include "parser/tokenizer.h"
#include "runtime/lifecycle.h"

namespace pyxx {
namespace {

const std::string kRoot = std::string(PYXX_SOURCE_DIR) + "/tests/parity/ast";

std::string read_file(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

std::string repr_text(Object* o) {
  Ref<> r = steal(object_repr(o));
  if (!r) {
    err_clear();
    return "<repr failed>";
  }
  return std::string(str_view(r.get()));
}

std::string int_text(Object* o) {
  Ref<> r = steal(object_repr(o));
  if (!r) {
    err_clear();
    return "?";
  }
  return std::string(str_view(r.get()));
}

// Parses `src` ("exec") and returns what tools/record-ast-parity prints.
std::string parse_result(const std::string& src) {
  ast::Arena arena;
  Ref<> filename = steal(str_from_cstr("f"));
  ast::Mod* mod = parse_source(src, filename.get(), ParseMode::File, 0, arena);
  if (mod) return ast_dump(mod, true);
  Ref<> exc = steal(err_get_raised());
  if (!exc) return "NO EXCEPTION SET";
  std::string out = type_of(exc.get())->tp_name;
  Object* args = static_cast<BaseExceptionObject*>(exc.get())->args;
  if (!args || !tuple_check(args) || tuple_size(args) != 2) return out + "|<bad args>";
  Object* msg = tuple_get(args, 0);
  Object* loc = tuple_get(args, 1);
  out += "|" + std::string(str_view(msg));
  const int order[] = {1, 2, 4, 5};
  for (int i : order) out += "|" + int_text(tuple_get(loc, i));
  out += "|" + repr_text(tuple_get(loc, 3));
  return out;
}

std::string escape_newlines(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '\n') out += "\\n";
    else out.push_back(c);
  }
  return out;
}

class ParserTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { runtime_initialize_for_tests(); }
};

TEST_F(ParserTest, AstParityCases) {
  std::vector<std::filesystem::path> files;
  for (auto& e : std::filesystem::directory_iterator(kRoot + "/cases"))
    if (e.path().extension() == ".py") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  ASSERT_GE(files.size(), 30u);
  for (auto& p : files) {
    std::string expected = read_file(kRoot + "/expected/" + p.stem().string() + ".txt");
    if (!expected.empty() && expected.back() == '\n') expected.pop_back();
    EXPECT_EQ(parse_result(read_file(p.string())), expected) << "case " << p.filename();
  }
}

TEST_F(ParserTest, SyntaxErrorParity) {
  std::string all = read_file(kRoot + "/errors.txt");
  std::vector<std::string> cases;
  const std::string sep = "\n#=====\n";
  size_t pos = 0;
  for (;;) {
    size_t n = all.find(sep, pos);
    if (n == std::string::npos) {
      cases.push_back(all.substr(pos));
      break;
    }
    cases.push_back(all.substr(pos, n - pos));
    pos = n + sep.size();
  }
  std::istringstream expected(read_file(kRoot + "/expected/errors.txt"));
  std::string line;
  size_t i = 0;
  for (; std::getline(expected, line) && i < cases.size(); i++) {
    EXPECT_EQ(escape_newlines(parse_result(cases[i])), line) << "error case #" << i << ": " << cases[i];
  }
  EXPECT_EQ(i, cases.size());
}

TEST_F(ParserTest, TokenizerBasics) {
  const char src[] = "if x:\n    y = f'{a!r:>{w}}' + 0x1_0\n";
  parser::Tokenizer tok(src, sizeof(src) - 1, nullptr);
  std::vector<int> types;
  parser::Token t;
  for (;;) {
    int type = tok.next(t);
    types.push_back(type);
    if (type == parser::ENDMARKER || type == parser::ERRORTOKEN) break;
  }
  using namespace parser;
  std::vector<int> expected = {NAME, NAME, COLON, NEWLINE, INDENT, NAME, EQUAL, FSTRING_START, LBRACE, NAME,
                               EXCLAMATION, NAME, COLON, FSTRING_MIDDLE, LBRACE, NAME, RBRACE, FSTRING_MIDDLE, RBRACE,
                               FSTRING_END, PLUS, NUMBER, NEWLINE, DEDENT, ENDMARKER};
  EXPECT_EQ(types, expected);
}

TEST_F(ParserTest, ArenaOwnsObjects) {
  Object* s = str_from_cstr("owned");
  ssize before = s->refcnt;
  {
    ast::Arena arena;
    arena.own(new_ref(s));
    EXPECT_EQ(s->refcnt, before + 1);
    auto seq = arena.new_seq<ast::Expr*>(100);
    EXPECT_EQ(seq.size, 100);
    for (ast::Expr* e : seq) EXPECT_EQ(e, nullptr);
  }
  EXPECT_EQ(s->refcnt, before);
  decref(s);
}

// Every module of the reference stdlib (outside Lib/test) parses.
TEST_F(ParserTest, StdlibParses) {
  std::string lib = std::string(PYXX_SOURCE_DIR) + "/deps/cpython/root/usr/lib/python3.14";
  if (!std::filesystem::exists(lib)) GTEST_SKIP() << "reference stdlib not fetched";
  int count = 0;
  for (auto it = std::filesystem::recursive_directory_iterator(lib); it != std::filesystem::recursive_directory_iterator(); ++it) {
    const auto& p = it->path();
    if (it->is_directory() && (p.filename() == "test" || p.filename() == "site-packages" || p.filename() == "tests")) {
      it.disable_recursion_pending();
      continue;
    }
    if (p.extension() != ".py" || !it->is_regular_file()) continue;
    std::string src = read_file(p.string());
    ast::Arena arena;
    Ref<> filename = steal(str_from_cstr("f"));
    ast::Mod* mod = parse_source(src, filename.get(), ParseMode::File, 0, arena);
    if (!mod) {
      ADD_FAILURE() << p << ": " << parse_result(src);
      err_clear();
    }
    count++;
  }
  EXPECT_GT(count, 500);
}

std::vector<std::string> g_warnings;
int record_warning(Object* filename, int lineno, const char* msg) {
  g_warnings.push_back(std::to_string(lineno) + ":" + msg);
  return 0;
}
int warning_as_error(Object*, int, const char*) { return 1; }

TEST_F(ParserTest, SyntaxWarningHook) {
  SyntaxWarningHook saved = syntax_warning_hook();
  g_warnings.clear();
  set_syntax_warning_hook(record_warning);
  EXPECT_EQ(parse_result("x = 1\ny = '\\d'\nz = 1if 1 else 2\n").substr(0, 6), "Module");
  ASSERT_EQ(g_warnings.size(), 2u);
  EXPECT_EQ(g_warnings[0], "2:\"\\d\" is an invalid escape sequence. Such sequences will not work in the future. "
                           "Did you mean \"\\\\d\"? A raw string is also an option.");
  EXPECT_EQ(g_warnings[1], "3:invalid decimal literal");
  set_syntax_warning_hook(warning_as_error);
  EXPECT_EQ(parse_result("x = \"\\d\""),
            "SyntaxError|\"\\d\" is an invalid escape sequence. Did you mean \"\\\\d\"? A raw string is also an "
            "option.|1|6|1|8|'x = \"\\\\d\"\\n'");
  set_syntax_warning_hook(saved);
}

}  // namespace
}  // namespace pyxx
