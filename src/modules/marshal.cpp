// The marshal module: CPython 3.14's format (version 5) read and written byte
// for byte, so .pyc files and marshal.dumps output match the reference.
//
// Writer. CPython adds FLAG_REF to an object's type code (and gives it a
// back-reference index) when the object "may be shared": its refcount is > 1,
// or it is an interned str. We apply the same rule to pyxx's refcounts, so the
// bytes match whenever the object graph has the same sharing. Where CPython's
// answer comes from its own immortal singletons rather than from the caller,
// we reproduce it regardless of pyxx's allocation: small ints (-5..256), the
// empty tuple, b'' and 1-byte bytes count as shared; '' and 1-character
// latin-1 strings count as interned, equal ones as one object; a code
// object's co_code counts as shared (CPython caches it on the code object),
// its 1-byte kinds/line/exception tables as fresh (compile() builds them in
// place). Refcounts that depend on the VM
// (e.g. 3.14's borrowed LOAD_FAST_BORROW locals) can still differ: fresh
// objects (call results, displays) dump identically.
// As in CPython 3.14, objects after the first error are skipped (that error
// decides the exception); sets are written in the order of their elements'
// own dumps.
//
// Reader. Input is untrusted: every length is bounds-checked before use and
// containers are pre-sized to what the remaining input can hold. Containers
// that TYPE_REF can reach before they are complete are filled with None
// placeholders (CPython leaves NULLs there, which can crash it); a tuple that
// ends up containing itself through hashable objects only is refused ("bad
// marshal data (recursive tuple)"), and after a failed load the partial
// containers are emptied so back-references leave no reference cycles.
#include "modules/marshal.h"

#include <gmp.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <memory>
#include <string>
#include <unordered_set>
#include <vector>

#include "compiler/opcode_table.h"
#include "core/abstract.h"
#include "core/alloc.h"
#include "core/error.h"
#include "objects/bytes.h"
#include "objects/code.h"
#include "objects/complex.h"
#include "objects/dict.h"
#include "objects/exceptions.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/range.h"
#include "objects/set.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"

namespace pyxx {

namespace {

static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__, "binary floats are copied as little-endian doubles");

constexpr int kMaxMarshalStackDepth = 2000;
constexpr long kSize32Max = 0x7FFFFFFF;

// Type codes.
enum : uint8_t {
  TYPE_NULL = '0', TYPE_NONE = 'N', TYPE_FALSE = 'F', TYPE_TRUE = 'T', TYPE_STOPITER = 'S',
  TYPE_ELLIPSIS = '.', TYPE_INT = 'i', TYPE_INT64 = 'I', TYPE_FLOAT = 'f', TYPE_BINARY_FLOAT = 'g',
  TYPE_COMPLEX = 'x', TYPE_BINARY_COMPLEX = 'y', TYPE_LONG = 'l', TYPE_STRING = 's',
  TYPE_INTERNED = 't', TYPE_REF = 'r', TYPE_TUPLE = '(', TYPE_LIST = '[', TYPE_DICT = '{',
  TYPE_CODE = 'c', TYPE_UNICODE = 'u', TYPE_UNKNOWN = '?', TYPE_SET = '<', TYPE_FROZENSET = '>',
  TYPE_SLICE = ':', TYPE_ASCII = 'a', TYPE_ASCII_INTERNED = 'A', TYPE_SMALL_TUPLE = ')',
  TYPE_SHORT_ASCII = 'z', TYPE_SHORT_ASCII_INTERNED = 'Z',
  FLAG_REF = 0x80,
};

enum WriteError {
  WFERR_OK = 0, WFERR_UNMARSHALLABLE, WFERR_NESTEDTOODEEP, WFERR_NOMEMORY, WFERR_CODE_NOT_ALLOWED,
  WFERR_TOTAL_TOO_DEEP,  // pyxx: see kMaxTotalDepth
};
// A set's elements are dumped by nested writers whose depth restarts at 0 (as
// CPython's), so sets reached through each other (a cycle only marshal.loads
// can build, e.g. t = ({t},)) would recurse without bound. The combined depth
// of all nested writers is capped here; beyond it the dump fails as "too
// deeply nested", which CPython's outer walk would also report in practice.
constexpr int kMaxTotalDepth = 2 * 2000;

// ---------------------------------------------------------------------------
// Writer

// Identity map object -> back-reference index; holds a reference to each key
// (so no address is reused while writing, as CPython's hashtable).
class RefTable {
 public:
  RefTable() = default;
  RefTable(const RefTable&) = delete;
  RefTable& operator=(const RefTable&) = delete;
  ~RefTable() {
    for (size_t i = 0; i < cap_; i++)
      if (slots_[i].key) decref(slots_[i].key);
    mem_free(slots_);
  }
  size_t size() const { return used_; }
  // Index of key, or -1.
  long find(Object* key) const {
    if (!cap_) return -1;
    for (size_t i = hash(key) & (cap_ - 1);; i = (i + 1) & (cap_ - 1)) {
      if (slots_[i].key == key) return slots_[i].index;
      if (!slots_[i].key) return -1;
    }
  }
  bool insert(Object* key, long index) {
    if ((used_ + 1) * 2 > cap_ && !grow()) return false;
    size_t i = hash(key) & (cap_ - 1);
    while (slots_[i].key) i = (i + 1) & (cap_ - 1);
    slots_[i].key = new_ref(key);
    slots_[i].index = index;
    used_++;
    return true;
  }

 private:
  struct Slot { Object* key; long index; };
  static size_t hash(Object* p) { return (reinterpret_cast<uintptr_t>(p) >> 4) * 0x9E3779B97F4A7C15ull >> 7; }
  bool grow() {
    size_t ncap = cap_ ? cap_ * 2 : 64;
    Slot* ns = static_cast<Slot*>(mem_calloc(ncap, sizeof(Slot)));
    if (!ns) return false;
    for (size_t i = 0; i < cap_; i++) {
      if (!slots_[i].key) continue;
      size_t j = hash(slots_[i].key) & (ncap - 1);
      while (ns[j].key) j = (j + 1) & (ncap - 1);
      ns[j] = slots_[i];
    }
    mem_free(slots_);
    slots_ = ns;
    cap_ = ncap;
    return true;
  }
  Slot* slots_ = nullptr;
  size_t cap_ = 0, used_ = 0;
};

bool str_is_interned(Object* s) {
  // CPython's '' and 1-character latin-1 strings are interned static singletons.
  StrObject* o = as_str(s);
  if (o->interned) return true;
  return o->length == 0 || (o->length == 1 && str_char_at(s, 0) < 256);
}

// CPython 3.14 keeps these as immortal singletons, one object per value:
// small ints, '' and 1-character latin-1 strings, the empty tuple, b'' and
// 1-byte bytes. They are always "shared", and equal ones are the same object
// (so a second occurrence is a TYPE_REF), whatever pyxx's allocation did.
// Exception: the 1-byte tables of a code object (see Writer::code_bytes_field_)
// follow CPython's compile() -> dumps() path, where they are fresh objects.
// Returns the slot index of v's value in Writer::canon_, or -1.
constexpr int kCanonInts = 0;                                   // -5..256
constexpr int kCanonStrs = kCanonInts + (kSmallIntMax - kSmallIntMin + 1);  // '' and chr(0..255)
constexpr int kCanonBytes = kCanonStrs + 257;                  // b'' and bytes([0..255])
constexpr int kCanonTuple = kCanonBytes + 257;                 // ()
constexpr int kCanonSlots = kCanonTuple + 1;

int cpython_singleton_slot(Object* v) {
  Type* t = v->type;
  if (t == &IntType) {
    if (!int_is_compact(v)) return -1;
    int64_t x = int_compact_value(v);
    return x >= kSmallIntMin && x <= kSmallIntMax ? kCanonInts + int(x - kSmallIntMin) : -1;
  }
  if (t == &StrType) {
    ssize n = str_length(v);
    if (n == 0) return kCanonStrs;
    if (n == 1) { uint32_t c = str_char_at(v, 0); return c < 256 ? kCanonStrs + 1 + int(c) : -1; }
    return -1;
  }
  if (t == &BytesType) {
    ssize n = bytes_size(v);
    if (n == 0) return kCanonBytes;
    return n == 1 ? kCanonBytes + 1 + static_cast<uint8_t>(bytes_data(v)[0]) : -1;
  }
  if (t == &TupleType) return tuple_size(v) == 0 ? kCanonTuple : -1;
  return -1;
}

class Writer {
 public:
  Writer(int version, bool allow_code, int base_depth = 0)
      : version_(version), allow_code_(allow_code), base_depth_(base_depth) {}
  ~Writer() { mem_free(buf_); }
  Writer(const Writer&) = delete;
  Writer& operator=(const Writer&) = delete;

  void w_object(Object* v);
  // Result bytes, or nullptr with the exception for the recorded error.
  Object* finish();

  int error = WFERR_OK;

 private:
  bool reserve(size_t n) {
    if (len_ + n <= cap_) return true;
    if (oom_) return false;
    size_t ncap = cap_ < 1024 ? 1024 : cap_;
    while (ncap < len_ + n) ncap = ncap > (size_t(1) << 24) ? ncap + (ncap >> 3) : ncap * 2;
    char* nb = static_cast<char*>(mem_realloc(buf_, ncap));
    if (!nb) { oom_ = true; error = WFERR_NOMEMORY; return false; }
    buf_ = nb;
    cap_ = ncap;
    return true;
  }
  void w_byte(uint8_t c) { if (reserve(1)) buf_[len_++] = char(c); }
  void w_bytes(const void* s, size_t n) {
    if (n && reserve(n)) { std::memcpy(buf_ + len_, s, n); len_ += n; }
  }
  void w_long(long x) {
    uint8_t b[4] = {uint8_t(x), uint8_t(x >> 8), uint8_t(x >> 16), uint8_t(x >> 24)};
    w_bytes(b, 4);
  }
  // W_SIZE: sizes above 2**31-1 are unmarshallable (CPython also drops a depth level here).
  bool w_size(ssize n) {
    if (n > kSize32Max) { depth_--; error = WFERR_UNMARSHALLABLE; return false; }
    w_long(long(n));
    return true;
  }
  void w_pstring(const void* s, ssize n) { if (w_size(n)) w_bytes(s, size_t(n)); }
  void w_float_bin(double v) { w_bytes(&v, 8); }
  void w_float_str(double v);
  bool w_ref(Object* v, uint8_t* flag);
  void w_complex_object(Object* v, uint8_t flag);
  void w_long_object(Object* v, uint8_t flag);
  void w_digits(const uint16_t* digits, size_t n, bool negative, uint8_t flag);
  void w_unicode(Object* v, uint8_t flag);
  void w_set(Object* v, uint8_t flag);
  void w_code(Object* v, uint8_t flag);

  char* buf_ = nullptr;
  size_t len_ = 0, cap_ = 0;
  bool oom_ = false;
  int depth_ = 0;
  int version_;
  bool allow_code_;
  RefTable refs_;  // keeps the canon_ objects alive
  // Borrowed: first object seen per singleton value; allocated on first use
  // (nested writers for sets live on the C stack).
  std::unique_ptr<Object*[]> canon_;
  int base_depth_;  // depth of the enclosing writers (nested set dumps)
  // True while writing a code object's kinds / line / exception tables: CPython's
  // compiler builds them in place, so a 1-byte one is not the cached singleton.
  bool code_bytes_field_ = false;
};

void Writer::w_float_str(double v) {
  // PyOS_double_to_string(v, 'g', 17, 0): repr-style names for non-finite values.
  char buf[64];
  int n;
  if (std::isnan(v)) n = std::snprintf(buf, sizeof buf, "nan");
  else if (std::isinf(v)) n = std::snprintf(buf, sizeof buf, v < 0 ? "-inf" : "inf");
  else n = std::snprintf(buf, sizeof buf, "%.17g", v);
  w_byte(uint8_t(n));
  w_bytes(buf, size_t(n));
}

bool Writer::w_ref(Object* v, uint8_t* flag) {
  if (version_ < 3) return false;
  // CPython's compiler builds a code object's 1-byte tables in place: fresh,
  // never shared (pyxx may hand out a cached immortal object instead).
  if (code_bytes_field_ && v->type == &BytesType && bytes_size(v) == 1) return false;
  int slot = cpython_singleton_slot(v);
  if (slot >= 0) {
    // Equal singletons are one object in CPython: use the first one seen as the key.
    if (!canon_) canon_.reset(new Object*[kCanonSlots]());
    if (!canon_[slot]) canon_[slot] = v;
    v = canon_[slot];
  } else if (v->refcnt == 1 && !(str_check_exact(v) && str_is_interned(v))) {
    return false;
  }
  long w = refs_.find(v);
  if (w >= 0) {
    w_byte(TYPE_REF);
    w_long(w);
    return true;
  }
  size_t s = refs_.size();
  if (s >= 0x7fffffff) {
    err_set_string(&exc::ValueError, "too many objects");
    error = WFERR_UNMARSHALLABLE;
    return true;
  }
  if (!refs_.insert(v, long(s))) {
    error = WFERR_UNMARSHALLABLE;
    return true;
  }
  *flag |= FLAG_REF;
  return false;
}

void Writer::w_object(Object* v) {
  // 3.14 (gh-106287): nothing more is written after the first error, so the
  // first error decides the exception.
  if (error != WFERR_OK) return;
  uint8_t flag = 0;
  depth_++;
  if (depth_ > kMaxMarshalStackDepth) error = WFERR_NESTEDTOODEEP;
  else if (base_depth_ + depth_ > kMaxTotalDepth) error = WFERR_TOTAL_TOO_DEEP;
  else if (!v) w_byte(TYPE_NULL);
  else if (v == None) w_byte(TYPE_NONE);
  else if (v == reinterpret_cast<Object*>(&exc::StopIteration)) w_byte(TYPE_STOPITER);
  else if (v == Ellipsis) w_byte(TYPE_ELLIPSIS);
  else if (v == False) w_byte(TYPE_FALSE);
  else if (v == True) w_byte(TYPE_TRUE);
  else if (!w_ref(v, &flag)) w_complex_object(v, flag);
  depth_--;
}

void Writer::w_digits(const uint16_t* digits, size_t n, bool negative, uint8_t flag) {
  // digits: 15-bit, least significant first, top digit nonzero.
  w_byte(TYPE_LONG | flag);
  if (n > size_t(kSize32Max)) { depth_--; error = WFERR_UNMARSHALLABLE; return; }
  w_long(negative ? -long(n) : long(n));
  if (!reserve(n * 2)) return;
  for (size_t i = 0; i < n; i++) {
    buf_[len_++] = char(digits[i] & 0xff);
    buf_[len_++] = char(digits[i] >> 8);
  }
}

void Writer::w_long_object(Object* v, uint8_t flag) {
  if (int_is_compact(v)) {
    int64_t x = int_compact_value(v);
    if (x >= INT32_MIN && x <= INT32_MAX) {
      w_byte(TYPE_INT | flag);
      w_long(long(x));
      return;
    }
    uint64_t a = x < 0 ? uint64_t(0) - uint64_t(x) : uint64_t(x);
    uint16_t d[5];
    size_t n = 0;
    do { d[n++] = uint16_t(a & 0x7fff); a >>= 15; } while (a);
    w_digits(d, n, x < 0, flag);
    return;
  }
  mpz_srcptr z = static_cast<mpz_srcptr>(int_big_mpz(v));
  if (mpz_fits_slong_p(z) && mpz_get_si(z) >= INT32_MIN && mpz_get_si(z) <= INT32_MAX) {
    w_byte(TYPE_INT | flag);
    w_long(mpz_get_si(z));
    return;
  }
  if (mpz_sgn(z) == 0) { w_byte(TYPE_LONG | flag); w_long(0); return; }
  size_t count = (mpz_sizeinbase(z, 2) + 14) / 15;
  std::vector<uint16_t> d(count + 1);
  size_t n = 0;
  mpz_export(d.data(), &n, -1, sizeof(uint16_t), 0, 1, z);  // 1 nail bit: 15-bit digits
  w_digits(d.data(), n, mpz_sgn(z) < 0, flag);
}

// UTF-8 with lone surrogates encoded as 3-byte sequences ("surrogatepass").
void Writer::w_unicode(Object* v, uint8_t flag) {
  StrObject* s = as_str(v);
  ssize len = s->length;
  if (version_ >= 4 && s->ascii) {
    bool interned = str_is_interned(v);
    if (len < 256) {
      w_byte((interned ? TYPE_SHORT_ASCII_INTERNED : TYPE_SHORT_ASCII) | flag);
      w_byte(uint8_t(len));
    } else {
      w_byte((interned ? TYPE_ASCII_INTERNED : TYPE_ASCII) | flag);
      if (!w_size(len)) return;
    }
    w_bytes(str_data(v), size_t(len));
    return;
  }
  int kind = s->kind;
  const void* data = str_data(v);
  size_t nbytes = 0;
  for (ssize i = 0; i < len; i++) {
    uint32_t c = str_read(kind, data, i);
    nbytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  w_byte(((version_ >= 3 && str_is_interned(v)) ? TYPE_INTERNED : TYPE_UNICODE) | flag);
  if (!w_size(ssize(nbytes)) || !reserve(nbytes)) return;
  uint8_t* out = reinterpret_cast<uint8_t*>(buf_ + len_);
  for (ssize i = 0; i < len; i++) {
    uint32_t c = str_read(kind, data, i);
    if (c < 0x80) {
      *out++ = uint8_t(c);
    } else if (c < 0x800) {
      *out++ = uint8_t(0xC0 | (c >> 6));
      *out++ = uint8_t(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
      *out++ = uint8_t(0xE0 | (c >> 12));
      *out++ = uint8_t(0x80 | ((c >> 6) & 0x3F));
      *out++ = uint8_t(0x80 | (c & 0x3F));
    } else {
      *out++ = uint8_t(0xF0 | (c >> 18));
      *out++ = uint8_t(0x80 | ((c >> 12) & 0x3F));
      *out++ = uint8_t(0x80 | ((c >> 6) & 0x3F));
      *out++ = uint8_t(0x80 | (c & 0x3F));
    }
  }
  len_ += nbytes;
}

struct SetItem { Object* value; Object* dump; };
void release_items(std::vector<SetItem>& items) {
  for (SetItem& it : items) { decref(it.value); decref(it.dump); }
  items.clear();
}

// Sets are written in the order sorted(v, key=marshal.dumps) (bpo-37596),
// ties broken by the values themselves, as CPython's sort of (dump, value) pairs.
void Writer::w_set(Object* v, uint8_t flag) {
  w_byte((v->type == &FrozenSetType ? TYPE_FROZENSET : TYPE_SET) | flag);
  ssize n = set_size(v);
  if (!w_size(n)) return;
  using Item = SetItem;
  std::vector<Item> items;
  items.reserve(size_t(n));
  bool failed = false;
  ssize pos = 0;
  Object* key;
  while (set_next(v, &pos, &key)) {
    incref(key);  // CPython holds the element (_PySet_NextEntryRef) while dumping it
    Writer nested(version_, allow_code_, base_depth_ + depth_);
    nested.w_object(key);
    if (nested.error == WFERR_TOTAL_TOO_DEEP) { decref(key); error = WFERR_TOTAL_TOO_DEEP; release_items(items); return; }
    Object* d = nested.finish();
    if (!d) { decref(key); err_clear(); failed = true; break; }
    items.push_back({key, d});
  }
  auto release = [&] { release_items(items); };
  if (failed) {
    release();
    error = WFERR_UNMARSHALLABLE;
    return;
  }
  auto dump_less = [](const Item& a, const Item& b) {
    ssize la = bytes_size(a.dump), lb = bytes_size(b.dump);
    int c = std::memcmp(bytes_data(a.dump), bytes_data(b.dump), size_t(std::min(la, lb)));
    return c != 0 ? c < 0 : la < lb;
  };
  std::stable_sort(items.begin(), items.end(), dump_less);
  // Equal dumps: order by value `<` (insertion sort, stable); a failing comparison is
  // reported by CPython as MemoryError (its sort error becomes WFERR_NOMEMORY).
  bool cmp_failed = false;
  for (size_t i = 1; i < items.size() && !cmp_failed; i++) {
    if (dump_less(items[i - 1], items[i])) continue;
    for (size_t j = i; j > 0 && !dump_less(items[j - 1], items[j]); j--) {
      int eq = object_richcompare_bool(items[j].value, items[j - 1].value, kEQ);
      int lt = eq == 0 ? object_richcompare_bool(items[j].value, items[j - 1].value, kLT) : eq < 0 ? -1 : 0;
      if (lt < 0) { cmp_failed = true; break; }
      if (!lt) break;
      std::swap(items[j], items[j - 1]);
    }
  }
  if (cmp_failed) {
    err_clear();
    release();
    error = WFERR_NOMEMORY;
    return;
  }
  for (Item& it : items) w_object(it.value);
  release();
}

void Writer::w_code(Object* v, uint8_t flag) {
  if (!allow_code_) { error = WFERR_CODE_NOT_ALLOWED; return; }
  CodeObject* co = static_cast<CodeObject*>(v);
  Ref<> code = steal(code_get_co_code(v));
  if (!code) { err_clear(); error = WFERR_NOMEMORY; return; }
  w_byte(TYPE_CODE | flag);
  w_long(co->co_argcount);
  w_long(co->co_posonlyargcount);
  w_long(co->co_kwonlyargcount);
  w_long(co->co_stacksize);
  w_long(co->co_flags);
  // CPython's co_code is cached on the code object: one reference there, one
  // held while writing, so it always gets FLAG_REF.
  incref(code.get());
  w_object(code.get());
  decref(code.get());
  w_object(co->co_consts);
  w_object(co->co_names);
  w_object(co->co_localsplusnames);
  code_bytes_field_ = true;
  w_object(co->co_localspluskinds);
  code_bytes_field_ = false;
  w_object(co->co_filename);
  w_object(co->co_name);
  w_object(co->co_qualname);
  w_long(co->co_firstlineno);
  code_bytes_field_ = true;
  w_object(co->co_linetable);
  w_object(co->co_exceptiontable);
  code_bytes_field_ = false;
}

void Writer::w_complex_object(Object* v, uint8_t flag) {
  Type* t = v->type;
  if (t == &IntType) {
    w_long_object(v, flag);
  } else if (t == &FloatType) {
    double d = float_value(v);
    if (version_ > 1) { w_byte(TYPE_BINARY_FLOAT | flag); w_float_bin(d); }
    else { w_byte(TYPE_FLOAT | flag); w_float_str(d); }
  } else if (t == &ComplexType) {
    auto* c = static_cast<ComplexObject*>(v);
    if (version_ > 1) { w_byte(TYPE_BINARY_COMPLEX | flag); w_float_bin(c->real); w_float_bin(c->imag); }
    else { w_byte(TYPE_COMPLEX | flag); w_float_str(c->real); w_float_str(c->imag); }
  } else if (t == &BytesType) {
    w_byte(TYPE_STRING | flag);
    w_pstring(bytes_data(v), bytes_size(v));
  } else if (t == &StrType) {
    w_unicode(v, flag);
  } else if (t == &TupleType) {
    ssize n = tuple_size(v);
    if (version_ >= 4 && n < 256) {
      w_byte(TYPE_SMALL_TUPLE | flag);
      w_byte(uint8_t(n));
    } else {
      w_byte(TYPE_TUPLE | flag);
      if (!w_size(n)) return;
    }
    for (ssize i = 0; i < n; i++) w_object(tuple_get(v, i));
  } else if (t == &ListType) {
    w_byte(TYPE_LIST | flag);
    ssize n = list_size(v);
    if (!w_size(n)) return;
    for (ssize i = 0; i < n && i < list_size(v); i++) w_object(list_get(v, i));
  } else if (t == &DictType) {
    w_byte(TYPE_DICT | flag);
    ssize pos = 0;
    Object *key, *value;
    while (dict_next(v, &pos, &key, &value)) {
      w_object(key);
      w_object(value);
    }
    w_object(nullptr);
  } else if (t == &SetType || t == &FrozenSetType) {
    w_set(v, flag);
  } else if (t == &CodeType) {
    w_code(v, flag);
  } else if (bytes_check(v) || bytearray_check(v)) {
    // Other bytes-like objects (buffer protocol) are written as bytes.
    const char* data;
    ssize n;
    if (!bytes_like_view(v, &data, &n)) {
      w_byte(TYPE_UNKNOWN);
      depth_--;
      error = WFERR_UNMARSHALLABLE;
      return;
    }
    w_byte(TYPE_STRING | flag);
    w_pstring(data, n);
  } else if (t == &SliceType) {
    if (version_ < 5) {
      w_byte(TYPE_UNKNOWN);
      error = WFERR_UNMARSHALLABLE;
      return;
    }
    auto* s = static_cast<SliceObject*>(v);
    w_byte(TYPE_SLICE | flag);
    w_object(s->start);
    w_object(s->stop);
    w_object(s->step);
  } else {
    w_byte(TYPE_UNKNOWN | flag);
    error = WFERR_UNMARSHALLABLE;
  }
}

Object* Writer::finish() {
  if (error != WFERR_OK) {
    switch (error) {
      case WFERR_NOMEMORY: err_no_memory(); break;
      case WFERR_NESTEDTOODEEP:
      case WFERR_TOTAL_TOO_DEEP: err_set_string(&exc::ValueError, "object too deeply nested to marshal"); break;
      case WFERR_CODE_NOT_ALLOWED: err_set_string(&exc::ValueError, "marshalling code objects is disallowed"); break;
      default: err_set_string(&exc::ValueError, "unmarshallable object"); break;
    }
    return nullptr;
  }
  return bytes_from(buf_ ? buf_ : "", ssize(len_));
}

// ---------------------------------------------------------------------------
// Reader

class Reader {
 public:
  Reader(const char* data, ssize len, bool allow_code)
      : ptr_(reinterpret_cast<const uint8_t*>(data)), end_(ptr_ + len), allow_code_(allow_code) {}
  Reader(Object* readable, bool allow_code) : readable_(readable), allow_code_(allow_code) {}
  ~Reader() { for (Object* o : refs_) xdecref(o); }
  Reader(const Reader&) = delete;
  Reader& operator=(const Reader&) = delete;

  // read_object: never returns nullptr without an exception.
  Object* read_object() {
    Object* v = r_object();
    if (!v) {
      if (!err_occurred()) err_set_string(&exc::TypeError, "NULL object in marshal data for object");
      Object* exc = err_get_raised();
      break_cycles();
      err_set_raised(exc);
    }
    return v;
  }
  ssize consumed(const char* start) const { return reinterpret_cast<const char*>(ptr_) - start; }

 private:
  static constexpr int kEOF = -1;
  bool file_mode() const { return readable_ != nullptr; }
  // Upper bound on the items a container can still hold (each takes >= 1 byte).
  ssize capacity_bound(long n) const {
    if (file_mode()) return n;
    ssize left = end_ - ptr_;
    return n <= left ? n : left + 1;
  }
  const uint8_t* r_string(ssize n);
  const uint8_t* r_string_file(ssize n);
  void break_cycles();
  bool in_hash_cycle(Object* t);
  int r_byte() {
    if (!file_mode()) {
      if (ptr_ < end_) return *ptr_++;
      err_set_string(&exc::EOFError, "EOF read where not expected");
      return kEOF;
    }
    const uint8_t* p = r_string_file(1);
    return p ? *p : kEOF;
  }
  int r_short() {
    const uint8_t* b = r_string(2);
    if (!b) return -1;
    return int(int16_t(uint16_t(b[0] | (b[1] << 8))));
  }
  long r_long() {
    const uint8_t* b = r_string(4);
    if (!b) return -1;
    return long(int32_t(uint32_t(b[0]) | (uint32_t(b[1]) << 8) | (uint32_t(b[2]) << 16) | (uint32_t(b[3]) << 24)));
  }
  Object* r_long64();
  Object* r_pylong();
  bool r_float_bin(double* out) {
    const uint8_t* b = r_string(8);
    if (!b) return false;
    std::memcpy(out, b, 8);
    return true;
  }
  bool r_float_str(double* out);
  Object* r_object();
  Object* r_object_body(int type, int flag);
  Object* r_code(int flag);
  // Back-reference list management (CPython's r_ref / r_ref_reserve / r_ref_insert).
  Object* r_ref(Object* o) {
    if (!o) return nullptr;
    refs_.push_back(new_ref(o));
    return o;
  }
  ssize r_ref_reserve() {
    ssize idx = ssize(refs_.size());
    if (idx >= 0x7ffffffe) {
      err_set_string(&exc::ValueError, "bad marshal data (index list too large)");
      return -1;
    }
    refs_.push_back(nullptr);
    return idx;
  }
  void r_ref_insert(Object* o, ssize idx) {
    if (o) { xdecref(refs_[size_t(idx)]); refs_[size_t(idx)] = new_ref(o); }
  }

  const uint8_t* ptr_ = nullptr;
  const uint8_t* end_ = nullptr;
  Object* readable_ = nullptr;
  std::vector<uint8_t> fbuf_;
  int depth_ = 0;
  bool allow_code_;
  std::vector<Object*> refs_;  // nullptr: reserved, not yet complete
  std::vector<Object*> filling_;          // tuples whose items are being read (borrowed)
  std::vector<Object*> self_referenced_;  // tuples a TYPE_REF reached while incomplete
};

// After a failed load, back-references may have tied the partial objects into
// reference cycles that only a cycle collector could free. Every such cycle
// passes through a registered container (the target of a TYPE_REF), and none of
// them escaped, so emptying those containers frees everything.
void Reader::break_cycles() {
  for (Object* o : refs_) {
    if (!o) continue;
    if (o->type == &TupleType) {
      for (ssize i = 0; i < tuple_size(o); i++) set_ref(tuple_items(o)[i], new_ref(None));
    } else if (o->type == &ListType) {
      for (ssize i = 0; i < list_size(o); i++) set_ref(list_items(o)[i], new_ref(None));
    } else if (o->type == &DictType) {
      dict_clear(o);
    } else if (o->type == &SetType) {
      Ref<> r = steal(call_method_str(o, "clear"));
      if (!r) err_clear();
    }
  }
}

// A TYPE_REF to an incomplete tuple can make the tuple contain itself through
// hashable objects only (tuples, code constants, slices, frozensets); hashing
// or comparing it would then recurse without end (CPython crashes on such data).
// Dumps never produce this, so the load is refused.
bool Reader::in_hash_cycle(Object* t) {
  std::vector<Object*> stack;
  std::unordered_set<Object*> seen;
  auto push = [&](Object* o) {
    if (o && (o->type == &TupleType || o->type == &CodeType || o->type == &SliceType || o->type == &FrozenSetType))
      stack.push_back(o);
  };
  push(t);
  bool first = true;
  while (!stack.empty()) {
    Object* o = stack.back();
    stack.pop_back();
    if (o == t && !first) return true;
    first = false;
    if (!seen.insert(o).second) continue;
    if (o->type == &TupleType) {
      for (ssize i = 0; i < tuple_size(o); i++) push(tuple_get(o, i));
    } else if (o->type == &CodeType) {
      push(static_cast<CodeObject*>(o)->co_consts);
    } else if (o->type == &SliceType) {
      auto* sl = static_cast<SliceObject*>(o);
      push(sl->start); push(sl->stop); push(sl->step);
    } else {
      ssize pos = 0;
      Object* key;
      while (set_next(o, &pos, &key)) push(key);
    }
  }
  return false;
}

const uint8_t* Reader::r_string(ssize n) {
  if (!file_mode()) {
    if (end_ - ptr_ < n) {
      err_set_string(&exc::EOFError, "marshal data too short");
      return nullptr;
    }
    const uint8_t* r = ptr_;
    ptr_ += n;
    return r;
  }
  return r_string_file(n);
}

// file.readinto(buffer) for exactly n bytes, as CPython's load().
const uint8_t* Reader::r_string_file(ssize n) {
  Ref<> ba = steal(bytearray_from(nullptr, n));
  if (!ba) return nullptr;
  if (n) std::memset(bytearray_data(ba.get()), 0, size_t(n));
  Ref<> res = steal(call_method_str(readable_, "readinto", {ba.get()}));
  ssize got = -1;
  if (res) {
    got = number_as_ssize(res.get(), &exc::ValueError);
    if (got == -1 && err_occurred()) return nullptr;
  }
  if (got != n) {
    if (!err_occurred()) {
      if (got > n)
        err_format(&exc::ValueError, "read() returned too much data: %zd bytes requested, %zd returned", n, got);
      else
        err_set_string(&exc::EOFError, "EOF read where not expected");
    }
    return nullptr;
  }
  // The callee may have resized the buffer; copy what it holds.
  fbuf_.assign(size_t(n), 0);
  ssize have = std::min<ssize>(var_size(ba.get()), n);
  if (have > 0) std::memcpy(fbuf_.data(), bytearray_data(ba.get()), size_t(have));
  return fbuf_.data();
}

Object* Reader::r_long64() {
  const uint8_t* b = r_string(8);
  if (!b) return nullptr;
  uint64_t u = 0;
  for (int i = 7; i >= 0; i--) u = (u << 8) | b[i];
  return int_from_i64(int64_t(u));
}

Object* Reader::r_pylong() {
  long n = r_long();
  if (n == -1 && err_occurred()) return nullptr;
  if (n < -kSize32Max || n > kSize32Max) return err_string(&exc::ValueError, "bad marshal data (long size out of range)");
  size_t count = size_t(n < 0 ? -n : n);
  std::vector<uint16_t> digits;
  digits.reserve(file_mode() ? std::min<size_t>(count, 1 << 16) : std::min<size_t>(count, size_t(end_ - ptr_) / 2 + 1));
  for (size_t i = 0; i < count; i++) {
    int md = r_short();
    if (md < 0) {  // also EOF (error already set)
      if (!err_occurred()) err_set_string(&exc::ValueError, "bad marshal data (digit out of range in long)");
      return nullptr;
    }
    if (md == 0 && i == count - 1)
      return err_string(&exc::ValueError, "bad marshal data (unnormalized long data)");
    digits.push_back(uint16_t(md));
  }
  if (count <= 4) {
    int64_t x = 0;
    for (size_t i = count; i-- > 0;) x = (x << 15) | digits[i];
    return int_from_i64(n < 0 ? -x : x);
  }
  mpz_t z;
  mpz_init(z);
  mpz_import(z, count, -1, sizeof(uint16_t), 0, 1, digits.data());
  if (n < 0) mpz_neg(z, z);
  Object* r = int_from_mpz_copy(z);
  mpz_clear(z);
  return r;
}

// PyOS_string_to_double(s, NULL, NULL): no whitespace, no underscores, no hex;
// "inf"/"infinity"/"nan" in any case with an optional sign; overflow gives inf.
bool parse_float_strict(const char* s, double* out) {
  const char* p = s;
  bool neg = false;
  if (*p == '+' || *p == '-') { neg = *p == '-'; p++; }
  auto ieq = [](const char* a, const char* b) {
    for (; *b; a++, b++)
      if (*a == 0 || (*a | 0x20) != *b) return false;
    return *a == 0;
  };
  if (ieq(p, "inf") || ieq(p, "infinity")) { *out = neg ? -HUGE_VAL : HUGE_VAL; return true; }
  if (ieq(p, "nan")) {
    *out = std::copysign(std::numeric_limits<double>::quiet_NaN(), neg ? -1.0 : 1.0);
    return true;
  }
  const char* q = p;
  int digits = 0;
  while (*q >= '0' && *q <= '9') { q++; digits++; }
  if (*q == '.') { q++; while (*q >= '0' && *q <= '9') { q++; digits++; } }
  if (!digits) return false;
  if (*q == 'e' || *q == 'E') {
    const char* e = q + 1;
    if (*e == '+' || *e == '-') e++;
    if (!(*e >= '0' && *e <= '9')) return false;
    while (*e >= '0' && *e <= '9') e++;
    q = e;
  }
  if (*q) return false;
  *out = std::strtod(s, nullptr);
  return true;
}

bool Reader::r_float_str(double* out) {
  int n = r_byte();
  if (n == kEOF) return false;
  const uint8_t* p = r_string(n);
  if (!p) return false;
  char buf[256];
  std::memcpy(buf, p, size_t(n));
  buf[n] = '\0';
  if (!parse_float_strict(buf, out)) {
    err_format(&exc::ValueError, "could not convert string to float: '%.200s'", buf);
    return false;
  }
  return true;
}

Object* Reader::r_object() {
  int code = r_byte();
  if (code == kEOF) {
    if (err_exception_matches(&exc::EOFError)) err_set_string(&exc::EOFError, "EOF read where object expected");
    return nullptr;
  }
  if (++depth_ > kMaxMarshalStackDepth) {
    depth_--;
    return err_string(&exc::ValueError, "recursion limit exceeded");
  }
  Object* r = r_object_body(code & ~FLAG_REF, code & FLAG_REF);
  depth_--;
  return r;
}

Object* Reader::r_code(int flag) {
  if (!allow_code_) return err_string(&exc::ValueError, "unmarshalling code objects is disallowed");
  ssize idx = 0;
  if (flag && (idx = r_ref_reserve()) < 0) return nullptr;
  CodeConstructorArgs a{};
  long v;
#define PYXX_R_INT(field) \
  v = r_long();           \
  if (v == -1 && err_occurred()) return nullptr; \
  a.field = int(v);
  PYXX_R_INT(argcount)
  PYXX_R_INT(posonlyargcount)
  PYXX_R_INT(kwonlyargcount)
  PYXX_R_INT(stacksize)
  PYXX_R_INT(flags)
  Ref<> code, consts, names, lpnames, lpkinds, filename, name, qualname, linetable, exctable;
  auto fail = [&]() -> Object* {
    if (!err_occurred()) err_set_string(&exc::TypeError, "NULL object in marshal data for code object");
    return nullptr;
  };
  if (!(code = steal(r_object()))) return fail();
  if (!(consts = steal(r_object()))) return fail();
  if (!(names = steal(r_object()))) return fail();
  if (!(lpnames = steal(r_object()))) return fail();
  if (!(lpkinds = steal(r_object()))) return fail();
  if (!(filename = steal(r_object()))) return fail();
  if (!(name = steal(r_object()))) return fail();
  if (!(qualname = steal(r_object()))) return fail();
  PYXX_R_INT(firstlineno)
#undef PYXX_R_INT
  if (!(linetable = steal(r_object()))) return fail();
  if (!(exctable = steal(r_object()))) return fail();
  a.code = code.get();
  a.consts = consts.get();
  a.names = names.get();
  a.localsplusnames = lpnames.get();
  a.localspluskinds = lpkinds.get();
  a.filename = filename.get();
  a.name = name.get();
  a.qualname = qualname.get();
  a.linetable = linetable.get();
  a.exceptiontable = exctable.get();
  Object* co = code_new(a);
  if (!co) return fail();
  if (flag) r_ref_insert(co, idx);
  return co;
}

Object* Reader::r_object_body(int type, int flag) {
  auto R_REF = [&](Object* o) { return flag ? r_ref(o) : o; };
  long n;
  bool interned = false;
  switch (type) {
    case TYPE_NULL: return nullptr;
    case TYPE_NONE: return new_ref(None);
    case TYPE_STOPITER: return new_ref(reinterpret_cast<Object*>(&exc::StopIteration));
    case TYPE_ELLIPSIS: return new_ref(Ellipsis);
    case TYPE_FALSE: return new_ref(False);
    case TYPE_TRUE: return new_ref(True);

    case TYPE_INT:
      n = r_long();
      if (n == -1 && err_occurred()) return nullptr;
      return R_REF(int_from_i64(n));
    case TYPE_INT64: return R_REF(r_long64());
    case TYPE_LONG: return R_REF(r_pylong());

    case TYPE_FLOAT: {
      double x;
      if (!r_float_str(&x)) return nullptr;
      return R_REF(float_from_double(x));
    }
    case TYPE_BINARY_FLOAT: {
      double x;
      if (!r_float_bin(&x)) return nullptr;
      return R_REF(float_from_double(x));
    }
    case TYPE_COMPLEX: {
      double re, im;
      if (!r_float_str(&re) || !r_float_str(&im)) return nullptr;
      return R_REF(complex_from_doubles(re, im));
    }
    case TYPE_BINARY_COMPLEX: {
      double re, im;
      if (!r_float_bin(&re) || !r_float_bin(&im)) return nullptr;
      return R_REF(complex_from_doubles(re, im));
    }

    case TYPE_STRING: {
      n = r_long();
      if (n < 0 || n > kSize32Max) {
        if (!err_occurred()) err_set_string(&exc::ValueError, "bad marshal data (bytes object size out of range)");
        return nullptr;
      }
      const uint8_t* p = r_string(n);
      if (!p) return nullptr;
      return R_REF(bytes_from(p, n));
    }

    case TYPE_ASCII_INTERNED: interned = true; [[fallthrough]];
    case TYPE_ASCII:
      n = r_long();
      if (n < 0 || n > kSize32Max) {
        if (!err_occurred()) err_set_string(&exc::ValueError, "bad marshal data (string size out of range)");
        return nullptr;
      }
      goto read_ascii;
    case TYPE_SHORT_ASCII_INTERNED: interned = true; [[fallthrough]];
    case TYPE_SHORT_ASCII:
      n = r_byte();
      if (n == kEOF) return nullptr;
    read_ascii: {
      const uint8_t* p = r_string(n);
      if (!p) return nullptr;
      Object* v = str_from_latin1(p, n);  // not validated as ASCII, as CPython
      if (!v) return nullptr;
      if (interned) v = str_intern(v);
      return R_REF(v);
    }

    case TYPE_INTERNED: interned = true; [[fallthrough]];
    case TYPE_UNICODE: {
      n = r_long();
      if (n < 0 || n > kSize32Max) {
        if (!err_occurred()) err_set_string(&exc::ValueError, "bad marshal data (string size out of range)");
        return nullptr;
      }
      Object* v;
      if (n != 0) {
        const uint8_t* p = r_string(n);
        if (!p) return nullptr;
        v = str_from_utf8_surrogatepass(reinterpret_cast<const char*>(p), n);
      } else {
        v = new_ref(str_empty());
      }
      if (!v) return nullptr;
      if (interned) v = str_intern(v);
      return R_REF(v);
    }

    case TYPE_SMALL_TUPLE:
      n = r_byte();
      if (n == kEOF) return nullptr;
      goto read_tuple;
    case TYPE_TUPLE:
      n = r_long();
      if (n < 0 || n > kSize32Max) {
        if (!err_occurred()) err_set_string(&exc::ValueError, "bad marshal data (tuple size out of range)");
        return nullptr;
      }
    read_tuple: {
      ssize cap = capacity_bound(n);
      Ref<> t = steal(tuple_new(cap));
      if (!t) return nullptr;
      for (ssize i = 0; i < cap; i++) tuple_init_item(t.get(), i, new_ref(None));
      if (flag) r_ref(t.get());
      filling_.push_back(t.get());
      for (ssize i = 0; i < n; i++) {
        Object* item = r_object();
        if (!item) {
          filling_.pop_back();
          if (!err_occurred()) err_set_string(&exc::TypeError, "NULL object in marshal data for tuple");
          return nullptr;
        }
        if (i >= cap) { decref(item); return err_bad_internal_call("marshal tuple"); }  // unreachable
        Object* old = tuple_items(t.get())[i];
        tuple_items(t.get())[i] = item;
        decref(old);
      }
      filling_.pop_back();
      static_cast<TupleObject*>(t.get())->hash_cache = -1;  // may have been hashed while incomplete
      if (!self_referenced_.empty() && std::find(self_referenced_.begin(), self_referenced_.end(), t.get()) !=
                                           self_referenced_.end() && in_hash_cycle(t.get()))
        return err_string(&exc::ValueError, "bad marshal data (recursive tuple)");
      return t.release();
    }

    case TYPE_LIST: {
      n = r_long();
      if (n < 0 || n > kSize32Max) {
        if (!err_occurred()) err_set_string(&exc::ValueError, "bad marshal data (list size out of range)");
        return nullptr;
      }
      ssize cap = capacity_bound(n);
      Ref<> l = steal(list_new(cap));
      if (!l) return nullptr;
      for (ssize i = 0; i < cap; i++) list_init_item(l.get(), i, new_ref(None));
      if (flag) r_ref(l.get());
      for (ssize i = 0; i < n; i++) {
        Object* item = r_object();
        if (!item) {
          if (!err_occurred()) err_set_string(&exc::TypeError, "NULL object in marshal data for list");
          return nullptr;
        }
        // A back-reference may have been used to shrink the list meanwhile.
        if (i >= list_size(l.get())) { decref(item); continue; }
        Object* old = list_items(l.get())[i];
        list_items(l.get())[i] = item;
        decref(old);
      }
      return l.release();
    }

    case TYPE_DICT: {
      Ref<> d = steal(dict_new());
      if (!d) return nullptr;
      if (flag) r_ref(d.get());
      for (;;) {
        Ref<> key = steal(r_object());
        if (!key) break;
        Ref<> val = steal(r_object());
        if (!val) break;
        if (dict_setitem(d.get(), key.get(), val.get()) < 0) break;
      }
      if (err_occurred()) return nullptr;
      return d.release();
    }

    case TYPE_SET:
    case TYPE_FROZENSET: {
      n = r_long();
      if (n < 0 || n > kSize32Max) {
        if (!err_occurred()) err_set_string(&exc::ValueError, "bad marshal data (set size out of range)");
        return nullptr;
      }
      if (n == 0 && type == TYPE_FROZENSET) return R_REF(frozenset_new(nullptr));
      Ref<> s = steal(type == TYPE_SET ? set_new(nullptr) : frozenset_new(nullptr));
      if (!s) return nullptr;
      ssize idx = 0;
      if (type == TYPE_SET) {
        if (flag) r_ref(s.get());
      } else if (flag && (idx = r_ref_reserve()) < 0) {
        return nullptr;  // frozensets are registered once complete
      }
      for (long i = 0; i < n; i++) {
        Ref<> item = steal(r_object());
        if (!item) {
          if (!err_occurred()) err_set_string(&exc::TypeError, "NULL object in marshal data for set");
          return nullptr;
        }
        if (set_add(s.get(), item.get()) < 0) return nullptr;
      }
      if (type != TYPE_SET && flag) r_ref_insert(s.get(), idx);
      return s.release();
    }

    case TYPE_CODE: return r_code(flag);

    case TYPE_REF: {
      n = r_long();
      if (n == -1 && err_occurred()) return nullptr;
      if (n < 0 || size_t(n) >= refs_.size() || !refs_[size_t(n)])
        return err_string(&exc::ValueError, "bad marshal data (invalid reference)");
      Object* target = refs_[size_t(n)];
      if (target->type == &TupleType && !filling_.empty()) {
        for (Object* t : filling_)
          if (t == target) { self_referenced_.push_back(t); break; }
      }
      return new_ref(target);
    }

    case TYPE_SLICE: {
      ssize idx = 0;
      if (flag && (idx = r_ref_reserve()) < 0) return nullptr;
      Ref<> start = steal(r_object());
      if (!start) return nullptr;
      Ref<> stop = steal(r_object());
      if (!stop) return nullptr;
      Ref<> step = steal(r_object());
      if (!step) return nullptr;
      Object* s = slice_new(start.get(), stop.get(), step.get());
      if (s && flag) r_ref_insert(s, idx);
      return s;
    }

    default:
      return err_string(&exc::ValueError, "bad marshal data (unknown type code)");
  }
}

// ---------------------------------------------------------------------------
// Module functions (Argument Clinic's calling conventions and messages)

// Binds `minpos..maxpos` positional-only arguments and the keyword-only
// `allow_code`; out[] receives borrowed pointers (null when not given).
bool parse_args(const char* fname, Object* const* args, ssize nargs, Object* kwnames, int minpos, int maxpos,
                Object** out, Object** allow_code) {
  ssize nkw = kwnames ? tuple_size(kwnames) : 0;
  int maxargs = maxpos + 1;
  if (nargs + nkw > maxargs) {
    err_format(&exc::TypeError, "%.200s() takes at most %d %sargument%s (%zd given)", fname, maxargs,
               nargs == 0 ? "keyword " : "", maxargs == 1 ? "" : "s", nargs + nkw);
    return false;
  }
  if (nargs > maxpos) {
    err_format(&exc::TypeError, "%.200s() takes %s %d positional argument%s (%zd given)", fname,
               minpos < maxpos ? "at most" : "exactly", maxpos, maxpos == 1 ? "" : "s", nargs);
    return false;
  }
  if (nargs < minpos) {
    err_format(&exc::TypeError, "%.200s() takes %s %d positional argument%s (%zd given)", fname,
               minpos < maxpos ? "at least" : "exactly", minpos, minpos == 1 ? "" : "s", nargs);
    return false;
  }
  for (int i = 0; i < maxpos; i++) out[i] = i < nargs ? args[i] : nullptr;
  *allow_code = nullptr;
  for (ssize i = 0; i < nkw; i++) {
    Object* k = tuple_get(kwnames, i);
    if (str_check(k) && str_eq_cstr(k, "allow_code")) {
      *allow_code = args[nargs + i];
    } else {
      err_format(&exc::TypeError, "%.200s() got an unexpected keyword argument '%S'", fname, k);
      return false;
    }
  }
  return true;
}

// Argument Clinic's `int` converter.
bool as_c_int(Object* o, int* out) {
  if (float_check(o)) {
    err_set_string(&exc::TypeError, "'float' object cannot be interpreted as an integer");
    return false;
  }
  Ref<> i = steal(number_index(o));
  if (!i) return false;
  int overflow = 0;
  int64_t v = int_as_i64_overflow(i.get(), &overflow);
  if (overflow || v < INT32_MIN || v > INT32_MAX) {
    err_set_string(&exc::OverflowError, "Python int too large to convert to C int");
    return false;
  }
  *out = int(v);
  return true;
}

bool as_allow_code(Object* o, bool* out) {
  *out = true;
  if (!o) return true;
  int r = object_is_true(o);
  if (r < 0) return false;
  *out = r != 0;
  return true;
}

Object* marshal_dumps_fn(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  Object* a[2];
  Object* ac;
  if (!parse_args("dumps", args, nargs, kwnames, 1, 2, a, &ac)) return nullptr;
  int version = kMarshalVersion;
  bool allow_code;
  if (a[1] && !as_c_int(a[1], &version)) return nullptr;
  if (!as_allow_code(ac, &allow_code)) return nullptr;
  return marshal_dumps_ex(a[0], version, allow_code);
}

Object* marshal_dump_fn(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  Object* a[3];
  Object* ac;
  if (!parse_args("dump", args, nargs, kwnames, 2, 3, a, &ac)) return nullptr;
  int version = kMarshalVersion;
  bool allow_code;
  if (a[2] && !as_c_int(a[2], &version)) return nullptr;
  if (!as_allow_code(ac, &allow_code)) return nullptr;
  Ref<> s = steal(marshal_dumps_ex(a[0], version, allow_code));
  if (!s) return nullptr;
  return call_method_str(a[1], "write", {s.get()});
}

Object* marshal_loads_fn(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  Object* a[1];
  Object* ac;
  if (!parse_args("loads", args, nargs, kwnames, 1, 1, a, &ac)) return nullptr;
  const char* data;
  ssize len;
  if (!bytes_like_view(a[0], &data, &len))
    return err_format(&exc::TypeError, "a bytes-like object is required, not '%.100s'", a[0]->type->tp_name);
  bool allow_code;
  if (!as_allow_code(ac, &allow_code)) return nullptr;
  // No Python code runs while loading, so the buffer cannot change under us.
  return marshal_loads_ex(data, len, allow_code, nullptr);
}

Object* marshal_load_fn(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  Object* a[1];
  Object* ac;
  if (!parse_args("load", args, nargs, kwnames, 1, 1, a, &ac)) return nullptr;
  bool allow_code;
  if (!as_allow_code(ac, &allow_code)) return nullptr;
  // A zero-byte read checks that the file returns bytes (as CPython).
  Ref<> zero = steal(int_from_i64(0));
  Ref<> data = steal(call_method_str(a[0], "read", {zero.get()}));
  if (!data) return nullptr;
  if (!bytes_check(data.get()))
    return err_format(&exc::TypeError, "file.read() returned not bytes but %.100s", data->type->tp_name);
  Reader r(a[0], allow_code);
  return r.read_object();
}

const MethodDef marshal_methods[] = {
    {"dump", reinterpret_cast<void*>(marshal_dump_fn), kMethFastcall | kMethKeywords,
     "dump($module, value, file, version=version, /, *, allow_code=True)\n--\n\n"
     "Write the value on the open file.\n\n"
     "  value\n    Must be a supported type.\n"
     "  file\n    Must be a writeable binary file.\n"
     "  version\n    Indicates the data format that dump should use.\n"
     "  allow_code\n    Allow to write code objects.\n\n"
     "If the value has (or contains an object that has) an unsupported type, a\n"
     "ValueError exception is raised - but garbage data will also be written\n"
     "to the file. The object will not be properly read back by load()."},
    {"load", reinterpret_cast<void*>(marshal_load_fn), kMethFastcall | kMethKeywords,
     "load($module, file, /, *, allow_code=True)\n--\n\n"
     "Read one value from the open file and return it.\n\n"
     "  file\n    Must be readable binary file.\n"
     "  allow_code\n    Allow to load code objects.\n\n"
     "If no valid value is read (e.g. because the data has a different Python\n"
     "version's incompatible marshal format), raise EOFError, ValueError or\n"
     "TypeError.\n\n"
     "Note: If an object containing an unsupported type was marshalled with\n"
     "dump(), load() will substitute None for the unmarshallable type."},
    {"dumps", reinterpret_cast<void*>(marshal_dumps_fn), kMethFastcall | kMethKeywords,
     "dumps($module, value, version=version, /, *, allow_code=True)\n--\n\n"
     "Return the bytes object that would be written to a file by dump(value, file).\n\n"
     "  value\n    Must be a supported type.\n"
     "  version\n    Indicates the data format that dumps should use.\n"
     "  allow_code\n    Allow to write code objects.\n\n"
     "Raise a ValueError exception if value has (or contains an object that\n"
     "has) an unsupported type."},
    {"loads", reinterpret_cast<void*>(marshal_loads_fn), kMethFastcall | kMethKeywords,
     "loads($module, bytes, /, *, allow_code=True)\n--\n\n"
     "Convert the bytes-like object to a value.\n\n"
     "  allow_code\n    Allow to load code objects.\n\n"
     "If no valid value is found, raise EOFError, ValueError or TypeError.\n"
     "Extra bytes in the input are ignored."},
    {nullptr, nullptr, 0, nullptr},
};

int marshal_exec(Object* module) {
  Ref<> v = steal(int_from_i64(kMarshalVersion));
  if (!v) return -1;
  return dict_setitem_str(module_dict(module), "version", v.get());
}

}  // namespace

Object* marshal_dumps_ex(Object* value, int version, bool allow_code) {
  Writer w(version, allow_code);
  w.w_object(value);
  return w.finish();
}

Object* marshal_dumps(Object* value, int version) { return marshal_dumps_ex(value, version, true); }

Object* marshal_loads_ex(const char* data, ssize len, bool allow_code, ssize* consumed) {
  Reader r(data, len, allow_code);
  Object* v = r.read_object();
  if (consumed) *consumed = r.consumed(data);
  return v;
}

Object* marshal_loads(const char* data, ssize len) { return marshal_loads_ex(data, len, true, nullptr); }

const ModuleDef marshal_module_def = {
    "marshal",
    "This module contains functions that can read and write Python values in\n"
    "a binary format. The format is specific to Python, but independent of\n"
    "machine architecture issues.\n"
    "\n"
    "Not all Python object types are supported; in general, only objects\n"
    "whose value is independent from a particular invocation of Python can be\n"
    "written and read by this module. The following types are supported:\n"
    "None, integers, floating-point numbers, strings, bytes, bytearrays,\n"
    "tuples, lists, sets, dictionaries, and code objects, where it\n"
    "should be understood that tuples, lists and dictionaries are only\n"
    "supported as long as the values contained therein are themselves\n"
    "supported; and recursive lists and dictionaries should not be written\n"
    "(they will cause infinite loops).\n"
    "\n"
    "Variables:\n"
    "\n"
    "version -- indicates the format that the module uses. Version 0 is the\n"
    "    historical format, version 1 shares interned strings and version 2\n"
    "    uses a binary format for floating-point numbers.\n"
    "    Version 3 shares common object references (New in version 3.4).\n"
    "\n"
    "Functions:\n"
    "\n"
    "dump() -- write value to a file\n"
    "load() -- read value from a file\n"
    "dumps() -- marshal value as a bytes object\n"
    "loads() -- read value from a bytes-like object",
    marshal_methods,
    marshal_exec,
};

}  // namespace pyxx
