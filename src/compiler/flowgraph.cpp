// Control-flow graph optimizations, in CPython 3.14's order (flowgraph.c):
// basic blocks from the instruction sequence, exception-handler labelling
// from SETUP_* / POP_BLOCK, small exit-block inlining, unreachable code
// removal, line-number propagation, constant folding, jump threading,
// NOP/redundant jump removal, unused constants, LOAD_FAST_CHECK insertion,
// superinstructions, cold blocks, pseudo-op lowering, stack depth, localsplus
// layout and prefix instructions, jump normalization, LOAD_FAST_BORROW.
#include <algorithm>
#include <unordered_set>
#include <cmath>
#include <cstring>

#include "compiler/assemble.h"
#include "compiler/internal.h"
#include "core/abstract.h"
#include "core/error.h"
#include "objects/bytes.h"
#include "objects/code.h"
#include "objects/complex.h"
#include "objects/exceptions.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/range.h"
#include "objects/set.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"

namespace pyxx::compiler {

namespace {

constexpr int kMaxCopySize = 4;
constexpr int kMinConstSequenceSize = 3;

struct Block {
  std::vector<Instr> instrs;
  int next = -1;
  int startdepth = -1;
  int predecessors = 0;
  bool except_handler = false;
  bool preserve_lasti = false;
  bool cold = false, warm = false, visited = false, reachable = false;
  std::vector<int> except_stack;  // handler blocks (during labelling)
  // Handler of the instruction last stored at each array slot. CPython
  // compacts blocks in place, so an instruction appended later into a slot
  // vacated by a removed one inherits that slot's stale handler; NOT_TAKEN
  // added by normalize_jumps shows this in the exception table.
  std::vector<int> stale_handler;
  void note_shrink(const std::vector<Instr>& old, size_t new_size) {
    if (stale_handler.size() < old.size()) stale_handler.resize(old.size(), -1);
    for (size_t k = new_size; k < old.size(); k++) stale_handler[k] = old[k].except_handler;
  }
  int slot_handler(size_t k) const { return k < stale_handler.size() ? stale_handler[k] : -1; }
};

struct CFG {
  std::vector<Block> blocks;
  int entry = 0;
  int new_block() { blocks.emplace_back(); return int(blocks.size()) - 1; }
  Block& b(int i) { return blocks[size_t(i)]; }
};

Instr* last_instr(Block& b) { return b.instrs.empty() ? nullptr : &b.instrs.back(); }

bool block_has_no_lineno(Block& b) {
  for (auto& i : b.instrs) if (i.loc.lineno >= 0) return false;
  return true;
}
bool block_exits_scope(Block& b) {
  Instr* l = last_instr(b);
  return l && is_scope_exit(l->opcode);
}
bool block_nofallthrough(Block& b) {
  Instr* l = last_instr(b);
  return l && is_terminator(l->opcode);
}

// --- construction ---
void build_cfg(InstrSequence& seq, CFG& g) {
  // NEXT_LOCATION instructions take the location of the instruction after them
  for (size_t k = seq.instrs.size(); k-- > 0;)
    if (seq.instrs[k].loc.lineno == -2)
      seq.instrs[k].loc = k + 1 < seq.instrs.size() ? seq.instrs[k + 1].loc : kNoLocation;
  // label -> instruction index; map instr index -> block start
  std::vector<int> label_at(seq.instrs.size() + 1, -1);
  std::vector<char> starts(seq.instrs.size() + 1, 0);
  // only labels that some jump targets start a block (as CPython's is_target)
  for (auto& in : seq.instrs)
    if (is_jump(in.opcode) && in.target >= 0 && seq.label_map[size_t(in.target)] >= 0)
      starts[size_t(seq.label_map[size_t(in.target)])] = 1;
  std::vector<int> block_of_index(seq.instrs.size() + 1, -1);
  int cur = g.new_block();
  g.entry = cur;
  for (size_t k = 0; k < seq.instrs.size(); k++) {
    if (starts[k] && !g.b(cur).instrs.empty()) {
      int nb = g.new_block();
      g.b(cur).next = nb;
      cur = nb;
    }
    if (starts[k]) block_of_index[k] = cur;
    g.b(cur).instrs.push_back(seq.instrs[k]);
    Instr& in = seq.instrs[k];
    if (is_terminator(in.opcode) || (is_jump(in.opcode) && !is_block_push(in.opcode))) {
      int nb = g.new_block();
      g.b(cur).next = nb;
      cur = nb;
    }
  }
  if (starts[seq.instrs.size()]) block_of_index[seq.instrs.size()] = cur;
  // Labels resolved to the block starting at their instruction index; a
  // label at an index whose block is empty-and-continued resolves to that block.
  std::vector<int> label_block(seq.label_map.size(), -1);
  for (size_t l = 0; l < seq.label_map.size(); l++) {
    int idx = seq.label_map[l];
    if (idx >= 0) label_block[l] = block_of_index[size_t(idx)];
  }
  for (auto& blk : g.blocks)
    for (auto& in : blk.instrs)
      if (is_jump(in.opcode) && in.target >= 0) in.target = label_block[size_t(in.target)];
}

// --- exception handlers ---
void mark_except_handlers(CFG& g) {
  for (auto& blk : g.blocks)
    for (auto& in : blk.instrs)
      if (is_block_push(in.opcode)) {
        g.b(in.target).except_handler = true;
        if (in.opcode != SETUP_FINALLY) g.b(in.target).preserve_lasti = true;
      }
}

void label_exception_targets(CFG& g) {
  std::vector<int> todo;
  std::vector<std::vector<int>*> stacks;
  for (auto& blk : g.blocks) blk.visited = false;
  g.b(g.entry).except_stack.clear();
  g.b(g.entry).visited = true;
  todo.push_back(g.entry);
  while (!todo.empty()) {
    int bi = todo.back();
    todo.pop_back();
    std::vector<int> stack = g.b(bi).except_stack;
    int handler = stack.empty() ? -1 : stack.back();
    bool last_yield_except_depth1 = false;
    for (auto& in : g.b(bi).instrs) {
      if (is_block_push(in.opcode)) {
        int target = in.target;
        if (!g.b(target).visited) {
          g.b(target).except_stack = stack;
          g.b(target).visited = true;
          todo.push_back(target);
        }
        stack.push_back(target);
        handler = target;
      } else if (in.opcode == POP_BLOCK) {
        if (!stack.empty()) stack.pop_back();
        handler = stack.empty() ? -1 : stack.back();
        in.opcode = NOP;
      } else if (is_jump(in.opcode) && in.target >= 0) {
        in.except_handler = handler;
        if (!g.b(in.target).visited) {
          g.b(in.target).except_stack = stack;
          g.b(in.target).visited = true;
          todo.push_back(in.target);
        }
      } else if (in.opcode == YIELD_VALUE) {
        in.except_handler = handler;
        last_yield_except_depth1 = stack.size() == 1;
      } else if (in.opcode == RESUME) {
        in.except_handler = handler;
        if (in.oparg != 0 /* RESUME_AT_FUNC_START */) {
          if (last_yield_except_depth1) in.oparg |= 4;  // RESUME_OPARG_DEPTH1_MASK
          last_yield_except_depth1 = false;
        }
      } else {
        in.except_handler = handler;
      }
    }
    int nx = g.b(bi).next;
    if (!block_nofallthrough(g.b(bi)) && nx >= 0 && !g.b(nx).visited) {
      g.b(nx).except_stack = stack;
      g.b(nx).visited = true;
      todo.push_back(nx);
    }
  }
  for (auto& blk : g.blocks) blk.visited = false;
}

// --- reachability ---
void remove_unreachable(CFG& g) {
  for (auto& blk : g.blocks) { blk.predecessors = 0; blk.reachable = false; }
  std::vector<int> todo{g.entry};
  g.b(g.entry).reachable = true;
  g.b(g.entry).predecessors = 1;
  while (!todo.empty()) {
    int bi = todo.back();
    todo.pop_back();
    Block& b = g.b(bi);
    int nx = b.next;
    if (nx >= 0 && !block_nofallthrough(b)) {
      if (!g.b(nx).reachable) { g.b(nx).reachable = true; todo.push_back(nx); }
      g.b(nx).predecessors++;
    }
    for (auto& in : g.b(bi).instrs) {
      if (is_jump(in.opcode) && in.target >= 0) {
        Block& t = g.b(in.target);
        if (!t.reachable) { t.reachable = true; todo.push_back(in.target); }
        t.predecessors++;
      }
    }
  }
  for (int bi = g.entry; bi >= 0; bi = g.b(bi).next)
    if (!g.b(bi).reachable) g.b(bi).instrs.clear();
}

// --- inline small or no-lineno exit blocks ---
void set_nop(Instr& in);
bool inline_small_or_no_lineno_blocks(CFG& g) {
  bool any = false, changes;
  do {
    changes = false;
    for (int bi = g.entry; bi >= 0; bi = g.b(bi).next) {
      Instr* last = last_instr(g.b(bi));
      if (!last || !is_uncond_jump(last->opcode)) continue;
      int target = last->target;
      Block& t = g.b(target);
      bool small_exit = block_exits_scope(t) && int(t.instrs.size()) <= kMaxCopySize;
      bool no_lineno_no_fallthrough = block_has_no_lineno(t) && block_nofallthrough(t);
      if (!(small_exit || no_lineno_no_fallthrough)) continue;
      int removed = last->opcode;
      set_nop(*last);
      auto copy = t.instrs;
      for (auto& in : copy) g.b(bi).instrs.push_back(in);
      if (no_lineno_no_fallthrough) {
        Instr* nl = last_instr(g.b(bi));
        if (is_uncond_jump(nl->opcode) && removed == JUMP) nl->opcode = JUMP;
      }
      g.b(target).predecessors--;
      changes = any = true;
    }
  } while (changes);
  return any;
}

// --- line numbers ---
void propagate_line_numbers(CFG& g) {
  for (int bi = g.entry; bi >= 0; bi = g.b(bi).next) {
    Block& b = g.b(bi);
    Instr* last = last_instr(b);
    if (!last) continue;
    Location prev = kNoLocation;
    for (auto& in : b.instrs) {
      if (in.loc.lineno == -1) in.loc = prev;
      else prev = in.loc;
    }
    int nx = b.next;
    if (!block_nofallthrough(b) && nx >= 0 && g.b(nx).predecessors == 1 && !g.b(nx).instrs.empty() &&
        g.b(nx).instrs[0].loc.lineno == -1)
      g.b(nx).instrs[0].loc = prev;
    if (is_jump(last->opcode) && last->target >= 0 && !is_block_push(last->opcode)) {
      Block& t = g.b(last->target);
      if (t.predecessors == 1 && !t.instrs.empty() && t.instrs[0].loc.lineno == -1) t.instrs[0].loc = prev;
    }
  }
}

bool block_has_eval_break(Block& b) {
  for (auto& in : b.instrs) {
    switch (in.opcode) {
      case JUMP: case JUMP_BACKWARD: case CALL: case CALL_KW: case CALL_FUNCTION_EX: case RESUME: return true;
      default: break;
    }
  }
  return false;
}
bool is_exit_or_eval_check_without_lineno(Block& b) {
  if (block_exits_scope(b) || block_has_eval_break(b)) return block_has_no_lineno(b);
  return false;
}
void recount_predecessors(CFG& g) {
  for (auto& b : g.blocks) b.predecessors = 0;
  g.b(g.entry).predecessors = 1;
  for (int bi = g.entry; bi >= 0; bi = g.b(bi).next) {
    Block& b = g.b(bi);
    if (!block_nofallthrough(b) && b.next >= 0) g.b(b.next).predecessors++;
    for (auto& in : b.instrs)
      if (is_jump(in.opcode) && in.target >= 0) g.b(in.target).predecessors++;
  }
}

void duplicate_exits_without_lineno(CFG& g) {
  // Copy exit blocks without line numbers that have several predecessors so
  // each copy inherits its predecessor's line.
  int bi = g.entry;
  while (bi >= 0) {
    Instr* last = last_instr(g.b(bi));
    if (last && is_jump(last->opcode) && !is_block_push(last->opcode) && last->target >= 0) {
      int target = last->target;
      while (g.b(target).instrs.empty() && g.b(target).next >= 0) target = g.b(target).next;
      if (is_exit_or_eval_check_without_lineno(g.b(target)) && g.b(target).predecessors > 1) {
        Location loc = last->loc;
        int nb = g.new_block();
        g.b(nb).instrs = g.b(target).instrs;
        for (auto& in : g.b(nb).instrs) in.loc = loc;
        g.b(nb).next = g.b(target).next;
        g.b(target).next = nb;
        g.b(target).predecessors--;
        g.b(nb).predecessors = 1;
        g.b(bi).instrs.back().target = nb;
      }
    }
    bi = g.b(bi).next;
  }
  // Fall-through into a no-lineno exit with one predecessor inherits the line.
  for (bi = g.entry; bi >= 0; bi = g.b(bi).next) {
    Block& b = g.b(bi);
    int nx = b.next;
    if (nx >= 0 && !block_nofallthrough(b) && !b.instrs.empty() && is_exit_or_eval_check_without_lineno(g.b(nx)) &&
        g.b(nx).predecessors == 1) {
      Location loc = b.instrs.back().loc;
      for (auto& in : g.b(nx).instrs) in.loc = loc;
    }
  }
}

void resolve_line_numbers(CFG& g, int firstlineno) {
  duplicate_exits_without_lineno(g);
  propagate_line_numbers(g);
}

// --- constants ---
struct ConstTable {
  std::vector<Object*>& consts;
  ConstIndex& index;
  int add(Object* o) { return index.add(consts, o); }
};

Object* get_const_value(Instr& in, std::vector<Object*>& consts) {
  if (in.opcode == LOAD_CONST) return consts[size_t(in.oparg)];
  if (in.opcode == LOAD_SMALL_INT) return int_from_i64(in.oparg);  // immortal small int
  return nullptr;
}
bool loads_const(int op) { return op == LOAD_CONST || op == LOAD_SMALL_INT; }

void instr_make_load_const(Instr& in, Object* value, ConstTable& ct) {
  if (int_check_exact(value) && int_is_compact(value)) {
    int64_t v = int_compact_value(value);
    if (v >= 0 && v < 256) { in.opcode = LOAD_SMALL_INT; in.oparg = int(v); in.target = -1; return; }
  }
  in.opcode = LOAD_CONST;
  in.oparg = ct.add(value);
  in.target = -1;
}

void set_nop(Instr& in) { in.opcode = NOP; in.oparg = 0; in.target = -1; }
// Folded-away instructions lose their location too (CPython's nop_out).
void nop_out(Instr& in) { set_nop(in); in.loc = kNoLocation; }

// Collects the n constant loads preceding position `pos` (skipping NOPs).
bool get_const_loads(Block& b, int pos, int n, std::vector<int>& idx) {
  idx.clear();
  for (int k = pos - 1; k >= 0 && int(idx.size()) < n; k--) {
    Instr& in = b.instrs[size_t(k)];
    if (in.opcode == NOP) continue;
    if (!loads_const(in.opcode)) return false;
    idx.push_back(k);
  }
  if (int(idx.size()) != n) return false;
  std::reverse(idx.begin(), idx.end());
  return true;
}

void fold_tuple_of_constants(Block& b, int pos, ConstTable& ct) {
  Instr& in = b.instrs[size_t(pos)];
  int n = in.oparg;
  std::vector<int> idx;
  if (!get_const_loads(b, pos, n, idx)) return;
  Ref<> t = steal(tuple_new(n));
  if (!t) { err_clear(); return; }
  for (int k = 0; k < n; k++) {
    Object* v = get_const_value(b.instrs[size_t(idx[size_t(k)])], ct.consts);
    tuple_init_item(t.get(), k, new_ref(v));
  }
  for (int k : idx) nop_out(b.instrs[size_t(k)]);
  instr_make_load_const(in, t.get(), ct);
}

// BUILD_LIST/BUILD_SET of >= 3 constants -> BUILD_LIST 0; LOAD_CONST tuple; LIST_EXTEND 1
void optimize_lists_and_sets(Block& b, int pos, ConstTable& ct) {
  Instr& in = b.instrs[size_t(pos)];
  int n = in.oparg;
  bool is_set = in.opcode == BUILD_SET;
  // followed by GET_ITER / CONTAINS_OP: becomes a constant tuple / frozenset
  int nextop = 0;
  for (size_t k = size_t(pos) + 1; k < b.instrs.size(); k++) {
    if (b.instrs[k].opcode != NOP) { nextop = b.instrs[k].opcode; break; }
  }
  bool contains_or_iter = nextop == GET_ITER || nextop == CONTAINS_OP;
  if (!contains_or_iter && n < kMinConstSequenceSize) return;
  std::vector<int> idx;
  if (!get_const_loads(b, pos, n, idx)) {
    // not all constants: iterate over / test membership in a tuple instead
    if (contains_or_iter && !is_set) in.opcode = BUILD_TUPLE;
    return;
  }
  Ref<> t = steal(tuple_new(n));
  if (!t) { err_clear(); return; }
  for (int k = 0; k < n; k++) tuple_init_item(t.get(), k, new_ref(get_const_value(b.instrs[size_t(idx[size_t(k)])], ct.consts)));
  Ref<> val = t;
  if (is_set) {
    val = steal(frozenset_new(t.get()));
    if (!val) { err_clear(); return; }
  }
  for (int k : idx) nop_out(b.instrs[size_t(k)]);
  if (contains_or_iter) {
    instr_make_load_const(in, val.get(), ct);
    return;
  }
  // Need three slots: the last two NOPs before pos (n >= 3 so they exist).
  Location loc = in.loc;
  int opc = is_set ? BUILD_SET : BUILD_LIST;
  int ext = is_set ? SET_UPDATE : LIST_EXTEND;
  Instr& a = b.instrs[size_t(idx[size_t(n - 2)])];
  Instr& c = b.instrs[size_t(idx[size_t(n - 1)])];
  a.opcode = opc; a.oparg = 0; a.loc = loc;
  c.opcode = LOAD_CONST; c.oparg = ct.add(val.get()); c.loc = loc;
  in.opcode = ext; in.oparg = 1;
}

Object* eval_const_binop(Object* l, Object* r, int op) {
  // Only folds operations whose results are small (as 3.14's safe_* checks).
  auto too_big_seq = [](Object* o) {
    if (str_check(o)) return str_length(o) > 4096;
    if (bytes_check(o)) return bytes_size(o) > 4096;
    if (tuple_check(o)) return tuple_size(o) > 256;
    return false;
  };
  if ((op == kNbMultiply) && (int_check(l) && int_check(r))) {
    // avoid huge ints
  }
  if (op == kNbPower && int_check(l) && int_check(r)) {
    int ov = 0;
    int64_t e = int_as_i64_overflow(r, &ov);
    if (ov || e > 128 || e < 0) return nullptr;
  }
  if ((op == kNbLshift) && int_check(r)) {
    int ov = 0;
    int64_t e = int_as_i64_overflow(r, &ov);
    if (ov || e > 128 || e < 0) return nullptr;
  }
  if (op == kNbMultiply && (str_check(l) || bytes_check(l) || tuple_check(l) || str_check(r) || bytes_check(r) || tuple_check(r))) {
    Object* n = int_check(l) ? l : r;
    Object* s = int_check(l) ? r : l;
    if (!int_check(n)) return nullptr;
    int ov = 0;
    int64_t v = int_as_i64_overflow(n, &ov);
    ssize len = str_check(s) ? str_length(s) : bytes_check(s) ? bytes_size(s) : tuple_size(s);
    if (ov || v < 0 || (v > 0 && len > 4096 / (v ? v : 1))) return nullptr;
  }
  Object* res = number_binary_op(l, r, op);
  if (!res) { err_clear(); return nullptr; }
  if (too_big_seq(res)) { decref(res); return nullptr; }
  if (int_check(res) && !int_is_compact(res)) {
    // CPython limits folded ints to MAX_INT_SIZE (128) bits
    static Object* limit = int_from_string("340282366920938463463374607431768211456", 10);
    Object* mag = number_absolute(res);
    int small = mag && limit ? object_richcompare_bool(mag, limit, kLT) : -1;
    xdecref(mag);
    if (small <= 0) {
      if (small < 0) err_clear();
      decref(res);
      return nullptr;
    }
  }
  return res;
}

void fold_const_binop(Block& b, int pos, ConstTable& ct) {
  Instr& in = b.instrs[size_t(pos)];
  std::vector<int> idx;
  if (!get_const_loads(b, pos, 2, idx)) return;
  Object* l = get_const_value(b.instrs[size_t(idx[0])], ct.consts);
  Object* r = get_const_value(b.instrs[size_t(idx[1])], ct.consts);
  Object* res = eval_const_binop(l, r, in.oparg);
  if (!res) return;
  nop_out(b.instrs[size_t(idx[0])]);
  nop_out(b.instrs[size_t(idx[1])]);
  instr_make_load_const(in, res, ct);
  decref(res);
}

void fold_const_unaryop(Block& b, int pos, ConstTable& ct) {
  Instr& in = b.instrs[size_t(pos)];
  std::vector<int> idx;
  if (!get_const_loads(b, pos, 1, idx)) return;
  Object* v = get_const_value(b.instrs[size_t(idx[0])], ct.consts);
  Object* res = nullptr;
  if (in.opcode == UNARY_NEGATIVE) {
    if (!(int_check(v) || float_check(v) || complex_check(v))) return;
    res = number_negative(v);
  } else if (in.opcode == UNARY_INVERT) {
    if (!int_check(v) || bool_check(v)) return;
    res = number_invert(v);
  } else if (in.opcode == CALL_INTRINSIC_1 && in.oparg == INTRINSIC_UNARY_POSITIVE) {
    if (!(int_check(v) || float_check(v) || complex_check(v))) return;
    res = number_positive(v);
  } else if (in.opcode == UNARY_NOT) {
    if (!bool_check(v)) return;
    res = new_ref(bool_from(v == False));
  }
  if (!res) { err_clear(); return; }
  nop_out(b.instrs[size_t(idx[0])]);
  instr_make_load_const(in, res, ct);
  decref(res);
}

void optimize_load_const(CFG& g, ConstTable& ct) {
  for (int bi = g.entry; bi >= 0; bi = g.b(bi).next) {
    Block& b = g.b(bi);
    for (int k = 0; k < int(b.instrs.size()); k++) {
      Instr& in = b.instrs[size_t(k)];
      if (in.opcode == LOAD_CONST || in.opcode == LOAD_SMALL_INT) {
        int nk = k + 1 < int(b.instrs.size()) ? k + 1 : -1;
        int nextop = nk >= 0 ? b.instrs[size_t(nk)].opcode : 0;
        Object* v = get_const_value(in, ct.consts);
        if (nextop == POP_JUMP_IF_FALSE || nextop == POP_JUMP_IF_TRUE) {
          int t = object_is_true(v);
          if (t < 0) { err_clear(); continue; }
          set_nop(in);
          bool jump_if_true = nextop == POP_JUMP_IF_TRUE;
          Instr& nx = b.instrs[size_t(nk)];
          if (bool(t) == jump_if_true) nx.opcode = JUMP;
          else set_nop(nx);
          continue;
        }
        if (nextop == TO_BOOL) {
          int t = object_is_true(v);
          if (t < 0) { err_clear(); continue; }
          set_nop(in);
          Instr& nx = b.instrs[size_t(nk)];
          nx.opcode = LOAD_CONST;
          nx.oparg = ct.add(bool_from(t));
          k = nk - 1;  // re-examine the new constant load
          continue;
        }
      }
      if (in.opcode == LOAD_CONST) {
        Object* v = ct.consts[size_t(in.oparg)];
        if (int_check_exact(v) && int_is_compact(v) && int_compact_value(v) >= 0 && int_compact_value(v) < 256) {
          in.opcode = LOAD_SMALL_INT;
          in.oparg = int(int_compact_value(v));
        }
      }
    }
  }
}

bool swappable(int op) { return op == STORE_FAST || op == STORE_FAST_MAYBE_NULL || op == POP_TOP; }
int stores_to(const Instr& in) { return (in.opcode == STORE_FAST || in.opcode == STORE_FAST_MAYBE_NULL) ? in.oparg : -1; }
int next_swappable(Block& b, int i, int lineno) {
  while (++i < int(b.instrs.size())) {
    Instr& in = b.instrs[size_t(i)];
    if (lineno >= 0 && in.loc.lineno != lineno) return -1;
    if (in.opcode == NOP) continue;
    if (swappable(in.opcode)) return i;
    return -1;
  }
  return -1;
}
// Replaces a run of SWAPs (and NOPs) by the shortest SWAP sequence with the
// same permutation (CPython's swaptimize): the permutation's cycles are each
// rotated through the top slot, emitted from the end of the run backwards.
void swaptimize(Block& b, int* ix) {
  Instr* ins = &b.instrs[size_t(*ix)];
  int depth = ins[0].oparg, len = 0;
  bool more = false;
  int limit = int(b.instrs.size()) - *ix;
  while (++len < limit) {
    int op = ins[len].opcode;
    if (op == SWAP) {
      depth = std::max(depth, ins[len].oparg);
      more = true;
    } else if (op != NOP) {
      break;
    }
  }
  if (!more) return;
  std::vector<int> stack(static_cast<size_t>(depth), 0);
  for (int i = 0; i < depth; i++) stack[size_t(i)] = i;
  for (int i = 0; i < len; i++)
    if (ins[i].opcode == SWAP) std::swap(stack[0], stack[size_t(ins[i].oparg - 1)]);
  constexpr int kVisited = -1;
  int current = len - 1;
  for (int i = 0; i < depth; i++) {
    if (stack[size_t(i)] == kVisited || stack[size_t(i)] == i) continue;
    int j = i;
    while (true) {
      if (j) {
        ins[current].opcode = SWAP;
        ins[current--].oparg = j + 1;
      }
      if (stack[size_t(j)] == kVisited) break;
      int next_j = stack[size_t(j)];
      stack[size_t(j)] = kVisited;
      j = next_j;
    }
  }
  while (current >= 0) set_nop(ins[current--]);
  *ix += len - 1;
}

// SWAP n followed by stores: reorder the stores instead (CPython's apply_static_swaps).
void apply_static_swaps(Block& b, int i) {
  for (; i >= 0; i--) {
    Instr& sw = b.instrs[size_t(i)];
    if (sw.opcode != SWAP) {
      if (sw.opcode == NOP || swappable(sw.opcode)) continue;
      return;
    }
    int j = next_swappable(b, i, -1);
    if (j < 0) return;
    int k = j;
    int lineno = b.instrs[size_t(j)].loc.lineno;
    for (int count = sw.oparg - 1; count > 0; count--) {
      k = next_swappable(b, k, lineno);
      if (k < 0) return;
    }
    int sj = stores_to(b.instrs[size_t(j)]), sk = stores_to(b.instrs[size_t(k)]);
    if (sj >= 0 || sk >= 0) {
      if (sj == sk) return;
      for (int x = j + 1; x < k; x++) {
        int sx = stores_to(b.instrs[size_t(x)]);
        if (sx >= 0 && (sx == sj || sx == sk)) return;
      }
    }
    set_nop(b.instrs[size_t(i)]);
    std::swap(b.instrs[size_t(j)], b.instrs[size_t(k)]);
  }
}

// Replaces the block's final jump `inst` by NOP + a jump to target's target (CPython's jump_thread).
bool jump_thread(Block& b, size_t idx, const Instr& target, int opcode) {
  Instr& inst = b.instrs[idx];
  if (inst.target == target.target) return false;
  set_nop(inst);
  Instr j; j.opcode = opcode; j.oparg = 0; j.target = target.target; j.loc = target.loc;
  b.instrs.push_back(j);
  return true;
}

// CPython's folds "X; NEXT" -> "NOP; X'" put the result in NEXT's slot
// (keeping NEXT's location).
void move_into_next(Block& b, int k, int nk, int opcode, int oparg) {
  Instr& n = b.instrs[size_t(nk)];
  n.opcode = opcode;
  n.oparg = oparg;
  n.target = -1;
  set_nop(b.instrs[size_t(k)]);
}

bool optimize_basic_block(CFG& g, int bi, ConstTable& ct) {
  for (int k = 0; k < int(g.b(bi).instrs.size()); k++) {
    Block& b = g.b(bi);
    Instr in = b.instrs[size_t(k)];
    int nk = k + 1 < int(b.instrs.size()) ? k + 1 : -1;
    int nextop = nk >= 0 ? b.instrs[size_t(nk)].opcode : 0;
    const Instr* target = nullptr;
    if (is_jump(in.opcode) && in.target >= 0 && !g.b(in.target).instrs.empty()) target = &g.b(in.target).instrs[0];
    int top = target ? target->opcode : NOP;
    switch (in.opcode) {
      case BUILD_TUPLE:
        if (nextop == UNPACK_SEQUENCE && b.instrs[size_t(nk)].oparg == in.oparg) {
          if (in.oparg == 1) { set_nop(b.instrs[size_t(k)]); set_nop(b.instrs[size_t(nk)]); break; }
          if (in.oparg == 2 || in.oparg == 3) {
            set_nop(b.instrs[size_t(k)]);
            b.instrs[size_t(nk)].opcode = SWAP;
            b.instrs[size_t(nk)].oparg = in.oparg;
            break;
          }
          // longer: fold the constant tuple, keep UNPACK_SEQUENCE
        }
        fold_tuple_of_constants(b, k, ct);
        break;
      case BUILD_LIST:
      case BUILD_SET:
        optimize_lists_and_sets(b, k, ct);
        break;
      case BINARY_OP:
        fold_const_binop(b, k, ct);
        break;
      case UNARY_NEGATIVE:
      case UNARY_INVERT:
        fold_const_unaryop(b, k, ct);
        break;
      case CALL_INTRINSIC_1:
        if (in.oparg == INTRINSIC_LIST_TO_TUPLE && nextop == GET_ITER) set_nop(b.instrs[size_t(k)]);
        else if (in.oparg == INTRINSIC_UNARY_POSITIVE) fold_const_unaryop(b, k, ct);
        break;
      case UNARY_NOT:
        if (nextop == TO_BOOL) { move_into_next(b, k, nk, UNARY_NOT, 0); break; }
        if (nextop == UNARY_NOT) { set_nop(b.instrs[size_t(k)]); set_nop(b.instrs[size_t(nk)]); k++; break; }
        fold_const_unaryop(b, k, ct);
        break;
      case COMPARE_OP:
        if (nextop == TO_BOOL) move_into_next(b, k, nk, COMPARE_OP, in.oparg | 16);
        break;
      case IS_OP: {
        // LOAD_CONST None; IS_OP; [TO_BOOL]; POP_JUMP_IF_x -> POP_JUMP_IF_(NOT_)NONE
        if (k > 0 && b.instrs[size_t(k - 1)].opcode == LOAD_CONST && ct.consts[size_t(b.instrs[size_t(k - 1)].oparg)] == None) {
          int jk = nk;
          if (jk >= 0 && b.instrs[size_t(jk)].opcode == TO_BOOL) jk = jk + 1 < int(b.instrs.size()) ? jk + 1 : -1;
          if (jk >= 0 && (b.instrs[size_t(jk)].opcode == POP_JUMP_IF_TRUE || b.instrs[size_t(jk)].opcode == POP_JUMP_IF_FALSE)) {
            bool jump_if_true = b.instrs[size_t(jk)].opcode == POP_JUMP_IF_TRUE;
            bool invert = in.oparg != 0;
            set_nop(b.instrs[size_t(k - 1)]);
            set_nop(b.instrs[size_t(k)]);
            if (jk != nk) set_nop(b.instrs[size_t(nk)]);
            b.instrs[size_t(jk)].opcode = (jump_if_true != invert) ? POP_JUMP_IF_NONE : POP_JUMP_IF_NOT_NONE;
            break;
          }
        }
        if (nextop == TO_BOOL) move_into_next(b, k, nk, IS_OP, in.oparg);
        else if (nextop == UNARY_NOT) move_into_next(b, k, nk, IS_OP, in.oparg ^ 1);
        break;
      }
      case CONTAINS_OP:
        if (nextop == TO_BOOL) move_into_next(b, k, nk, CONTAINS_OP, in.oparg);
        else if (nextop == UNARY_NOT) move_into_next(b, k, nk, CONTAINS_OP, in.oparg ^ 1);
        break;
      case TO_BOOL:
        if (nextop == TO_BOOL) set_nop(b.instrs[size_t(k)]);
        break;
      case LOAD_GLOBAL:
        if (nextop == PUSH_NULL && (in.oparg & 1) == 0) {
          b.instrs[size_t(k)].oparg |= 1;
          set_nop(b.instrs[size_t(nk)]);
        }
        break;
      case SWAP:
        if (in.oparg == 1) set_nop(b.instrs[size_t(k)]);
        break;
      case STORE_FAST:
        // x stored twice in a row (e.g. `a, _, _ = t`): the first store is dead
        if (nextop == STORE_FAST && b.instrs[size_t(nk)].oparg == in.oparg &&
            b.instrs[size_t(nk)].loc.lineno == in.loc.lineno) {
          b.instrs[size_t(k)].opcode = POP_TOP;
          b.instrs[size_t(k)].oparg = 0;
        }
        break;
      case POP_JUMP_IF_NOT_NONE: case POP_JUMP_IF_NONE: case POP_JUMP_IF_FALSE: case POP_JUMP_IF_TRUE:
        if (top == JUMP && jump_thread(b, size_t(k), *target, in.opcode)) k--;
        break;
      case JUMP_IF_FALSE:
      case JUMP_IF_TRUE: {
        int same = in.opcode, other = in.opcode == JUMP_IF_FALSE ? JUMP_IF_TRUE : JUMP_IF_FALSE;
        if (top == JUMP || top == same) {
          if (jump_thread(b, size_t(k), *target, same)) k--;
        } else if (top == other) {
          b.instrs[size_t(k)].target = g.b(in.target).next;
          k--;
        }
        break;
      }
      case JUMP:
      case JUMP_NO_INTERRUPT:
        if (top == JUMP) { if (jump_thread(b, size_t(k), *target, JUMP)) k--; }
        else if (top == JUMP_NO_INTERRUPT) { if (jump_thread(b, size_t(k), *target, in.opcode)) k--; }
        break;
      default:
        break;
    }
  }
  Block& bb = g.b(bi);
  for (int k = 0; k < int(bb.instrs.size()); k++)
    if (bb.instrs[size_t(k)].opcode == SWAP) {
      swaptimize(bb, &k);
      apply_static_swaps(bb, k);
    }
  return true;
}

void remove_redundant_nops(CFG& g) {
  for (int bi = g.entry; bi >= 0; bi = g.b(bi).next) {
    Block& b = g.b(bi);
    std::vector<Instr> out;
    int prev_line = -1;
    for (size_t k = 0; k < b.instrs.size(); k++) {
      Instr& in = b.instrs[k];
      if (in.opcode == NOP) {
        int line = in.loc.lineno;
        // keep a NOP that is the only carrier of its line
        if (line < 0) continue;
        if (prev_line == line) continue;
        if (k + 1 < b.instrs.size()) {
          int nl = b.instrs[k + 1].loc.lineno;
          if (nl == line) continue;
          if (nl < 0) { b.instrs[k + 1].loc = in.loc; continue; }
        } else {
          // last in block: dropped when the next non-empty block starts on the same line
          int nx = b.next;
          while (nx >= 0 && g.b(nx).instrs.empty()) nx = g.b(nx).next;
          if (nx >= 0) {
            int next_line = -1;
            for (auto& ni : g.b(nx).instrs) {
              if (ni.opcode == NOP && ni.loc.lineno < 0) continue;
              next_line = ni.loc.lineno;
              break;
            }
            if (line == next_line) continue;
          }
        }
      }
      prev_line = in.loc.lineno;
      out.push_back(in);
    }
    b.note_shrink(b.instrs, out.size());
    b.instrs.swap(out);
  }
}

// POP_TOP after a side-effect-free push: remove the pair.
void remove_redundant_nops_and_pairs(CFG& g) {
  bool done = false;
  while (!done) {
    done = true;
    Instr* prev = nullptr;
    for (int bi = g.entry; bi >= 0; bi = g.b(bi).next) {
      Block& b = g.b(bi);
      if (b.instrs.empty()) continue;
      if (b.predecessors > 1 || b.except_handler) prev = nullptr;
      for (auto& in : b.instrs) {
        if (prev && in.opcode == POP_TOP) {
          int p = prev->opcode;
          if (p == LOAD_CONST || p == LOAD_SMALL_INT) {
            set_nop(*prev); set_nop(in); done = false;
          } else if (p == COPY && prev->oparg == 1) {
            set_nop(*prev); set_nop(in); done = false;
          }
        }
        prev = in.opcode == NOP ? prev : &in;
      }
      if (is_jump(b.instrs.back().opcode) || block_nofallthrough(b)) prev = nullptr;
    }
    if (!done) remove_redundant_nops(g);
  }
}

int next_nonempty(CFG& g, int bi) {
  int nx = g.b(bi).next;
  while (nx >= 0 && g.b(nx).instrs.empty()) nx = g.b(nx).next;
  return nx;
}

bool remove_redundant_jumps(CFG& g) {
  bool changes = false;
  for (int bi = g.entry; bi >= 0; bi = g.b(bi).next) {
    Block& b = g.b(bi);
    Instr* last = last_instr(b);
    if (!last) continue;
    if (is_uncond_jump(last->opcode)) {
      int t = last->target;
      while (t >= 0 && g.b(t).instrs.empty()) t = g.b(t).next;
      if (t == next_nonempty(g, bi)) {
        set_nop(*last);
        changes = true;
      }
    }
  }
  return changes;
}

void optimize_cfg(CFG& g, ConstTable& ct, int firstlineno) {
  inline_small_or_no_lineno_blocks(g);
  remove_unreachable(g);
  resolve_line_numbers(g, firstlineno);
  optimize_load_const(g, ct);
  for (int bi = g.entry; bi >= 0; bi = g.b(bi).next) optimize_basic_block(g, bi, ct);
  remove_redundant_nops_and_pairs(g);
  remove_unreachable(g);
  for (int iter = 0; iter < 100; iter++) {
    remove_redundant_nops(g);
    if (!remove_redundant_jumps(g)) break;
  }
}

void remove_unused_consts(CFG& g, std::vector<Object*>& consts) {
  size_t n = consts.size();
  if (n == 0) return;
  std::vector<int> used(n, 0);
  used[0] = 1;  // the first constant may be the docstring: always kept
  for (int bi = g.entry; bi >= 0; bi = g.b(bi).next)
    for (auto& in : g.b(bi).instrs)
      if (in.opcode == LOAD_CONST) used[size_t(in.oparg)] = 1;
  std::vector<int> remap(n, -1);
  std::vector<Object*> out;
  for (size_t k = 0; k < n; k++) {
    if (used[k]) { remap[k] = int(out.size()); out.push_back(consts[k]); }
    else decref(consts[k]);
  }
  consts.swap(out);
  for (int bi = g.entry; bi >= 0; bi = g.b(bi).next)
    for (auto& in : g.b(bi).instrs)
      if (in.opcode == LOAD_CONST) in.oparg = remap[size_t(in.oparg)];
}

// LOAD_FAST of a variable that may be unbound -> LOAD_FAST_CHECK.
void add_checks_for_loads_of_uninitialized(CFG& g, int nlocals, int nparams) {
  if (nlocals > 64) nlocals = 64;  // beyond 64 CPython checks differently; keep conservative below
  uint64_t all = nlocals >= 64 ? ~uint64_t(0) : ((uint64_t(1) << nlocals) - 1);
  uint64_t start_mask = all;
  for (int k = 0; k < nparams && k < 64; k++) start_mask &= ~(uint64_t(1) << k);
  std::vector<uint64_t> in_mask(g.blocks.size(), 0);
  std::vector<char> seen(g.blocks.size(), 0);
  std::vector<int> todo{g.entry};
  in_mask[size_t(g.entry)] = start_mask;
  seen[size_t(g.entry)] = 1;
  auto merge = [&](int t, uint64_t m) {
    uint64_t nm = in_mask[size_t(t)] | m;
    if (!seen[size_t(t)] || nm != in_mask[size_t(t)]) {
      in_mask[size_t(t)] = nm; seen[size_t(t)] = 1;
      todo.push_back(t);
    }
  };
  while (!todo.empty()) {
    int bi = todo.back(); todo.pop_back();
    Block& b = g.b(bi);
    uint64_t m = in_mask[size_t(bi)];
    for (auto& in : b.instrs) {
      if (in.except_handler >= 0) merge(in.except_handler, m);
      int a = in.oparg;
      bool tracked = a < nlocals && a < 64;
      switch (in.opcode) {
        // a restored comprehension variable may be NULL: unsafe (as CPython)
        case DELETE_FAST: case LOAD_FAST_AND_CLEAR: case STORE_FAST_MAYBE_NULL:
          if (tracked) m |= uint64_t(1) << a;
          break;
        case STORE_FAST: if (tracked) m &= ~(uint64_t(1) << a); break;
        case LOAD_FAST: case LOAD_FAST_CHECK: if (tracked) m &= ~(uint64_t(1) << a); break;
        default: break;
      }
      if (is_jump(in.opcode) && in.target >= 0 && !is_block_push(in.opcode)) merge(in.target, m);
    }
    if (!block_nofallthrough(b) && b.next >= 0) merge(b.next, m);
  }
  for (int bi = g.entry; bi >= 0; bi = g.b(bi).next) {
    Block& b = g.b(bi);
    uint64_t m = in_mask[size_t(bi)];
    for (auto& in : b.instrs) {
      int a = in.oparg;
      bool tracked = a < nlocals && a < 64;
      switch (in.opcode) {
        case DELETE_FAST: case LOAD_FAST_AND_CLEAR: case STORE_FAST_MAYBE_NULL:
          if (tracked) m |= uint64_t(1) << a;
          break;
        case STORE_FAST: if (tracked) m &= ~(uint64_t(1) << a); break;
        case LOAD_FAST_CHECK: if (tracked) m &= ~(uint64_t(1) << a); break;
        case LOAD_FAST:
          if (tracked) {
            if (m & (uint64_t(1) << a)) in.opcode = LOAD_FAST_CHECK;
            m &= ~(uint64_t(1) << a);
          }
          break;
        default: break;
      }
    }
  }
}

void make_super_instruction(Instr& a, Instr& b, int op) {
  int o1 = a.oparg, o2 = b.oparg;
  if (o1 >= 16 || o2 >= 16) return;
  a.opcode = op;
  a.oparg = (o1 << 4) | o2;
  set_nop(b);
}

void insert_superinstructions(CFG& g) {
  for (int bi = g.entry; bi >= 0; bi = g.b(bi).next) {
    Block& b = g.b(bi);
    for (size_t k = 0; k + 1 < b.instrs.size(); k++) {
      Instr& a = b.instrs[k];
      Instr& n = b.instrs[k + 1];
      if (a.loc.lineno != n.loc.lineno && n.loc.lineno >= 0 && a.loc.lineno >= 0) continue;
      if (a.loc.lineno != n.loc.lineno) continue;
      if (a.opcode == LOAD_FAST && n.opcode == LOAD_FAST) make_super_instruction(a, n, LOAD_FAST_LOAD_FAST);
      else if (a.opcode == STORE_FAST && n.opcode == LOAD_FAST) make_super_instruction(a, n, STORE_FAST_LOAD_FAST);
      else if (a.opcode == STORE_FAST && n.opcode == STORE_FAST) make_super_instruction(a, n, STORE_FAST_STORE_FAST);
    }
  }
  remove_redundant_nops(g);
}

// Exception handlers and blocks only reachable from them go to the end.
void push_cold_blocks_to_end(CFG& g) {
  // mark warm: reachable from entry without going through an exception edge
  for (auto& b : g.blocks) { b.warm = false; b.cold = false; }
  std::vector<int> todo{g.entry};
  g.b(g.entry).warm = true;
  while (!todo.empty()) {
    int bi = todo.back(); todo.pop_back();
    Block& b = g.b(bi);
    if (!block_nofallthrough(b) && b.next >= 0 && !g.b(b.next).warm) { g.b(b.next).warm = true; todo.push_back(b.next); }
    for (auto& in : b.instrs)
      if (is_jump(in.opcode) && !is_block_push(in.opcode) && in.target >= 0 && !g.b(in.target).warm) {
        g.b(in.target).warm = true; todo.push_back(in.target);
      }
  }
  bool any_cold = false;
  for (int bi = g.entry; bi >= 0; bi = g.b(bi).next) {
    Block& b = g.b(bi);
    if (!b.warm && (b.reachable || b.except_handler)) { b.cold = true; any_cold = true; }
  }
  if (!any_cold) return;
  // cold blocks that fall through into warm blocks get an explicit jump
  for (int bi = g.entry; bi >= 0; bi = g.b(bi).next) {
    Block& b = g.b(bi);
    if (b.cold && !b.instrs.empty() && !block_nofallthrough(b) && b.next >= 0 && g.b(b.next).warm) {
      int nb = g.new_block();
      Instr j; j.opcode = JUMP_NO_INTERRUPT; j.oparg = 0; j.target = g.b(bi).next; j.loc = kNoLocation;
      g.b(nb).instrs.push_back(j);
      g.b(nb).cold = true;
      g.b(nb).reachable = true;
      g.b(nb).predecessors = 1;
      g.b(nb).next = g.b(bi).next;
      g.b(bi).next = nb;
    }
  }
  std::vector<int> warm, cold;
  for (int bi = g.entry; bi >= 0; bi = g.b(bi).next) (g.b(bi).cold ? cold : warm).push_back(bi);
  std::vector<int> order = warm;
  order.insert(order.end(), cold.begin(), cold.end());
  for (size_t k = 0; k < order.size(); k++) g.b(order[k]).next = k + 1 < order.size() ? order[k + 1] : -1;
  g.entry = order[0];
  remove_redundant_jumps(g);
}

void convert_pseudo_conditional_jumps(CFG& g) {
  for (int bi = g.entry; bi >= 0; bi = g.b(bi).next) {
    Block& b = g.b(bi);
    for (size_t k = 0; k < b.instrs.size(); k++) {
      Instr& in = b.instrs[k];
      if (in.opcode == JUMP_IF_FALSE || in.opcode == JUMP_IF_TRUE) {
        int op = in.opcode == JUMP_IF_FALSE ? POP_JUMP_IF_FALSE : POP_JUMP_IF_TRUE;
        Instr copy = in; copy.opcode = COPY; copy.oparg = 1; copy.target = -1;
        Instr tb = in; tb.opcode = TO_BOOL; tb.oparg = 0; tb.target = -1;
        in.opcode = op;
        b.instrs.insert(b.instrs.begin() + ssize(k), {copy, tb});
        k += 2;
      }
    }
  }
}

int calculate_stackdepth(CFG& g) {
  for (auto& b : g.blocks) b.startdepth = -1;
  int maxdepth = 0;
  std::vector<int> stack;
  auto push = [&](int t, int depth) {
    if (g.b(t).startdepth < depth && g.b(t).startdepth < 100) {
      g.b(t).startdepth = depth;
      stack.push_back(t);
    }
  };
  push(g.entry, 0);
  while (!stack.empty()) {
    int bi = stack.back(); stack.pop_back();
    Block& b = g.b(bi);
    int depth = b.startdepth;
    bool fell = true;
    for (auto& in : b.instrs) {
      int effect = stack_effect(in.opcode, in.oparg, 0);
      if (is_jump(in.opcode) && in.target >= 0) {
        int jeffect = stack_effect(in.opcode, in.oparg, 1);
        int tdepth = depth + jeffect;
        if (tdepth > maxdepth) maxdepth = tdepth;
        push(in.target, tdepth);
      }
      depth += effect;
      if (depth > maxdepth) maxdepth = depth;
      if (is_terminator(in.opcode)) { fell = false; break; }
    }
    if (fell && b.next >= 0) push(b.next, depth);
  }
  return maxdepth;
}


// Number of stack inputs an instruction consumes (CPython's _PyOpcode_num_popped).
int num_popped(int op, int oparg) {
  switch (op) {
    case BINARY_OP: case COMPARE_OP: case CONTAINS_OP: case IS_OP: case DELETE_SUBSCR: case STORE_ATTR:
    case CALL_INTRINSIC_2: case FORMAT_WITH_SPEC: case IMPORT_NAME: case CHECK_EG_MATCH: case END_ASYNC_FOR:
    case END_SEND: case SET_FUNCTION_ATTRIBUTE:
      return 2;
    case BINARY_SLICE: case STORE_SUBSCR: case CLEANUP_THROW: case MATCH_CLASS: return 3;
    case STORE_SLICE: case CALL_FUNCTION_EX: return 4;
    case CALL: return 2 + oparg;
    case CALL_KW: return 3 + oparg;
    case BUILD_LIST: case BUILD_TUPLE: case BUILD_SET: case BUILD_STRING: case BUILD_SLICE: case RAISE_VARARGS: return oparg;
    case BUILD_MAP: return 2 * oparg;
    case BUILD_INTERPOLATION: return 2 + (oparg & 1);
    case BUILD_TEMPLATE: return 2;
    case DELETE_ATTR: case STORE_GLOBAL: case STORE_NAME: case STORE_DEREF: case POP_TOP: case RETURN_VALUE:
    case YIELD_VALUE: case TO_BOOL: case UNARY_INVERT: case UNARY_NEGATIVE: case UNARY_NOT: case UNPACK_SEQUENCE:
    case UNPACK_EX: case POP_JUMP_IF_FALSE: case POP_JUMP_IF_TRUE: case POP_JUMP_IF_NONE: case POP_JUMP_IF_NOT_NONE:
    case CALL_INTRINSIC_1: case CONVERT_VALUE: case MAKE_FUNCTION: case LOAD_FROM_DICT_OR_DEREF:
    case LOAD_FROM_DICT_OR_GLOBALS: case POP_EXCEPT: case POP_ITER: case END_FOR: case GET_AWAITABLE:
    case EXIT_INIT_CHECK: case GET_AITER: case INTERPRETER_EXIT: case GET_ITER:
      return 1;
    default: {
      int e = stack_effect(op, oparg, 0);
      return e < 0 ? -e : 0;
    }
  }
}

// LOAD_FAST -> LOAD_FAST_BORROW when the pushed reference is consumed inside
// its basic block while the local still holds it (3.14's optimize_load_fast).
void optimize_load_fast(CFG& g) {
  struct Ref { int instr; int local; };
  enum : uint8_t { kSupportKilled = 1, kStoredAsLocal = 2, kRefUnconsumed = 4 };
  std::vector<Ref> refs;
  std::vector<uint8_t> flags;
  for (auto& b : g.blocks) b.visited = false;
  std::vector<int> todo{g.entry};
  g.b(g.entry).visited = true;
  if (g.b(g.entry).startdepth < 0) g.b(g.entry).startdepth = 0;
  auto push_block = [&](int t) {
    if (t >= 0 && !g.b(t).visited) { g.b(t).visited = true; todo.push_back(t); }
  };
  while (!todo.empty()) {
    int bi = todo.back(); todo.pop_back();
    Block& b = g.b(bi);
    flags.assign(b.instrs.size(), 0);
    refs.clear();
    for (int k = 0; k < b.startdepth; k++) refs.push_back({-1, -1});
    auto pop = [&]() -> Ref { if (refs.empty()) return {-1, -1}; Ref r = refs.back(); refs.pop_back(); return r; };
    auto kill_local = [&](int local) {
      for (auto& r : refs) if (r.local == local && r.instr >= 0) flags[size_t(r.instr)] |= kSupportKilled;
    };
    auto store_local = [&](int local, Ref r) {
      kill_local(local);
      if (r.instr >= 0) flags[size_t(r.instr)] |= kStoredAsLocal;
    };
    for (int i = 0; i < int(b.instrs.size()); i++) {
      Instr& in = b.instrs[size_t(i)];
      int op = in.opcode, oparg = in.oparg;
      switch (op) {
        case DELETE_FAST: kill_local(oparg); break;
        case LOAD_FAST: refs.push_back({i, oparg}); break;
        case LOAD_FAST_AND_CLEAR: kill_local(oparg); refs.push_back({i, oparg}); break;
        case LOAD_FAST_LOAD_FAST: refs.push_back({i, oparg >> 4}); refs.push_back({i, oparg & 15}); break;
        case STORE_FAST: { Ref r = pop(); store_local(oparg, r); break; }
        case STORE_FAST_LOAD_FAST: { Ref r = pop(); store_local(oparg >> 4, r); refs.push_back({i, oparg & 15}); break; }
        case STORE_FAST_STORE_FAST: {
          Ref r = pop(); store_local(oparg >> 4, r);
          r = pop(); store_local(oparg & 15, r);
          break;
        }
        case COPY: {
          Ref r = refs.size() >= size_t(oparg) ? refs[refs.size() - size_t(oparg)] : Ref{-1, -1};
          refs.push_back(r);
          break;
        }
        case SWAP:
          if (refs.size() >= size_t(oparg)) std::swap(refs.back(), refs[refs.size() - size_t(oparg)]);
          break;
        case FORMAT_SIMPLE: case GET_ANEXT: case GET_LEN: case GET_YIELD_FROM_ITER:
        case IMPORT_FROM: case MATCH_KEYS: case MATCH_MAPPING: case MATCH_SEQUENCE: case WITH_EXCEPT_START: {
          int net = stack_effect(op, oparg, 0);
          // CPython's loop variable shadows the instruction index here, so the
          // pushed values are attributed to instructions 0..net-1 of the block
          // (e.g. `from m import x` then marks instruction 0 as stored).
          for (int k = 0; k < net; k++) refs.push_back({k < int(b.instrs.size()) ? k : -1, -1});
          break;
        }
        case DICT_MERGE: case DICT_UPDATE: case LIST_APPEND: case LIST_EXTEND: case MAP_ADD: case RERAISE:
        case SET_ADD: case SET_UPDATE: {
          int net = -stack_effect(op, oparg, 0);
          for (int k = 0; k < net; k++) pop();
          break;
        }
        case END_SEND: case SET_FUNCTION_ATTRIBUTE: {
          Ref tos = pop(); pop(); refs.push_back(tos);
          break;
        }
        case CHECK_EXC_MATCH: pop(); refs.push_back({i, -1}); break;
        case FOR_ITER: push_block(in.target); refs.push_back({i, -1}); break;
        case LOAD_ATTR: case LOAD_SUPER_ATTR: {
          Ref self = pop();
          if (op == LOAD_SUPER_ATTR) { pop(); pop(); }
          refs.push_back({i, -1});
          if (oparg & 1) refs.push_back(self);
          break;
        }
        case LOAD_SPECIAL: case PUSH_EXC_INFO: {
          Ref tos = pop();
          refs.push_back({i, -1});
          refs.push_back(tos);
          break;
        }
        case SEND: push_block(in.target); pop(); refs.push_back({i, -1}); break;
        default: {
          int popped = num_popped(op, oparg);
          int pushed = popped + stack_effect(op, oparg, 0);
          if ((kOpcodeFlags[op] & kOpHasJump) && in.target >= 0) push_block(in.target);
          for (int k = 0; k < popped; k++) pop();
          for (int k = 0; k < pushed; k++) refs.push_back({i, -1});
          break;
        }
      }
    }
    Instr* term = last_instr(b);
    // as CPython, an empty block does not propagate to its fall-through successor
    if (term && b.next >= 0 && !is_terminator(term->opcode)) push_block(b.next);
    for (auto& r : refs) if (r.instr >= 0) flags[size_t(r.instr)] |= kRefUnconsumed;
    for (size_t k = 0; k < b.instrs.size(); k++) {
      if (flags[k]) continue;
      if (b.instrs[k].opcode == LOAD_FAST) b.instrs[k].opcode = LOAD_FAST_BORROW;
      else if (b.instrs[k].opcode == LOAD_FAST_LOAD_FAST) b.instrs[k].opcode = LOAD_FAST_BORROW_LOAD_FAST_BORROW;
    }
  }
}

}  // namespace

namespace {
bool complex_check_exact(const Object* o) { return o->type == &ComplexType; }
bool float_bits_equal(double x, double y) {
  if (std::isnan(x) || std::isnan(y)) return false;  // NaN keys match only the same object
  return std::memcmp(&x, &y, sizeof x) == 0;
}
uint64_t float_bits(double d) { uint64_t u; std::memcpy(&u, &d, sizeof u); return u; }
uint64_t mix64(uint64_t x) {  // splitmix64 finaliser
  x ^= x >> 30; x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27; x *= 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}
uint64_t identity_hash(const Object* o) { return mix64(uint64_t(uintptr_t(o))); }

bool frozenset_keys_equal(Object* a, Object* b) {
  if (set_size(a) != set_size(b)) return false;
  // Items of one set have pairwise distinct keys, so matching every item of a
  // to a key-equal item of b (grouped by key hash) is a bijection.
  std::vector<std::pair<size_t, Object*>> eb;
  eb.reserve(size_t(set_size(b)));
  ssize pos = 0;
  Object* item;
  while (set_next(b, &pos, &item)) eb.emplace_back(const_key_hash(item), item);
  std::sort(eb.begin(), eb.end(), [](auto& x, auto& y) { return x.first < y.first; });
  pos = 0;
  while (set_next(a, &pos, &item)) {
    size_t h = const_key_hash(item);
    auto it = std::lower_bound(eb.begin(), eb.end(), h, [](auto& x, size_t v) { return x.first < v; });
    bool found = false;
    for (; it != eb.end() && it->first == h; ++it)
      if (const_equal(item, it->second)) { found = true; break; }
    if (!found) return false;
  }
  return true;
}
}  // namespace

bool const_equal(Object* a, Object* b) {
  if (a == b) return true;
  if (a->type != b->type) return false;
  if (float_check_exact(a)) return float_bits_equal(float_value(a), float_value(b));
  if (complex_check_exact(a)) {
    auto* x = static_cast<ComplexObject*>(a);
    auto* y = static_cast<ComplexObject*>(b);
    return float_bits_equal(x->real, y->real) && float_bits_equal(x->imag, y->imag);
  }
  if (tuple_check_exact(a)) {
    if (tuple_size(a) != tuple_size(b)) return false;
    for (ssize i = 0; i < tuple_size(a); i++)
      if (!const_equal(tuple_get(a, i), tuple_get(b, i))) return false;
    return true;
  }
  if (slice_check(a)) {
    auto* x = static_cast<SliceObject*>(a);
    auto* y = static_cast<SliceObject*>(b);
    return const_equal(x->start, y->start) && const_equal(x->stop, y->stop) && const_equal(x->step, y->step);
  }
  if (a->type == &FrozenSetType) return frozenset_keys_equal(a, b);
  if (int_check_exact(a) || str_check_exact(a) || bytes_check(a) || code_check(a)) {
    int r = object_richcompare_bool(a, b, kEQ);
    if (r < 0) { err_clear(); return false; }
    return r == 1;
  }
  return false;  // None, Ellipsis, bools and anything else: identity
}

size_t const_key_hash(Object* o) {
  uint64_t tag = uint64_t(uintptr_t(o->type));
  if (int_check_exact(o) || str_check_exact(o) || bytes_check(o) || code_check(o)) {
    Hash h = object_hash(o);
    if (h == -1) { err_clear(); h = 0; }
    return size_t(mix64(uint64_t(h) ^ tag));
  }
  if (float_check_exact(o)) {
    double d = float_value(o);
    return size_t(std::isnan(d) ? identity_hash(o) : mix64(float_bits(d) ^ tag));
  }
  if (complex_check_exact(o)) {
    auto* c = static_cast<ComplexObject*>(o);
    if (std::isnan(c->real) || std::isnan(c->imag)) return size_t(identity_hash(o));
    return size_t(mix64(mix64(float_bits(c->real) ^ tag) + float_bits(c->imag)));
  }
  if (tuple_check_exact(o)) {
    uint64_t h = mix64(tag + uint64_t(tuple_size(o)));
    for (ssize i = 0; i < tuple_size(o); i++) h = mix64(h + const_key_hash(tuple_get(o, i)));
    return size_t(h);
  }
  if (slice_check(o)) {
    auto* s = static_cast<SliceObject*>(o);
    uint64_t h = mix64(tag);
    h = mix64(h + const_key_hash(s->start));
    h = mix64(h + const_key_hash(s->stop));
    return size_t(mix64(h + const_key_hash(s->step)));
  }
  if (o->type == &FrozenSetType) {
    uint64_t h = 0;  // order-independent
    ssize pos = 0;
    Object* item;
    while (set_next(o, &pos, &item)) h += mix64(const_key_hash(item));
    return size_t(mix64(h ^ tag ^ uint64_t(set_size(o))));
  }
  return size_t(identity_hash(o));
}

int ConstIndex::add(std::vector<Object*>& consts, Object* o) {
  if (indexed > consts.size()) reset();
  for (; indexed < consts.size(); indexed++) map.emplace(consts[indexed], int(indexed));  // first index wins
  auto it = map.find(o);
  if (it != map.end()) return it->second;
  consts.push_back(new_ref(o));
  int idx = int(consts.size()) - 1;
  map.emplace(o, idx);
  indexed = consts.size();
  return idx;
}

size_t NameKeyHash::operator()(Object* o) const {
  Hash h = object_hash(o);  // str: cached, never fails
  if (h == -1) { err_clear(); h = 0; }
  return size_t(h);
}
bool NameKeyEq::operator()(Object* a, Object* b) const { return a == b || str_eq(a, b); }

void NameIndex::sync(const std::vector<Object*>& v) {
  if (indexed > v.size()) reset();
  for (; indexed < v.size(); indexed++) map.emplace(v[indexed], int(indexed));
}

Object* optimize_and_assemble(InstrSequence& seq, UnitMetadata& md, Object* filename, int nparams) {
  CFG g;
  build_cfg(seq, g);
  mark_except_handlers(g);
  label_exception_targets(g);
  ConstTable ct{md.consts, md.const_index};
  optimize_cfg(g, ct, md.firstlineno);
  md.const_index.reset();  // indices change below
  remove_unused_consts(g, md.consts);
  int nlocals = int(md.varnames.size());
  add_checks_for_loads_of_uninitialized(g, nlocals, nparams);
  insert_superinstructions(g);
  push_cold_blocks_to_end(g);
  recount_predecessors(g);
  resolve_line_numbers(g, md.firstlineno);
  convert_pseudo_conditional_jumps(g);
  int maxdepth = calculate_stackdepth(g);

  // --- localsplus layout ---
  std::vector<Object*> lnames;
  std::vector<uint8_t> lkinds;
  int ncellvars = int(md.cellvars.size());
  std::vector<int> cellfixed(size_t(ncellvars), -1);
  for (size_t k = 0; k < md.varnames.size(); k++) {
    lnames.push_back(md.varnames[k]);
    uint8_t kind = kCoFastLocal;
    if (int(k) < md.argcount + md.kwonlyargcount) kind |= kCoFastArgPos;  // approximated below
    lkinds.push_back(kind);
  }
  // argument kinds
  for (size_t k = 0; k < lkinds.size(); k++) lkinds[k] = kCoFastLocal;
  {
    int pos = md.argcount, kw = md.kwonlyargcount;
    size_t k = 0;
    // positional-only parameters are ARG_POS, the others ARG_POS | ARG_KW (as CPython)
    for (int a = 0; a < pos; a++, k++)
      if (k < lkinds.size()) lkinds[k] |= a < md.posonlyargcount ? kCoFastArgPos : kCoFastArgPos | kCoFastArgKw;
    for (int a = 0; a < kw; a++, k++) if (k < lkinds.size()) lkinds[k] |= kCoFastArgKw;
    if (md.flags & kCoVarargs) { if (k < lkinds.size()) lkinds[k] |= kCoFastArgVar | kCoFastArgPos; k++; }
    if (md.flags & kCoVarkeywords) { if (k < lkinds.size()) lkinds[k] |= kCoFastArgVar | kCoFastArgKw; k++; }
  }
  if (!md.fasthidden.empty()) {
    std::unordered_set<Object*> hidden(md.fasthidden.begin(), md.fasthidden.end());  // compared by identity
    for (size_t k = 0; k < lnames.size(); k++)
      if (hidden.count(lnames[k])) lkinds[k] |= kCoFastHidden;
  }
  NameIndex varnames_index;
  for (int c = 0; c < ncellvars; c++) {
    Object* name = md.cellvars[size_t(c)];
    int k = varnames_index.find(md.varnames, name);
    bool found = k >= 0;
    if (found) { lkinds[size_t(k)] |= kCoFastCell; cellfixed[size_t(c)] = k; }
    if (!found) {
      cellfixed[size_t(c)] = int(lnames.size());
      lnames.push_back(name);
      lkinds.push_back(kCoFastCell);
    }
  }
  int freestart = int(lnames.size());
  for (Object* f : md.freevars) { lnames.push_back(f); lkinds.push_back(kCoFastFree); }
  int nlocalsplus = int(lnames.size());
  (void)freestart;

  // --- linearize, prefix instructions, pseudo-op lowering ---
  std::vector<Instr> out;
  std::vector<int> block_start(g.blocks.size(), -1);
  std::vector<Instr> prefix;
  {
    Location none = kNoLocation;
    if (!md.freevars.empty()) {
      Instr i; i.opcode = COPY_FREE_VARS; i.oparg = int(md.freevars.size()); i.loc = none; prefix.push_back(i);
    }
    std::vector<int> cells(cellfixed.begin(), cellfixed.end());
    std::sort(cells.begin(), cells.end());
    for (int c : cells) {
      Instr i; i.opcode = MAKE_CELL; i.oparg = c; i.loc = none; prefix.push_back(i);
    }
    if (md.flags & (kCoGenerator | kCoCoroutine | kCoAsyncGenerator)) {
      Instr i; i.opcode = RETURN_GENERATOR; i.oparg = 0; i.loc = {md.firstlineno, md.firstlineno, -1, -1};
      prefix.push_back(i);
      Instr p; p.opcode = POP_TOP; p.oparg = 0; p.loc = i.loc; prefix.push_back(p);
      maxdepth = std::max(maxdepth, 1);
    }
  }
  out = prefix;
  auto fix_cell = [&](Instr& in) {
    switch (in.opcode) {
      case LOAD_DEREF: case STORE_DEREF: case DELETE_DEREF: case LOAD_FROM_DICT_OR_DEREF: case MAKE_CELL:
        if (in.oparg < ncellvars) in.oparg = cellfixed[size_t(in.oparg)];
        else in.oparg = in.oparg - ncellvars + int(lnames.size()) - int(md.freevars.size());
        break;
      default: break;
    }
  };
  // fix_cell_offsets + convert_pseudo_ops, then drop NOPs that carry no line of their own
  for (int bi = g.entry; bi >= 0; bi = g.b(bi).next)
    for (auto& in : g.b(bi).instrs) {
      if (in.opcode == LOAD_CLOSURE) {
        in.oparg = in.oparg < ncellvars ? cellfixed[size_t(in.oparg)] : in.oparg - ncellvars + int(lnames.size()) - int(md.freevars.size());
        in.opcode = LOAD_FAST;
      } else {
        fix_cell(in);
      }
      if (in.opcode == ANNOTATIONS_PLACEHOLDER || in.opcode == POP_BLOCK || is_block_push(in.opcode)) { in.opcode = NOP; in.target = -1; }
      else if (in.opcode == STORE_FAST_MAYBE_NULL) in.opcode = STORE_FAST;
    }
  remove_redundant_nops(g);
  std::vector<int> order;
  for (int bi = g.entry; bi >= 0; bi = g.b(bi).next) order.push_back(bi);
  // normalize jumps: forward conditional jumps get NOT_TAKEN; backward ones are reversed
  std::vector<char> visited(g.blocks.size(), 0);
  std::vector<int> final_order;
  for (size_t oi = 0; oi < order.size(); oi++) {
    int bi = order[oi];
    visited[size_t(bi)] = 1;
    Block& b = g.b(bi);
    Instr* last = last_instr(b);
    if (last && (last->opcode == POP_JUMP_IF_FALSE || last->opcode == POP_JUMP_IF_TRUE ||
                 last->opcode == POP_JUMP_IF_NONE || last->opcode == POP_JUMP_IF_NOT_NONE)) {
      bool forward = !visited[size_t(last->target)];
      if (forward) {
        Instr nt; nt.opcode = NOT_TAKEN; nt.loc = last->loc; nt.except_handler = b.slot_handler(b.instrs.size());
        b.instrs.push_back(nt);
      } else {
        int rev = last->opcode == POP_JUMP_IF_FALSE ? POP_JUMP_IF_TRUE : last->opcode == POP_JUMP_IF_TRUE ? POP_JUMP_IF_FALSE
                : last->opcode == POP_JUMP_IF_NONE ? POP_JUMP_IF_NOT_NONE : POP_JUMP_IF_NONE;
        int target = last->target;
        int nb = g.new_block();
        Block& bb = g.b(nb);
        Block& b2 = g.b(bi);
        Instr* l2 = &b2.instrs.back();
        Instr nt; nt.opcode = NOT_TAKEN; nt.loc = l2->loc; nt.except_handler = -1;
        Instr j; j.opcode = JUMP; j.target = target; j.loc = l2->loc; j.except_handler = -1;
        bb.instrs = {nt, j};
        bb.startdepth = g.b(target).startdepth;
        bb.next = b2.next;
        l2->opcode = rev;
        l2->target = b2.next;
        b2.next = nb;
        order.insert(order.begin() + ssize(oi) + 1, nb);
        visited.push_back(0);
      }
    }
  }
  // JUMP pseudo-ops -> JUMP_FORWARD / JUMP_BACKWARD by block order
  {
    std::vector<char> seen(g.blocks.size(), 0);
    for (int bi : order) {
      seen[size_t(bi)] = 1;
      for (auto& in : g.b(bi).instrs) {
        if (in.opcode == JUMP || in.opcode == JUMP_NO_INTERRUPT) {
          bool backward = seen[size_t(in.target)] != 0;
          if (backward) in.opcode = in.opcode == JUMP ? JUMP_BACKWARD : JUMP_BACKWARD_NO_INTERRUPT;
          else in.opcode = JUMP_FORWARD;
        }
      }
    }
  }
  optimize_load_fast(g);
  visited.assign(g.blocks.size(), 0);
  block_start.assign(g.blocks.size(), -1);
  for (int bi : order) {
    Block& b = g.b(bi);
    block_start[size_t(bi)] = int(out.size());
    visited[size_t(bi)] = 1;
    for (auto& in0 : b.instrs) {
      Instr in = in0;
      switch (in.opcode) {

        case STORE_FAST_MAYBE_NULL: in.opcode = STORE_FAST; break;
        case ANNOTATIONS_PLACEHOLDER: case POP_BLOCK: case SETUP_FINALLY: case SETUP_CLEANUP: case SETUP_WITH:
          in.opcode = NOP; break;
        default: break;
      }
      out.push_back(in);
    }
  }
  // Handler NOPs removed: block_start of empty blocks -> next emitted instruction.
  for (auto& in : out) {
    if (in.target >= 0 && (kOpcodeFlags[in.opcode] & kOpHasJump)) {
      int t = in.target;
      int idx = block_start[size_t(t)];
      in.target = idx;
    }
    if (in.except_handler >= 0) {
      Block& h = g.b(in.except_handler);
      in.except_depth = h.startdepth - 1 - (h.preserve_lasti ? 1 : 0);
      in.except_lasti = h.preserve_lasti;
      in.except_handler = block_start[size_t(in.except_handler)];
    }
  }
  (void)maxdepth;
  Ref<> names_t = steal(tuple_new(ssize(lnames.size())));
  Ref<> kinds_b = steal(bytes_from(nullptr, ssize(lkinds.size())));
  if (!names_t || !kinds_b) return nullptr;
  for (size_t k = 0; k < lnames.size(); k++) tuple_init_item(names_t.get(), ssize(k), new_ref(lnames[k]));
  if (!lkinds.empty()) std::memcpy(bytes_data(kinds_b.get()), lkinds.data(), lkinds.size());
  return assemble_code(out, md, filename, maxdepth, names_t.get(), kinds_b.get(), nlocalsplus);
}

}  // namespace pyxx::compiler
