// Unit tests of the text area: hashing (values recorded from the reference
// with PYTHONHASHSEED=0/1/2/12345), str construction/codec, methods, repr,
// formatting, bytes.
#include <gtest/gtest.h>
#include <string>
#include "core/abstract.h"
#include "core/error.h"
#include "core/state.h"
#include "objects/bytes.h"
#include "objects/exceptions.h"
#include "objects/float.h"
#include "objects/hash.h"
#include "objects/int.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/unicode_tables.h"
#include "runtime/lifecycle.h"

using namespace pyxx;

namespace {

class TextTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { runtime_initialize_for_tests(); }
};

std::string u8(Object* s) { return std::string(str_view(s)); }

Ref<> S(const char* s) { return steal(str_from_cstr(s)); }

std::string call_str(Object* self, const char* meth, std::initializer_list<Object*> args = {}) {
  Ref<> r = steal(call_method_str(self, meth, args));
  if (!r) { err_clear(); return "<error>"; }
  Ref<> rr = steal(str_check(r.get()) ? new_ref(r.get()) : object_repr(r.get()));
  return u8(rr.get());
}

struct HashCase { uint64_t seed; Hash values[8]; };
const HashCase kHashCases[] = {
{0, {-4594863902769663758, -4594863902769663758, 0, 6047309291227476195, -1931837085843612680, -3536540696076613844, -8602798515680944651, -2643860352045292050}},
{1, {-4667308735975688587, -4667308735975688587, 0, 8133168473585362875, 9144775104124831453, 7663130467274561019, 8022469484893003659, -8353280118088029196}},
{2, {4069345407874332860, 4069345407874332860, 0, -6188212167500511484, -8359054730362575608, 8049818120432731717, 7005804954998106504, 3119525722830655113}},
{12345, {2962436275791859092, 2962436275791859092, 0, 6247654839523334371, 1498327345154479864, 4293605015213982892, -8711605171848284379, -7490953892464214292}},
};

}  // namespace

TEST_F(TextTest, HashMatchesReference) {
  Interpreter* interp = interp_get();
  uint64_t k0 = interp->siphash_k0, k1 = interp->siphash_k1;
  int64_t seed0 = interp->hash_seed;
  std::string a100(100, 'a');
  for (const HashCase& c : kHashCases) {
    init_hash_secret(interp, true, c.seed);
    // Fresh (uncached) objects each time.
    Ref<> s_abc = steal(str_from_utf8("abc", 3));
    Ref<> b_abc = steal(bytes_from("abc", 3));
    Ref<> s_e = S("\xc3\xa9");
    Ref<> s_1234 = S("\xe1\x88\xb4");
    Ref<> s_emoji = S("\xf0\x9f\x98\x80");
    Ref<> s_hw = S("hello world!!");
    Ref<> s_a100 = steal(str_from_utf8(a100.data(), 100));
    // One-character latin-1 strings are shared singletons: drop cached hashes.
    for (Object* o : {s_abc.get(), s_e.get(), s_1234.get(), s_emoji.get(), s_hw.get(), s_a100.get()}) as_str(o)->hash = -1;
    EXPECT_EQ(str_hash(s_abc.get()), c.values[0]) << c.seed;
    EXPECT_EQ(bytes_hash(b_abc.get()), c.values[1]) << c.seed;
    EXPECT_EQ(hash_bytes("", 0), c.values[2]);
    EXPECT_EQ(str_hash(s_e.get()), c.values[3]) << c.seed;
    EXPECT_EQ(str_hash(s_1234.get()), c.values[4]) << c.seed;
    EXPECT_EQ(str_hash(s_emoji.get()), c.values[5]) << c.seed;
    EXPECT_EQ(str_hash(s_hw.get()), c.values[6]) << c.seed;
    EXPECT_EQ(str_hash(s_a100.get()), c.values[7]) << c.seed;
  }
  interp->siphash_k0 = k0;
  interp->siphash_k1 = k1;
  interp->hash_seed = seed0;
}

TEST_F(TextTest, Pep393Kinds) {
  Ref<> a = S("abc");
  EXPECT_EQ(str_kind(a.get()), 1);
  EXPECT_TRUE(as_str(a.get())->ascii);
  Ref<> b = S("\xc3\xa9t\xc3\xa9");  // été
  EXPECT_EQ(str_kind(b.get()), 1);
  EXPECT_FALSE(as_str(b.get())->ascii);
  EXPECT_EQ(str_length(b.get()), 3);
  Ref<> c = S("\xe1\x88\xb4x");
  EXPECT_EQ(str_kind(c.get()), 2);
  Ref<> d = S("\xf0\x9f\x98\x80");
  EXPECT_EQ(str_kind(d.get()), 4);
  EXPECT_EQ(str_length(d.get()), 1);
  EXPECT_EQ(u8(d.get()), "\xf0\x9f\x98\x80");
  // single latin-1 chars are cached
  Ref<> x1 = steal(str_from_codepoint('x'));
  Ref<> x2 = steal(str_from_utf8("x", 1));
  EXPECT_EQ(x1.get(), x2.get());
}

TEST_F(TextTest, Utf8DecodeErrors) {
  struct { const char* data; int len; const char* msg; } cases[] = {
      {"\xff", 1, "'utf-8' codec can't decode byte 0xff in position 0: invalid start byte"},
      {"a\xe2\x82", 3, "'utf-8' codec can't decode bytes in position 1-2: unexpected end of data"},
      {"\xe2\x28\xa1", 3, "'utf-8' codec can't decode byte 0xe2 in position 0: invalid continuation byte"},
      {"\xed\xa0\x80", 3, "'utf-8' codec can't decode byte 0xed in position 0: invalid continuation byte"},
  };
  for (auto& c : cases) {
    Object* r = str_from_utf8(c.data, c.len);
    ASSERT_EQ(r, nullptr);
    ASSERT_TRUE(err_exception_matches(&exc::UnicodeDecodeError));
    Ref<> e = steal(err_get_raised());
    Ref<> s = steal(object_str(e.get()));
    ASSERT_TRUE(s);
    EXPECT_EQ(u8(s.get()), c.msg);
  }
}

TEST_F(TextTest, Repr) {
  Ref<> a = S("it's");
  EXPECT_EQ(u8(Ref<>::steal(str_repr(a.get())).get()), "\"it's\"");
  Ref<> b = S("a\tb\n\x01\x7f\xc2\x80\xc3\xa9\xe1\x88\xb4'\"");
  EXPECT_EQ(u8(Ref<>::steal(str_repr(b.get())).get()), "'a\\tb\\n\\x01\\x7f\\x80\xc3\xa9\xe1\x88\xb4\\'\"'");
  Ref<> bb = steal(bytes_from("'\"\x00\x7f\x80\t", 6));
  EXPECT_EQ(u8(Ref<>::steal(bytes_repr(bb.get())).get()), "b'\\'\"\\x00\\x7f\\x80\\t'");
}

TEST_F(TextTest, FromFormat) {
  Ref<> o = S("x\xc3\xa9");
  Ref<> s = steal(str_from_format("%d|%5s|%-4s|%.2s|%U|%R|%c|%zd|%x|%%|%T", -42, "ab", "c", "xyz", o.get(), o.get(),
                                  0x1234, ssize(7), 255u, o.get()));
  ASSERT_TRUE(s);
  EXPECT_EQ(u8(s.get()), "-42|   ab|c   |xy|x\xc3\xa9|'x\xc3\xa9'|\xe1\x88\xb4|7|ff|%|str");
}

TEST_F(TextTest, Methods) {
  Ref<> s = S("Hello World");
  EXPECT_EQ(call_str(s.get(), "upper"), "HELLO WORLD");
  EXPECT_EQ(call_str(s.get(), "lower"), "hello world");
  EXPECT_EQ(call_str(s.get(), "swapcase"), "hELLO wORLD");
  Ref<> ss = S("stra\xc3\x9f" "e");
  EXPECT_EQ(call_str(ss.get(), "upper"), "STRASSE");
  Ref<> sig = S("\xce\x9f\xce\x94\xce\x9f\xce\xa3");  // ΟΔΟΣ
  EXPECT_EQ(call_str(sig.get(), "lower"), "\xce\xbf\xce\xb4\xce\xbf\xcf\x82");  // οδος (final sigma)
  Ref<> sp = S(" a  b ");
  EXPECT_EQ(call_str(sp.get(), "split"), "['a', 'b']");
  EXPECT_EQ(call_str(sp.get(), "strip"), "a  b");
  Ref<> comma = S(",");
  Ref<> csv = S("a,b,,c");
  EXPECT_EQ(call_str(csv.get(), "split", {comma.get()}), "['a', 'b', '', 'c']");
  EXPECT_EQ(call_str(csv.get(), "rsplit", {comma.get(), Ref<>::steal(int_from_i64(1)).get()}), "['a,b,', 'c']");
  Ref<> find = S("b");
  EXPECT_EQ(call_str(csv.get(), "find", {find.get()}), "2");
  EXPECT_EQ(call_str(csv.get(), "count", {comma.get()}), "3");
  Ref<> x = S("x");
  EXPECT_EQ(call_str(csv.get(), "replace", {comma.get(), x.get()}), "axbxxc");
  Ref<> w = S("ab");
  Ref<> ten = steal(int_from_i64(6));
  Ref<> star = S("*");
  EXPECT_EQ(call_str(w.get(), "center", {ten.get(), star.get()}), "**ab**");
  Ref<> num = S("-42");
  EXPECT_EQ(call_str(num.get(), "zfill", {ten.get()}), "-00042");
  Ref<> t = S("hello wORLD's");
  EXPECT_EQ(call_str(t.get(), "title"), "Hello World'S");
  Ref<> lines = S("a\nb\r\nc\x0b" "d");
  EXPECT_EQ(call_str(lines.get(), "splitlines"), "['a', 'b', 'c', 'd']");
  Ref<> id = S("_a1");
  EXPECT_EQ(call_str(id.get(), "isidentifier"), "True");
  Ref<> dig = S("\xd9\xa3");  // ARABIC-INDIC DIGIT THREE
  EXPECT_EQ(call_str(dig.get(), "isdecimal"), "True");
  EXPECT_EQ(unicode_decimal_value(0x663), 3);
  EXPECT_TRUE(unicode_is_space(0x3000));
  EXPECT_FALSE(unicode_is_printable(0x200B));
}

TEST_F(TextTest, PercentFormat) {
  Ref<> f = S("%5.2f|%-4d|%+x|%#o|%s|%r|%c|%%");
  Ref<> a = S("\xc3\xa9");
  Ref<> args = steal(tuple_pack({Ref<>::steal(float_from_double(3.14159)).get(), Ref<>::steal(int_from_i64(7)).get(),
                                 Ref<>::steal(int_from_i64(255)).get(), Ref<>::steal(int_from_i64(8)).get(), a.get(),
                                 a.get(), Ref<>::steal(int_from_i64(65)).get()}));
  Ref<> r = steal(number_remainder(f.get(), args.get()));
  ASSERT_TRUE(r);
  EXPECT_EQ(u8(r.get()), " 3.14|7   |+ff|0o10|\xc3\xa9|'\xc3\xa9'|A|%");
}

TEST_F(TextTest, StrFormatMethod) {
  Ref<> f = S("{0}-{1!r}-{0:>4}-{{}}-{2:{3}}");
  Ref<> x = S("x");
  Ref<> r = steal(call_method_str(f.get(), "format", {x.get(), x.get(), Ref<>::steal(int_from_i64(5)).get(),
                                                        Ref<>::steal(str_from_cstr("03")).get()}));
  ASSERT_TRUE(r);
  EXPECT_EQ(u8(r.get()), "x-'x'-   x-{}-005");
}

TEST_F(TextTest, JoinConcatRepeat) {
  Ref<> sep = S(", ");
  Ref<> a = S("a");
  Ref<> b = S("\xe1\x88\xb4");
  Ref<> t = steal(tuple_pack({a.get(), b.get(), a.get()}));
  Ref<> j = steal(str_join(sep.get(), t.get()));
  EXPECT_EQ(u8(j.get()), "a, \xe1\x88\xb4, a");
  Ref<> c = steal(str_concat(a.get(), b.get()));
  EXPECT_EQ(str_kind(c.get()), 2);
  Ref<> ab = S("a\xe1\x88\xb4");
  EXPECT_TRUE(str_eq(c.get(), ab.get()));
  Ref<> rep = steal(number_multiply(a.get(), Ref<>::steal(int_from_i64(3)).get()));
  EXPECT_EQ(u8(rep.get()), "aaa");
}

TEST_F(TextTest, BytesBasics) {
  Ref<> b = steal(bytes_from("a,b", 3));
  Ref<> c = steal(bytes_from(",", 1));
  EXPECT_EQ(call_str(b.get(), "split", {c.get()}), "[b'a', b'b']");
  EXPECT_EQ(call_str(b.get(), "hex"), "612c62");
  EXPECT_EQ(call_str(b.get(), "upper"), "b'A,B'");
  EXPECT_EQ(call_str(b.get(), "decode"), "a,b");
  Ref<> raw = steal(bytes_from("\xff", 1));
  Ref<> enc = S("utf-8");
  Ref<> h = S("backslashreplace");
  EXPECT_EQ(call_str(raw.get(), "decode", {enc.get(), h.get()}), "\\xff");
  Ref<> se = S("surrogateescape");
  Ref<> dec = steal(call_method_str(raw.get(), "decode", {enc.get(), se.get()}));
  ASSERT_TRUE(dec);
  EXPECT_EQ(str_char_at(dec.get(), 0), 0xDCFFu);
  EXPECT_EQ(call_str(dec.get(), "encode", {enc.get(), se.get()}), "b'\\xff'");
}

TEST_F(TextTest, ConcatStealLeftInPlace) {
  Object* s = str_from_utf8("ab", 2);
  Ref<> x = S("cd");
  for (int i = 0; i < 100; i++) s = str_concat_steal_left(s, x.get());
  ASSERT_TRUE(s);
  EXPECT_EQ(str_length(s), 202);
  EXPECT_TRUE(as_str(s)->ascii);
  EXPECT_EQ(u8(s).substr(0, 6), "abcdcd");
  Ref<> e = S("\xc3\xa9");  // é: not ascii, falls back to a copy
  s = str_concat_steal_left(s, e.get());
  EXPECT_FALSE(as_str(s)->ascii);
  EXPECT_EQ(str_length(s), 203);
  Ref<> keep = borrow(s);  // shared: must not be modified in place
  Object* t = str_concat_steal_left(new_ref(s), x.get());
  EXPECT_EQ(str_length(keep.get()), 203);
  EXPECT_EQ(str_length(t), 205);
  decref(t);
  decref(s);
}

TEST_F(TextTest, UnicodeNames) {
  std::string n;
  ASSERT_TRUE(unicode_char_name(0xE9, &n));
  EXPECT_EQ(n, "LATIN SMALL LETTER E WITH ACUTE");
  ASSERT_TRUE(unicode_char_name(0xAC01, &n));
  EXPECT_EQ(n, "HANGUL SYLLABLE GAG");
  ASSERT_TRUE(unicode_char_name(0x4E00, &n));
  EXPECT_EQ(n, "CJK UNIFIED IDEOGRAPH-4E00");
  EXPECT_FALSE(unicode_char_name(0xE000, &n));
  uint32_t cp = 0;
  EXPECT_TRUE(unicode_lookup_name("greek small letter alpha", &cp));
  EXPECT_EQ(cp, 0x3B1u);
  EXPECT_TRUE(unicode_lookup_name("HANGUL SYLLABLE GAG", &cp));
  EXPECT_EQ(cp, 0xAC01u);
  EXPECT_TRUE(unicode_lookup_name("CJK UNIFIED IDEOGRAPH-20000", &cp));
  EXPECT_EQ(cp, 0x20000u);
  EXPECT_FALSE(unicode_lookup_name("NO SUCH CHARACTER", &cp));
}
