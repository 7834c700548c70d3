// Internal interfaces between the compiler stages (CPython 3.14's pipeline):
// codegen -> InstrSequence (pseudo-ops + labels) -> CFG optimizations
// (flowgraph.cpp) -> assembler (assemble.cpp) -> code object.
#pragma once
#include <string>
#include <unordered_map>
#include <vector>

#include "compiler/opcode_table.h"
#include "core/object.h"

namespace pyxx::compiler {

struct Location {
  int lineno = -1, end_lineno = -1, col_offset = -1, end_col_offset = -1;
  bool operator==(const Location& o) const {
    return lineno == o.lineno && end_lineno == o.end_lineno && col_offset == o.col_offset &&
           end_col_offset == o.end_col_offset;
  }
  bool operator!=(const Location& o) const { return !(*this == o); }
};
inline constexpr Location kNoLocation{-1, -1, -1, -1};
// CPython's NEXT_LOCATION: takes the location of the following instruction (resolved in build_cfg).
inline constexpr Location kNextLocation{-2, -2, -2, -2};

// Label ids are indices into InstrSequence::label_map; -1 = none.
struct Instr {
  int opcode = NOP;
  int oparg = 0;
  Location loc;
  int target = -1;  // jump target label (codegen) / block index (cfg)
  int except_handler = -1;  // cfg: handler block index, -1 none
  int except_depth = 0;     // cfg: stack depth at handler (after SETUP_*)
  bool except_lasti = false;
};

inline bool is_pseudo(int op) { return op >= kMinPseudoOpcode && op <= kMaxPseudoOpcode; }
inline uint8_t op_flags(int op) { return is_pseudo(op) ? kPseudoFlags[op - kMinPseudoOpcode] : kOpcodeFlags[op]; }
inline bool has_arg(int op) { return (op_flags(op) & kOpHasArg) != 0; }
inline bool is_jump(int op) { return (op_flags(op) & kOpHasJump) != 0 || op == SETUP_FINALLY || op == SETUP_CLEANUP || op == SETUP_WITH; }
inline bool is_block_push(int op) { return op == SETUP_FINALLY || op == SETUP_CLEANUP || op == SETUP_WITH; }
inline bool is_uncond_jump(int op) {
  return op == JUMP || op == JUMP_NO_INTERRUPT || op == JUMP_FORWARD || op == JUMP_BACKWARD ||
         op == JUMP_BACKWARD_NO_INTERRUPT;
}
inline bool is_scope_exit(int op) { return op == RETURN_VALUE || op == RAISE_VARARGS || op == RERAISE; }
inline bool is_terminator(int op) { return is_uncond_jump(op) || is_scope_exit(op); }

// Stack effect as CPython's PyCompile_OpcodeStackEffectWithJump (jump: -1 max, 1 taken, 0 not).
int stack_effect(int opcode, int oparg, int jump);

struct InstrSequence {
  std::vector<Instr> instrs;
  std::vector<int> label_map;  // label id -> instruction index (-1 unresolved)
  int new_label() { label_map.push_back(-1); return int(label_map.size()) - 1; }
  void use_label(int label) { label_map[size_t(label)] = int(instrs.size()); }
  void add(int op, int oparg, Location loc, int target = -1) {
    Instr i; i.opcode = op; i.oparg = oparg; i.loc = loc; i.target = target;
    instrs.push_back(i);
  }
};

// Equality of constants as CPython's _PyCode_ConstantKey: same type, floats
// and complex bitwise (so 0.0 and -0.0 differ) except NaNs (equal only to
// themselves), tuples / slices element-wise, frozensets as sets of keys.
bool const_equal(Object* a, Object* b);
// Hash consistent with const_equal.
size_t const_key_hash(Object* o);

// co_consts plus an O(1) index keyed by the constant key (CPython's u_consts
// dict): `add` returns the index of an equal-keyed constant, or appends.
struct ConstKeyHash { size_t operator()(Object* o) const { return const_key_hash(o); } };
struct ConstKeyEq { bool operator()(Object* a, Object* b) const { return const_equal(a, b); } };
// The index catches up with entries pushed to the vector directly; reset() it
// when the vector is reordered or shrunk.
struct ConstIndex {
  std::unordered_map<Object*, int, ConstKeyHash, ConstKeyEq> map;  // keys borrowed from the consts vector
  size_t indexed = 0;  // consts[0, indexed) are in map
  int add(std::vector<Object*>& consts, Object* o);
  void reset() { map.clear(); indexed = 0; }
};

// Index of a names / varnames / cellvars vector (CPython keeps these in dicts
// keyed by str): O(1) lookup by string value, first occurrence wins.
struct NameKeyHash { size_t operator()(Object* o) const; };
struct NameKeyEq { bool operator()(Object* a, Object* b) const; };
struct NameIndex {
  std::unordered_map<Object*, int, NameKeyHash, NameKeyEq> map;  // keys borrowed from the vector
  size_t indexed = 0;
  void sync(const std::vector<Object*>& v);
  int find(const std::vector<Object*>& v, Object* name) {  // -1 if absent
    sync(v);
    auto it = map.find(name);
    return it == map.end() ? -1 : it->second;
  }
  int add(std::vector<Object*>& v, Object* name) {  // index of name, appended if absent
    int k = find(v, name);
    if (k >= 0) return k;
    v.push_back(name);
    map.emplace(name, int(v.size()) - 1);
    indexed = v.size();
    return int(v.size()) - 1;
  }
  void reset() { map.clear(); indexed = 0; }
};

// Data about the code unit needed by the back end.
struct UnitMetadata {
  Object* name = nullptr;       // borrowed (arena / symtable keep them alive)
  Object* qualname = nullptr;   // owned reference
  std::vector<Object*> consts;  // owned references, in index order
  ConstIndex const_index;       // over `consts`; add constants through it
  std::vector<Object*> names;   // borrowed interned str
  std::vector<Object*> varnames, cellvars, freevars;  // borrowed
  std::vector<Object*> fasthidden;  // names of inlined-comprehension locals (hidden)
  int argcount = 0, posonlyargcount = 0, kwonlyargcount = 0;
  int firstlineno = 1;
  int flags = 0;
  int scope_type = 0;
};

// Optimizes the sequence and assembles a code object (new reference).
[[nodiscard]] Object* optimize_and_assemble(InstrSequence& seq, UnitMetadata& md, Object* filename,
                                            int nparams_hint);

}  // namespace pyxx::compiler
