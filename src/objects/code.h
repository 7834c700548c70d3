// code objects (objects/code.cpp): CPython 3.14's fields, so marshal, dis and
// co_* attributes match. co_code_adaptive holds the instruction stream as
// 16-bit code units (opcode, oparg) including inline-cache entries; the VM
// specializes it in place; co_code returns the de-specialized bytes.
#pragma once
#include "core/type.h"

namespace pyxx {

// co_flags (CPython's values).
enum : int {
  kCoOptimized = 0x0001, kCoNewLocals = 0x0002, kCoVarargs = 0x0004, kCoVarkeywords = 0x0008,
  kCoNested = 0x0010, kCoGenerator = 0x0020, kCoNoFree = 0x0040, kCoCoroutine = 0x0080,
  kCoIterableCoroutine = 0x0100, kCoAsyncGenerator = 0x0200, kCoHasDocstring = 0x4000000,
  kCoMethod = 0x8000000,
};
// Kinds of "fast" locals in co_localspluskinds (CPython's CO_FAST_*).
enum : uint8_t {
  kCoFastHidden = 0x10, kCoFastLocal = 0x20, kCoFastCell = 0x40, kCoFastFree = 0x80,
  kCoFastArgPos = 0x02, kCoFastArgKw = 0x04, kCoFastArgVar = 0x08,
};

struct CodeUnit { uint8_t opcode; uint8_t oparg; };

struct CodeObject : VarObject {  // size = number of code units in co_code_adaptive
  Object* co_consts;             // tuple
  Object* co_names;              // tuple of str
  Object* co_exceptiontable;     // bytes
  int co_flags;
  int co_argcount, co_posonlyargcount, co_kwonlyargcount;
  int co_stacksize;
  int co_firstlineno;
  int co_nlocalsplus;            // len(co_localsplusnames)
  int co_framesize;              // nlocalsplus + stacksize + frame header slots
  int co_nlocals, co_ncellvars, co_nfreevars;
  uint32_t co_version;
  Object* co_localsplusnames;    // tuple of str
  Object* co_localspluskinds;    // bytes
  Object* co_filename, *co_name, *co_qualname;  // str
  Object* co_linetable;          // bytes (PEP 626/657 location table)
  Object* co_weakreflist;
  void* co_extra;                // VM-private data (e.g. specialization state)
  int co_firsttraceable;
  CodeUnit co_code_adaptive[1];
};
extern Type CodeType;
// Frame header slots counted in co_framesize (CPython's FRAME_SPECIALS_SIZE).
constexpr int kFrameSpecialsSize = 10;
void init_code_types();  // registered in runtime/static_types.inc
inline bool code_check(const Object* o) { return o->type == &CodeType; }
PYXX_ALWAYS_INLINE CodeUnit* code_units(Object* c) { return static_cast<CodeObject*>(c)->co_code_adaptive; }

struct CodeConstructorArgs {
  Object* filename; Object* name; Object* qualname;
  int flags;
  Object* code;            // bytes, the instruction stream (len even)
  int firstlineno;
  Object* linetable;       // bytes
  Object* consts; Object* names;
  Object* localsplusnames; Object* localspluskinds;
  int argcount, posonlyargcount, kwonlyargcount, stacksize;
  Object* exceptiontable;  // bytes
};
[[nodiscard]] Object* code_new(const CodeConstructorArgs& a);
// co_code as CPython's _PyCode_GetCode: de-specialized bytes, inline caches zeroed.
[[nodiscard]] Object* code_get_co_code(Object* code);  // validates as CPython's code constructor
// Line number for the instruction at code-unit index `index`, -1 if none.
int code_addr_to_line(Object* code, int index);
// PEP 657 positions for a code-unit index (any may be -1).
bool code_positions(Object* code, int index, int* line, int* end_line, int* col, int* end_col);
}  // namespace pyxx
