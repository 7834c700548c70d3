// Unit tests of the containers area: tuple/list/dict/set/range/slice and the
// iterator types, with expected values taken from CPython 3.14.
#include <gtest/gtest.h>
#include <string>
#include "core/abstract.h"
#include "core/error.h"
#include "objects/builtin_iters.h"
#include "objects/dict.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/range.h"
#include "objects/set.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/lifecycle.h"

using namespace pyxx;

namespace {

class ContainersTest : public ::testing::Test {
 protected:
  void SetUp() override { runtime_initialize_for_tests(); }
  void TearDown() override { err_clear(); }
};

std::string repr_of(Object* o) {
  Ref<> r = steal(object_repr(o));
  if (!r) { err_clear(); return "<error>"; }
  return std::string(str_view(r.get()));
}

Ref<> I(int64_t v) { return steal(int_from_i64(v)); }

Ref<> int_list(std::initializer_list<int64_t> vals) {
  Ref<> l = steal(list_new(0));
  for (int64_t v : vals) {
    Ref<> i = I(v);
    EXPECT_EQ(list_append(l.get(), i.get()), 0);
  }
  return l;
}

std::string pending_message() {
  Ref<> e = steal(err_get_raised());
  if (!e) return "<none>";
  Ref<> s = steal(object_str(e.get()));
  return std::string(e->type->tp_name) + ": " + std::string(str_view(s.get()));
}

}  // namespace

TEST_F(ContainersTest, TupleBasics) {
  Ref<> a = I(1), b = I(2), c = I(3);
  Ref<> t = steal(tuple_pack({a.get(), b.get(), c.get()}));
  EXPECT_EQ(repr_of(t.get()), "(1, 2, 3)");
  EXPECT_EQ(object_hash(t.get()), 529344067295497451);  // hash((1, 2, 3))
  Ref<> one = steal(tuple_pack({a.get()}));
  EXPECT_EQ(repr_of(one.get()), "(1,)");
  Ref<> e1 = steal(tuple_new(0));
  Ref<> e2 = steal(tuple_new(0));
  EXPECT_EQ(e1.get(), e2.get());
  EXPECT_EQ(repr_of(e1.get()), "()");
  Ref<> idx = I(5);
  EXPECT_EQ(object_getitem(t.get(), idx.get()), nullptr);
  EXPECT_EQ(pending_message(), "IndexError: tuple index out of range");
}

TEST_F(ContainersTest, ListGrowthMatchesCPython) {
  // Sizes of [].append x n as reported by CPython's list.__sizeof__.
  const int expected[] = {40, 72, 72, 72, 72, 104, 104, 104, 104, 168, 168, 168};
  Ref<> l = steal(list_new(0));
  for (int n = 0; n < 12; ++n) {
    Ref<> sz = steal(call_method_str(l.get(), "__sizeof__"));
    ASSERT_TRUE(sz);
    EXPECT_EQ(int_as_i64(sz.get()), expected[n]) << "n=" << n;
    Ref<> i = I(n);
    ASSERT_EQ(list_append(l.get(), i.get()), 0);
  }
}

TEST_F(ContainersTest, ListSortAndSlices) {
  Ref<> l = int_list({5, 3, 9, 1, 3, 7});
  ASSERT_EQ(list_sort(l.get()), 0);
  EXPECT_EQ(repr_of(l.get()), "[1, 3, 3, 5, 7, 9]");
  Ref<> s = steal(slice_new(nullptr, nullptr, I(-2).get()));
  Ref<> r = steal(object_getitem(l.get(), s.get()));
  EXPECT_EQ(repr_of(r.get()), "[9, 5, 3]");
  Ref<> v = int_list({1, 2});
  EXPECT_EQ(object_setitem(l.get(), s.get(), v.get()), -1);
  EXPECT_EQ(pending_message(), "ValueError: attempt to assign sequence of size 2 to extended slice of size 3");
  ASSERT_EQ(list_reverse(l.get()), 0);
  EXPECT_EQ(repr_of(l.get()), "[9, 7, 5, 3, 3, 1]");
  // Recursive repr.
  ASSERT_EQ(list_append(l.get(), l.get()), 0);
  EXPECT_EQ(repr_of(l.get()), "[9, 7, 5, 3, 3, 1, [...]]");
  Ref<> popped = steal(call_method_str(l.get(), "pop"));
  EXPECT_EQ(popped.get(), l.get());
}

TEST_F(ContainersTest, DictBasicsAndOrder) {
  Ref<> d = steal(dict_new());
  for (int i = 0; i < 100; ++i) {
    Ref<> k = steal(str_from_format("k%d", i));
    Ref<> v = I(i);
    ASSERT_EQ(dict_setitem(d.get(), k.get(), v.get()), 0);
  }
  EXPECT_EQ(dict_size(d.get()), 100);
  for (int i = 0; i < 100; i += 2) {
    Ref<> k = steal(str_from_format("k%d", i));
    ASSERT_EQ(dict_delitem(d.get(), k.get()), 0);
  }
  ssize pos = 0;
  Object *key, *value;
  int expect = 1;
  while (dict_next(d.get(), &pos, &key, &value)) {
    EXPECT_EQ(int_as_i64(value), expect);
    expect += 2;
  }
  EXPECT_EQ(expect, 101);
  Ref<> missing = steal(str_from_cstr("nope"));
  EXPECT_EQ(dict_getitem(d.get(), missing.get()), nullptr);
  EXPECT_EQ(err_occurred(), nullptr);
  EXPECT_EQ(object_getitem(d.get(), missing.get()), nullptr);
  EXPECT_EQ(pending_message(), "KeyError: 'nope'");
  uint64_t v0 = dict_version(d.get());
  ASSERT_EQ(dict_setitem(d.get(), missing.get(), None), 0);
  EXPECT_NE(dict_version(d.get()), v0);
  Ref<> small = steal(dict_new());
  Ref<> one = I(1), two = I(2);
  ASSERT_EQ(dict_setitem(small.get(), one.get(), two.get()), 0);
  EXPECT_EQ(repr_of(small.get()), "{1: 2}");
  Ref<> keys = steal(call_method_str(small.get(), "keys"));
  EXPECT_EQ(repr_of(keys.get()), "dict_keys([1])");
  Ref<> items = steal(call_method_str(small.get(), "items"));
  EXPECT_EQ(repr_of(items.get()), "dict_items([(1, 2)])");
  Ref<> sz = steal(call_method_str(small.get(), "__sizeof__"));
  EXPECT_EQ(int_as_i64(sz.get()), 208);
  Ref<> empty = steal(dict_new());
  Ref<> popitem = steal(call_method_str(empty.get(), "popitem"));
  EXPECT_FALSE(popitem);
  EXPECT_EQ(pending_message(), "KeyError: 'popitem(): dictionary is empty'");
}

TEST_F(ContainersTest, SetOrderAndHash) {
  Ref<> s = steal(set_new(nullptr));
  for (int i = 0; i < 20; ++i) {
    Ref<> v = I(i * 7);
    ASSERT_EQ(set_add(s.get(), v.get()), 0);
  }
  Ref<> l = steal(sequence_list(s.get()));
  EXPECT_EQ(repr_of(l.get()), "[0, 133, 7, 14, 21, 28, 35, 42, 49, 56, 63, 70, 77, 84, 91, 98, 105, 112, 119, 126]");
  Ref<> t = int_list({1, 2, 3});
  Ref<> fs = steal(frozenset_new(t.get()));
  EXPECT_EQ(object_hash(fs.get()), -272375401224217160);
  EXPECT_EQ(repr_of(fs.get()), "frozenset({1, 2, 3})");
  Ref<> es = steal(set_new(nullptr));
  EXPECT_EQ(repr_of(es.get()), "set()");
  Ref<> p = steal(call_method_str(es.get(), "pop"));
  EXPECT_FALSE(p);
  EXPECT_EQ(pending_message(), "KeyError: 'pop from an empty set'");
}

TEST_F(ContainersTest, RangeAndSlice) {
  Ref<> r = steal(range_new(I(0).get(), I(10).get(), I(3).get()));
  EXPECT_EQ(repr_of(r.get()), "range(0, 10, 3)");
  EXPECT_EQ(object_length(r.get()), 4);
  EXPECT_EQ(object_hash(r.get()), object_hash(r.get()));
  Ref<> nine = I(9);
  EXPECT_EQ(sequence_contains(r.get(), nine.get()), 1);
  Ref<> l = steal(sequence_list(r.get()));
  EXPECT_EQ(repr_of(l.get()), "[0, 3, 6, 9]");
  Ref<> r5 = steal(range_new(I(0).get(), I(5).get(), nullptr));
  EXPECT_EQ(object_hash(r5.get()), 5795932985296280846);  // hash(range(5))
  Ref<> sl = steal(slice_new(I(1).get(), I(2).get(), nullptr));
  EXPECT_EQ(object_hash(sl.get()), -2178470213028018262);  // hash(slice(1, 2))
  EXPECT_EQ(repr_of(sl.get()), "slice(1, 2, None)");
}

TEST_F(ContainersTest, ZipStrict) {
  Ref<> a = int_list({1});
  Ref<> b = int_list({1, 2});
  Ref<> kwn = steal(tuple_pack({Ref<>(steal(str_from_cstr("strict"))).get()}));
  Object* args[] = {a.get(), b.get(), True};
  Ref<> z = steal(vectorcall(reinterpret_cast<Object*>(&ZipType), args, 2, kwn.get()));
  ASSERT_TRUE(z);
  Ref<> l = steal(sequence_list(z.get()));
  EXPECT_FALSE(l);
  EXPECT_EQ(pending_message(), "ValueError: zip() argument 2 is longer than argument 1");
}

TEST_F(ContainersTest, DeepNestingDeallocDoesNotOverflow) {
  // The trashcan turns the recursive deallocation into a loop.
  Object* l = list_new(0);
  for (int i = 0; i < 200000; ++i) {
    Object* outer = list_new(0);
    ASSERT_EQ(list_append_steal(outer, l), 0);
    l = outer;
  }
  decref(l);
  Object* t = tuple_new(0);
  for (int i = 0; i < 200000; ++i) {
    Object* outer = tuple_new(1);
    tuple_init_item(outer, 0, t);
    t = outer;
  }
  decref(t);
  SUCCEED();
}
