// Unit tests of the marshal module against bytes recorded from CPython 3.14
// (tests/parity/marshal/expected.txt, written by tools/record-marshal-parity):
// loads(reference bytes) has the reference repr and dumps it back to the
// identical bytes; malformed inputs raise the reference's exception.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/abstract.h"
#include "core/error.h"
#include "modules/marshal.h"
#include "objects/bytes.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/float.h"
#include "objects/range.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/lifecycle.h"

using namespace pyxx;

namespace {

class MarshalTest : public ::testing::Test {
 protected:
  void SetUp() override { runtime_initialize_for_tests(); }
  void TearDown() override { err_clear(); }
};

std::string unhex(const std::string& h) {
  std::string out;
  for (size_t i = 0; i + 1 < h.size(); i += 2) out.push_back(char(std::stoi(h.substr(i, 2), nullptr, 16)));
  return out;
}

std::string hex(Object* b) {
  static const char* d = "0123456789abcdef";
  std::string out;
  const unsigned char* p = reinterpret_cast<const unsigned char*>(bytes_data(b));
  for (ssize i = 0; i < bytes_size(b); i++) { out.push_back(d[p[i] >> 4]); out.push_back(d[p[i] & 15]); }
  return out;
}

std::string repr_of(Object* o) {
  Ref<> r = steal(object_repr(o));
  if (!r) { err_clear(); return "<repr failed>"; }
  return std::string(str_view(r.get()));
}

// "Type: message" of the pending exception (cleared).
std::string pending_error() {
  Ref<> e = steal(err_get_raised());
  if (!e) return "<no exception>";
  Ref<> s = steal(object_str(e.get()));
  std::string msg = s ? std::string(str_view(s.get())) : "<str failed>";
  err_clear();
  return std::string(type_name(e->type)) + ": " + msg;
}

std::vector<std::vector<std::string>> parity_lines() {
  std::ifstream f(std::string(PYXX_SOURCE_DIR) + "/tests/parity/marshal/expected.txt");
  std::vector<std::vector<std::string>> lines;
  std::string line;
  while (std::getline(f, line)) {
    std::vector<std::string> fields;
    std::stringstream ss(line);
    std::string field;
    while (std::getline(ss, field, '\t')) fields.push_back(field);
    if (line.size() && line.back() == '\t') fields.push_back("");
    lines.push_back(fields);
  }
  return lines;
}

TEST_F(MarshalTest, ParityWithReference) {
  auto lines = parity_lines();
  ASSERT_GT(lines.size(), 100u);
  int dumps_checked = 0, errors_checked = 0;
  for (const auto& f : lines) {
    if (f[0] == "dump") {
      ASSERT_EQ(f.size(), 5u);
      int version = std::stoi(f[1]);
      std::string data = unhex(f[2]);
      Ref<> obj = steal(marshal_loads(data.data(), ssize(data.size())));
      if (!obj) { ADD_FAILURE() << "loads failed for " << f[4] << ": " << pending_error(); continue; }
      if (f[3] != "-") {
        EXPECT_EQ(repr_of(obj.get()), f[3]) << f[4];
      }
      Ref<> again = steal(marshal_dumps(obj.get(), version));
      if (!again) { ADD_FAILURE() << "dumps failed for " << f[4] << ": " << pending_error(); continue; }
      EXPECT_EQ(hex(again.get()), f[2]) << f[4] << " (version " << version << ")";
      dumps_checked++;
    } else if (f[0] == "error") {
      ASSERT_GE(f.size(), 3u);
      std::string data = unhex(f[1]);
      Ref<> obj = steal(marshal_loads(data.data(), ssize(data.size())));
      if (f[2] == "None") {
        EXPECT_TRUE(obj) << f[1] << ": " << (obj ? "" : pending_error());
      } else {
        EXPECT_FALSE(obj) << f[1];
        if (!obj) {
          EXPECT_EQ(pending_error(), f[2] + ": " + (f.size() > 3 ? f[3] : "")) << f[1];
        }
      }
      errors_checked++;
    }
  }
  EXPECT_GT(dumps_checked, 90);
  EXPECT_GT(errors_checked, 50);
}

TEST_F(MarshalTest, FreshObjectsHaveNoRefFlag) {
  // A fresh list of fresh floats: nothing shared, nothing flagged.
  Ref<> l = steal(list_new(0));
  Ref<> f = steal(float_from_double(2.5));
  ASSERT_EQ(list_append(l.get(), f.get()), 0);
  f.reset();
  Ref<> b = steal(marshal_dumps(l.get(), 5));
  ASSERT_TRUE(b);
  EXPECT_EQ(hex(b.get()), "5b010000006700000000000004" "40");
}

TEST_F(MarshalTest, SharedObjectBecomesReference) {
  Ref<> f = steal(float_from_double(2.5));
  Ref<> t = steal(tuple_pack({f.get(), f.get()}));
  f.reset();
  Ref<> b = steal(marshal_dumps(t.get(), 5));
  ASSERT_TRUE(b);
  // (x, x): the float gets FLAG_REF, the second occurrence is TYPE_REF 0.
  EXPECT_EQ(hex(b.get()), "2902e7000000000000044072" "00000000");
  Ref<> v2 = steal(marshal_dumps(t.get(), 2));  // no references before version 3
  EXPECT_EQ(hex(v2.get()), "28020000006700000000000004406700000000000004" "40");
}

TEST_F(MarshalTest, SelfReferentialListRoundTrips) {
  Ref<> l = steal(list_new(0));
  ASSERT_EQ(list_append(l.get(), l.get()), 0);
  Ref<> b = steal(marshal_dumps(l.get(), 5));
  ASSERT_TRUE(b);
  EXPECT_EQ(hex(b.get()), "db010000007200000000");
  Ref<> back = steal(marshal_loads(bytes_data(b.get()), bytes_size(b.get())));
  ASSERT_TRUE(back);
  EXPECT_EQ(list_get(back.get(), 0), back.get());
  // Break the cycles so nothing leaks.
  Object* none = None;
  set_ref(list_items(back.get())[0], new_ref(none));
  set_ref(list_items(l.get())[0], new_ref(none));
}

TEST_F(MarshalTest, TooDeeplyNested) {
  Ref<> inner = steal(list_new(0));
  for (int i = 0; i < 2100; i++) {
    Ref<> outer = steal(list_new(0));
    ASSERT_EQ(list_append(outer.get(), inner.get()), 0);
    inner = outer;
  }
  EXPECT_FALSE(marshal_dumps(inner.get(), 5));
  EXPECT_EQ(pending_error(), "ValueError: object too deeply nested to marshal");
  std::string deep;
  for (int i = 0; i < 3000; i++) deep += std::string("[\x01\x00\x00\x00", 5);
  deep += "N";
  EXPECT_FALSE(marshal_loads(deep.data(), ssize(deep.size())));
  EXPECT_EQ(pending_error(), "ValueError: recursion limit exceeded");
}

TEST_F(MarshalTest, UnmarshallableAndDisallowedCode) {
  EXPECT_FALSE(marshal_dumps(reinterpret_cast<Object*>(&IntType), 5));
  EXPECT_EQ(pending_error(), "ValueError: unmarshallable object");
  Ref<> one = steal(int_from_i64(1));
  Ref<> s = steal(slice_new(one.get(), nullptr, nullptr));
  EXPECT_FALSE(marshal_dumps(s.get(), 4));  // slices need version 5
  EXPECT_EQ(pending_error(), "ValueError: unmarshallable object");
  Ref<> ok = steal(marshal_dumps(s.get(), 5));
  ASSERT_TRUE(ok);
  EXPECT_EQ(hex(ok.get()), "3ae9010000004e4e");
  // A code object from the reference's dump of compile('x = 1', 'f.py', 'exec').
  for (const auto& f : parity_lines()) {
    if (f[0] != "dump" || f[4].rfind("compile('x = 1'", 0) != 0) continue;
    std::string data = unhex(f[2]);
    EXPECT_FALSE(marshal_loads_ex(data.data(), ssize(data.size()), false, nullptr));
    EXPECT_EQ(pending_error(), "ValueError: unmarshalling code objects is disallowed");
    Ref<> code = steal(marshal_loads(data.data(), ssize(data.size())));
    ASSERT_TRUE(code);
    EXPECT_FALSE(marshal_dumps_ex(code.get(), 5, false));
    EXPECT_EQ(pending_error(), "ValueError: marshalling code objects is disallowed");
    return;
  }
  ADD_FAILURE() << "code case missing from expected.txt";
}

}  // namespace
