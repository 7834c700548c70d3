// Unit tests of the object core: Ref<> ownership, the pending-exception API,
// implicit context chaining and built-in argument binding.
#include <gtest/gtest.h>
#include "core/abstract.h"
#include "core/error.h"
#include "core/state.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/args.h"
#include "runtime/lifecycle.h"

using namespace pyxx;

class CoreTest : public ::testing::Test {
 protected:
  void SetUp() override { runtime_initialize_for_tests(); }
  void TearDown() override { err_clear(); }
};

TEST_F(CoreTest, RefCountsFollowOwnership) {
  Object* list = list_new(0);
  ASSERT_NE(list, nullptr);
  EXPECT_EQ(list->refcnt, 1);
  {
    Ref<> a = steal(list);
    Ref<> b = a;  // copy increments
    EXPECT_EQ(list->refcnt, 2);
    Ref<> c = std::move(b);  // move does not
    EXPECT_EQ(list->refcnt, 2);
    EXPECT_FALSE(b);
    incref(list);  // keep it alive past the scope to check the final count
  }
  EXPECT_EQ(list->refcnt, 1);
  decref(list);
}

TEST_F(CoreTest, ImmortalsAreNeverFreed) {
  ssize before = None->refcnt;
  for (int i = 0; i < 10; ++i) decref(None);
  EXPECT_TRUE(is_immortal(None));
  for (int i = 0; i < 10; ++i) incref(None);
  EXPECT_EQ(None->refcnt, before);
}

TEST_F(CoreTest, ErrorStateSetMatchClear) {
  EXPECT_EQ(err_occurred(), nullptr);
  err_set_string(&exc::KeyError, "k");
  ASSERT_NE(err_occurred(), nullptr);
  EXPECT_TRUE(err_exception_matches(&exc::LookupError));
  EXPECT_TRUE(err_exception_matches(&exc::KeyError));
  EXPECT_FALSE(err_exception_matches(&exc::TypeError));
  Object* e = err_get_raised();
  EXPECT_EQ(err_occurred(), nullptr);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->type, &exc::KeyError);
  err_set_raised(e);
  EXPECT_NE(err_occurred(), nullptr);
  err_clear();
  EXPECT_EQ(err_occurred(), nullptr);
}

TEST_F(CoreTest, ErrFormatUsesPythonFormatting) {
  Ref<> one = steal(int_from_i64(42));
  err_format(&exc::ValueError, "bad value %R for %s", one.get(), "x");
  Ref<> e = steal(err_get_raised());
  ASSERT_TRUE(e);
  Ref<> s = steal(object_str(e.get()));
  ASSERT_TRUE(s);
  EXPECT_EQ(str_view(s.get()), "bad value 42 for x");
}

TEST_F(CoreTest, RaisingWhileHandlingSetsContext) {
  err_set_string(&exc::KeyError, "first");
  Ref<> handled = steal(err_get_raised());
  ThreadState* ts = tstate_get();
  ExcInfo info{handled.get(), ts->exc_info};
  ts->exc_info = &info;
  err_set_string(&exc::ValueError, "second");
  ts->exc_info = info.previous_item;
  Ref<> e = steal(err_get_raised());
  ASSERT_TRUE(e);
  EXPECT_EQ(exception_get_context(e.get()), handled.get());
}

TEST_F(CoreTest, BindArgsMessages) {
  static const char* const names[] = {"number", "ndigits"};
  ArgSpec spec{"round", names, 2, 0, 1, 0};
  Object* out[2];
  EXPECT_FALSE(bind_args(spec, nullptr, 0, nullptr, out));
  Ref<> e = steal(err_get_raised());
  Ref<> s = steal(object_str(e.get()));
  EXPECT_EQ(str_view(s.get()), "round() missing required argument 'number' (pos 1)");
  Ref<> one = steal(int_from_i64(1));
  Object* args[1] = {one.get()};
  ASSERT_TRUE(bind_args(spec, args, 1, nullptr, out));
  EXPECT_EQ(out[0], one.get());
  EXPECT_EQ(out[1], nullptr);
}
