// Struct sequences (objects/structseq.cpp): tuple subclasses with named
// fields, like sys.version_info and sys.flags (CPython's PyStructSequence).
// Fields past n_in_sequence are reachable by name only.
#pragma once
#include "core/type.h"

namespace pyxx {

struct StructSeqField { const char* name; const char* doc; };
struct StructSeqDesc {
  const char* name;               // "sys.flags": module and name
  const char* doc;
  const StructSeqField* fields;   // terminated by {nullptr}
  int n_in_sequence;              // visible (indexable) fields
  bool disallow_instantiation;    // sys.flags, sys.version_info
};

// Storage of one struct-sequence type: the Type must come first.
struct StructSeqType {
  Type base;
  const StructSeqDesc* desc;
  int n_fields;
  MemberDef members[32];
};

// Fills and readies `t` (zero-initialised storage) from `desc`. From Python,
// T(sequence, dict=None) makes an instance unless the desc disallows it.
[[nodiscard]] int structseq_init_type(StructSeqType* t, const StructSeqDesc* desc);
// A new instance with every field unset; fill all of them with structseq_set_item.
[[nodiscard]] Object* structseq_new(StructSeqType* t);
void structseq_set_item(Object* seq, int i, Object* steal);
}  // namespace pyxx
