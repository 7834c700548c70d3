// The `code` type: construction with CPython's validation, co_* attributes,
// equality/hash, and decoding of the PEP 626/657 location table.
// The instruction stream is stored as 16-bit code units (co_code_adaptive);
// co_code de-specializes it (kOpcodeDeopt) and zeroes the inline caches so the
// bytes compare equal to what the compiler produced.
#include "objects/code.h"
#include "vm/eval.h"

#include <cstring>
#include <vector>

#include "compiler/opcode_table.h"
#include "core/abstract.h"
#include "core/alloc.h"
#include "core/error.h"
#include "objects/bytes.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"

namespace pyxx {

Type CodeType;

namespace {

CodeObject* as_code(Object* o) { return static_cast<CodeObject*>(o); }

// Interns every str of a tuple in place (names are compared by identity in the VM).
void intern_tuple_strings(Object* t) {
  for (ssize i = 0; i < tuple_size(t); i++) {
    Object* s = tuple_get(t, i);
    if (str_check_exact(s) && !as_str(s)->interned) {
      incref(s);
      Object* in = str_intern(s);
      if (!in) { err_clear(); continue; }
      Object* old = tuple_items(t)[i];
      tuple_items(t)[i] = in;
      decref(old);
    }
  }
}

bool all_str(Object* t) {
  for (ssize i = 0; i < tuple_size(t); i++)
    if (!str_check(tuple_get(t, i))) return false;
  return true;
}

// --- location table reader (PEP 626/657) ---
struct LocReader {
  const uint8_t* p;
  const uint8_t* end;
  int line;
  int addr = 0;  // code-unit index of the current entry's start
  // current entry
  int start = 0, stop = 0;
  int e_line = -1, e_endline = -1, e_col = -1, e_endcol = -1;

  // Reads are bounds-checked: a hostile (e.g. unmarshalled) table that ends
  // mid-entry reads zeros instead of running past the buffer.
  unsigned byte() { return p < end ? *p++ : 0; }
  unsigned read_varint() {
    unsigned b = byte();
    unsigned val = b & 63;
    int shift = 0;
    while ((b & 64) && p < end) {
      b = byte();
      shift += 6;
      if (shift < 32) val |= (b & 63) << shift;
    }
    return val;
  }
  int read_svarint() {
    unsigned uv = read_varint();
    return (uv & 1) ? -int(uv >> 1) : int(uv >> 1);
  }
  // Line arithmetic wraps instead of overflowing on hostile tables.
  static int add_lines(int a, int b) { return int(unsigned(a) + unsigned(b)); }
  // Advances to the next entry; false at the end of the table.
  bool next() {
    if (p >= end) return false;
    uint8_t first = uint8_t(byte());
    int code = (first >> 3) & 15;
    int len = (first & 7) + 1;
    start = addr;
    stop = addr + len;
    addr = stop;
    switch (code) {
      case 15:  // no location
        e_line = e_endline = e_col = e_endcol = -1;
        break;
      case 14: {  // long form
        line = add_lines(line, read_svarint());
        e_line = line;
        e_endline = add_lines(line, int(read_varint()));
        e_col = int(read_varint()) - 1;
        e_endcol = int(read_varint()) - 1;
        break;
      }
      case 13:  // no column
        line = add_lines(line, read_svarint());
        e_line = e_endline = line;
        e_col = e_endcol = -1;
        break;
      case 10: case 11: case 12: {
        line = add_lines(line, code - 10);
        e_line = e_endline = line;
        e_col = int(byte());
        e_endcol = int(byte());
        break;
      }
      default: {
        uint8_t second = uint8_t(byte());
        e_line = e_endline = line;
        e_col = code * 8 + ((second >> 4) & 7);
        e_endcol = e_col + (second & 15);
        break;
      }
    }
    return true;
  }
};

LocReader make_reader(Object* code) {
  CodeObject* co = as_code(code);
  LocReader r;
  r.p = reinterpret_cast<const uint8_t*>(bytes_data(co->co_linetable));
  r.end = r.p + bytes_size(co->co_linetable);
  r.line = co->co_firstlineno;
  return r;
}

Object* code_bytes(CodeObject* co) { return code_get_co_code(co); }

Object* names_of_kind(CodeObject* co, uint8_t kind) {
  const uint8_t* kinds = reinterpret_cast<const uint8_t*>(bytes_data(co->co_localspluskinds));
  std::vector<Object*> v;
  for (int i = 0; i < co->co_nlocalsplus; i++) {
    uint8_t k = kinds[i];
    if (kind == kCoFastLocal) {
      if (k & kCoFastLocal) v.push_back(tuple_get(co->co_localsplusnames, i));
    } else if (k & kind) {
      v.push_back(tuple_get(co->co_localsplusnames, i));
    }
  }
  return tuple_from_array(v.data(), ssize(v.size()));
}

// --- attributes ---
#define CODE_INT_GETTER(field) \
  Object* get_##field(Object* self, void*) { return int_from_i64(as_code(self)->field); }
CODE_INT_GETTER(co_argcount)
CODE_INT_GETTER(co_posonlyargcount)
CODE_INT_GETTER(co_kwonlyargcount)
CODE_INT_GETTER(co_stacksize)
CODE_INT_GETTER(co_flags)
CODE_INT_GETTER(co_firstlineno)
CODE_INT_GETTER(co_nlocals)
#undef CODE_INT_GETTER
#define CODE_OBJ_GETTER(field) \
  Object* get_##field(Object* self, void*) { return new_ref(as_code(self)->field); }
CODE_OBJ_GETTER(co_consts)
CODE_OBJ_GETTER(co_names)
CODE_OBJ_GETTER(co_filename)
CODE_OBJ_GETTER(co_name)
CODE_OBJ_GETTER(co_qualname)
CODE_OBJ_GETTER(co_linetable)
CODE_OBJ_GETTER(co_exceptiontable)
#undef CODE_OBJ_GETTER
Object* get_co_code(Object* self, void*) { return code_bytes(as_code(self)); }
Object* get_co_varnames(Object* self, void*) { return names_of_kind(as_code(self), kCoFastLocal); }
Object* get_co_cellvars(Object* self, void*) { return names_of_kind(as_code(self), kCoFastCell); }
Object* get_co_freevars(Object* self, void*) { return names_of_kind(as_code(self), kCoFastFree); }
Object* get_co_lnotab(Object* self, void*) { return bytes_from("", 0); }

Object* code_co_lines(Object* self, Object*) {
  Object* list = list_new(0);
  if (!list) return nullptr;
  LocReader r = make_reader(self);
  // Merge consecutive entries with the same line, as CPython's lineiter.
  int cur_start = -1, cur_end = 0, cur_line = -2;
  auto flush = [&]() -> bool {
    if (cur_start < 0) return true;
    Object* s = int_from_i64(cur_start * 2);
    Object* e = int_from_i64(cur_end * 2);
    Object* l = cur_line < 0 ? new_ref(None) : int_from_i64(cur_line);
    Object* t = (s && e && l) ? tuple_pack({s, e, l}) : nullptr;
    xdecref(s); xdecref(e); xdecref(l);
    return t && list_append_steal(list, t) == 0;
  };
  while (r.next()) {
    if (r.e_line == cur_line && cur_start >= 0) { cur_end = r.stop; continue; }
    if (!flush()) { decref(list); return nullptr; }
    cur_start = r.start; cur_end = r.stop; cur_line = r.e_line;
  }
  if (!flush()) { decref(list); return nullptr; }
  Object* it = object_get_iter(list);
  decref(list);
  return it;
}

Object* code_co_positions(Object* self, Object*) {
  Object* list = list_new(0);
  if (!list) return nullptr;
  LocReader r = make_reader(self);
  while (r.next()) {
    for (int i = r.start; i < r.stop; i++) {
      Object* vals[4];
      int raw[4] = {r.e_line, r.e_endline, r.e_col, r.e_endcol};
      for (int k = 0; k < 4; k++) vals[k] = raw[k] < 0 ? new_ref(None) : int_from_i64(raw[k]);
      Object* t = tuple_from_array(vals, 4);
      for (auto* v : vals) xdecref(v);
      if (!t || list_append_steal(list, t) < 0) { decref(list); return nullptr; }
    }
  }
  Object* it = object_get_iter(list);
  decref(list);
  return it;
}

Object* code_repr(Object* self) {
  CodeObject* co = as_code(self);
  int lineno = co->co_firstlineno;
  if (co->co_filename && str_check(co->co_filename))
    return str_from_format("<code object %U at %p, file \"%U\", line %d>", co->co_name, self, co->co_filename, lineno);
  return str_from_format("<code object %U at %p, file ???, line %d>", co->co_name, self, lineno);
}

// Constants compare by type and value (so 0 != 0.0 and -0.0 != 0.0 as
// CPython's _PyCode_ConstantKey does) – approximated by type identity + equality.
int consts_equal(Object* a, Object* b) {
  if (tuple_size(a) != tuple_size(b)) return 0;
  for (ssize i = 0; i < tuple_size(a); i++) {
    Object* x = tuple_get(a, i);
    Object* y = tuple_get(b, i);
    if (x == y) continue;
    if (x->type != y->type) return 0;
    int r = object_richcompare_bool(x, y, kEQ);
    if (r <= 0) return r;
  }
  return 1;
}

Object* code_richcompare(Object* a, Object* b, int op) {
  if ((op != kEQ && op != kNE) || !code_check(a) || !code_check(b)) return new_ref(NotImplemented);
  CodeObject* x = as_code(a);
  CodeObject* y = as_code(b);
  int eq = 1;
  if (a != b) {
    eq = x->co_argcount == y->co_argcount && x->co_posonlyargcount == y->co_posonlyargcount &&
         x->co_kwonlyargcount == y->co_kwonlyargcount && x->co_flags == y->co_flags &&
         x->co_firstlineno == y->co_firstlineno && var_size(x) == var_size(y);
    if (eq) {
      Ref<> cx = steal(code_bytes(x));
      Ref<> cy = steal(code_bytes(y));
      if (!cx || !cy) return nullptr;
      eq = std::memcmp(bytes_data(cx.get()), bytes_data(cy.get()), size_t(bytes_size(cx.get()))) == 0;
    }
    Object* pairs[][2] = {{x->co_name, y->co_name},
                          {x->co_names, y->co_names},
                          {x->co_localsplusnames, y->co_localsplusnames},
                          {x->co_linetable, y->co_linetable},
                          {x->co_exceptiontable, y->co_exceptiontable}};
    for (auto& p : pairs) {
      if (!eq) break;
      int r = object_richcompare_bool(p[0], p[1], kEQ);
      if (r < 0) return nullptr;
      eq = r;
    }
    if (eq) {
      int r = consts_equal(x->co_consts, y->co_consts);
      if (r < 0) return nullptr;
      eq = r;
    }
  }
  return new_ref(bool_from(op == kEQ ? eq : !eq));
}

Hash code_hash(Object* self) {
  CodeObject* co = as_code(self);
  // Unsigned arithmetic: the mixing wraps around by design.
  Hash name_hash = object_hash(co->co_name);
  if (name_hash == -1) return -1;
  uint64_t h = uint64_t(name_hash);
  Object* parts[] = {co->co_consts, co->co_names, co->co_localsplusnames};
  for (Object* p : parts) {
    Hash hp = object_hash(p);
    if (hp == -1) return -1;
    h = (h * 1000003u) ^ uint64_t(hp);
  }
  h ^= uint64_t(uint32_t(co->co_argcount)) ^ (uint64_t(uint32_t(co->co_posonlyargcount)) << 8) ^
       (uint64_t(uint32_t(co->co_kwonlyargcount)) << 16) ^ uint64_t(uint32_t(co->co_flags));
  h ^= uint64_t(var_size(co)) * 31u;
  Hash result = Hash(h);
  if (result == -1) result = -2;
  return result;
}

void code_dealloc(Object* self) {
  CodeObject* co = as_code(self);
  xdecref(co->co_consts);
  xdecref(co->co_names);
  xdecref(co->co_exceptiontable);
  xdecref(co->co_localsplusnames);
  xdecref(co->co_localspluskinds);
  xdecref(co->co_filename);
  xdecref(co->co_name);
  xdecref(co->co_qualname);
  xdecref(co->co_linetable);
  // The VM's per-code caches (LOAD_GLOBAL / attribute side tables).
  if (co->co_extra) vm_code_extra_free(co->co_extra);
  object_free(self);
}

const GetSetDef code_getset[] = {
    {"co_argcount", get_co_argcount, nullptr, nullptr, nullptr},
    {"co_posonlyargcount", get_co_posonlyargcount, nullptr, nullptr, nullptr},
    {"co_kwonlyargcount", get_co_kwonlyargcount, nullptr, nullptr, nullptr},
    {"co_stacksize", get_co_stacksize, nullptr, nullptr, nullptr},
    {"co_flags", get_co_flags, nullptr, nullptr, nullptr},
    {"co_firstlineno", get_co_firstlineno, nullptr, nullptr, nullptr},
    {"co_nlocals", get_co_nlocals, nullptr, nullptr, nullptr},
    {"co_consts", get_co_consts, nullptr, nullptr, nullptr},
    {"co_names", get_co_names, nullptr, nullptr, nullptr},
    {"co_filename", get_co_filename, nullptr, nullptr, nullptr},
    {"co_name", get_co_name, nullptr, nullptr, nullptr},
    {"co_qualname", get_co_qualname, nullptr, nullptr, nullptr},
    {"co_linetable", get_co_linetable, nullptr, nullptr, nullptr},
    {"co_exceptiontable", get_co_exceptiontable, nullptr, nullptr, nullptr},
    {"co_code", get_co_code, nullptr, nullptr, nullptr},
    {"_co_code_adaptive", get_co_code, nullptr, nullptr, nullptr},
    {"co_varnames", get_co_varnames, nullptr, nullptr, nullptr},
    {"co_cellvars", get_co_cellvars, nullptr, nullptr, nullptr},
    {"co_freevars", get_co_freevars, nullptr, nullptr, nullptr},
    {"co_lnotab", get_co_lnotab, nullptr, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr, nullptr},
};

const MethodDef code_methods[] = {
    {"co_lines", reinterpret_cast<void*>(code_co_lines), kMethNoArgs, nullptr},
    {"co_positions", reinterpret_cast<void*>(code_co_positions), kMethNoArgs, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

}  // namespace

Object* code_get_co_code(Object* code) {
  CodeObject* co = static_cast<CodeObject*>(code);
  ssize n = var_size(co);
  Object* b = bytes_from(nullptr, n * 2);
  if (!b) return nullptr;
  uint8_t* out = reinterpret_cast<uint8_t*>(bytes_data(b));
  for (ssize i = 0; i < n;) {
    int op = kOpcodeDeopt[co->co_code_adaptive[i].opcode];
    out[2 * i] = uint8_t(op);
    out[2 * i + 1] = co->co_code_adaptive[i].oparg;
    int caches = kOpcodeCaches[op];
    i++;
    for (int c = 0; c < caches && i < n; c++, i++) out[2 * i] = out[2 * i + 1] = 0;
  }
  return b;
}

Object* code_new(const CodeConstructorArgs& a) {
  // Validation as CPython's _PyCode_Validate.
  if (a.argcount < a.posonlyargcount || a.posonlyargcount < 0 || a.kwonlyargcount < 0 ||
      a.stacksize < 0 || a.flags < 0 || !a.code || !bytes_check(a.code) || !a.consts ||
      !tuple_check(a.consts) || !a.names || !tuple_check(a.names) || !a.localsplusnames ||
      !tuple_check(a.localsplusnames) || !a.localspluskinds || !bytes_check(a.localspluskinds) ||
      tuple_size(a.localsplusnames) != bytes_size(a.localspluskinds) || !a.name || !str_check(a.name) ||
      !a.qualname || !str_check(a.qualname) || !a.filename || !str_check(a.filename) || !a.linetable ||
      !bytes_check(a.linetable) || !a.exceptiontable || !bytes_check(a.exceptiontable)) {
    err_bad_internal_call("code_new");
    return nullptr;
  }
  if (bytes_size(a.code) % 2 != 0) {
    err_set_string(&exc::ValueError, "code: co_code is malformed");
    return nullptr;
  }
  if (!all_str(a.names) || !all_str(a.localsplusnames)) {
    err_set_string(&exc::TypeError, "code: names must be a tuple of strings");
    return nullptr;
  }
  ssize nlocalsplus = tuple_size(a.localsplusnames);
  const uint8_t* kinds = reinterpret_cast<const uint8_t*>(bytes_data(a.localspluskinds));
  int nlocals = 0, ncells = 0, nfree = 0;
  for (ssize i = 0; i < nlocalsplus; i++) {
    uint8_t k = kinds[i];
    if (k & kCoFastLocal) { nlocals++; if (k & kCoFastCell) ncells++; }
    else if (k & kCoFastCell) ncells++;
    else if (k & kCoFastFree) nfree++;
  }
  // 64-bit sum: hostile marshal data may claim huge counts.
  int64_t nargs = int64_t(a.argcount) + a.kwonlyargcount + ((a.flags & kCoVarargs) ? 1 : 0) +
                  ((a.flags & kCoVarkeywords) ? 1 : 0);
  if (nargs > nlocals) {
    err_set_string(&exc::ValueError, "code: co_varnames is too small");
    return nullptr;
  }
  ssize nunits = bytes_size(a.code) / 2;
  size_t size = offsetof(CodeObject, co_code_adaptive) + sizeof(CodeUnit) * size_t(nunits > 0 ? nunits : 1);
  CodeObject* co = static_cast<CodeObject*>(object_alloc_zeroed(&CodeType, size));
  if (!co) return nullptr;
  co->size = nunits;
  std::memcpy(co->co_code_adaptive, bytes_data(a.code), size_t(nunits) * 2);
  intern_tuple_strings(a.names);
  intern_tuple_strings(a.localsplusnames);
  co->co_consts = new_ref(a.consts);
  co->co_names = new_ref(a.names);
  co->co_exceptiontable = new_ref(a.exceptiontable);
  co->co_flags = a.flags;
  co->co_argcount = a.argcount;
  co->co_posonlyargcount = a.posonlyargcount;
  co->co_kwonlyargcount = a.kwonlyargcount;
  co->co_stacksize = a.stacksize;
  co->co_firstlineno = a.firstlineno;
  co->co_nlocalsplus = int(nlocalsplus);
  co->co_framesize = int(nlocalsplus) + a.stacksize + kFrameSpecialsSize;
  co->co_nlocals = nlocals;
  co->co_ncellvars = ncells;
  co->co_nfreevars = nfree;
  co->co_localsplusnames = new_ref(a.localsplusnames);
  co->co_localspluskinds = new_ref(a.localspluskinds);
  co->co_filename = new_ref(a.filename);
  co->co_name = new_ref(a.name);
  co->co_qualname = new_ref(a.qualname);
  co->co_linetable = new_ref(a.linetable);
  co->co_weakreflist = nullptr;
  co->co_extra = nullptr;
  static uint32_t next_version = 1;
  co->co_version = next_version++;
  co->co_firsttraceable = 0;
  for (ssize i = 0; i < nunits; i++) {
    if (co->co_code_adaptive[i].opcode == RESUME) { co->co_firsttraceable = int(i); break; }
  }
  return co;
}

int code_addr_to_line(Object* code, int index) {
  if (index < 0) return as_code(code)->co_firstlineno;
  LocReader r = make_reader(code);
  while (r.next()) {
    if (index >= r.start && index < r.stop) return r.e_line;
  }
  return -1;
}

bool code_positions(Object* code, int index, int* line, int* end_line, int* col, int* end_col) {
  LocReader r = make_reader(code);
  while (r.next()) {
    if (index >= r.start && index < r.stop) {
      *line = r.e_line; *end_line = r.e_endline; *col = r.e_col; *end_col = r.e_endcol;
      return true;
    }
  }
  *line = *end_line = *col = *end_col = -1;
  return false;
}

void init_code_types() {
  CodeType.tp_name = "code";
  CodeType.tp_basicsize = offsetof(CodeObject, co_code_adaptive);
  CodeType.tp_itemsize = sizeof(CodeUnit);
  CodeType.tp_dealloc = code_dealloc;
  CodeType.tp_repr = code_repr;
  CodeType.tp_hash = code_hash;
  CodeType.tp_richcompare = code_richcompare;
  CodeType.tp_getset = code_getset;
  CodeType.tp_methods = code_methods;
  CodeType.tp_weaklistoffset = offsetof(CodeObject, co_weakreflist);
  CodeType.tp_flags = kTpflagsDefault;
  CodeType.tp_base = &ObjectType;
}

}  // namespace pyxx
