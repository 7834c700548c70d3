// Compiler tests: stack effects against the reference's samples, and the
// bytecode parity suite (tests/parity/bytecode): each case is compiled by
// pyxx and dumped in tools/bytecode_dump.py's format, then compared with the
// reference CPython's dump recorded by tools/record-bytecode-parity.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <unistd.h>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "compiler/compile.h"
#include "core/abstract.h"
#include "core/error.h"
#include "objects/bytes.h"
#include "objects/code.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/lifecycle.h"

namespace {

struct StackEffectSample { int opcode, oparg, jump, effect; };
const StackEffectSample kSamples[] = {
#include "stack_effect_samples.inc"
};

TEST(Compiler, StackEffectMatchesReference) {
  int bad = 0;
  for (const auto& s : kSamples) {
    int got = pyxx::stack_effect(s.opcode, s.oparg, s.jump);
    if (got != s.effect) {
      if (++bad < 20) ADD_FAILURE() << "opcode " << s.opcode << " oparg " << s.oparg << " jump " << s.jump
                                    << ": expected " << s.effect << ", got " << got;
    }
  }
  EXPECT_EQ(bad, 0);
}

std::string sv(pyxx::Object* s) { return std::string(pyxx::str_view(s)); }

std::string hex(pyxx::Object* b) {
  static const char* d = "0123456789abcdef";
  std::string out;
  const unsigned char* p = reinterpret_cast<const unsigned char*>(pyxx::bytes_data(b));
  for (pyxx::ssize i = 0; i < pyxx::bytes_size(b); i++) { out += d[p[i] >> 4]; out += d[p[i] & 15]; }
  return out;
}

std::string join_names(pyxx::Object* t) {
  std::string out;
  for (pyxx::ssize i = 0; i < pyxx::tuple_size(t); i++) {
    if (i) out += " ";
    out += sv(pyxx::tuple_get(t, i));
  }
  return out;
}

pyxx::Object* attr(pyxx::Object* o, const char* name) { return pyxx::object_getattr_str(o, name); }

void dump(pyxx::Object* co, std::string& out) {
  using namespace pyxx;
  auto* c = static_cast<CodeObject*>(co);
  std::vector<std::string> consts;
  for (ssize i = 0; i < tuple_size(c->co_consts); i++) {
    Object* k = tuple_get(c->co_consts, i);
    if (code_check(k)) {
      consts.push_back("<code " + sv(static_cast<CodeObject*>(k)->co_name) + ">");
    } else {
      Ref<> r = steal(object_repr(k));
      consts.push_back(r ? sv(r.get()) : "<error>");
      if (!r) err_clear();
    }
  }
  std::ostringstream o;
  o << "code " << sv(c->co_name) << "\n";
  o << "  qualname " << sv(c->co_qualname) << "\n";
  o << "  flags " << c->co_flags << "\n";
  o << "  argcount " << c->co_argcount << " posonly " << c->co_posonlyargcount << " kwonly " << c->co_kwonlyargcount
    << " nlocals " << c->co_nlocals << " stacksize " << c->co_stacksize << " firstlineno " << c->co_firstlineno << "\n";
  Ref<> varnames = steal(attr(co, "co_varnames"));
  Ref<> cellvars = steal(attr(co, "co_cellvars"));
  Ref<> freevars = steal(attr(co, "co_freevars"));
  Ref<> code = steal(attr(co, "co_code"));
  o << "  varnames " << (varnames ? join_names(varnames.get()) : "?") << "\n";
  o << "  cellvars " << (cellvars ? join_names(cellvars.get()) : "?") << "\n";
  o << "  freevars " << (freevars ? join_names(freevars.get()) : "?") << "\n";
  o << "  names " << join_names(c->co_names) << "\n";
  o << "  consts ";
  for (size_t i = 0; i < consts.size(); i++) o << (i ? " | " : "") << consts[i];
  o << "\n";
  o << "  code " << (code ? hex(code.get()) : "?") << "\n";
  o << "  exctable " << hex(c->co_exceptiontable) << "\n";
  o << "  linetable " << hex(c->co_linetable) << "\n";
  out += o.str();
  for (ssize i = 0; i < tuple_size(c->co_consts); i++) {
    Object* k = tuple_get(c->co_consts, i);
    if (code_check(k)) dump(k, out);
  }
}

std::string read_file(const std::filesystem::path& p) {
  std::ifstream f(p, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

// Compiles `src` with pyxx and compares the dump with `expected` (the
// reference's tools/bytecode_dump.py output); records the first difference.
bool parity_matches(const std::string& name, const std::string& src, const std::string& expected,
                    std::string& mismatches) {
  pyxx::Ref<> fname = pyxx::steal(pyxx::str_from(name));
  pyxx::Ref<> co = pyxx::steal(pyxx::compile_source(src, fname.get(), pyxx::ParseMode::File, 0, 0));
  std::string got;
  if (!co) {
    pyxx::Ref<> exc = pyxx::steal(pyxx::err_get_raised());
    pyxx::Ref<> r = exc ? pyxx::steal(pyxx::object_repr(exc.get())) : nullptr;
    got = "compile failed: " + (r ? sv(r.get()) : std::string("?")) + "\n";
  } else {
    dump(co.get(), got);
  }
  if (const char* outdir = std::getenv("PYXX_PARITY_OUT")) {
    std::ofstream(std::filesystem::path(outdir) / (std::filesystem::path(name).stem().string() + ".txt")) << got;
  }
  if (got == expected) return true;
  std::istringstream a(expected), b(got);
  std::string la, lb, ctx;
  int line = 0;
  while (true) {
    bool ha = bool(std::getline(a, la)), hb = bool(std::getline(b, lb));
    line++;
    if (la.rfind("code ", 0) == 0) ctx = la;
    if (!ha && !hb) break;
    if (!ha || !hb || la != lb) {
      mismatches += name + " [" + ctx + "] line " + std::to_string(line) + "\n  expected: " + la + "\n  got:      " + lb + "\n";
      break;
    }
  }
  return false;
}

// The project's own cases, with dumps recorded from the reference.
TEST(Compiler, BytecodeParity) {
  pyxx::runtime_initialize_for_tests();
  std::filesystem::path dir = std::filesystem::path(PYXX_SOURCE_DIR) / "tests/parity/bytecode";
  std::vector<std::filesystem::path> cases;
  for (auto& e : std::filesystem::directory_iterator(dir / "cases"))
    if (e.path().extension() == ".py") cases.push_back(e.path());
  std::sort(cases.begin(), cases.end());
  int matched = 0;
  std::string mismatches;
  for (auto& p : cases) {
    std::string expected = read_file(dir / "expected" / (p.stem().string() + ".txt"));
    if (parity_matches(p.filename().string(), read_file(p), expected, mismatches)) matched++;
  }
  std::printf("bytecode parity: %d/%zu cases match\n", matched, cases.size());
  EXPECT_EQ(size_t(matched), cases.size()) << mismatches;
}

// Modules of the fetched CPython Lib (never copied into the repository):
// the reference dumps them at test time and pyxx must produce the same.
TEST(Compiler, StdlibBytecodeParity) {
  pyxx::runtime_initialize_for_tests();
  std::filesystem::path root(PYXX_SOURCE_DIR);
  std::filesystem::path lib = root / "deps/cpython/root/usr/lib/python3.14";
  if (!std::filesystem::exists(lib)) GTEST_SKIP() << "the CPython reference is not fetched (make deps)";
  std::ifstream list(root / "tests/parity/bytecode/stdlib_modules.txt");
  std::string module;
  int matched = 0, total = 0;
  std::string mismatches;
  std::filesystem::path tmp = std::filesystem::temp_directory_path() / ("pyxx_parity_" + std::to_string(::getpid()) + ".txt");
  while (std::getline(list, module)) {
    if (module.empty() || module[0] == '#') continue;
    std::filesystem::path src = lib / (module + ".py");
    if (!std::filesystem::exists(src)) src = lib / module / "__init__.py";
    std::string cmd = "'" + (root / "tools/cpython").string() + "' '" + (root / "tools/bytecode_dump.py").string() +
                      "' '" + src.string() + "' '" + tmp.string() + "'";
    ASSERT_EQ(std::system(cmd.c_str()), 0) << cmd;
    ++total;
    if (parity_matches(module + ".py", read_file(src), read_file(tmp), mismatches)) matched++;
  }
  std::filesystem::remove(tmp);
  std::printf("stdlib bytecode parity: %d/%d modules match\n", matched, total);
  EXPECT_EQ(matched, total) << mismatches;
}

}  // namespace

namespace {

std::string compile_error(const char* src) {
  pyxx::runtime_initialize_for_tests();
  pyxx::Ref<> fname = pyxx::steal(pyxx::str_from("<test>"));
  pyxx::Ref<> co = pyxx::steal(pyxx::compile_source(src, fname.get(), pyxx::ParseMode::File, 0, 0));
  if (co) return "";
  pyxx::Ref<> exc = pyxx::steal(pyxx::err_get_raised());
  if (!exc) return "?";
  pyxx::Ref<> s = pyxx::steal(pyxx::object_str(exc.get()));
  return std::string(pyxx::type_name(exc->type)) + ": " + (s ? sv(s.get()) : std::string("?"));
}

TEST(Compiler, SyntaxErrors) {
  EXPECT_EQ(compile_error("return 1\n"), "SyntaxError: 'return' outside function (<test>, line 1)");
  EXPECT_EQ(compile_error("break\n"), "SyntaxError: 'break' outside loop (<test>, line 1)");
  EXPECT_EQ(compile_error("continue\n"), "SyntaxError: 'continue' not properly in loop (<test>, line 1)");
  EXPECT_EQ(compile_error("yield 1\n"), "SyntaxError: 'yield' outside function (<test>, line 1)");
  EXPECT_EQ(compile_error("nonlocal x\n"), "SyntaxError: nonlocal declaration not allowed at module level (<test>, line 1)");
  EXPECT_EQ(compile_error("def f():\n    nonlocal x\n"), "SyntaxError: no binding for nonlocal 'x' found (<test>, line 2)");
  EXPECT_EQ(compile_error("def f():\n    x = 1\n    global x\n"),
            "SyntaxError: name 'x' is assigned to before global declaration (<test>, line 3)");
  EXPECT_EQ(compile_error("def f():\n    print(x)\n    global x\n"),
            "SyntaxError: name 'x' is used prior to global declaration (<test>, line 3)");
  EXPECT_EQ(compile_error("x = 1\n"), "");
}

}  // namespace
