// Unit tests of int, bool, float, complex, the format-spec mini-language and
// the exception classes. Expected values come from the reference interpreter
// (the *.inc tables are generated with tools/cpython, see their first line).
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <cctype>

#include "core/abstract.h"
#include "core/error.h"
#include "core/state.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/complex.h"
#include "objects/exceptions.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/lifecycle.h"

using namespace pyxx;

namespace {

class NumbersTest : public ::testing::Test {
 protected:
  void SetUp() override { runtime_initialize_for_tests(); }
  void TearDown() override { err_clear(); }
};

std::string text(Object* o) {
  if (!o) return "<null>";
  return std::string(str_view(o));
}
std::string repr(Object* o) {
  Ref<> r = steal(object_repr(o));
  return r ? text(r.get()) : "<repr failed>";
}
std::string str(Object* o) {
  Ref<> r = steal(object_str(o));
  return r ? text(r.get()) : "<str failed>";
}
// "TypeName: message" of the pending exception (cleared).
std::string pending_error() {
  Ref<> e = steal(err_get_raised());
  if (!e) return "<no error>";
  return std::string(type_name(e->type)) + ": " + str(e.get());
}

Ref<> operand(const std::string& s) {
  auto p = s.find("**");
  if (p != std::string::npos) {
    Ref<> a = steal(int_from_string(s.substr(0, p), 10));
    Ref<> b = steal(int_from_string(s.substr(p + 2), 10));
    return steal(number_power(a.get(), b.get(), None));
  }
  if (s == "nan" || s == "inf" || s.find_first_of(".e") != std::string::npos) return steal(float_from_string(s));
  return steal(int_from_string(s, 10));
}

struct BinCase { const char* a; const char* b; int op; const char* expected; const char* error; };
const BinCase kBinCases[] = {
#include "numbers_binop_cases.inc"
};


// A tiny evaluator for the operand expressions of numbers_call_cases.inc:
// int/float/imaginary/str/bytes literals, None/True/False, type names, calls,
// unary -, binary + - * ** with Python precedence, tuples and lists.
class MiniEval {
 public:
  explicit MiniEval(const std::string& s) : s_(s) {}
  Ref<> parse() {
    Ref<> r = expr();
    skip();
    if (r && p_ != s_.size()) { err_set_string(&exc::SystemError, ("trailing text in " + s_).c_str()); return nullptr; }
    return r;
  }
 private:
  const std::string& s_;
  size_t p_ = 0;
  void skip() { while (p_ < s_.size() && s_[p_] == ' ') ++p_; }
  bool eat(char c) { skip(); if (p_ < s_.size() && s_[p_] == c) { ++p_; return true; } return false; }
  Ref<> expr() {
    Ref<> l = term();
    while (l) {
      skip();
      if (p_ < s_.size() && (s_[p_] == '+' || s_[p_] == '-')) {
        char op = s_[p_++];
        Ref<> r = term();
        if (!r) return nullptr;
        l = steal(op == '+' ? number_add(l.get(), r.get()) : number_subtract(l.get(), r.get()));
      } else break;
    }
    return l;
  }
  Ref<> term() {
    Ref<> l = unary();
    while (l) {
      skip();
      if (p_ + 1 < s_.size() && s_[p_] == '*' && s_[p_ + 1] != '*') {
        ++p_;
        Ref<> r = unary();
        if (!r) return nullptr;
        l = steal(number_multiply(l.get(), r.get()));
      } else break;
    }
    return l;
  }
  Ref<> unary() {
    if (eat('-')) { Ref<> v = unary(); return v ? steal(number_negative(v.get())) : nullptr; }
    return power();
  }
  Ref<> power() {
    Ref<> b = atom();
    skip();
    if (b && s_.compare(p_, 2, "**") == 0) {
      p_ += 2;
      Ref<> e = unary();
      if (!e) return nullptr;
      return steal(number_power(b.get(), e.get(), None));
    }
    return b;
  }
  Ref<> call_args(Object* f) {
    Ref<> args = steal(list_new(0));
    Ref<> kw = steal(dict_new());
    while (!eat(')')) {
      skip();
      size_t q = p_;
      while (q < s_.size() && (isalnum((unsigned char)s_[q]) || s_[q] == '_')) ++q;
      std::string key;
      if (q > p_ && q < s_.size() && s_[q] == '=' && !isdigit((unsigned char)s_[p_])) { key = s_.substr(p_, q - p_); p_ = q + 1; }
      Ref<> a = expr();
      if (!a) return nullptr;
      if (!key.empty()) { if (dict_setitem_str(kw.get(), key.c_str(), a.get()) < 0) return nullptr; }
      else if (list_append(args.get(), a.get()) < 0) return nullptr;
      eat(',');
    }
    Ref<> t = steal(list_as_tuple(args.get()));
    return steal(object_call(f, t.get(), dict_size(kw.get()) ? kw.get() : nullptr));
  }
  Ref<> atom() {
    skip();
    if (p_ >= s_.size()) return nullptr;
    char c = s_[p_];
    if (c == '(' || c == '[') {
      ++p_;
      char close = c == '(' ? ')' : ']';
      Ref<> items = steal(list_new(0));
      bool comma = false;
      while (true) {
        skip();
        if (p_ < s_.size() && s_[p_] == close) { ++p_; break; }
        Ref<> v = expr();
        if (!v || list_append(items.get(), v.get()) < 0) return nullptr;
        if (eat(',')) comma = true;
      }
      if (c == '[') return items;
      if (!comma && list_size(items.get()) == 1) return borrow(list_get(items.get(), 0));
      return steal(list_as_tuple(items.get()));
    }
    if (c == '"' || (c == 'b' && p_ + 1 < s_.size() && s_[p_ + 1] == '"')) {
      bool is_bytes = c == 'b';
      p_ += is_bytes ? 2 : 1;
      std::u32string cps;
      while (p_ < s_.size() && s_[p_] != '"') {
        if (s_[p_] == '\\') {
          char k = s_[p_ + 1];
          int n = k == 'x' ? 2 : k == 'u' ? 4 : k == 'U' ? 8 : 0;
          if (n) { cps.push_back(char32_t(std::stoul(s_.substr(p_ + 2, n), nullptr, 16))); p_ += 2 + n; }
          else { cps.push_back(char32_t(k)); p_ += 2; }
        } else {
          cps.push_back(char32_t((unsigned char)s_[p_++]));
        }
      }
      ++p_;
      if (is_bytes) { std::string b; for (char32_t x : cps) b.push_back(char(x)); return steal(bytes_from(b.data(), ssize(b.size()))); }
      return steal(str_from_ucs4(reinterpret_cast<const uint32_t*>(cps.data()), ssize(cps.size())));
    }
    if (isdigit((unsigned char)c) || c == '.') {
      size_t st = p_;
      while (p_ < s_.size() && (isalnum((unsigned char)s_[p_]) || s_[p_] == '.' || s_[p_] == '_' ||
                                ((s_[p_] == '-' || s_[p_] == '+') && (s_[p_ - 1] == 'e'))))
        ++p_;
      std::string lit = s_.substr(st, p_ - st);
      if (lit.back() == 'j') {
        Ref<> f = steal(float_from_string(lit.substr(0, lit.size() - 1)));
        return f ? steal(complex_from_doubles(0.0, float_value(f.get()))) : nullptr;
      }
      if (lit.find_first_of(".e") != std::string::npos) return steal(float_from_string(lit));
      return steal(int_from_string(lit, 10));
    }
    size_t st = p_;
    while (p_ < s_.size() && (isalnum((unsigned char)s_[p_]) || s_[p_] == '_')) ++p_;
    std::string name = s_.substr(st, p_ - st);
    Object* obj = nullptr;
    if (name == "None") obj = None;
    else if (name == "True") obj = True;
    else if (name == "False") obj = False;
    else if (name == "int") obj = &IntType;
    else if (name == "bool") obj = &BoolType;
    else if (name == "float") obj = &FloatType;
    else if (name == "complex") obj = &ComplexType;
    else if (name == "ExceptionGroup") obj = &exc::ExceptionGroup;
#define PYXX_NAME_EXC(Name, Base, Struct) else if (name == #Name) obj = &exc::Name;
    PYXX_EXCEPTION_TYPES(PYXX_NAME_EXC)
#undef PYXX_NAME_EXC
    if (!obj) { err_set_string(&exc::SystemError, ("unknown name " + name).c_str()); return nullptr; }
    if (eat('(')) return call_args(obj);
    return borrow(obj);
  }
};

Ref<> eval_expr(const std::string& s) { return MiniEval(s).parse(); }

struct CallCase { const char* recv; const char* method; bool getattr; std::initializer_list<const char*> args; const char* expected; };

struct FmtCase { Object* value; const char* spec; const char* expected; const char* error; };

}  // namespace

TEST_F(NumbersTest, SmallIntsAreCachedAndImmortal) {
  Object* a = int_from_i64(256);
  Object* b = int_from_i64(256);
  EXPECT_EQ(a, b);
  EXPECT_TRUE(is_immortal(a));
  EXPECT_EQ(int_from_i64(-5), int_from_i64(-5));
  Ref<> c = steal(int_from_i64(257));
  EXPECT_FALSE(is_immortal(c.get()));
}

TEST_F(NumbersTest, BinaryOperatorsMatchReference) {
  int failures = 0;
  for (const auto& c : kBinCases) {
    Ref<> a = operand(c.a), b = operand(c.b);
    ASSERT_TRUE(a && b) << c.a << " " << c.b << " " << pending_error();
    Ref<> r = steal(number_binary_op(a.get(), b.get(), c.op));
    std::string got;
    if (!r) got = pending_error();
    else if (c.expected && std::string(c.expected).rfind("hash:", 0) == 0)
      got = "hash:" + std::to_string(object_hash(r.get()));
    else got = repr(r.get());
    std::string want = c.expected ? c.expected : c.error;
    if (got != want && ++failures < 40)
      ADD_FAILURE() << c.a << " op" << c.op << " " << c.b << ": got " << got << " want " << want;
  }
  EXPECT_EQ(failures, 0);
}

TEST_F(NumbersTest, FormatMatchesReference) {
  const FmtCase cases[] = {
#include "numbers_format_cases.inc"
  };
  int failures = 0;
  for (const auto& c : cases) {
    Ref<> v = steal(c.value);
    Ref<> spec = steal(str_from_cstr(c.spec));
    Ref<> r = steal(object_format(v.get(), spec.get()));
    std::string got = r ? text(r.get()) : pending_error();
    std::string want = c.expected ? c.expected : c.error;
    if (got != want && ++failures < 40)
      ADD_FAILURE() << repr(v.get()) << " '" << c.spec << "': got '" << got << "' want '" << want << "'";
  }
  EXPECT_EQ(failures, 0);
}

TEST_F(NumbersTest, FloatRepr) {
  const std::pair<double, const char*> cases[] = {
      {1e16, "1e+16"}, {1e15, "1000000000000000.0"}, {1e-5, "1e-05"}, {1e-4, "0.0001"},
      {1.5e300, "1.5e+300"}, {100.0, "100.0"}, {HUGE_VAL, "inf"}, {-HUGE_VAL, "-inf"},
      {-0.0, "-0.0"}, {0.1, "0.1"}, {1.0 / 3, "0.3333333333333333"}, {5e-324, "5e-324"},
      {123456789012345678.0, "1.2345678901234568e+17"}, {2.5, "2.5"}, {-1.75e-7, "-1.75e-07"}};
  for (auto& [v, want] : cases) EXPECT_EQ(float_repr_string(v), want);
  EXPECT_EQ(float_repr_string(NAN), "nan");
}

TEST_F(NumbersTest, FloatParsing) {
  const std::pair<const char*, const char*> ok[] = {
      {" 1.5 ", "1.5"}, {"1_000.000_1", "1000.0001"}, {"-inf", "-inf"}, {"InFiNiTy", "inf"},
      {"nan", "nan"}, {"+.5", "0.5"}, {"5.", "5.0"}, {"1e500", "inf"}, {"1E-500", "0.0"}, {"-0", "-0.0"}};
  for (auto& [s, want] : ok) {
    Ref<> f = steal(float_from_string(s));
    ASSERT_TRUE(f) << s << pending_error();
    EXPECT_EQ(repr(f.get()), want) << s;
  }
  for (const char* bad : {"x", "1__0", "_1", "1_", "1e", ".", "", "0x10", "1.5j", "nan(1)"}) {
    Ref<> f = steal(float_from_string(bad));
    EXPECT_FALSE(f) << bad;
    EXPECT_EQ(pending_error(), std::string("ValueError: could not convert string to float: '") + bad + "'");
  }
}

TEST_F(NumbersTest, IntParsing) {
  const std::tuple<const char*, int, const char*> ok[] = {
      {"  -0x_1f  ", 0, "-31"}, {"0b101", 0, "5"}, {"0o17", 8, "15"}, {"1_000", 10, "1000"},
      {"000", 0, "0"}, {"z", 36, "35"}, {"123456789012345678901234567890", 10, "123456789012345678901234567890"},
      {"-9223372036854775808", 10, "-9223372036854775808"}, {"ff", 16, "255"}, {"0x_f", 16, "15"}};
  for (auto& [s, base, want] : ok) {
    Ref<> i = steal(int_from_string(s, base));
    ASSERT_TRUE(i) << s << pending_error();
    EXPECT_EQ(repr(i.get()), want) << s;
  }
  const std::tuple<const char*, int, const char*> bad[] = {
      {"010", 0, "ValueError: invalid literal for int() with base 0: '010'"},
      {"1_", 10, "ValueError: invalid literal for int() with base 10: '1_'"},
      {"1__0", 10, "ValueError: invalid literal for int() with base 10: '1__0'"},
      {"_1", 10, "ValueError: invalid literal for int() with base 10: '_1'"},
      {"x", 10, "ValueError: invalid literal for int() with base 10: 'x'"},
      {"12", 1, "ValueError: int() base must be >= 2 and <= 36, or 0"},
      {"", 10, "ValueError: invalid literal for int() with base 10: ''"}};
  for (auto& [s, base, want] : bad) {
    Ref<> i = steal(int_from_string(s, base));
    EXPECT_FALSE(i) << s;
    EXPECT_EQ(pending_error(), want);
  }
  std::string big(5000, '1');
  EXPECT_FALSE(Ref<>(steal(int_from_string(big, 10))));
  EXPECT_EQ(pending_error(),
            "ValueError: Exceeds the limit (4300 digits) for integer string conversion: value has 5000 digits; use "
            "sys.set_int_max_str_digits() to increase the limit");
  Ref<> ten = steal(int_from_i64(10)), e = steal(int_from_i64(5000));
  Ref<> p = steal(number_power(ten.get(), e.get(), None));
  ASSERT_TRUE(p);
  EXPECT_FALSE(Ref<>(steal(object_str(p.get()))));
  EXPECT_EQ(pending_error(),
            "ValueError: Exceeds the limit (4300 digits) for integer string conversion; use "
            "sys.set_int_max_str_digits() to increase the limit");
}

TEST_F(NumbersTest, Hashes) {
  auto h = [](const char* s) { Ref<> o = operand(s); return object_hash(o.get()); };
  EXPECT_EQ(h("-1"), -2);
  EXPECT_EQ(h("2**61"), 1);
  EXPECT_EQ(h("-9223372036854775808"), -4);
  EXPECT_EQ(h("1.5"), 1152921504606846977);
  EXPECT_EQ(h("2.0"), 2);
  EXPECT_EQ(h("inf"), 314159);
  EXPECT_EQ(h("1e300"), 1224995262755759164);
  EXPECT_EQ(float_hash_value(-2.5e-8), -789396629831109982);
  EXPECT_EQ(h("0.1"), 230584300921369408);
  Ref<> c2 = steal(complex_from_doubles(-1.5, 3.0));
  EXPECT_EQ(object_hash(c2.get()), -1152921504603846968);
  Ref<> c = steal(complex_from_doubles(1.0, 2.0));
  EXPECT_EQ(object_hash(c.get()), 2000007);  // hash(1+2j)
}

TEST_F(NumbersTest, ComplexRepr) {
  const std::tuple<double, double, const char*> cases[] = {
      {1, 2, "(1+2j)"}, {0, 2, "2j"}, {-0.0, -1, "(-0-1j)"}, {1.5, -0.0, "(1.5-0j)"}, {0, 0, "0j"},
      {HUGE_VAL, NAN, "(inf+nanj)"}, {1e16, 1e-5, "(1e+16+1e-05j)"}};
  for (auto& [re, im, want] : cases) {
    Ref<> c = steal(complex_from_doubles(re, im));
    EXPECT_EQ(repr(c.get()), want);
  }
}

TEST_F(NumbersTest, BoolBehaviour) {
  EXPECT_EQ(repr(True), "True");
  EXPECT_EQ(repr(False), "False");
  Ref<> r = steal(number_and(True, False));
  EXPECT_EQ(r.get(), False);
  Ref<> one = steal(int_from_i64(1));
  Ref<> s = steal(number_and(True, one.get()));
  EXPECT_EQ(repr(s.get()), "1");
  EXPECT_TRUE(int_check(s.get()) && !bool_check(s.get()));
  Ref<> sum = steal(number_add(True, True));
  EXPECT_EQ(repr(sum.get()), "2");
}

TEST_F(NumbersTest, ExceptionsBasics) {
  auto make = [](Type* t, std::initializer_list<Object*> args) {
    Ref<> tup = steal(tuple_pack(args));
    return steal(exception_new(t, tup.get()));
  };
  Ref<> x = steal(str_from_cstr("x"));
  Ref<> k = steal(str_from_cstr("k"));
  Ref<> v = make(&exc::ValueError, {x.get()});
  ASSERT_TRUE(v) << pending_error();
  EXPECT_EQ(repr(v.get()), "ValueError('x')");
  EXPECT_EQ(str(v.get()), "x");
  Ref<> ke = make(&exc::KeyError, {k.get()});
  EXPECT_EQ(str(ke.get()), "'k'");
  Ref<> empty = make(&exc::ValueError, {});
  EXPECT_EQ(repr(empty.get()), "ValueError()");
  EXPECT_EQ(str(empty.get()), "");
  Ref<> two = make(&exc::KeyError, {k.get(), x.get()});
  EXPECT_EQ(repr(two.get()), "KeyError('k', 'x')");
  EXPECT_EQ(str(two.get()), "('k', 'x')");

  Ref<> two_i = steal(int_from_i64(2));
  Ref<> msg = steal(str_from_cstr("No such file or directory"));
  Ref<> os = make(&exc::OSError, {two_i.get(), msg.get(), x.get()});
  ASSERT_TRUE(os) << pending_error();
  EXPECT_EQ(os->type, &exc::FileNotFoundError);
  EXPECT_EQ(str(os.get()), "[Errno 2] No such file or directory: 'x'");
  EXPECT_EQ(repr(os.get()), "FileNotFoundError(2, 'No such file or directory')");

  Ref<> enc = steal(str_from_cstr("utf-8"));
  Ref<> obj = steal(bytes_from("\xff", 1));
  Ref<> zero = steal(int_from_i64(0)), one = steal(int_from_i64(1));
  Ref<> reason = steal(str_from_cstr("invalid start byte"));
  Ref<> ude = make(&exc::UnicodeDecodeError, {enc.get(), obj.get(), zero.get(), one.get(), reason.get()});
  ASSERT_TRUE(ude) << pending_error();
  EXPECT_EQ(str(ude.get()), "'utf-8' codec can't decode byte 0xff in position 0: invalid start byte");

  Ref<> se = make(&exc::StopIteration, {two_i.get()});
  Ref<> val = steal(stop_iteration_value(se.get()));
  EXPECT_EQ(repr(val.get()), "2");

  Ref<> sx = make(&exc::SystemExit, {one.get(), two_i.get()});
  Ref<> code = steal(object_getattr_str(sx.get(), "code"));
  EXPECT_EQ(repr(code.get()), "(1, 2)");
  exception_set_cause(v.get(), new_ref(ke.get()));
  Ref<> sup = steal(object_getattr_str(v.get(), "__suppress_context__"));
  EXPECT_EQ(sup.get(), True);
}

TEST_F(NumbersTest, CallsMatchReference) {
  const CallCase cases[] = {
#include "numbers_call_cases.inc"
  };
  int failures = 0;
  for (const auto& c : cases) {
    std::string got;
    Ref<> recv = eval_expr(c.recv);
    if (!recv) { got = "eval " + std::string(c.recv) + ": " + pending_error(); }
    else {
      Ref<> r;
      if (c.getattr) {
        r = steal(object_getattr_str(recv.get(), c.method));
      } else {
        Ref<> f = std::string(c.method).empty() ? recv : steal(object_getattr_str(recv.get(), c.method));
        Ref<> pos = steal(list_new(0));
        Ref<> kw = steal(dict_new());
        bool ok = bool(f);
        for (const char* a : c.args) {
          std::string as(a);
          auto eq = as.find('=');
          bool is_kw = eq != std::string::npos && as[0] != '"' && isalpha((unsigned char)as[0]) &&
                       as.find_first_of("(\"") > eq;
          Ref<> v = eval_expr(is_kw ? as.substr(eq + 1) : as);
          if (!v) { ok = false; break; }
          if (is_kw) ok = dict_setitem_str(kw.get(), as.substr(0, eq).c_str(), v.get()) == 0;
          else ok = list_append(pos.get(), v.get()) == 0;
          if (!ok) break;
        }
        if (ok && f) {
          Ref<> t = steal(list_as_tuple(pos.get()));
          r = steal(object_call(f.get(), t.get(), dict_size(kw.get()) ? kw.get() : nullptr));
        }
      }
      if (!r) got = pending_error();
      else if (exception_instance_check(r.get())) {
        Ref<> args = steal(object_getattr_str(r.get(), "args"));
        got = repr(r.get()) + "|" + str(r.get()) + "|" + (args ? repr(args.get()) : pending_error());
      } else got = repr(r.get());
    }
    if (got != c.expected && ++failures < 60)
      ADD_FAILURE() << c.recv << "." << c.method << ": got " << got << "\n    want " << c.expected;
  }
  EXPECT_EQ(failures, 0);
}

// Heap subclasses created with type(name, bases, {}) as a class statement would.
static Ref<> make_subclass(const char* name, Type* base) {
  Ref<> n = steal(str_from_cstr(name));
  Ref<> bases = steal(tuple_pack({reinterpret_cast<Object*>(base)}));
  Ref<> ns = steal(dict_new());
  Ref<> mod = steal(str_from_cstr("__main__"));
  if (dict_setitem_str(ns.get(), "__module__", mod.get()) < 0) return nullptr;
  return steal(call_args(reinterpret_cast<Object*>(&TypeType), {n.get(), bases.get(), ns.get()}));
}

TEST_F(NumbersTest, SubclassesBehaveAsCPython) {
  auto ev = [](Object* callable, const char* args) -> std::string {
    Ref<> t = eval_expr(std::string("(") + args + ",)");
    if (!t) return pending_error();
    Ref<> r = steal(object_call(callable, t.get(), nullptr));
    return r ? repr(r.get()) : pending_error();
  };
  Ref<> my_int = make_subclass("MyInt", &IntType);
  ASSERT_TRUE(my_int) << pending_error();
  EXPECT_EQ(ev(my_int.get(), "5"), "5");
  EXPECT_EQ(ev(my_int.get(), "\"12\", 8"), "10");
  Ref<> five = steal(call_args(my_int.get(), {int_from_i64(5)}));
  ASSERT_TRUE(five);
  Ref<> one = steal(int_from_i64(1));
  Ref<> sum = steal(number_add(five.get(), one.get()));
  EXPECT_EQ(sum->type, &IntType);
  Ref<> neg = steal(number_negative(five.get()));
  EXPECT_EQ(neg->type, &IntType);

  Ref<> my_float = make_subclass("MyF", &FloatType);
  ASSERT_TRUE(my_float);
  EXPECT_EQ(ev(my_float.get(), "\"1.5\""), "1.5");
  Ref<> fh = steal(call_method_str(my_float.get(), "fromhex", {eval_expr("\"0x1p1\"").get()}));
  ASSERT_TRUE(fh) << pending_error();
  EXPECT_EQ(repr(fh.get()), "2.0");
  EXPECT_EQ(fh->type, reinterpret_cast<Type*>(my_float.get()));

  Ref<> my_exc = make_subclass("MyE", &exc::ValueError);
  ASSERT_TRUE(my_exc);
  Ref<> e = steal(call_args(my_exc.get(), {eval_expr("\"x\"").get(), eval_expr("2").get()}));
  ASSERT_TRUE(e) << pending_error();
  EXPECT_EQ(repr(e.get()), "MyE('x', 2)");
  EXPECT_EQ(str(e.get()), "('x', 2)");
  Ref<> one_i = steal(int_from_i64(1));
  ASSERT_EQ(object_setattr_str(e.get(), "foo", one_i.get()), 0) << pending_error();
  Ref<> d = steal(object_getattr_str(e.get(), "__dict__"));
  EXPECT_EQ(repr(d.get()), "{'foo': 1}");
  Ref<> red = steal(call_method_str(e.get(), "__reduce__"));
  EXPECT_EQ(repr(red.get()), "(<class '__main__.MyE'>, ('x', 2), {'foo': 1})");

  Ref<> my_os = make_subclass("MyOS", &exc::OSError);
  ASSERT_TRUE(my_os);
  Ref<> o = steal(call_args(my_os.get(), {eval_expr("2").get(), eval_expr("\"x\"").get(), eval_expr("\"f\"").get()}));
  ASSERT_TRUE(o) << pending_error();
  EXPECT_EQ(repr(o.get()), "MyOS(2, 'x')");
  EXPECT_EQ(str(o.get()), "[Errno 2] x: 'f'");

  EXPECT_FALSE(make_subclass("B", &BoolType));
  EXPECT_EQ(pending_error(), "TypeError: type 'bool' is not an acceptable base type");

  Ref<> my_c = make_subclass("MyC", &ComplexType);
  ASSERT_TRUE(my_c);
  Ref<> c = steal(call_args(my_c.get(), {eval_expr("1").get(), eval_expr("2").get()}));
  ASSERT_TRUE(c) << pending_error();
  EXPECT_EQ(repr(c.get()), "(1+2j)");
  EXPECT_EQ(c->type, reinterpret_cast<Type*>(my_c.get()));

  Ref<> my_g = make_subclass("MyG", &exc::ExceptionGroup);
  ASSERT_TRUE(my_g) << pending_error();
  Ref<> g = steal(call_args(my_g.get(), {eval_expr("\"m\"").get(), eval_expr("[ValueError(1)]").get()}));
  ASSERT_TRUE(g) << pending_error();
  EXPECT_EQ(repr(g.get()), "MyG('m', [ValueError(1)])");
  Ref<> sp = steal(call_method_str(g.get(), "split", {reinterpret_cast<Object*>(&exc::ValueError)}));
  ASSERT_TRUE(sp) << pending_error();
  EXPECT_EQ(tuple_get(sp.get(), 0)->type, &exc::ExceptionGroup);
}
