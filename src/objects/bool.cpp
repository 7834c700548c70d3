// bool: the int subclass with exactly two immortal instances. &, | and ^ of
// two bools give a bool; everything else is int arithmetic. Not subclassable
// (no kTpflagsBaseType), as CPython.
#include "core/abstract.h"
#include "core/error.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/dict.h"

namespace pyxx {

Type BoolType;
IntObject TrueStruct{{PYXX_STATIC_OBJECT_HEAD(&BoolType)}, 1, nullptr};
IntObject FalseStruct{{PYXX_STATIC_OBJECT_HEAD(&BoolType)}, 0, nullptr};

static Object* bool_repr(Object* self) {
  return str_intern_cstr(self == True ? "True" : "False");
}

static Object* bool_tp_new(Type*, Object* args, Object* kwds) {
  if (kwds && dict_size(kwds) > 0) return err_string(&exc::TypeError, "bool() takes no keyword arguments");
  ssize n = args ? tuple_size(args) : 0;
  if (n > 1) return err_format(&exc::TypeError, "bool expected at most 1 argument, got %zd", n);
  if (n == 0) return False;
  int r = object_is_true(tuple_get(args, 0));
  if (r < 0) return nullptr;
  return bool_from(r);
}

static Object* bool_vectorcall(Object*, Object* const* args, size_t nargsf, Object* kwnames) {
  if (kwnames && tuple_size(kwnames) > 0) return err_string(&exc::TypeError, "bool() takes no keyword arguments");
  ssize n = vectorcall_nargs(nargsf);
  if (n > 1) return err_format(&exc::TypeError, "bool expected at most 1 argument, got %zd", n);
  if (n == 0) return False;
  int r = object_is_true(args[0]);
  if (r < 0) return nullptr;
  return bool_from(r);
}

static Object* bool_and(Object* a, Object* b) {
  if (bool_check(a) && bool_check(b)) return bool_from(a == True && b == True);
  return IntType.tp_as_number->nb_and(a, b);
}
static Object* bool_or(Object* a, Object* b) {
  if (bool_check(a) && bool_check(b)) return bool_from(a == True || b == True);
  return IntType.tp_as_number->nb_or(a, b);
}
static Object* bool_xor(Object* a, Object* b) {
  if (bool_check(a) && bool_check(b)) return bool_from((a == True) != (b == True));
  return IntType.tp_as_number->nb_xor(a, b);
}

// 3.12+: ~True is deprecated (DeprecationWarning in CPython; no warnings API
// yet here) and still returns the int result.
static Object* bool_invert(Object* a) { return int_from_i64(~int_compact_value(a)); }

static NumberMethods bool_as_number;

void init_bool_type() {
  // Start from int's slots (type_ready would inherit them too; bool only
  // overrides the three bitwise operators).
  bool_as_number = NumberMethods{};
  bool_as_number.nb_and = bool_and;
  bool_as_number.nb_or = bool_or;
  bool_as_number.nb_xor = bool_xor;
  bool_as_number.nb_invert = bool_invert;
  Type& t = BoolType;
  t.tp_name = "bool";
  t.tp_basicsize = sizeof(IntObject);
  t.tp_repr = bool_repr;
  t.tp_as_number = &bool_as_number;
  t.tp_flags = kTpflagsDefault | kTpflagsLongSubclass | kTpflagsMatchSelf;
  t.tp_doc =
      "Returns True when the argument is true, False otherwise.\n"
      "The builtins True and False are the only two instances of the class bool.\n"
      "The class bool is a subclass of the class int, and cannot be subclassed.";
  t.tp_base = &IntType;
  t.tp_new = bool_tp_new;
  t.tp_vectorcall = bool_vectorcall;
}

}  // namespace pyxx
