// Assembler: final instruction list (real opcodes, jump targets as instruction
// indices) -> co_code with EXTENDED_ARG and zeroed inline caches, the
// exception table (varint entries) and the PEP 626/657 location table, then
// the code object via code_new(), as CPython 3.14's assemble.c.
#include "compiler/assemble.h"

#include "core/error.h"
#include "objects/bytes.h"
#include "objects/code.h"
#include "objects/str.h"
#include "objects/tuple.h"

namespace pyxx::compiler {

namespace {

int ext_args_needed(int oparg) {
  if (oparg > 0xFFFFFF) return 3;
  if (oparg > 0xFFFF) return 2;
  if (oparg > 0xFF) return 1;
  return 0;
}

int instr_size(const Instr& i) {
  return ext_args_needed(i.oparg) + 1 + kOpcodeCaches[i.opcode];
}

void put_except_item(std::string& out, int value, int msb) {
  if (value >= 1 << 24) { out.push_back(char(((value >> 24) & 0x3f) | 64 | msb)); msb = 0; }
  if (value >= 1 << 18) { out.push_back(char(((value >> 18) & 0x3f) | 64 | msb)); msb = 0; }
  if (value >= 1 << 12) { out.push_back(char(((value >> 12) & 0x3f) | 64 | msb)); msb = 0; }
  if (value >= 1 << 6) { out.push_back(char(((value >> 6) & 0x3f) | 64 | msb)); msb = 0; }
  out.push_back(char((value & 0x3f) | msb));
}

void put_varint(std::string& out, unsigned v) {
  while (v >= 64) { out.push_back(char(64 | (v & 63))); v >>= 6; }
  out.push_back(char(v));
}
void put_svarint(std::string& out, int v) {
  put_varint(out, v < 0 ? (unsigned(-v) << 1) | 1 : unsigned(v) << 1);
}

void put_location(std::string& out, const Location& loc, int length, int& prev_line) {
  auto first = [&](int code) { out.push_back(char(0x80 | (code << 3) | (length - 1))); };
  if (loc.lineno < 0) { first(15); return; }
  int line_delta = loc.lineno - prev_line;
  int col = loc.col_offset, endcol = loc.end_col_offset;
  if (col < 0 || endcol < 0) {
    if (loc.end_lineno == loc.lineno || loc.end_lineno == -1) {
      first(13);
      put_svarint(out, line_delta);
      prev_line = loc.lineno;
      return;
    }
  } else if (loc.end_lineno == loc.lineno) {
    if (line_delta == 0 && col < 80 && endcol - col < 16 && endcol >= col) {
      first(col / 8);
      out.push_back(char(((col % 8) << 4) | (endcol - col)));
      return;
    }
    if (line_delta >= 0 && line_delta < 3 && col < 128 && endcol < 128) {
      first(10 + line_delta);
      out.push_back(char(col));
      out.push_back(char(endcol));
      prev_line = loc.lineno;
      return;
    }
  }
  first(14);
  put_svarint(out, line_delta);
  put_varint(out, unsigned(loc.end_lineno - loc.lineno));
  put_varint(out, unsigned(col + 1));
  put_varint(out, unsigned(endcol + 1));
  prev_line = loc.lineno;
}

}  // namespace

Object* assemble_code(std::vector<Instr>& instrs, UnitMetadata& md, Object* filename, int stackdepth,
                      Object* localsplusnames, Object* localspluskinds, int nlocalsplus) {
  // Resolve jump offsets; grow EXTENDED_ARG prefixes until stable.
  std::vector<int> offsets(instrs.size() + 1);
  for (int iter = 0; iter < 100; iter++) {
    int off = 0;
    for (size_t k = 0; k < instrs.size(); k++) { offsets[k] = off; off += instr_size(instrs[k]); }
    offsets[instrs.size()] = off;
    bool changed = false;
    for (size_t k = 0; k < instrs.size(); k++) {
      Instr& in = instrs[k];
      if (!(kOpcodeFlags[in.opcode] & kOpHasJump) || in.target < 0) continue;
      int end = offsets[k] + instr_size(in);
      int t = offsets[size_t(in.target)];
      int arg = t < end ? end - t : t - end;  // backward jumps (JUMP_BACKWARD*, END_ASYNC_FOR) count back
      if (arg != in.oparg) {
        int before = instr_size(in);
        in.oparg = arg;
        if (instr_size(in) != before) changed = true;
      }
    }
    if (!changed) {
      // recompute jump args with final sizes (sizes unchanged, offsets valid)
      break;
    }
  }
  std::string code;
  for (const Instr& in : instrs) {
    int ext = ext_args_needed(in.oparg);
    for (int s = ext; s > 0; s--) { code.push_back(char(EXTENDED_ARG)); code.push_back(char((in.oparg >> (8 * s)) & 0xFF)); }
    code.push_back(char(in.opcode));
    code.push_back(char(in.oparg & 0xFF));
    for (int c = 0; c < kOpcodeCaches[in.opcode]; c++) { code.push_back(0); code.push_back(0); }
  }
  // Exception table: ranges of consecutive instructions sharing a handler.
  std::string exc;
  {
    int cur_handler = -1, cur_depth = 0, start = 0;
    bool cur_lasti = false;
    auto emit = [&](int end) {
      if (cur_handler < 0 || end <= start) return;
      put_except_item(exc, start, 1 << 7);
      put_except_item(exc, end - start, 0);
      put_except_item(exc, offsets[size_t(cur_handler)], 0);
      put_except_item(exc, (cur_depth << 1) | (cur_lasti ? 1 : 0), 0);
    };
    for (size_t k = 0; k < instrs.size(); k++) {
      const Instr& in = instrs[k];
      if (in.except_handler != cur_handler || (in.except_handler >= 0 && (in.except_depth != cur_depth || in.except_lasti != cur_lasti))) {
        emit(offsets[k]);
        cur_handler = in.except_handler;
        cur_depth = in.except_depth;
        cur_lasti = in.except_lasti;
        start = offsets[k];
      }
    }
    emit(offsets[instrs.size()]);
  }
  // Location table.
  std::string lt;
  {
    int prev_line = md.firstlineno;
    size_t k = 0;
    while (k < instrs.size()) {
      Location loc = instrs[k].loc;
      int size = 0;
      while (k < instrs.size() && instrs[k].loc == loc) { size += instr_size(instrs[k]); k++; }
      while (size > 8) { put_location(lt, loc, 8, prev_line); size -= 8; }
      if (size > 0) put_location(lt, loc, size, prev_line);
    }
  }
  Ref<> code_b = steal(bytes_from(code.data(), ssize(code.size())));
  Ref<> exc_b = steal(bytes_from(exc.data(), ssize(exc.size())));
  Ref<> lt_b = steal(bytes_from(lt.data(), ssize(lt.size())));
  Ref<> consts = steal(tuple_new(ssize(md.consts.size())));
  Ref<> names = steal(tuple_new(ssize(md.names.size())));
  if (!code_b || !exc_b || !lt_b || !consts || !names) return nullptr;
  for (size_t k = 0; k < md.consts.size(); k++) tuple_init_item(consts.get(), ssize(k), new_ref(md.consts[k]));
  for (size_t k = 0; k < md.names.size(); k++) tuple_init_item(names.get(), ssize(k), new_ref(md.names[k]));
  CodeConstructorArgs a{};
  a.filename = filename;
  a.name = md.name;
  a.qualname = md.qualname ? md.qualname : md.name;
  a.flags = md.flags;
  a.code = code_b.get();
  a.firstlineno = md.firstlineno;
  a.linetable = lt_b.get();
  a.consts = consts.get();
  a.names = names.get();
  a.localsplusnames = localsplusnames;
  a.localspluskinds = localspluskinds;
  a.argcount = md.argcount;
  a.posonlyargcount = md.posonlyargcount;
  a.kwonlyargcount = md.kwonlyargcount;
  a.stacksize = stackdepth;
  a.exceptiontable = exc_b.get();
  (void)nlocalsplus;
  return code_new(a);
}

}  // namespace pyxx::compiler
