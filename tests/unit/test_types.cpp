// Unit tests of the type system and the generic object protocol: type(),
// class creation through type(name, bases, dict), MRO, slots, descriptors,
// slot wrappers, the method cache and CPython 3.14's error messages.
#include <gtest/gtest.h>
#include <string>
#include "core/abstract.h"
#include "core/error.h"
#include "objects/dict.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/method.h"
#include "objects/module.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/lifecycle.h"

using namespace pyxx;

namespace {

class TypesTest : public ::testing::Test {
 protected:
  void SetUp() override { runtime_initialize_for_tests(); }
  void TearDown() override { err_clear(); }
};

std::string repr_of(Object* o) {
  Ref<> r = steal(object_repr(o));
  if (!r) { err_clear(); return "<error>"; }
  return std::string(str_view(r.get()));
}

std::string pending() {
  Ref<> e = steal(err_get_raised());
  if (!e) return "<none>";
  Ref<> s = steal(object_str(e.get()));
  if (!s) { err_clear(); return std::string(e->type->tp_name) + ": <str failed>"; }
  return std::string(type_name(e->type)) + ": " + std::string(str_view(s.get()));
}

Ref<> S(const char* s) { return steal(str_from_cstr(s)); }
Ref<> I(int64_t v) { return steal(int_from_i64(v)); }

// type(name, bases, dict)
Ref<> make_class(const char* name, std::initializer_list<Object*> bases, Object* dict = nullptr) {
  Ref<> n = S(name);
  Ref<> b = steal(tuple_from_array(bases.begin(), ssize(bases.size())));
  Ref<> d = dict ? borrow(dict) : steal(dict_new());
  return steal(call_args(&TypeType, {n.get(), b.get(), d.get()}));
}

Ref<> getattr_s(Object* o, const char* name) { return steal(object_getattr_str(o, name)); }

}  // namespace

TEST_F(TypesTest, TypeReprAndCall) {
  EXPECT_EQ(repr_of(&IntType), "<class 'int'>");
  EXPECT_EQ(repr_of(&TypeType), "<class 'type'>");
  EXPECT_EQ(repr_of(&ObjectType), "<class 'object'>");
  Ref<> one = I(1);
  Ref<> t = steal(call_one_arg(&TypeType, one.get()));
  EXPECT_EQ(t.get(), static_cast<Object*>(&IntType));
  Ref<> bad = steal(call_args(&TypeType, {one.get(), one.get()}));
  EXPECT_FALSE(bad);
  EXPECT_EQ(pending(), "TypeError: type() takes 1 or 3 arguments");
}

TEST_F(TypesTest, ObjectBasics) {
  Ref<> o = steal(call_no_args(&ObjectType));
  ASSERT_TRUE(o);
  EXPECT_EQ(repr_of(o.get()).rfind("<object object at 0x", 0), 0u);
  Ref<> one = I(1);
  EXPECT_FALSE(steal(call_one_arg(&ObjectType, one.get())));
  EXPECT_EQ(pending(), "TypeError: object() takes no arguments");
  EXPECT_FALSE(getattr_s(o.get(), "x"));
  EXPECT_EQ(pending(), "AttributeError: 'object' object has no attribute 'x'");
  EXPECT_EQ(object_setattr_str(o.get(), "x", one.get()), -1);
  EXPECT_EQ(pending(), "AttributeError: 'object' object has no attribute 'x' and no __dict__ for setting new attributes");
  Hash h = object_hash(o.get());
  size_t y = reinterpret_cast<size_t>(o.get());
  EXPECT_EQ(h, Hash((y >> 4) | (y << 60)));
}

TEST_F(TypesTest, SlotWrappersAndDescriptors) {
  Ref<> add = getattr_s(&IntType, "__add__");
  ASSERT_TRUE(add);
  EXPECT_EQ(repr_of(add.get()), "<slot wrapper '__add__' of 'int' objects>");
  Ref<> two = I(2), three = I(3);
  Ref<> r = steal(call_args(add.get(), {two.get(), three.get()}));
  ASSERT_TRUE(r);
  EXPECT_EQ(repr_of(r.get()), "5");
  Ref<> s = S("x");
  EXPECT_FALSE(steal(call_args(add.get(), {s.get(), three.get()})));
  EXPECT_EQ(pending(), "TypeError: descriptor '__add__' requires a 'int' object but received a 'str'");
  Ref<> bound = getattr_s(two.get(), "__add__");
  ASSERT_TRUE(bound);
  EXPECT_EQ(repr_of(bound.get()).rfind("<method-wrapper '__add__' of int object at 0x", 0), 0u);
  EXPECT_FALSE(steal(call_no_args(bound.get())));
  EXPECT_EQ(pending(), "TypeError: expected 1 argument, got 0");
  Ref<> init = getattr_s(&ObjectType, "__init__");
  EXPECT_EQ(repr_of(init.get()), "<slot wrapper '__init__' of 'object' objects>");
  Ref<> onew = getattr_s(&ObjectType, "__new__");
  EXPECT_EQ(repr_of(onew.get()).rfind("<built-in method __new__ of type object at 0x", 0), 0u);
}

TEST_F(TypesTest, ClassCreationAndAttributes) {
  Ref<> A = make_class("A", {});
  ASSERT_TRUE(A) << pending();
  EXPECT_EQ(repr_of(A.get()), "<class 'A'>");
  Ref<> a = steal(call_no_args(A.get()));
  ASSERT_TRUE(a) << pending();
  Ref<> v = I(42);
  ASSERT_EQ(object_setattr_str(a.get(), "x", v.get()), 0);
  Ref<> got = getattr_s(a.get(), "x");
  EXPECT_EQ(got.get(), v.get());
  EXPECT_FALSE(getattr_s(a.get(), "y"));
  EXPECT_EQ(pending(), "AttributeError: 'A' object has no attribute 'y'");
  Ref<> one = I(1);
  EXPECT_FALSE(steal(call_one_arg(A.get(), one.get())));
  EXPECT_EQ(pending(), "TypeError: A() takes no arguments");
  // class attribute changes are seen through the method cache
  Ref<> c1 = I(1), c2 = I(2);
  ASSERT_EQ(object_setattr_str(A.get(), "k", c1.get()), 0);
  EXPECT_EQ(getattr_s(a.get(), "k").get(), c1.get());
  ASSERT_EQ(object_setattr_str(A.get(), "k", c2.get()), 0);
  EXPECT_EQ(getattr_s(a.get(), "k").get(), c2.get());
  Ref<> d = getattr_s(A.get(), "__dict__");
  EXPECT_EQ(repr_of(d.get()).rfind("mappingproxy({", 0), 0u);
}

TEST_F(TypesTest, MroAndErrors) {
  Ref<> A = make_class("A", {});
  Ref<> B = make_class("B", {A.get()});
  Ref<> C = make_class("C", {A.get()});
  Ref<> D = make_class("D", {B.get(), C.get()});
  ASSERT_TRUE(D) << pending();
  Ref<> mro = getattr_s(D.get(), "__mro__");
  EXPECT_EQ(repr_of(mro.get()), "(<class 'D'>, <class 'B'>, <class 'C'>, <class 'A'>, <class 'object'>)");
  EXPECT_FALSE(make_class("E", {A.get(), B.get()}));
  EXPECT_EQ(pending(), "TypeError: Cannot create a consistent method resolution order (MRO) for bases A, B");
  EXPECT_FALSE(make_class("F", {&IntType, &StrType}));
  EXPECT_EQ(pending(), "TypeError: multiple bases have instance lay-out conflict");
  EXPECT_FALSE(make_class("G", {&BoolType}));
  EXPECT_EQ(pending(), "TypeError: type 'bool' is not an acceptable base type");
  Ref<> b = steal(call_no_args(B.get()));
  EXPECT_EQ(object_isinstance(b.get(), A.get()), 1);
  EXPECT_EQ(object_isinstance(b.get(), C.get()), 0);
  EXPECT_EQ(object_issubclass(D.get(), A.get()), 1);
  Ref<> one = I(1);
  EXPECT_EQ(object_isinstance(one.get(), one.get()), -1);
  EXPECT_EQ(pending(), "TypeError: isinstance() arg 2 must be a type, a tuple of types, or a union");
}

TEST_F(TypesTest, Slots) {
  Ref<> d = steal(dict_new());
  Ref<> slots = steal(tuple_pack({S("a").get()}));
  ASSERT_EQ(dict_setitem_str(d.get(), "__slots__", slots.get()), 0);
  Ref<> P = make_class("P", {}, d.get());
  ASSERT_TRUE(P) << pending();
  Ref<> p = steal(call_no_args(P.get()));
  EXPECT_FALSE(getattr_s(p.get(), "a"));
  EXPECT_EQ(pending(), "AttributeError: 'P' object has no attribute 'a'");
  Ref<> v = I(5);
  ASSERT_EQ(object_setattr_str(p.get(), "a", v.get()), 0);
  EXPECT_EQ(getattr_s(p.get(), "a").get(), v.get());
  EXPECT_EQ(object_setattr_str(p.get(), "b", v.get()), -1);
  EXPECT_EQ(pending(), "AttributeError: 'P' object has no attribute 'b' and no __dict__ for setting new attributes");
  Ref<> descr = getattr_s(P.get(), "a");
  EXPECT_EQ(repr_of(descr.get()), "<member 'a' of 'P' objects>");
}

TEST_F(TypesTest, HashNoneUpdatesSlot) {
  Ref<> A = make_class("H", {});
  Ref<> a = steal(call_no_args(A.get()));
  EXPECT_NE(object_hash(a.get()), -1);
  ASSERT_EQ(object_setattr_str(A.get(), "__hash__", None), 0);
  EXPECT_EQ(object_hash(a.get()), -1);
  EXPECT_EQ(pending(), "TypeError: unhashable type: 'H'");
  ASSERT_EQ(object_setattr_str(A.get(), "__hash__", nullptr), 0);
  EXPECT_NE(object_hash(a.get()), -1);
}

TEST_F(TypesTest, IntSubclassArithmetic) {
  Ref<> M = make_class("MyInt", {&IntType});
  ASSERT_TRUE(M) << pending();
  Ref<> seven = I(7);
  Ref<> m = steal(call_one_arg(M.get(), seven.get()));
  ASSERT_TRUE(m) << pending();
  Ref<> one = I(1);
  Ref<> r = steal(number_add(m.get(), one.get()));
  ASSERT_TRUE(r) << pending();
  EXPECT_EQ(repr_of(r.get()), "8");
}

TEST_F(TypesTest, OperatorErrors) {
  Ref<> one = I(1);
  Ref<> s = S("");
  EXPECT_FALSE(steal(number_add(one.get(), s.get())));
  EXPECT_EQ(pending(), "TypeError: unsupported operand type(s) for +: 'int' and 'str'");
  EXPECT_FALSE(steal(number_power(one.get(), s.get(), None)));
  EXPECT_EQ(pending(), "TypeError: unsupported operand type(s) for ** or pow(): 'int' and 'str'");
  EXPECT_FALSE(steal(object_richcompare(one.get(), s.get(), kLT)));
  EXPECT_EQ(pending(), "TypeError: '<' not supported between instances of 'int' and 'str'");
  EXPECT_FALSE(steal(object_getitem(one.get(), one.get())));
  EXPECT_EQ(pending(), "TypeError: 'int' object is not subscriptable");
  EXPECT_FALSE(steal(object_get_iter(one.get())));
  EXPECT_EQ(pending(), "TypeError: 'int' object is not iterable");
  EXPECT_EQ(object_length(one.get()), -1);
  EXPECT_EQ(pending(), "TypeError: object of type 'int' has no len()");
  EXPECT_FALSE(steal(call_no_args(one.get())));
  EXPECT_EQ(pending(), "TypeError: 'int' object is not callable");
  Ref<> l = steal(list_new(0));
  EXPECT_EQ(object_hash(l.get()), -1);
  EXPECT_EQ(pending(), "TypeError: unhashable type: 'list'");
}

TEST_F(TypesTest, Singletons) {
  EXPECT_EQ(repr_of(None), "None");
  EXPECT_EQ(repr_of(NotImplemented), "NotImplemented");
  EXPECT_EQ(repr_of(Ellipsis), "Ellipsis");
  EXPECT_EQ(object_hash(None), Hash(4238894112));
  EXPECT_EQ(object_is_true(None), 0);
  EXPECT_EQ(object_is_true(NotImplemented), -1);
  EXPECT_EQ(pending(), "TypeError: NotImplemented should not be used in a boolean context");
  Ref<> n = steal(call_no_args(&NoneType));
  EXPECT_EQ(n.get(), None);
}

TEST_F(TypesTest, MethodDescriptorsAndBuiltins) {
  Ref<> append = getattr_s(&ListType, "append");
  ASSERT_TRUE(append);
  EXPECT_EQ(repr_of(append.get()), "<method 'append' of 'list' objects>");
  Ref<> one = I(1);
  EXPECT_FALSE(steal(call_args(append.get(), {one.get(), one.get()})));
  EXPECT_EQ(pending(), "TypeError: descriptor 'append' for 'list' objects doesn't apply to a 'int' object");
  EXPECT_FALSE(steal(call_no_args(append.get())));
  EXPECT_EQ(pending(), "TypeError: unbound method list.append() needs an argument");
  Ref<> l = steal(list_new(0));
  Ref<> bm = getattr_s(l.get(), "append");
  EXPECT_EQ(repr_of(bm.get()).rfind("<built-in method append of list object at 0x", 0), 0u);
  EXPECT_FALSE(steal(call_no_args(bm.get())));
  EXPECT_EQ(pending(), "TypeError: list.append() takes exactly one argument (0 given)");
  Ref<> r = steal(call_method_str(l.get(), "append", {one.get()}));
  ASSERT_TRUE(r) << pending();
  EXPECT_EQ(repr_of(l.get()), "[1]");
}

TEST_F(TypesTest, InitSubclassKwargs) {
  Ref<> n = S("K");
  Ref<> b = steal(tuple_new(0));
  Ref<> d = steal(dict_new());
  Ref<> args = steal(tuple_pack({n.get(), b.get(), d.get()}));
  Ref<> kw = steal(dict_new());
  Ref<> one = I(1);
  ASSERT_EQ(dict_setitem_str(kw.get(), "x", one.get()), 0);
  EXPECT_FALSE(steal(object_call(&TypeType, args.get(), kw.get())));
  EXPECT_EQ(pending(), "TypeError: K.__init_subclass__() takes no keyword arguments");
}
