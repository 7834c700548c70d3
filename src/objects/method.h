// Callables implemented in C++ and bound methods: builtin functions/methods
// (objects/cfunction.cpp), bound methods (objects/method.cpp), and the
// descriptor types (objects/descr.cpp): method_descriptor, classmethod_descriptor,
// member_descriptor, getset_descriptor, wrapper_descriptor / method-wrapper,
// classmethod, staticmethod, property.
#pragma once
#include "core/type.h"

namespace pyxx {
// builtin_function_or_method: `self` is the module for module functions, or the bound instance.
struct CFunctionObject : Object {
  const MethodDef* m_ml;
  Object* m_self;
  Object* m_module;      // __module__ (str or module) or null
  Object* m_weakreflist;
  VectorcallFunc vectorcall;
};
extern Type CFunctionType;
[[nodiscard]] Object* cfunction_new(const MethodDef* def, Object* self, Object* module);

struct MethodObject : Object {  // bound method
  Object* im_func;
  Object* im_self;
  Object* im_weakreflist;
  VectorcallFunc vectorcall;
};
extern Type MethodType;
[[nodiscard]] Object* method_new(Object* func, Object* self);

extern Type MethodDescrType, ClassMethodDescrType, MemberDescrType, GetSetDescrType,
    WrapperDescrType, MethodWrapperType, ClassMethodType, StaticMethodType, PropertyType;
[[nodiscard]] Object* descr_new_method(Type* type, const MethodDef* def);
[[nodiscard]] Object* descr_new_classmethod(Type* type, const MethodDef* def);
[[nodiscard]] Object* descr_new_member(Type* type, const MemberDef* def);
[[nodiscard]] Object* descr_new_getset(Type* type, const GetSetDef* def);
[[nodiscard]] Object* classmethod_new(Object* callable);
[[nodiscard]] Object* staticmethod_new(Object* callable);
// Argument-checking helpers giving CPython's messages.
[[nodiscard]] bool check_no_kwargs(const char* funcname, Object* kwnames);
[[nodiscard]] bool check_positional(const char* funcname, ssize nargs, ssize min, ssize max);
void init_descr_types();
void init_cfunction_types();
void init_method_types();
}  // namespace pyxx
