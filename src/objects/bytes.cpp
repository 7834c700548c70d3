// bytes: immutable byte strings (CPython's Objects/bytesobject.c behaviour):
// constructor, repr, hash (SipHash via hash_bytes), sequence protocol,
// methods, %-formatting, and the bytes_iterator type.
#include "objects/bytes.h"
#include <algorithm>
#include <cstring>
#include <string>
#include <vector>
#include "core/abstract.h"
#include "core/alloc.h"
#include "core/error.h"
#include "core/state.h"
#include "objects/dict.h"
#include "objects/exceptions.h"
#include "objects/hash.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/range.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/str_internal.h"
#include "objects/tuple.h"
#include "runtime/args.h"

namespace pyxx {

Type BytesType;
Type BytesIterType;

static constexpr size_t kBytesHeader = offsetof(BytesObject, data);
static Object* g_empty_bytes = nullptr;
static Object* g_byte_chars[256];

static Object* bytes_alloc(Type* type, ssize len) {
  if (len < 0 || size_t(len) > size_t(kSsizeMax) - kBytesHeader - 1) return err_no_memory();
  Object* op;
  if (PYXX_LIKELY(type == &BytesType)) {
    op = object_alloc(type, kBytesHeader + size_t(len) + 1);
    if (!op) return nullptr;
  } else {
    // Subclass instances: the __dict__ slot follows the items (negative
    // tp_dictoffset, see object_dict_ptr); leave room for it, zeroed.
    size_t items_end = (size_t(type->tp_basicsize) + size_t(len) * size_t(type->tp_itemsize ? type->tp_itemsize : 1) + 7) & ~size_t(7);
    size_t size = std::max(kBytesHeader + size_t(len) + 1, items_end + 2 * sizeof(Object*));
    op = object_alloc_zeroed(type, size);
    if (!op) return nullptr;
    if (type_has_flag(type, kTpflagsHaveGC)) gc_track(op);
  }
  BytesObject* b = static_cast<BytesObject*>(op);
  b->size = len;
  b->hash = -1;
  b->data[len] = 0;
  return op;
}

static Object* immortal(Object* o) { o->refcnt = kImmortalRefcnt; return o; }

static Object* empty_bytes() {
  if (!g_empty_bytes) {
    Object* e = bytes_alloc(&BytesType, 0);
    if (!e) return nullptr;
    g_empty_bytes = immortal(e);
  }
  return g_empty_bytes;
}

static Object* byte_char(uint8_t c) {
  if (!g_byte_chars[c]) {
    Object* o = bytes_alloc(&BytesType, 1);
    if (!o) return nullptr;
    bytes_data(o)[0] = char(c);
    g_byte_chars[c] = immortal(o);
  }
  return g_byte_chars[c];
}

Object* bytes_from(const void* data, ssize len) {
  if (data) {
    if (len == 0) return new_ref(empty_bytes());
    if (len == 1) return new_ref(byte_char(*static_cast<const uint8_t*>(data)));
  }
  Object* b = bytes_alloc(&BytesType, len);
  if (!b) return nullptr;
  if (data) std::memcpy(bytes_data(b), data, size_t(len));
  return b;
}

static void bytes_dealloc(Object* op) { object_free(op); }

Hash bytes_hash(Object* b) {
  BytesObject* o = static_cast<BytesObject*>(b);
  if (o->hash == -1) o->hash = hash_bytes(o->data, o->size);
  return o->hash;
}

Object* bytes_repr(Object* b) {
  const uint8_t* d = reinterpret_cast<const uint8_t*>(bytes_data(b));
  ssize n = bytes_size(b);
  bool sq = false, dq = false;
  for (ssize i = 0; i < n; i++) {
    if (d[i] == '\'') sq = true;
    else if (d[i] == '"') dq = true;
  }
  char quote = (sq && !dq) ? '"' : '\'';
  std::string out;
  out.reserve(size_t(n) + 3);
  out += 'b';
  out += quote;
  static const char hx[] = "0123456789abcdef";
  for (ssize i = 0; i < n; i++) {
    uint8_t c = d[i];
    if (c == uint8_t(quote) || c == '\\') { out += '\\'; out += char(c); }
    else if (c == '\t') out += "\\t";
    else if (c == '\n') out += "\\n";
    else if (c == '\r') out += "\\r";
    else if (c < ' ' || c >= 0x7f) { out += "\\x"; out += hx[c >> 4]; out += hx[c & 15]; }
    else out += char(c);
  }
  out += quote;
  return str_from_latin1(reinterpret_cast<const uint8_t*>(out.data()), ssize(out.size()));
}

// A view of a bytes-like argument. Only bytes for now (bytearray/memoryview later).
struct ByteView {
  const uint8_t* p = nullptr;
  ssize n = 0;
};

static bool get_view(Object* o, ByteView* v) {
  if (bytes_check(o)) {
    v->p = reinterpret_cast<const uint8_t*>(bytes_data(o));
    v->n = bytes_size(o);
    return true;
  }
  if (bytearray_check(o)) {
    v->p = reinterpret_cast<const uint8_t*>(bytearray_data(o));
    v->n = var_size(o);
    return true;
  }
  return false;
}

bool bytes_like_view(Object* o, const char** data, ssize* len) {
  ByteView v;
  if (!get_view(o, &v)) return false;
  *data = reinterpret_cast<const char*>(v.p);
  *len = v.n;
  return true;
}

static bool need_view(Object* o, ByteView* v) {
  if (get_view(o, v)) return true;
  err_format(&exc::TypeError, "a bytes-like object is required, not '%.100s'", o->type->tp_name);
  return false;
}

static Object* from_string(const std::string& s) { return bytes_from(s.data(), ssize(s.size())); }

static Object* bytes_exact(Object* self) {
  if (self->type == &BytesType) return new_ref(self);
  return bytes_from(bytes_data(self), bytes_size(self));
}

static ByteView view_of(Object* self) {
  ByteView v;
  v.p = reinterpret_cast<const uint8_t*>(bytes_data(self));
  v.n = bytes_size(self);
  return v;
}

// ---------------------------------------------------------------------------
// Constructor

Object* bytes_from_iterable(Object* x) {
  std::string out;
  Ref<> it = steal(object_get_iter(x));
  if (!it) return nullptr;
  for (;;) {
    Ref<> item = steal(iter_next(it.get()));
    if (!item) {
      if (err_occurred()) return nullptr;
      break;
    }
    Ref<> iv = steal(number_index(item.get()));
    if (!iv) return nullptr;
    int overflow = 0;
    int64_t v = int_as_i64_overflow(iv.get(), &overflow);
    if (overflow || v < 0 || v > 255) return err_string(&exc::ValueError, "bytes must be in range(0, 256)");
    out.push_back(char(v));
  }
  return from_string(out);
}

static Object* bytes_tp_new(Type* type, Object* args, Object* kwds) {
  static const char* const names[] = {"source", "encoding", "errors"};
  static const ArgSpec spec = {"bytes", names, 3, 0, 0, 0};
  Object* av[3] = {nullptr, nullptr, nullptr};
  ssize nargs = tuple_size(args);
  Object* stack[8];
  Ref<> kwnames;
  ssize nk = kwds ? dict_size(kwds) : 0;
  if (nargs + nk > 3)
    return err_format(&exc::TypeError, "bytes() takes at most 3 arguments (%zd given)", nargs + nk);
  for (ssize i = 0; i < nargs; i++) stack[i] = tuple_get(args, i);
  if (nk) {
    kwnames = steal(tuple_new(nk));
    if (!kwnames) return nullptr;
    ssize pos = 0, i = 0;
    Object *k, *v;
    while (dict_next(kwds, &pos, &k, &v)) {
      tuple_init_item(kwnames.get(), i, new_ref(k));
      stack[nargs + i++] = v;
    }
  }
  if (!bind_args(spec, stack, nargs, kwnames.get(), av)) return nullptr;
  Object* x = av[0];
  Ref<> result;
  if (!x) {
    if (av[1] || av[2]) return err_string(&exc::TypeError, av[1] ? "encoding without a string argument" : "errors without a string argument");
    result = borrow(empty_bytes());
  } else if (av[1] || av[2]) {
    if (!str_check(x)) return err_string(&exc::TypeError, av[1] ? "encoding without a string argument" : "errors without a string argument");
    const char* enc = "utf-8";
    const char* errors = nullptr;
    if (av[1]) {
      if (!str_check(av[1])) return err_format(&exc::TypeError, "bytes() argument 'encoding' must be str, not %.50s", av[1]->type->tp_name);
      if (!(enc = str_as_utf8(av[1]))) return nullptr;
    } else {
      return err_string(&exc::TypeError, "string argument without an encoding");
    }
    if (av[2]) {
      if (!str_check(av[2])) return err_format(&exc::TypeError, "bytes() argument 'errors' must be str, not %.50s", av[2]->type->tp_name);
      if (!(errors = str_as_utf8(av[2]))) return nullptr;
    }
    result = steal(str_encode(x, enc, errors));
  } else {
    // __bytes__ first (as CPython), then buffers, str, ints, iterables.
    Ref<> meth;
    Object* m = type_lookup(x->type, Ref<>::steal(str_intern_cstr("__bytes__")).get());
    if (m) {
      Ref<> r = steal(call_method_str(x, "__bytes__"));
      if (!r) return nullptr;
      if (!bytes_check(r.get()))
        return err_format(&exc::TypeError, "__bytes__ returned non-bytes (type %.200s)", r->type->tp_name);
      result = std::move(r);
    } else if (bytes_check(x)) {
      result = steal(bytes_exact(x));
    } else if (bytearray_check(x)) {
      result = steal(bytes_from(bytearray_data(x), var_size(x)));
    } else if (str_check(x)) {
      return err_string(&exc::TypeError, "string argument without an encoding");
    } else if (index_check(x)) {
      ssize n = number_as_ssize(x, &exc::OverflowError);
      if (n == -1 && err_occurred()) {
        if (!err_exception_matches(&exc::OverflowError)) return nullptr;
        err_clear();
        return err_string(&exc::OverflowError, "cannot fit 'int' into an index-sized integer");
      }
      if (n < 0) return err_string(&exc::ValueError, "negative count");
      Object* b = bytes_alloc(&BytesType, n);
      if (!b) return nullptr;
      std::memset(bytes_data(b), 0, size_t(n));
      result = steal(b);
    } else {
      Ref<> it = steal(object_get_iter(x));
      if (!it) {
        if (err_exception_matches(&exc::TypeError)) {
          err_clear();
          return err_format(&exc::TypeError, "cannot convert '%.200s' object to bytes", x->type->tp_name);
        }
        return nullptr;
      }
      result = steal(bytes_from_iterable(x));
    }
  }
  if (!result) return nullptr;
  if (type == &BytesType) return result.release();
  Object* r = bytes_alloc(type, bytes_size(result.get()));
  if (!r) return nullptr;
  std::memcpy(bytes_data(r), bytes_data(result.get()), size_t(bytes_size(result.get())));
  return r;
}

// ---------------------------------------------------------------------------
// Slots

static Object* bytes_tp_repr(Object* b) { return bytes_repr(b); }
static Hash bytes_tp_hash(Object* b) { return bytes_hash(b); }

static Object* bytes_richcompare(Object* a, Object* b, int op) {
  if (!bytes_check(a) || !bytes_check(b)) return new_ref(NotImplemented);
  ssize la = bytes_size(a), lb = bytes_size(b);
  bool r;
  if (op == kEQ || op == kNE) {
    bool eq = a == b || (la == lb && std::memcmp(bytes_data(a), bytes_data(b), size_t(la)) == 0);
    r = op == kEQ ? eq : !eq;
  } else {
    int c = std::memcmp(bytes_data(a), bytes_data(b), size_t(std::min(la, lb)));
    if (c == 0) c = la < lb ? -1 : la > lb ? 1 : 0;
    switch (op) {
      case kLT: r = c < 0; break;
      case kLE: r = c <= 0; break;
      case kGT: r = c > 0; break;
      default: r = c >= 0; break;
    }
  }
  return new_ref(bool_from(r));
}

static ssize bytes_len(Object* b) { return bytes_size(b); }

static Object* bytes_concat(Object* a, Object* b) {
  ByteView va, vb;
  if (!get_view(a, &va) || !get_view(b, &vb))
    return err_format(&exc::TypeError, "can't concat %.100s to %.100s", b->type->tp_name, a->type->tp_name);
  if (vb.n == 0 && a->type == &BytesType) return new_ref(a);
  if (va.n == 0 && b->type == &BytesType) return new_ref(b);
  if (va.n > kSsizeMax - vb.n) return err_no_memory();
  Object* r = bytes_alloc(&BytesType, va.n + vb.n);
  if (!r) return nullptr;
  std::memcpy(bytes_data(r), va.p, size_t(va.n));
  std::memcpy(bytes_data(r) + va.n, vb.p, size_t(vb.n));
  return r;
}

static Object* bytes_repeat(Object* a, ssize n) {
  ssize len = bytes_size(a);
  if (n < 0) n = 0;
  if (n == 1 && a->type == &BytesType) return new_ref(a);
  if (len && n > kSsizeMax / len) return err_no_memory();
  ssize total = len * n;
  if (total == 0) return new_ref(empty_bytes());
  Object* r = bytes_alloc(&BytesType, total);
  if (!r) return nullptr;
  char* d = bytes_data(r);
  if (len == 1) std::memset(d, bytes_data(a)[0], size_t(n));
  else {
    std::memcpy(d, bytes_data(a), size_t(len));
    ssize done = len;
    while (done < total) {
      ssize c = std::min(done, total - done);
      std::memcpy(d + done, d, size_t(c));
      done += c;
    }
  }
  return r;
}

static Object* bytes_item(Object* a, ssize i) {
  if (i < 0 || i >= bytes_size(a)) return err_string(&exc::IndexError, "index out of range");
  return int_from_i64(uint8_t(bytes_data(a)[i]));
}

static Object* bytes_subscript(Object* a, Object* key) {
  if (index_check(key)) {
    ssize i = number_as_ssize(key, &exc::IndexError);
    if (i == -1 && err_occurred()) return nullptr;
    if (i < 0) i += bytes_size(a);
    return bytes_item(a, i);
  }
  if (slice_check(key)) {
    ssize start, stop, step, n;
    if (slice_get_indices(key, bytes_size(a), &start, &stop, &step, &n) < 0) return nullptr;
    if (n <= 0) return new_ref(empty_bytes());
    if (step == 1) {
      if (n == bytes_size(a) && a->type == &BytesType) return new_ref(a);
      return bytes_from(bytes_data(a) + start, n);
    }
    Object* r = bytes_alloc(&BytesType, n);
    if (!r) return nullptr;
    for (ssize i = 0, p = start; i < n; i++, p += step) bytes_data(r)[i] = bytes_data(a)[p];
    return r;
  }
  return err_format(&exc::TypeError, "byte indices must be integers or slices, not %.200s", key->type->tp_name);
}

static ssize find_bytes(const uint8_t* h, ssize hl, const uint8_t* n, ssize nl, ssize start, ssize end, int dir) {
  adjust_indices(start, end, hl);
  if (end - start < nl) return -1;
  if (nl == 0) return dir > 0 ? start : end;
  if (dir > 0) {
    const void* p = memmem(h + start, size_t(end - start), n, size_t(nl));
    return p ? static_cast<const uint8_t*>(p) - h : -1;
  }
  for (ssize i = end - nl; i >= start; i--)
    if (h[i] == n[0] && std::memcmp(h + i, n, size_t(nl)) == 0) return i;
  return -1;
}

// Sub-argument of find/count/index/in: a bytes-like object or an int byte.
static bool byte_sub_arg(Object* o, ByteView* v, uint8_t* tmp) {
  if (get_view(o, v)) return true;
  if (index_check(o)) {
    int overflow = 0;
    Ref<> iv = steal(number_index(o));
    if (!iv) return false;
    int64_t x = int_as_i64_overflow(iv.get(), &overflow);
    if (overflow || x < 0 || x > 255) {
      err_set_string(&exc::ValueError, "byte must be in range(0, 256)");
      return false;
    }
    *tmp = uint8_t(x);
    v->p = tmp;
    v->n = 1;
    return true;
  }
  err_format(&exc::TypeError, "argument should be integer or bytes-like object, not '%.200s'", o->type->tp_name);
  return false;
}

static int bytes_contains(Object* a, Object* x) {
  ByteView v;
  uint8_t tmp;
  if (!get_view(x, &v) && !index_check(x)) {
    err_format(&exc::TypeError, "a bytes-like object is required, not '%.100s'", x->type->tp_name);
    return -1;
  }
  if (!byte_sub_arg(x, &v, &tmp)) return -1;
  ByteView h = view_of(a);
  return find_bytes(h.p, h.n, v.p, v.n, 0, kSsizeMax, 1) >= 0;
}

// Iterator
struct BytesIterObject : Object {
  Object* seq;
  ssize index;
};

static Object* bytes_iter(Object* b) {
  Object* it = object_alloc(&BytesIterType, sizeof(BytesIterObject));
  if (!it) return nullptr;
  auto* o = static_cast<BytesIterObject*>(it);
  o->seq = new_ref(b);
  o->index = 0;
  return it;
}
static void bytesiter_dealloc(Object* op) {
  xdecref(static_cast<BytesIterObject*>(op)->seq);
  object_free(op);
}
static Object* bytesiter_next(Object* op) {
  auto* it = static_cast<BytesIterObject*>(op);
  if (!it->seq) return nullptr;
  if (it->index < bytes_size(it->seq)) return int_from_i64(uint8_t(bytes_data(it->seq)[it->index++]));
  clear_ref(it->seq);
  return nullptr;
}
static Object* bytesiter_self(Object* op) { return new_ref(op); }
static Object* bytesiter_reduce(Object* op, Object*) {
  auto* it = static_cast<BytesIterObject*>(op);
  Object* f = interp_get()->builtins ? dict_getitem_str(interp_get()->builtins, "iter") : nullptr;
  if (!f) return err_occurred() ? nullptr : err_string(&exc::RuntimeError, "lost builtins.iter");
  if (it->seq) {
    Ref<> args = steal(tuple_pack({it->seq}));
    Ref<> idx = steal(int_from_ssize(it->index));
    if (!args || !idx) return nullptr;
    return tuple_pack({f, args.get(), idx.get()});
  }
  Ref<> empty = steal(tuple_new(0));
  if (!empty) return nullptr;
  Ref<> args = steal(tuple_pack({empty.get()}));
  if (!args) return nullptr;
  return tuple_pack({f, args.get()});
}
static Object* bytesiter_setstate(Object* op, Object* state) {
  auto* it = static_cast<BytesIterObject*>(op);
  ssize i = number_as_ssize(state, nullptr);
  if (i == -1 && err_occurred()) return nullptr;
  if (it->seq) it->index = std::clamp<ssize>(i, 0, bytes_size(it->seq));
  return new_ref(None);
}
static Object* bytesiter_length_hint(Object* op, Object*) {
  auto* it = static_cast<BytesIterObject*>(op);
  return int_from_ssize(it->seq ? bytes_size(it->seq) - it->index : 0);
}

// ---------------------------------------------------------------------------
// Methods

static bool slice_args(const char* fname, Object* const* args, ssize nargs, ssize* start, ssize* end) {
  if (!check_arg_count(fname, nargs, 1, 3)) return false;
  *start = 0;
  *end = kSsizeMax;
  if (nargs > 1 && !parse_slice_index(args[1], start)) return false;
  if (nargs > 2 && !parse_slice_index(args[2], end)) return false;
  return true;
}

static Object* do_find(Object* self, Object* const* args, ssize nargs, const char* fname, int dir, bool raise) {
  ssize start, end;
  if (!slice_args(fname, args, nargs, &start, &end)) return nullptr;
  ByteView v;
  uint8_t tmp;
  if (!byte_sub_arg(args[0], &v, &tmp)) return nullptr;
  ByteView h = view_of(self);
  ssize r = find_bytes(h.p, h.n, v.p, v.n, start, end, dir);
  if (r < 0 && raise) return err_string(&exc::ValueError, "subsection not found");
  return int_from_ssize(r);
}
static Object* b_find(Object* s, Object* const* a, ssize n) { return do_find(s, a, n, "find", 1, false); }
static Object* b_rfind(Object* s, Object* const* a, ssize n) { return do_find(s, a, n, "rfind", -1, false); }
static Object* b_index(Object* s, Object* const* a, ssize n) { return do_find(s, a, n, "index", 1, true); }
static Object* b_rindex(Object* s, Object* const* a, ssize n) { return do_find(s, a, n, "rindex", -1, true); }

static Object* b_count(Object* self, Object* const* args, ssize nargs) {
  ssize start, end;
  if (!slice_args("count", args, nargs, &start, &end)) return nullptr;
  ByteView v;
  uint8_t tmp;
  if (!byte_sub_arg(args[0], &v, &tmp)) return nullptr;
  ByteView h = view_of(self);
  adjust_indices(start, end, h.n);
  if (end - start < v.n) return int_from_ssize(0);
  if (v.n == 0) return int_from_ssize(end - start + 1);
  ssize count = 0, pos = start;
  for (;;) {
    ssize r = find_bytes(h.p, h.n, v.p, v.n, pos, end, 1);
    if (r < 0) break;
    count++;
    pos = r + v.n;
  }
  return int_from_ssize(count);
}

static bool tail_match(ByteView h, ByteView s, ssize start, ssize end, int dir) {
  adjust_indices(start, end, h.n);
  end -= s.n;
  if (end < start) return false;
  if (s.n == 0) return true;
  ssize pos = dir > 0 ? end : start;
  return std::memcmp(h.p + pos, s.p, size_t(s.n)) == 0;
}

static Object* do_startsend(Object* self, Object* const* args, ssize nargs, const char* fname, int dir) {
  ssize start, end;
  if (!slice_args(fname, args, nargs, &start, &end)) return nullptr;
  ByteView h = view_of(self), v;
  Object* sub = args[0];
  if (tuple_check(sub)) {
    for (ssize i = 0; i < tuple_size(sub); i++) {
      Object* x = tuple_get(sub, i);
      if (!get_view(x, &v))
        return err_format(&exc::TypeError, "a bytes-like object is required, not '%.100s'", x->type->tp_name);
      if (tail_match(h, v, start, end, dir)) return new_ref(True);
    }
    return new_ref(False);
  }
  if (!get_view(sub, &v))
    return err_format(&exc::TypeError, "%s first arg must be bytes or a tuple of bytes, not %.100s", fname,
                      sub->type->tp_name);
  return new_ref(bool_from(tail_match(h, v, start, end, dir)));
}
static Object* b_startswith(Object* s, Object* const* a, ssize n) { return do_startsend(s, a, n, "startswith", -1); }
static Object* b_endswith(Object* s, Object* const* a, ssize n) { return do_startsend(s, a, n, "endswith", 1); }

static bool b_isspace_c(uint8_t c) { return c == ' ' || (c >= 9 && c <= 13); }

static bool list_add(Object* list, const uint8_t* p, ssize n) {
  Object* b = bytes_from(p, n);
  if (!b) return false;
  return list_append_steal(list, b) == 0;
}

static Object* do_split(Object* self, Object* const* args, ssize nargs, Object* kwnames, const char* fname,
                        bool right) {
  static const char* const names[] = {"sep", "maxsplit"};
  ArgSpec spec = {fname, names, 2, 0, 0, 0};
  Object* av[2] = {nullptr, nullptr};
  if (!bind_args(spec, args, nargs, kwnames, av)) return nullptr;
  ssize maxsplit = -1;
  if (av[1]) {
    if (!arg_as_ssize(av[1], &maxsplit)) return nullptr;
  }
  if (maxsplit < 0) maxsplit = kSsizeMax;
  ByteView h = view_of(self);
  Ref<> list = steal(list_new(0));
  if (!list) return nullptr;
  if (!av[0] || av[0] == None) {
    if (!right) {
      ssize i = 0;
      while (maxsplit-- > 0) {
        while (i < h.n && b_isspace_c(h.p[i])) i++;
        if (i == h.n) break;
        ssize j = i;
        while (j < h.n && !b_isspace_c(h.p[j])) j++;
        if (!list_add(list.get(), h.p + i, j - i)) return nullptr;
        i = j;
      }
      while (i < h.n && b_isspace_c(h.p[i])) i++;
      if (i < h.n && !list_add(list.get(), h.p + i, h.n - i)) return nullptr;
    } else {
      ssize i = h.n - 1;
      while (maxsplit-- > 0) {
        while (i >= 0 && b_isspace_c(h.p[i])) i--;
        if (i < 0) break;
        ssize j = i;
        while (j >= 0 && !b_isspace_c(h.p[j])) j--;
        if (!list_add(list.get(), h.p + j + 1, i - j)) return nullptr;
        i = j;
      }
      while (i >= 0 && b_isspace_c(h.p[i])) i--;
      if (i >= 0 && !list_add(list.get(), h.p, i + 1)) return nullptr;
      if (list_reverse(list.get()) < 0) return nullptr;
    }
    return list.release();
  }
  ByteView sep;
  if (!need_view(av[0], &sep)) return nullptr;
  if (sep.n == 0) return err_string(&exc::ValueError, "empty separator");
  if (!right) {
    ssize i = 0;
    while (maxsplit-- > 0) {
      ssize r = find_bytes(h.p, h.n, sep.p, sep.n, i, h.n, 1);
      if (r < 0) break;
      if (!list_add(list.get(), h.p + i, r - i)) return nullptr;
      i = r + sep.n;
    }
    if (!list_add(list.get(), h.p + i, h.n - i)) return nullptr;
  } else {
    ssize j = h.n;
    while (maxsplit-- > 0) {
      ssize r = find_bytes(h.p, h.n, sep.p, sep.n, 0, j, -1);
      if (r < 0) break;
      if (!list_add(list.get(), h.p + r + sep.n, j - r - sep.n)) return nullptr;
      j = r;
    }
    if (!list_add(list.get(), h.p, j)) return nullptr;
    if (list_reverse(list.get()) < 0) return nullptr;
  }
  return list.release();
}
static Object* b_split(Object* s, Object* const* a, ssize n, Object* k) { return do_split(s, a, n, k, "split", false); }
static Object* b_rsplit(Object* s, Object* const* a, ssize n, Object* k) { return do_split(s, a, n, k, "rsplit", true); }

static Object* b_splitlines(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const names[] = {"keepends"};
  ArgSpec spec = {"splitlines", names, 1, 0, 0, 0};
  Object* av[1] = {nullptr};
  if (!bind_args(spec, args, nargs, kwnames, av)) return nullptr;
  bool keep = false;
  if (av[0]) {
    int t = object_is_true(av[0]);
    if (t < 0) return nullptr;
    keep = t;
  }
  ByteView h = view_of(self);
  Ref<> list = steal(list_new(0));
  if (!list) return nullptr;
  ssize i = 0;
  while (i < h.n) {
    ssize j = i;
    while (j < h.n && h.p[j] != '\n' && h.p[j] != '\r') j++;
    ssize eol = j;
    if (j < h.n) {
      j += (h.p[j] == '\r' && j + 1 < h.n && h.p[j + 1] == '\n') ? 2 : 1;
      if (keep) eol = j;
    }
    if (!list_add(list.get(), h.p + i, eol - i)) return nullptr;
    i = j;
  }
  return list.release();
}

static Object* b_join(Object* self, Object* iterable) {
  Ref<> seq = steal(sequence_tuple(iterable));
  if (!seq) {
    if (err_exception_matches(&exc::TypeError)) {
      err_clear();
      return err_string(&exc::TypeError, "can only join an iterable");
    }
    return nullptr;
  }
  ByteView sep = view_of(self);
  std::string out;
  ssize n = tuple_size(seq.get());
  for (ssize i = 0; i < n; i++) {
    ByteView v;
    Object* it = tuple_get(seq.get(), i);
    if (!get_view(it, &v))
      return err_format(&exc::TypeError, "sequence item %zd: expected a bytes-like object, %.80s found", i,
                        it->type->tp_name);
    if (i) out.append(reinterpret_cast<const char*>(sep.p), size_t(sep.n));
    out.append(reinterpret_cast<const char*>(v.p), size_t(v.n));
  }
  if (n == 1 && tuple_get(seq.get(), 0)->type == &BytesType) return new_ref(tuple_get(seq.get(), 0));
  return from_string(out);
}

static Object* b_replace(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const names[] = {"", "", "count"};
  ArgSpec spec = {"replace", names, 3, 2, 2, 0};
  Object* av[3] = {nullptr, nullptr, nullptr};
  if (!bind_args(spec, args, nargs, kwnames, av)) return nullptr;
  ByteView o, r, h = view_of(self);
  if (!need_view(av[0], &o) || !need_view(av[1], &r)) return nullptr;
  ssize count = -1;
  if (av[2]) {
    if (!arg_as_ssize(av[2], &count)) return nullptr;
  }
  if (count < 0) count = kSsizeMax;
  std::string out;
  ssize i = 0, done = 0;
  if (o.n == 0) {
    for (; i <= h.n; i++) {
      if (done < count) { out.append(reinterpret_cast<const char*>(r.p), size_t(r.n)); done++; }
      if (i < h.n) out.push_back(char(h.p[i]));
    }
  } else {
    while (done < count) {
      ssize f = find_bytes(h.p, h.n, o.p, o.n, i, h.n, 1);
      if (f < 0) break;
      out.append(reinterpret_cast<const char*>(h.p + i), size_t(f - i));
      out.append(reinterpret_cast<const char*>(r.p), size_t(r.n));
      i = f + o.n;
      done++;
    }
    out.append(reinterpret_cast<const char*>(h.p + i), size_t(h.n - i));
  }
  if (done == 0) return bytes_exact(self);
  return from_string(out);
}

static Object* do_strip(Object* self, Object* const* args, ssize nargs, const char* fname, int which) {
  if (!check_arg_count(fname, nargs, 0, 1)) return nullptr;
  ByteView h = view_of(self), chars;
  bool ws = nargs == 0 || args[0] == None;
  if (!ws && !need_view(args[0], &chars)) return nullptr;
  auto in = [&](uint8_t c) { return ws ? b_isspace_c(c) : std::memchr(chars.p, c, size_t(chars.n)) != nullptr; };
  ssize i = 0, j = h.n;
  if (which != 2) while (i < j && in(h.p[i])) i++;
  if (which != 1) while (j > i && in(h.p[j - 1])) j--;
  if (i == 0 && j == h.n) return bytes_exact(self);
  return bytes_from(h.p + i, j - i);
}
static Object* b_strip(Object* s, Object* const* a, ssize n) { return do_strip(s, a, n, "strip", 0); }
static Object* b_lstrip(Object* s, Object* const* a, ssize n) { return do_strip(s, a, n, "lstrip", 1); }
static Object* b_rstrip(Object* s, Object* const* a, ssize n) { return do_strip(s, a, n, "rstrip", 2); }

static Object* do_partition(Object* self, Object* sepobj, bool right) {
  ByteView sep, h = view_of(self);
  if (!need_view(sepobj, &sep)) return nullptr;
  if (sep.n == 0) return err_string(&exc::ValueError, "empty separator");
  ssize r = find_bytes(h.p, h.n, sep.p, sep.n, 0, h.n, right ? -1 : 1);
  Ref<> whole = steal(bytes_exact(self));
  Object* e = empty_bytes();
  if (r < 0) return right ? tuple_pack({e, e, whole.get()}) : tuple_pack({whole.get(), e, e});
  Ref<> a = steal(bytes_from(h.p, r));
  Ref<> s = steal(bytes_from(sep.p, sep.n));
  Ref<> b = steal(bytes_from(h.p + r + sep.n, h.n - r - sep.n));
  if (!a || !s || !b) return nullptr;
  return tuple_pack({a.get(), s.get(), b.get()});
}
static Object* b_partition(Object* s, Object* sep) { return do_partition(s, sep, false); }
static Object* b_rpartition(Object* s, Object* sep) { return do_partition(s, sep, true); }

static Object* b_removeprefix(Object* self, Object* p) {
  ByteView v, h = view_of(self);
  if (!need_view(p, &v)) return nullptr;
  if (v.n <= h.n && v.n && std::memcmp(h.p, v.p, size_t(v.n)) == 0) return bytes_from(h.p + v.n, h.n - v.n);
  return bytes_exact(self);
}
static Object* b_removesuffix(Object* self, Object* p) {
  ByteView v, h = view_of(self);
  if (!need_view(p, &v)) return nullptr;
  if (v.n <= h.n && v.n && std::memcmp(h.p + h.n - v.n, v.p, size_t(v.n)) == 0) return bytes_from(h.p, h.n - v.n);
  return bytes_exact(self);
}

static bool pad_args(const char* fname, Object* const* args, ssize nargs, ssize* width, char* fill) {
  if (!check_arg_count(fname, nargs, 1, 2)) return false;
  if (!arg_as_ssize(args[0], width)) return false;
  *fill = ' ';
  if (nargs > 1) {
    Object* f = args[1];
    if (bytes_check(f) && bytes_size(f) == 1) *fill = bytes_data(f)[0];
    else if (bytes_check(f)) {
      err_format(&exc::TypeError, "%s(): argument 2 must be a byte string of length 1, not a bytes object of length %zd",
                 fname, bytes_size(f));
      return false;
    } else {
      err_format(&exc::TypeError, "%s() argument 2 must be a byte string of length 1, not %.50s", fname,
                 f->type->tp_name);
      return false;
    }
  }
  return true;
}
static Object* b_pad(Object* self, ssize left, ssize right, char fill) {
  if (left <= 0 && right <= 0) return bytes_exact(self);
  left = std::max<ssize>(left, 0);
  right = std::max<ssize>(right, 0);
  ssize n = bytes_size(self);
  Object* r = bytes_alloc(&BytesType, left + n + right);
  if (!r) return nullptr;
  std::memset(bytes_data(r), fill, size_t(left));
  std::memcpy(bytes_data(r) + left, bytes_data(self), size_t(n));
  std::memset(bytes_data(r) + left + n, fill, size_t(right));
  return r;
}
static Object* b_center(Object* self, Object* const* args, ssize nargs) {
  ssize w; char f;
  if (!pad_args("center", args, nargs, &w, &f)) return nullptr;
  ssize n = bytes_size(self);
  if (w <= n) return bytes_exact(self);
  ssize marg = w - n, left = marg / 2 + (marg & w & 1);
  return b_pad(self, left, marg - left, f);
}
static Object* b_ljust(Object* self, Object* const* args, ssize nargs) {
  ssize w; char f;
  if (!pad_args("ljust", args, nargs, &w, &f)) return nullptr;
  return b_pad(self, 0, w - bytes_size(self), f);
}
static Object* b_rjust(Object* self, Object* const* args, ssize nargs) {
  ssize w; char f;
  if (!pad_args("rjust", args, nargs, &w, &f)) return nullptr;
  return b_pad(self, w - bytes_size(self), 0, f);
}
static Object* b_zfill(Object* self, Object* arg) {
  ssize w;
  if (!arg_as_ssize(arg, &w)) return nullptr;
  ssize n = bytes_size(self);
  if (w <= n) return bytes_exact(self);
  Object* r = b_pad(self, w - n, 0, '0');
  if (!r) return nullptr;
  char* d = bytes_data(r);
  if (d[w - n] == '+' || d[w - n] == '-') { d[0] = d[w - n]; d[w - n] = '0'; }
  return r;
}

static Object* b_expandtabs(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const names[] = {"tabsize"};
  ArgSpec spec = {"expandtabs", names, 1, 0, 0, 0};
  Object* av[1] = {nullptr};
  if (!bind_args(spec, args, nargs, kwnames, av)) return nullptr;
  ssize tab = 8;
  if (av[0]) {
    int t;
    if (!arg_as_int(av[0], &t)) return nullptr;
    tab = t;
  }
  ByteView h = view_of(self);
  std::string out;
  ssize col = 0;
  for (ssize i = 0; i < h.n; i++) {
    char c = char(h.p[i]);
    if (c == '\t') {
      if (tab > 0) { ssize inc = tab - col % tab; col += inc; out.append(size_t(inc), ' '); }
    } else {
      out.push_back(c);
      col++;
      if (c == '\n' || c == '\r') col = 0;
    }
  }
  return from_string(out);
}

// ASCII-only case operations and predicates.
static bool a_lower(uint8_t c) { return c >= 'a' && c <= 'z'; }
static bool a_upper(uint8_t c) { return c >= 'A' && c <= 'Z'; }
static bool a_alpha(uint8_t c) { return a_lower(c) || a_upper(c); }
static bool a_digit(uint8_t c) { return c >= '0' && c <= '9'; }
enum BCase { kBLower, kBUpper, kBSwap, kBTitle, kBCap };
static Object* b_case(Object* self, BCase op) {
  ByteView h = view_of(self);
  Object* r = bytes_alloc(&BytesType, h.n);
  if (!r) return nullptr;
  uint8_t* d = reinterpret_cast<uint8_t*>(bytes_data(r));
  bool prev = false;
  for (ssize i = 0; i < h.n; i++) {
    uint8_t c = h.p[i];
    auto lo = [](uint8_t x) -> uint8_t { return a_upper(x) ? uint8_t(x + 32) : x; };
    auto up = [](uint8_t x) -> uint8_t { return a_lower(x) ? uint8_t(x - 32) : x; };
    switch (op) {
      case kBLower: d[i] = lo(c); break;
      case kBUpper: d[i] = up(c); break;
      case kBSwap: d[i] = a_lower(c) ? up(c) : lo(c); break;
      case kBCap: d[i] = i == 0 ? up(c) : lo(c); break;
      case kBTitle: d[i] = prev ? lo(c) : up(c); prev = a_alpha(c); break;
    }
  }
  return r;
}
static Object* b_lower(Object* s, Object*) { return b_case(s, kBLower); }
static Object* b_upper(Object* s, Object*) { return b_case(s, kBUpper); }
static Object* b_swapcase(Object* s, Object*) { return b_case(s, kBSwap); }
static Object* b_title(Object* s, Object*) { return b_case(s, kBTitle); }
static Object* b_capitalize(Object* s, Object*) { return b_case(s, kBCap); }

template <class P>
static Object* b_all(Object* self, P p) {
  ByteView h = view_of(self);
  if (h.n == 0) return new_ref(False);
  for (ssize i = 0; i < h.n; i++) if (!p(h.p[i])) return new_ref(False);
  return new_ref(True);
}
static Object* b_isalpha(Object* s, Object*) { return b_all(s, a_alpha); }
static Object* b_isdigit(Object* s, Object*) { return b_all(s, a_digit); }
static Object* b_isalnum(Object* s, Object*) { return b_all(s, [](uint8_t c) { return a_alpha(c) || a_digit(c); }); }
static Object* b_isspace(Object* s, Object*) { return b_all(s, b_isspace_c); }
static Object* b_isascii(Object* s, Object*) {
  ByteView h = view_of(s);
  for (ssize i = 0; i < h.n; i++) if (h.p[i] >= 128) return new_ref(False);
  return new_ref(True);
}
static Object* b_islower(Object* s, Object*) {
  ByteView h = view_of(s);
  bool cased = false;
  for (ssize i = 0; i < h.n; i++) {
    if (a_upper(h.p[i])) return new_ref(False);
    if (a_lower(h.p[i])) cased = true;
  }
  return new_ref(bool_from(cased));
}
static Object* b_isupper(Object* s, Object*) {
  ByteView h = view_of(s);
  bool cased = false;
  for (ssize i = 0; i < h.n; i++) {
    if (a_lower(h.p[i])) return new_ref(False);
    if (a_upper(h.p[i])) cased = true;
  }
  return new_ref(bool_from(cased));
}
static Object* b_istitle(Object* s, Object*) {
  ByteView h = view_of(s);
  bool cased = false, prev = false;
  for (ssize i = 0; i < h.n; i++) {
    uint8_t c = h.p[i];
    if (a_upper(c)) { if (prev) return new_ref(False); prev = cased = true; }
    else if (a_lower(c)) { if (!prev) return new_ref(False); prev = cased = true; }
    else prev = false;
  }
  return new_ref(bool_from(cased));
}

static Object* b_decode(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const names[] = {"encoding", "errors"};
  ArgSpec spec = {"decode", names, 2, 0, 0, 0};
  Object* av[2] = {nullptr, nullptr};
  if (!bind_args(spec, args, nargs, kwnames, av)) return nullptr;
  const char* enc = "utf-8";
  const char* errors = nullptr;
  if (av[0]) {
    if (!str_check(av[0])) return err_format(&exc::TypeError, "decode() argument 'encoding' must be str, not %.50s", av[0]->type->tp_name);
    if (!(enc = str_as_utf8(av[0]))) return nullptr;
  }
  if (av[1]) {
    if (!str_check(av[1])) return err_format(&exc::TypeError, "decode() argument 'errors' must be str, not %.50s", av[1]->type->tp_name);
    if (!(errors = str_as_utf8(av[1]))) return nullptr;
  }
  return str_decode(bytes_data(self), bytes_size(self), enc, errors);
}

static Object* b_hex(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const names[] = {"sep", "bytes_per_sep"};
  ArgSpec spec = {"hex", names, 2, 0, 0, 0};
  Object* av[2] = {nullptr, nullptr};
  if (!bind_args(spec, args, nargs, kwnames, av)) return nullptr;
  ByteView h = view_of(self);
  char sep = 0;
  if (av[0] && av[0] != None) {
    ByteView sv;
    if (str_check(av[0])) {
      if (str_length(av[0]) != 1) return err_string(&exc::ValueError, "sep must be length 1.");
      uint32_t c = str_char_at(av[0], 0);
      if (c > 127) return err_string(&exc::ValueError, "sep must be ASCII.");
      sep = char(c);
    } else if (get_view(av[0], &sv)) {
      if (sv.n != 1) return err_string(&exc::ValueError, "sep must be length 1.");
      sep = char(sv.p[0]);
    } else {
      return err_format(&exc::TypeError, "sep must be str or bytes.");
    }
  }
  ssize group = 1;
  if (av[1]) {
    if (!arg_as_ssize(av[1], &group)) return nullptr;
  }
  static const char hx[] = "0123456789abcdef";
  std::string out;
  ssize ag = group < 0 ? -group : group;
  if (ag == 0) ag = 1;
  for (ssize i = 0; i < h.n; i++) {
    if (sep && i > 0) {
      // Groups are counted from the right for positive bytes_per_sep.
      bool boundary = group > 0 ? ((h.n - i) % ag == 0) : (i % ag == 0);
      if (boundary) out.push_back(sep);
    }
    out.push_back(hx[h.p[i] >> 4]);
    out.push_back(hx[h.p[i] & 15]);
  }
  return str_from_latin1(reinterpret_cast<const uint8_t*>(out.data()), ssize(out.size()));
}

static int hexval(uint32_t c) {
  if (c >= '0' && c <= '9') return int(c - '0');
  if (c >= 'a' && c <= 'f') return int(c - 'a' + 10);
  if (c >= 'A' && c <= 'F') return int(c - 'A' + 10);
  return -1;
}

static Object* b_fromhex(Object* cls, Object* arg) {
  std::vector<uint32_t> chars;
  if (str_check(arg)) {
    for (ssize i = 0; i < str_length(arg); i++) chars.push_back(str_char_at(arg, i));
  } else {
    ByteView v;
    if (!get_view(arg, &v))
      return err_format(&exc::TypeError, "fromhex() argument must be str or bytes-like, not %.50s", arg->type->tp_name);
    for (ssize i = 0; i < v.n; i++) chars.push_back(v.p[i]);
  }
  std::string out;
  size_t i = 0, n = chars.size();
  while (i < n) {
    uint32_t c = chars[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f') { i++; continue; }
    int hi = hexval(c);
    if (hi < 0) return err_format(&exc::ValueError, "non-hexadecimal number found in fromhex() arg at position %zd", ssize(i));
    if (i + 1 >= n) return err_string(&exc::ValueError, "fromhex() arg must contain an even number of hexadecimal digits");
    int lo = hexval(chars[i + 1]);
    if (lo < 0) {
      uint32_t c2 = chars[i + 1];
      if (c2 == ' ' || c2 == '\t' || c2 == '\n' || c2 == '\r' || c2 == '\v' || c2 == '\f')
        return err_string(&exc::ValueError, "fromhex() arg must contain an even number of hexadecimal digits");
      return err_format(&exc::ValueError, "non-hexadecimal number found in fromhex() arg at position %zd", ssize(i + 1));
    }
    out.push_back(char(hi * 16 + lo));
    i += 2;
  }
  Ref<> b = steal(from_string(out));
  if (!b) return nullptr;
  if (cls == reinterpret_cast<Object*>(&BytesType)) return b.release();
  return call_one_arg(cls, b.get());
}

static Object* b_translate(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const names[] = {"", "delete"};
  ArgSpec spec = {"translate", names, 2, 1, 1, 0};
  Object* av[2] = {nullptr, nullptr};
  if (!bind_args(spec, args, nargs, kwnames, av)) return nullptr;
  ByteView table, del, h = view_of(self);
  bool have_table = av[0] != None;
  if (have_table) {
    if (!need_view(av[0], &table)) return nullptr;
    if (table.n != 256) return err_string(&exc::ValueError, "translation table must be 256 characters long");
  }
  if (av[1] && !need_view(av[1], &del)) return nullptr;
  bool deleted[256] = {false};
  for (ssize i = 0; i < del.n; i++) deleted[del.p[i]] = true;
  std::string out;
  for (ssize i = 0; i < h.n; i++) {
    uint8_t c = h.p[i];
    if (deleted[c]) continue;
    out.push_back(char(have_table ? table.p[c] : c));
  }
  return from_string(out);
}

static Object* b_maketrans(Object*, Object* const* args, ssize nargs) {
  if (!check_arg_count("maketrans", nargs, 2, 2)) return nullptr;
  ByteView f, t;
  if (!need_view(args[0], &f) || !need_view(args[1], &t)) return nullptr;
  if (f.n != t.n) return err_string(&exc::ValueError, "maketrans arguments must have same length");
  char table[256];
  for (int i = 0; i < 256; i++) table[i] = char(i);
  for (ssize i = 0; i < f.n; i++) table[f.p[i]] = char(t.p[i]);
  return bytes_from(table, 256);
}

static Object* b_getnewargs(Object* self, Object*) {
  Ref<> c = steal(bytes_exact(self));
  if (!c) return nullptr;
  return tuple_pack({c.get()});
}
static Object* b_sizeof(Object* self, Object*) {
  // CPython: PyBytesObject header (32) + size + 1.
  return int_from_ssize(33 + bytes_size(self));
}
static Object* b_bytes(Object* self, Object*) { return bytes_exact(self); }

// ---------------------------------------------------------------------------
// %-formatting (bytes % args), delegating numbers to str formatting.

static bool b_get_bytes_for_s(Object* v, std::string& out) {
  ByteView bv;
  if (get_view(v, &bv)) { out.assign(reinterpret_cast<const char*>(bv.p), size_t(bv.n)); return true; }
  Object* m = type_lookup(v->type, Ref<>::steal(str_intern_cstr("__bytes__")).get());
  if (m) {
    Ref<> r = steal(call_method_str(v, "__bytes__"));
    if (!r) return false;
    if (!bytes_check(r.get())) {
      err_format(&exc::TypeError, "__bytes__ returned non-bytes (type %.200s)", r->type->tp_name);
      return false;
    }
    out.assign(bytes_data(r.get()), size_t(bytes_size(r.get())));
    return true;
  }
  err_format(&exc::TypeError, "%%b requires a bytes-like object, or an object that implements __bytes__, not '%.100s'",
             v->type->tp_name);
  return false;
}

Object* bytes_mod(Object* fmt, Object* args) {
  ByteView f = view_of(fmt);
  Object* dict = nullptr;
  MappingMethods* mp = args->type->tp_as_mapping;
  if (mp && mp->mp_subscript && !tuple_check(args) && !bytes_check(args) && !str_check(args)) dict = args;
  bool is_tuple = tuple_check(args);
  ssize arglen = is_tuple ? tuple_size(args) : -1;
  ssize argidx = is_tuple ? 0 : -2;
  auto next_arg = [&]() -> Object* {
    if (argidx < arglen) { argidx++; return arglen < 0 ? args : tuple_get(args, argidx - 1); }
    err_set_string(&exc::TypeError, "not enough arguments for format string");
    return nullptr;
  };
  std::string out;
  ssize i = 0;
  while (i < f.n) {
    const uint8_t* pct = static_cast<const uint8_t*>(std::memchr(f.p + i, '%', size_t(f.n - i)));
    ssize j = pct ? pct - f.p : f.n;
    out.append(reinterpret_cast<const char*>(f.p + i), size_t(j - i));
    if (j >= f.n) break;
    i = j + 1;
    if (i >= f.n) return err_string(&exc::ValueError, "incomplete format");
    if (f.p[i] == '%') { out.push_back('%'); i++; continue; }
    Ref<> keyed;
    if (f.p[i] == '(') {
      if (!dict) return err_string(&exc::TypeError, "format requires a mapping");
      ssize depth = 1, ks = ++i;
      while (i < f.n && depth) { if (f.p[i] == '(') depth++; else if (f.p[i] == ')') depth--; i++; }
      if (depth) return err_string(&exc::ValueError, "incomplete format key");
      Ref<> key = steal(bytes_from(f.p + ks, i - 1 - ks));
      if (!key) return nullptr;
      keyed = steal(object_getitem(dict, key.get()));
      if (!keyed) return nullptr;
      arglen = -1;
      argidx = -1;
    }
    // Collect the directive's flags/width/precision text; '*' values resolved here.
    std::string spec = "%";
    bool left = false;
    ssize width = -1, prec = -1;
    while (i < f.n && std::strchr("-+ #0", f.p[i])) { if (f.p[i] == '-') left = true; spec.push_back(char(f.p[i++])); }
    auto star = [&](ssize* outv) -> bool {
      Object* v = next_arg();
      if (!v) return false;
      if (!int_check(v)) { err_set_string(&exc::TypeError, "* wants int"); return false; }
      *outv = int_as_ssize(v);
      return !(*outv == -1 && err_occurred());
    };
    if (i < f.n && f.p[i] == '*') {
      if (!star(&width)) return nullptr;
      if (width < 0) { left = true; width = -width; spec.push_back('-'); }
      i++;
      spec += std::to_string(width);
    } else {
      while (i < f.n && a_digit(f.p[i])) { if (width < 0) width = 0; width = width * 10 + (f.p[i] - '0'); spec.push_back(char(f.p[i++])); }
    }
    if (i < f.n && f.p[i] == '.') {
      i++;
      prec = 0;
      if (i < f.n && f.p[i] == '*') {
        if (!star(&prec)) return nullptr;
        if (prec < 0) prec = 0;
        i++;
      } else {
        while (i < f.n && a_digit(f.p[i])) prec = prec * 10 + (f.p[i++] - '0');
      }
      spec += "." + std::to_string(prec);
    }
    while (i < f.n && (f.p[i] == 'h' || f.p[i] == 'l' || f.p[i] == 'L')) i++;
    if (i >= f.n) return err_string(&exc::ValueError, "incomplete format");
    uint8_t conv = f.p[i++];
    Object* v = keyed ? keyed.get() : next_arg();
    if (!v) return nullptr;
    std::string piece;
    switch (conv) {
      case 's': case 'b': {
        if (!b_get_bytes_for_s(v, piece)) return nullptr;
        if (prec >= 0 && ssize(piece.size()) > prec) piece.resize(size_t(prec));
        break;
      }
      case 'r': case 'a': {
        Ref<> s = steal(object_ascii(v));
        if (!s) return nullptr;
        std::string_view sv = str_view(s.get());
        piece.assign(sv);
        if (prec >= 0 && ssize(piece.size()) > prec) piece.resize(size_t(prec));
        break;
      }
      case 'c': {
        if (bytes_check(v)) {
          if (bytes_size(v) != 1)
            return err_string(&exc::TypeError, "%c requires an integer in range(256) or a single byte");
          piece.push_back(bytes_data(v)[0]);
        } else {
          if (!index_check(v)) return err_string(&exc::TypeError, "%c requires an integer in range(256) or a single byte");
          Ref<> iv = steal(number_index(v));
          if (!iv) return nullptr;
          int overflow = 0;
          int64_t x = int_as_i64_overflow(iv.get(), &overflow);
          if (overflow || x < 0 || x > 255) return err_string(&exc::OverflowError, "%c arg not in range(256)");
          piece.push_back(char(x));
        }
        break;
      }
      case 'd': case 'i': case 'u': case 'x': case 'X': case 'o':
      case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': {
        std::string s = spec;
        s.push_back(char(conv));
        Ref<> sf = steal(str_from_utf8(s.data(), ssize(s.size())));
        Ref<> t = steal(tuple_pack({v}));
        if (!sf || !t) return nullptr;
        Ref<> r = steal(str_mod(sf.get(), t.get()));
        if (!r) return nullptr;
        out.append(str_view(r.get()));
        continue;  // width already applied
      }
      default:
        if (conv > 32 && conv < 127)
          return err_format(&exc::ValueError, "unsupported format character '%c' (0x%x) at index %zd", int(conv), unsigned(conv), i - 1);
        return err_format(&exc::ValueError, "unsupported format character '\\x%x' (0x%x) at index %zd", unsigned(conv), unsigned(conv), i - 1);
    }
    ssize padn = width > ssize(piece.size()) ? width - ssize(piece.size()) : 0;
    if (!left) out.append(size_t(padn), ' ');
    out += piece;
    if (left) out.append(size_t(padn), ' ');
  }
  if (argidx < arglen && !dict) return err_string(&exc::TypeError, "not all arguments converted during bytes formatting");
  return from_string(out);
}

static Object* bytes_nb_remainder(Object* a, Object* b) {
  if (!bytes_check(a)) return new_ref(NotImplemented);
  return bytes_mod(a, b);
}

#define M(name, fn, flags, doc) {name, reinterpret_cast<void*>(fn), flags, doc}
extern const MethodDef kBytesMethods[];  // shared with bytearray.cpp
const MethodDef kBytesMethods[] = {
    M("__getnewargs__", b_getnewargs, kMethNoArgs, nullptr),
    M("__bytes__", b_bytes, kMethNoArgs, "__bytes__($self, /)\n--\n\nConvert this value to exact type bytes."),
    M("capitalize", b_capitalize, kMethNoArgs, nullptr),
    M("center", b_center, kMethFastcall, nullptr),
    M("count", b_count, kMethFastcall, nullptr),
    M("decode", b_decode, kMethFastcall | kMethKeywords,
      "decode($self, /, encoding='utf-8', errors='strict')\n--\n\nDecode the bytes using the codec registered for encoding."),
    M("endswith", b_endswith, kMethFastcall, nullptr),
    M("expandtabs", b_expandtabs, kMethFastcall | kMethKeywords, nullptr),
    M("find", b_find, kMethFastcall, nullptr),
    M("fromhex", b_fromhex, kMethO | kMethClass, "fromhex($type, string, /)\n--\n\nCreate a bytes object from a string of hexadecimal numbers."),
    M("hex", b_hex, kMethFastcall | kMethKeywords, nullptr),
    M("index", b_index, kMethFastcall, nullptr),
    M("isalnum", b_isalnum, kMethNoArgs, nullptr),
    M("isalpha", b_isalpha, kMethNoArgs, nullptr),
    M("isascii", b_isascii, kMethNoArgs, nullptr),
    M("isdigit", b_isdigit, kMethNoArgs, nullptr),
    M("islower", b_islower, kMethNoArgs, nullptr),
    M("isspace", b_isspace, kMethNoArgs, nullptr),
    M("istitle", b_istitle, kMethNoArgs, nullptr),
    M("isupper", b_isupper, kMethNoArgs, nullptr),
    M("join", b_join, kMethO, nullptr),
    M("ljust", b_ljust, kMethFastcall, nullptr),
    M("lower", b_lower, kMethNoArgs, nullptr),
    M("lstrip", b_lstrip, kMethFastcall, nullptr),
    M("maketrans", b_maketrans, kMethFastcall | kMethStatic, nullptr),
    M("partition", b_partition, kMethO, nullptr),
    M("replace", b_replace, kMethFastcall | kMethKeywords, nullptr),
    M("removeprefix", b_removeprefix, kMethO, nullptr),
    M("removesuffix", b_removesuffix, kMethO, nullptr),
    M("rfind", b_rfind, kMethFastcall, nullptr),
    M("rindex", b_rindex, kMethFastcall, nullptr),
    M("rjust", b_rjust, kMethFastcall, nullptr),
    M("rpartition", b_rpartition, kMethO, nullptr),
    M("rsplit", b_rsplit, kMethFastcall | kMethKeywords, nullptr),
    M("rstrip", b_rstrip, kMethFastcall, nullptr),
    M("split", b_split, kMethFastcall | kMethKeywords, nullptr),
    M("splitlines", b_splitlines, kMethFastcall | kMethKeywords, nullptr),
    M("startswith", b_startswith, kMethFastcall, nullptr),
    M("strip", b_strip, kMethFastcall, nullptr),
    M("swapcase", b_swapcase, kMethNoArgs, nullptr),
    M("title", b_title, kMethNoArgs, nullptr),
    M("translate", b_translate, kMethFastcall | kMethKeywords, nullptr),
    M("upper", b_upper, kMethNoArgs, nullptr),
    M("zfill", b_zfill, kMethO, nullptr),
    M("__sizeof__", b_sizeof, kMethNoArgs, nullptr),
    {nullptr, nullptr, 0, nullptr},
};
static const MethodDef kBytesIterMethods[] = {
    M("__length_hint__", bytesiter_length_hint, kMethNoArgs, "Private method returning an estimate of len(list(it))."),
    M("__reduce__", bytesiter_reduce, kMethNoArgs, "Return state information for pickling."),
    M("__setstate__", bytesiter_setstate, kMethO, "Set state information for unpickling."),
    {nullptr, nullptr, 0, nullptr},
};
#undef M

static NumberMethods kBytesAsNumber;
static SequenceMethods kBytesAsSequence;
static MappingMethods kBytesAsMapping;

void init_bytes_types() {
  kBytesAsNumber.nb_remainder = bytes_nb_remainder;
  kBytesAsSequence.sq_length = bytes_len;
  kBytesAsSequence.sq_concat = bytes_concat;
  kBytesAsSequence.sq_repeat = bytes_repeat;
  kBytesAsSequence.sq_item = bytes_item;
  kBytesAsSequence.sq_contains = bytes_contains;
  kBytesAsMapping.mp_length = bytes_len;
  kBytesAsMapping.mp_subscript = bytes_subscript;
  Type& t = BytesType;
  t.tp_name = "bytes";
  t.tp_basicsize = kBytesHeader + 1;
  t.tp_itemsize = 1;
  t.tp_dealloc = bytes_dealloc;
  t.tp_repr = bytes_tp_repr;
  t.tp_str = bytes_tp_repr;
  t.tp_hash = bytes_tp_hash;
  t.tp_as_number = &kBytesAsNumber;
  t.tp_as_sequence = &kBytesAsSequence;
  t.tp_as_mapping = &kBytesAsMapping;
  t.tp_getattro = object_generic_getattr;
  t.tp_flags = kTpflagsDefault | kTpflagsBaseType | kTpflagsBytesSubclass | kTpflagsMatchSelf;
  t.tp_doc =
      "bytes(iterable_of_ints) -> bytes\nbytes(string, encoding[, errors]) -> bytes\n"
      "bytes(bytes_or_buffer) -> immutable copy of bytes_or_buffer\nbytes(int) -> bytes object of size given by the parameter initialized with null bytes\n"
      "bytes() -> empty bytes object\n\nConstruct an immutable array of bytes from:\n"
      "  - an iterable yielding integers in range(256)\n  - a text string encoded using the specified encoding\n"
      "  - any object implementing the buffer API.\n  - an integer";
  t.tp_richcompare = bytes_richcompare;
  t.tp_iter = bytes_iter;
  t.tp_methods = kBytesMethods;
  t.tp_base = &ObjectType;
  t.tp_new = bytes_tp_new;
  t.tp_free = object_free;

  Type& it = BytesIterType;
  it.tp_name = "bytes_iterator";
  it.tp_basicsize = sizeof(BytesIterObject);
  it.tp_dealloc = bytesiter_dealloc;
  it.tp_getattro = object_generic_getattr;
  it.tp_iter = bytesiter_self;
  it.tp_iternext = bytesiter_next;
  it.tp_methods = kBytesIterMethods;
  it.tp_base = &ObjectType;
  it.tp_flags = kTpflagsDefault | kTpflagsDisallowInstantiation;
}

}  // namespace pyxx
