// Type objects: CPython's slot set (tp_*, nb_*, sq_*, mp_*) as a C++ struct.
// Static types are immortal `Type` globals defined in their object's .cpp and
// readied by type_ready() at start-up; classes made by `class` statements are
// HeapType instances whose slots call the Python dunder methods.
#pragma once
#include "core/object.h"

namespace pyxx {

using UnaryFunc = Object* (*)(Object*);
using BinaryFunc = Object* (*)(Object*, Object*);
using TernaryFunc = Object* (*)(Object*, Object*, Object*);
using InquiryFunc = int (*)(Object*);                       // -1 error
using LenFunc = ssize (*)(Object*);                         // -1 error
using SsizeArgFunc = Object* (*)(Object*, ssize);
using SsizeObjArgProc = int (*)(Object*, ssize, Object*);
using ObjObjProc = int (*)(Object*, Object*);               // -1 error
using ObjObjArgProc = int (*)(Object*, Object*, Object*);   // value nullptr = delete
using DestructorFunc = void (*)(Object*);
using ReprFunc = Object* (*)(Object*);
using HashFunc = Hash (*)(Object*);
using RichCmpFunc = Object* (*)(Object*, Object*, int op);
using GetAttroFunc = Object* (*)(Object*, Object*);
using SetAttroFunc = int (*)(Object*, Object*, Object*);    // value nullptr = delete
using DescrGetFunc = Object* (*)(Object* descr, Object* obj, Object* type);
using DescrSetFunc = int (*)(Object* descr, Object* obj, Object* value);
using InitProc = int (*)(Object* self, Object* args, Object* kwds);
using NewFunc = Object* (*)(Type* subtype, Object* args, Object* kwds);
using AllocFunc = Object* (*)(Type* type, ssize nitems);
using FreeFunc = void (*)(void*);
using GetIterFunc = Object* (*)(Object*);
// tp_iternext: returns a new reference, or nullptr at the end WITHOUT an
// exception set (StopIteration need not be raised), or nullptr with an error.
using IterNextFunc = Object* (*)(Object*);
using VisitProc = int (*)(Object*, void* arg);
using TraverseProc = int (*)(Object*, VisitProc, void* arg);
// Vectorcall protocol: args[0..nargs) positional, then len(kwnames) keyword
// values; nargsf may carry kVectorcallArgumentsOffset (args[-1] is writable).
using VectorcallFunc = Object* (*)(Object* callable, Object* const* args, size_t nargsf, Object* kwnames);
constexpr size_t kVectorcallArgumentsOffset = size_t(1) << (8 * sizeof(size_t) - 1);
PYXX_ALWAYS_INLINE ssize vectorcall_nargs(size_t nargsf) { return ssize(nargsf & ~kVectorcallArgumentsOffset); }

struct NumberMethods {
  BinaryFunc nb_add, nb_subtract, nb_multiply, nb_remainder, nb_divmod;
  TernaryFunc nb_power;
  UnaryFunc nb_negative, nb_positive, nb_absolute;
  InquiryFunc nb_bool;
  UnaryFunc nb_invert;
  BinaryFunc nb_lshift, nb_rshift, nb_and, nb_xor, nb_or;
  UnaryFunc nb_int;
  void* nb_reserved;
  UnaryFunc nb_float;
  BinaryFunc nb_inplace_add, nb_inplace_subtract, nb_inplace_multiply, nb_inplace_remainder;
  TernaryFunc nb_inplace_power;
  BinaryFunc nb_inplace_lshift, nb_inplace_rshift, nb_inplace_and, nb_inplace_xor, nb_inplace_or;
  BinaryFunc nb_floor_divide, nb_true_divide, nb_inplace_floor_divide, nb_inplace_true_divide;
  UnaryFunc nb_index;
  BinaryFunc nb_matrix_multiply, nb_inplace_matrix_multiply;
};

struct SequenceMethods {
  LenFunc sq_length;
  BinaryFunc sq_concat;
  SsizeArgFunc sq_repeat;
  SsizeArgFunc sq_item;
  void* was_sq_slice;
  SsizeObjArgProc sq_ass_item;
  void* was_sq_ass_slice;
  ObjObjProc sq_contains;
  BinaryFunc sq_inplace_concat;
  SsizeArgFunc sq_inplace_repeat;
};

struct MappingMethods {
  LenFunc mp_length;
  BinaryFunc mp_subscript;
  ObjObjArgProc mp_ass_subscript;
};

struct AsyncMethods {
  UnaryFunc am_await, am_aiter, am_anext;
};

// Method tables (CPython's PyMethodDef). flags use the kMeth* bits below.
struct MethodDef {
  const char* name;
  void* impl;      // cast according to flags (see CFunction* typedefs)
  int flags;
  const char* doc; // may be null; "name($self, /, ...)\n--\n\n" text signatures as CPython
};
using CFunction = Object* (*)(Object* self, Object* arg);                       // NOARGS (arg null) / O
using CFunctionVarargs = Object* (*)(Object* self, Object* args_tuple);         // VARARGS
using CFunctionVarargsKw = Object* (*)(Object* self, Object* args, Object* kw); // VARARGS|KEYWORDS
using CFunctionFast = Object* (*)(Object* self, Object* const* args, ssize nargs);  // FASTCALL
using CFunctionFastKw = Object* (*)(Object* self, Object* const* args, ssize nargs, Object* kwnames);  // FASTCALL|KEYWORDS
using CMethodFastKw = Object* (*)(Object* self, Type* defining_class, Object* const* args, size_t nargsf, Object* kwnames); // METHOD|FASTCALL|KEYWORDS
enum : int {
  kMethVarargs = 0x0001, kMethKeywords = 0x0002, kMethNoArgs = 0x0004, kMethO = 0x0008,
  kMethClass = 0x0010, kMethStatic = 0x0020, kMethCoexist = 0x0040, kMethFastcall = 0x0080,
  kMethMethod = 0x0200,
};

enum class MemberKind : int { Object, ObjectEx, Int, Ssize, Bool, Double, Char, CString };
struct MemberDef {
  const char* name;
  MemberKind kind;
  ssize offset;
  int flags;  // kMemberReadonly
  const char* doc;
};
enum : int { kMemberReadonly = 1 };

using Getter = Object* (*)(Object* self, void* closure);
using Setter = int (*)(Object* self, Object* value, void* closure);  // value null = delete
struct GetSetDef {
  const char* name;
  Getter get;
  Setter set;
  const char* doc;
  void* closure;
};

// tp_flags: CPython's bit values, so __flags__ matches.
enum : unsigned long {
  kTpflagsManagedDict = 1UL << 4,
  kTpflagsSequence = 1UL << 5,
  kTpflagsMapping = 1UL << 6,
  kTpflagsDisallowInstantiation = 1UL << 7,
  kTpflagsImmutableType = 1UL << 8,
  kTpflagsHeapType = 1UL << 9,
  kTpflagsBaseType = 1UL << 10,
  kTpflagsHaveVectorcall = 1UL << 11,
  kTpflagsReady = 1UL << 12,
  kTpflagsReadying = 1UL << 13,
  kTpflagsHaveGC = 1UL << 14,
  kTpflagsMethodDescriptor = 1UL << 17,
  kTpflagsValidVersionTag = 1UL << 19,
  kTpflagsIsAbstract = 1UL << 20,
  kTpflagsMatchSelf = 1UL << 22,
  kTpflagsItemsAtEnd = 1UL << 23,
  kTpflagsLongSubclass = 1UL << 24,
  kTpflagsListSubclass = 1UL << 25,
  kTpflagsTupleSubclass = 1UL << 26,
  kTpflagsBytesSubclass = 1UL << 27,
  kTpflagsUnicodeSubclass = 1UL << 28,
  kTpflagsDictSubclass = 1UL << 29,
  kTpflagsBaseExcSubclass = 1UL << 30,
  kTpflagsTypeSubclass = 1UL << 31,
  kTpflagsDefault = 0,
};

struct Type : VarObject {
  const char* tp_name;  // "module.Name" for static types, as CPython
  ssize tp_basicsize, tp_itemsize;
  DestructorFunc tp_dealloc;
  ssize tp_vectorcall_offset;  // offset of a VectorcallFunc field in instances, 0 if none
  AsyncMethods* tp_as_async;
  ReprFunc tp_repr;
  NumberMethods* tp_as_number;
  SequenceMethods* tp_as_sequence;
  MappingMethods* tp_as_mapping;
  HashFunc tp_hash;
  TernaryFunc tp_call;
  ReprFunc tp_str;
  GetAttroFunc tp_getattro;
  SetAttroFunc tp_setattro;
  unsigned long tp_flags;
  const char* tp_doc;
  TraverseProc tp_traverse;
  InquiryFunc tp_clear;
  RichCmpFunc tp_richcompare;
  ssize tp_weaklistoffset;
  GetIterFunc tp_iter;
  IterNextFunc tp_iternext;
  const MethodDef* tp_methods;   // terminated by {nullptr}
  const MemberDef* tp_members;   // terminated by {nullptr}
  const GetSetDef* tp_getset;    // terminated by {nullptr}
  Type* tp_base;
  Object* tp_dict;
  DescrGetFunc tp_descr_get;
  DescrSetFunc tp_descr_set;
  ssize tp_dictoffset;           // >0 offset of a Object* __dict__ slot; 0 none
  InitProc tp_init;
  AllocFunc tp_alloc;
  NewFunc tp_new;
  FreeFunc tp_free;
  InquiryFunc tp_is_gc;
  Object* tp_bases;              // tuple
  Object* tp_mro;                // tuple
  Object* tp_cache;
  Object* tp_subclasses;         // dict {id: weakref} or null
  Object* tp_weaklist;
  DestructorFunc tp_del;
  unsigned int tp_version_tag;   // 0 = invalid; see type_assign_version_tag
  DestructorFunc tp_finalize;
  VectorcallFunc tp_vectorcall;  // used when calling the type object itself
  unsigned char tp_watched;
  uint16_t tp_versions_used;
};

// Classes created at run time (class statements, type(name, bases, dict)).
struct HeapType : Type {
  AsyncMethods as_async;
  NumberMethods as_number;
  MappingMethods as_mapping;
  SequenceMethods as_sequence;
  Object* ht_name;       // str
  Object* ht_qualname;   // str
  Object* ht_slots;      // tuple of __slots__ names or null
  Object* ht_module;
  char* ht_tpname;       // owned storage for tp_name
  MemberDef* ht_members; // owned storage for __slots__ members
};

PYXX_ALWAYS_INLINE bool type_has_flag(const Type* t, unsigned long f) { return (t->tp_flags & f) != 0; }

// Finishes a static type: inherits slots from tp_base, computes tp_mro,
// fills tp_dict from tp_methods/tp_members/tp_getset and slot wrappers.
[[nodiscard]] int type_ready(Type* type);
// Looks name up along type's MRO (borrowed result, no exception when missing).
// Uses the method cache keyed by tp_version_tag (hit path inline, below).
inline Object* type_lookup(Type* type, Object* name);
Object* type_lookup_slow(Type* type, Object* name);  // cache miss path (objects/type.cpp)
// Like type_lookup but may set an exception (returns -1) e.g. from a broken MRO.
[[nodiscard]] int type_lookup_ref(Type* type, Object* name, Object** result);
bool type_is_subtype(Type* a, Type* b);   // b in a.__mro__
// Invalidates version tags of type and its subclasses (call after setattr on a type).
void type_modified(Type* type);
// Assigns a fresh version tag if needed; returns false if out of tags.
bool type_assign_version_tag(Type* type);
// Generic allocation used by tp_alloc: zeroed memory, refcnt 1, GC-tracked if needed.
Object* type_generic_alloc(Type* type, ssize nitems);
Object* type_generic_new(Type* type, Object* args, Object* kwds);
const char* type_name(const Type* t);   // short name, e.g. "int" for builtins.int

extern Type TypeType;    // <class 'type'>
extern Type ObjectType;  // <class 'object'>
// Init functions of the type-system area (runtime/static_types.inc).
void init_type_types();
void init_object_types();

PYXX_ALWAYS_INLINE bool type_check(const Object* op) { return type_has_flag(op->type, kTpflagsTypeSubclass); }

}  // namespace pyxx

#include "core/state.h"

namespace pyxx {
inline Object* type_lookup(Type* type, Object* name) {
  unsigned v = type->tp_version_tag;
  if (PYXX_LIKELY(v != 0)) {
    unsigned idx = (v ^ static_cast<unsigned>(reinterpret_cast<uintptr_t>(name) >> 4)) & (Interpreter::kMethodCacheSize - 1);
    const Interpreter::MethodCacheEntry& e = interp_get()->method_cache[idx];
    if (PYXX_LIKELY(e.version == v && e.name == name)) return e.value;
  }
  return type_lookup_slow(type, name);
}

}  // namespace pyxx
