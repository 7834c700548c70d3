// Generic object protocol (CPython's object.c / abstract.c / call.c surface):
// attribute access, calls, comparison, truth, hashing, numbers, sequences,
// mappings and iteration, dispatched through the type slots.
// Every function returns a new reference or nullptr/-1 with an exception set.
#pragma once
#include <initializer_list>
#include "core/type.h"

namespace pyxx {

// --- attributes ---
[[nodiscard]] Object* object_getattr(Object* obj, Object* name);
[[nodiscard]] Object* object_getattr_str(Object* obj, const char* name);
// 1 = found (*result new ref), 0 = AttributeError suppressed (*result null), -1 = other error.
[[nodiscard]] int object_lookup_attr(Object* obj, Object* name, Object** result);
[[nodiscard]] int object_setattr(Object* obj, Object* name, Object* value);  // value null = delete
[[nodiscard]] int object_setattr_str(Object* obj, const char* name, Object* value);
[[nodiscard]] int object_delattr(Object* obj, Object* name);
[[nodiscard]] int object_hasattr(Object* obj, Object* name);  // 1/0/-1
// object.__getattribute__ / __setattr__: descriptors, instance __dict__, MRO.
[[nodiscard]] Object* object_generic_getattr(Object* obj, Object* name);
[[nodiscard]] int object_generic_setattr(Object* obj, Object* name, Object* value);
// For LOAD_ATTR method form: returns 1 with *method = unbound function (call with
// obj as first arg), 0 with *method = already-bound attribute, -1 on error.
[[nodiscard]] int object_get_method(Object* obj, Object* name, Object** method);
Object** object_dict_ptr(Object* obj);  // address of the instance __dict__ slot or null

// --- text, hash, truth, compare ---
[[nodiscard]] Object* object_repr(Object* obj);
[[nodiscard]] Object* object_str(Object* obj);
[[nodiscard]] Object* object_ascii(Object* obj);
[[nodiscard]] Object* object_format(Object* obj, Object* format_spec);  // format(obj, spec); spec may be null
[[nodiscard]] Hash object_hash(Object* obj);        // -1 on error
Hash hash_not_implemented(Object* obj);             // raises "unhashable type: 'X'"
[[nodiscard]] int object_is_true(Object* obj);      // 1/0/-1
[[nodiscard]] int object_not(Object* obj);
[[nodiscard]] Object* object_richcompare(Object* a, Object* b, int op);
[[nodiscard]] int object_richcompare_bool(Object* a, Object* b, int op);  // identity shortcut for EQ/NE
[[nodiscard]] int object_isinstance(Object* inst, Object* cls);  // honours __instancecheck__
[[nodiscard]] int object_issubclass(Object* derived, Object* cls);
Object* object_type(Object* obj);  // new ref to type(obj)
[[nodiscard]] Object* object_dir(Object* obj);  // null obj = names in current scope

// --- calls ---
[[nodiscard]] Object* vectorcall(Object* callable, Object* const* args, size_t nargsf, Object* kwnames);
[[nodiscard]] Object* object_call(Object* callable, Object* args_tuple, Object* kwargs_dict);  // kwargs may be null
[[nodiscard]] Object* call_no_args(Object* callable);
[[nodiscard]] Object* call_one_arg(Object* callable, Object* arg);
[[nodiscard]] Object* call_args(Object* callable, std::initializer_list<Object*> args);
// obj.name(*args): uses object_get_method to avoid a bound-method object.
[[nodiscard]] Object* call_method(Object* obj, Object* name, std::initializer_list<Object*> args = {});
[[nodiscard]] Object* call_method_str(Object* obj, const char* name, std::initializer_list<Object*> args = {});
// Calls a type slot's dunder implemented in Python found by type_lookup (no instance dict).
[[nodiscard]] Object* call_special_method(Object* self, Object* name, std::initializer_list<Object*> args = {});
// For tp_call of objects implementing vectorcall.
[[nodiscard]] Object* vectorcall_call(Object* callable, Object* args_tuple, Object* kwargs_dict);
// Converts a dict of keywords to (values appended to args, kwnames tuple).
VectorcallFunc vectorcall_function(Object* callable);  // null if the type has no vectorcall

// --- numbers ---
// Operator codes: CPython's NB_* numbering, the oparg of BINARY_OP.
enum BinaryOp : int {
  kNbAdd = 0, kNbAnd = 1, kNbFloorDivide = 2, kNbLshift = 3, kNbMatrixMultiply = 4,
  kNbMultiply = 5, kNbRemainder = 6, kNbOr = 7, kNbPower = 8, kNbRshift = 9,
  kNbSubtract = 10, kNbTrueDivide = 11, kNbXor = 12,
  kNbInplaceAdd = 13, kNbInplaceAnd = 14, kNbInplaceFloorDivide = 15, kNbInplaceLshift = 16,
  kNbInplaceMatrixMultiply = 17, kNbInplaceMultiply = 18, kNbInplaceRemainder = 19,
  kNbInplaceOr = 20, kNbInplacePower = 21, kNbInplaceRshift = 22, kNbInplaceSubtract = 23,
  kNbInplaceTrueDivide = 24, kNbInplaceXor = 25, kNbSubscr = 26,
};
[[nodiscard]] Object* number_binary_op(Object* a, Object* b, int op);  // any BinaryOp incl. subscr
[[nodiscard]] Object* number_add(Object* a, Object* b);        // also sequence concat
[[nodiscard]] Object* number_subtract(Object* a, Object* b);
[[nodiscard]] Object* number_multiply(Object* a, Object* b);   // also sequence repeat
[[nodiscard]] Object* number_matrix_multiply(Object* a, Object* b);
[[nodiscard]] Object* number_true_divide(Object* a, Object* b);
[[nodiscard]] Object* number_floor_divide(Object* a, Object* b);
[[nodiscard]] Object* number_remainder(Object* a, Object* b);
[[nodiscard]] Object* number_divmod(Object* a, Object* b);
[[nodiscard]] Object* number_power(Object* a, Object* b, Object* mod);  // mod = None when absent
[[nodiscard]] Object* number_lshift(Object* a, Object* b);
[[nodiscard]] Object* number_rshift(Object* a, Object* b);
[[nodiscard]] Object* number_and(Object* a, Object* b);
[[nodiscard]] Object* number_or(Object* a, Object* b);
[[nodiscard]] Object* number_xor(Object* a, Object* b);
[[nodiscard]] Object* number_negative(Object* a);
[[nodiscard]] Object* number_positive(Object* a);
[[nodiscard]] Object* number_invert(Object* a);
[[nodiscard]] Object* number_absolute(Object* a);
[[nodiscard]] Object* number_index(Object* a);   // operator.index
[[nodiscard]] Object* number_long(Object* a);    // int(a)
[[nodiscard]] Object* number_float(Object* a);   // float(a)
// Index as ssize; on overflow raises `overflow_exc` (or clamps when it is null).
[[nodiscard]] ssize number_as_ssize(Object* a, Type* overflow_exc);
bool index_check(Object* a);  // has nb_index

// --- sequences, mappings, containers ---
[[nodiscard]] ssize object_length(Object* obj);          // len(); -1 on error
[[nodiscard]] ssize object_length_hint(Object* obj, ssize default_value);
[[nodiscard]] Object* object_getitem(Object* obj, Object* key);
[[nodiscard]] int object_setitem(Object* obj, Object* key, Object* value);
[[nodiscard]] int object_delitem(Object* obj, Object* key);
[[nodiscard]] Object* sequence_getitem(Object* seq, ssize i);
[[nodiscard]] int sequence_contains(Object* seq, Object* item);  // `in`; 1/0/-1
[[nodiscard]] Object* sequence_tuple(Object* iterable);  // tuple(iterable)
[[nodiscard]] Object* sequence_list(Object* iterable);   // list(iterable)
bool sequence_check(Object* obj);
bool mapping_check(Object* obj);
[[nodiscard]] Object* mapping_keys(Object* m);   // list

// --- iteration ---
[[nodiscard]] Object* object_get_iter(Object* obj);   // iter(obj)
// next(it): new ref; nullptr with no exception at exhaustion; nullptr + error otherwise.
[[nodiscard]] Object* iter_next(Object* iter);
bool iter_check(Object* obj);

}  // namespace pyxx
