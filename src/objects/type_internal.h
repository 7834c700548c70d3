// Private interface shared by the type-system files (type.cpp, type_slots.cpp,
// type_new.cpp, object.cpp, descr.cpp, super.cpp): the slot table and helpers.
// Not part of the public contract; other areas use core/type.h and core/abstract.h.
#pragma once
#include "core/abstract.h"
#include "objects/method.h"

namespace pyxx {

// Wrapper functions behind wrapper_descriptor: call the C++ slot `wrapped` of
// `self` with Python-level positional args (keywords are rejected before).
using WrapperFunc = Object* (*)(Object* self, Object* const* args, ssize nargs, Object* kwnames, void* wrapped);

// One row of the slot table (CPython's slotdefs): a dunder name, where the slot
// lives (offset inside HeapType, so sub-struct slots are addressable), the slot
// function used by classes defined in Python, and the wrapper used to expose a
// C++ slot as a wrapper_descriptor.
struct SlotDef {
  const char* name;
  int offset;
  void* function;      // slot_* function for heap types (may be null: no generic version)
  WrapperFunc wrapper;
  const char* doc;
  int flags;           // kSlotFlag*
  Object* name_str;    // interned name, filled by init
};
enum : int { kSlotFlagKeywords = 1 };

extern SlotDef g_slotdefs[];
extern int g_slotdefs_count;
void slotdefs_init();            // interns names (idempotent)
void** slot_ptr(Type* type, int offset);  // address of the slot in type, or null if the sub-struct is absent
int add_operators(Type* type);   // adds wrapper descriptors for a static type's own slots
void fixup_slot_dispatchers(Type* type);  // heap type creation: every slot from its MRO
int update_slot(Type* type, Object* name);  // after type.__dict__[name] changed
bool is_dunder_name(Object* name);

// tp_new exposed as __new__ (a builtin method bound to the type).
[[nodiscard]] Object* make_tp_new_wrapper(Type* type);
bool is_tp_new_wrapper(Object* descr);

// Helpers.
Object* intern_cstr(const char* s);  // borrowed immortal interned string (cached by caller)
// Looks up a special method on type(self) and binds/calls it. *unbound=1: call with self prepended.
Object* lookup_maybe_method(Object* self, Object* name, int* unbound);  // new ref or null (no error if missing)
Object* call_unbound(Object* func, int unbound, Object* self, Object* const* args, ssize nargs);
// type(self).name(self, *args); missing -> AttributeError.
Object* vectorcall_special(Object* self, Object* name, Object* const* args, ssize nargs);
// Same but missing -> returns NotImplemented (new ref).
Object* vectorcall_special_maybe(Object* self, Object* name, Object* const* args, ssize nargs);

// Calls tp_call building the argument tuple/dict (fallback of vectorcall()).
[[nodiscard]] Object* make_tp_call(Object* callable, Object* const* args, size_t nargsf, Object* kwnames);
// Converts vectorcall arguments to a tuple / dict (kwnames null -> dict null).
[[nodiscard]] int stack_to_tuple_dict(Object* const* args, ssize nargs, Object* kwnames, Object** tuple, Object** dict);
// Converts (tuple, dict) to a stack for vectorcall; returns new refs in *stack (mem_alloc'ed) and kwnames.
Object* type_call(Object* self, Object* args, Object* kwds);
Object* heap_type_vectorcall_entry(Object* callable, Object* const* args, size_t nargsf, Object* kwnames);
int slot_tp_init(Object* self, Object* args, Object* kwds);

// Fills AttributeError.name/.obj of the pending AttributeError (if unset).
void attribute_error_set_context(Object* obj, Object* name);
int object_recursive_isinstance(Object* inst, Object* cls);
int object_recursive_issubclass(Object* derived, Object* cls);

// builtin method with a defining class (kMethMethod), cfunction.cpp.
struct CMethodObject : CFunctionObject { Type* mm_class; };
[[nodiscard]] Object* cmethod_new(const MethodDef* def, Object* self, Object* module, Type* cls);
// Runs a MethodDef on self with vectorcall arguments; funcstr(ctx) names the
// function in error messages ("len()", "list.append()").
[[nodiscard]] Object* methoddef_call(const MethodDef* ml, Object* self, Type* defining, Object* const* args,
                                     size_t nargsf, Object* kwnames, Object* (*funcstr)(const void*), const void* ctx);

// Clears weak references to obj on deallocation. Weak default (no-op) in
// type_new.cpp; the weakref area provides the real one.
void weakref_clear_refs(Object* obj);

// __class__ / __bases__ assignment layout check (object.cpp); error set when false.
bool compatible_for_assignment(Type* oldto, Type* newto, const char* attr);

// Type attribute helpers.
Object* type_qualname_obj(Type* t);   // borrowed
Object* type_module_obj(Type* t);     // new ref
Object* type_get_dict_proxy(Type* t); // new ref
int type_add_subclass(Type* base, Type* sub);
void type_remove_subclass(Type* base, Type* sub);
Object* mro_compute_c3(Type* type);   // new tuple
int mro_internal(Type* type);         // sets tp_mro (calls mro() for metaclasses overriding it)
int type_ready_inherit(Type* type);
Type* best_base(Object* bases);       // borrowed; error set if null
int extra_ivars(Type* type, Type* base);
Type* solid_base(Type* type);
void inherit_special(Type* type, Type* base);
void inherit_slots(Type* type, Type* base);

// Heap-type instance support (type_new.cpp).
void subtype_dealloc(Object* self);
int subtype_traverse(Object* self, VisitProc visit, void* arg);
int subtype_clear(Object* self);
[[nodiscard]] Object* type_new_impl(Type* metatype, Object* args, Object* kwds);
void type_dealloc(Object* self);

// object helpers (object.cpp)
[[nodiscard]] Object* object_generic_getattr_with_dict(Object* obj, Object* name, Object* dict, int suppress);
[[nodiscard]] int object_generic_setattr_with_dict(Object* obj, Object* name, Object* value, Object* dict);
Object* object_new_impl(Type* type, Object* args, Object* kwds);
int object_init_impl(Object* self, Object* args, Object* kwds);
Object* object_richcompare_impl(Object* self, Object* other, int op);
Hash object_generic_hash(Object* self);
Object* object_default_repr(Object* self);
Object* object_default_str(Object* self);

// Text signature helpers for docs of the form "name(sig)\n--\n\n".
Object* doc_from_internal(const char* name, const char* doc);       // __doc__ (None if none)
Object* text_signature_from_internal(const char* name, const char* doc);  // __text_signature__

// Descriptor objects (descr.cpp): shared header of method/member/getset/wrapper descriptors.
struct DescrObject : Object {
  Type* d_type;
  Object* d_name;
  Object* d_qualname;
};
struct MethodDescrObject : DescrObject { const MethodDef* d_method; VectorcallFunc vectorcall; };
struct MemberDescrObject : DescrObject { const MemberDef* d_member; };
struct GetSetDescrObject : DescrObject { const GetSetDef* d_getset; };
struct WrapperDescrObject : DescrObject { SlotDef* d_base; void* d_wrapped; };
struct MethodWrapperObject : Object { WrapperDescrObject* descr; Object* self; };
[[nodiscard]] Object* descr_new_wrapper(Type* type, SlotDef* base, void* wrapped);
[[nodiscard]] Object* method_wrapper_new(Object* descr, Object* self);
// Calls a wrapper descriptor directly on self (used by slot update fast paths).
struct StaticMethodObject : Object { Object* sm_callable; Object* sm_dict; };
struct ClassMethodObject : Object { Object* cm_callable; Object* cm_dict; };
struct PropertyObject : Object { Object* prop_get; Object* prop_set; Object* prop_del; Object* prop_doc; Object* prop_name; int getter_doc; };

// Interned names used in several files.
struct TypeNames {
  Object *__name__, *__qualname__, *__module__, *__doc__, *__dict__, *__slots__, *__weakref__,
      *__init__, *__new__, *__class__, *__classcell__, *__classdictcell__, *__init_subclass__,
      *__set_name__, *__getattr__, *__getattribute__, *__hash__, *__eq__, *__mro_entries__,
      *__prepare__, *__instancecheck__, *__subclasscheck__, *__class_getitem__, *__bool__,
      *__len__, *__index__, *__int__, *__float__, *__format__, *__call__, *__iter__, *__next__,
      *__repr__, *__str__, *__dir__, *__get__, *__set__, *__delete__, *__del__, *mro,
      *__firstlineno__, *__static_attributes__, *__abstractmethods__, *__isabstractmethod__,
      *builtins, *__length_hint__, *__contains__, *__getitem__, *__trunc__, *__wrapped__,
      *keys, *__orig_bases__, *__text_signature__;
};
extern TypeNames g_names;
void type_names_init();
}  // namespace pyxx
