// bytearray: the mutable bytes type (CPython's Objects/bytearrayobject.c
// behaviour). Mutating operations are native; the non-mutating methods shared
// with bytes reuse bytes' implementations on a temporary bytes copy and
// convert results back to bytearray (simple and exact; copies are O(n) like
// the operations themselves).
#include <algorithm>
#include <cstring>
#include <string>
#include <utility>
#include "core/abstract.h"
#include "core/alloc.h"
#include "core/error.h"
#include "core/state.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/range.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/str_internal.h"
#include "objects/tuple.h"
#include "runtime/args.h"

namespace pyxx {

extern const MethodDef kBytesMethods[];
Object* bytes_mod(Object* fmt, Object* args);
Object* bytes_from_iterable(Object* x);

Type ByteArrayType;
Type ByteArrayIterType;

static ByteArrayObject* ba(Object* o) { return static_cast<ByteArrayObject*>(o); }
static ssize ba_len(Object* o) { return var_size(o); }

// CPython's growth policy (bytearray_resize): exact when shrinking a lot or
// growing beyond 1.125x, else over-allocate by 1/8 + 6.
int bytearray_resize(Object* o, ssize n) {
  ByteArrayObject* b = ba(o);
  if (n < 0) { err_bad_internal_call("bytearray_resize"); return -1; }
  if (n == b->size) return 0;
  if (b->exports > 0) {
    err_set_string(&exc::BufferError, "Existing exports of data: object cannot be re-sized");
    return -1;
  }
  ssize alloc = b->alloc;
  if (n + 1 <= alloc && n >= alloc / 2) {
    b->size = n;
    b->data[n] = 0;
    return 0;
  }
  ssize want;
  if (n <= alloc * 1.125) want = n + (n >> 3) + (n < 9 ? 3 : 6);
  else want = n + 1;
  char* nd = static_cast<char*>(mem_realloc(b->data, size_t(want)));
  if (!nd) { err_no_memory(); return -1; }
  b->data = nd;
  b->alloc = want;
  b->size = n;
  nd[n] = 0;
  return 0;
}

static Object* ba_alloc(Type* type) {
  Object* o = type == &ByteArrayType ? object_alloc_zeroed(type, sizeof(ByteArrayObject))
                                     : type->tp_alloc(type, 0);
  return o;
}

Object* bytearray_from(const void* data, ssize len) {
  Object* o = ba_alloc(&ByteArrayType);
  if (!o) return nullptr;
  if (len > 0) {
    if (bytearray_resize(o, len) < 0) { decref(o); return nullptr; }
    if (data) std::memcpy(ba(o)->data, data, size_t(len));
  }
  return o;
}

static void ba_dealloc(Object* o) {
  mem_free(ba(o)->data);
  ba(o)->data = nullptr;
  object_free(o);
}

static bool byte_value(Object* v, int* out) {
  Ref<> iv = steal(number_index(v));
  if (!iv) return false;
  int overflow = 0;
  int64_t x = int_as_i64_overflow(iv.get(), &overflow);
  if (overflow || x < 0 || x > 255) {
    err_set_string(&exc::ValueError, "byte must be in range(0, 256)");
    return false;
  }
  *out = int(x);
  return true;
}

// ---------------------------------------------------------------------------
// Construction: bytearray.__init__

static Object* ba_tp_new(Type* type, Object*, Object*) { return ba_alloc(type); }

static int ba_init(Object* self, Object* args, Object* kwds) {
  static const char* const names[] = {"source", "encoding", "errors"};
  static const ArgSpec spec = {"bytearray", names, 3, 0, 0, 0};
  Object* av[3] = {nullptr, nullptr, nullptr};
  ssize nargs = tuple_size(args), nk = kwds ? dict_size(kwds) : 0;
  if (nargs + nk > 3) {
    err_format(&exc::TypeError, "bytearray() takes at most 3 arguments (%zd given)", nargs + nk);
    return -1;
  }
  Object* stack[3];
  Ref<> kwnames;
  for (ssize i = 0; i < nargs; i++) stack[i] = tuple_get(args, i);
  if (nk) {
    kwnames = steal(tuple_new(nk));
    if (!kwnames) return -1;
    ssize pos = 0, i = 0;
    Object *k, *v;
    while (dict_next(kwds, &pos, &k, &v)) {
      tuple_init_item(kwnames.get(), i, new_ref(k));
      stack[nargs + i++] = v;
    }
  }
  if (!bind_args(spec, stack, nargs, kwnames.get(), av)) return -1;
  if (bytearray_resize(self, 0) < 0) return -1;
  Object* x = av[0];
  Ref<> content;
  const char* bd = nullptr;
  ssize bl = 0;
  if (!x) {
    if (av[1] || av[2]) {
      err_set_string(&exc::TypeError, av[1] ? "encoding without a string argument" : "errors without a string argument");
      return -1;
    }
    return 0;
  }
  if (av[1] || av[2]) {
    if (!str_check(x)) {
      err_set_string(&exc::TypeError, av[1] ? "encoding without a string argument" : "errors without a string argument");
      return -1;
    }
    if (!av[1]) { err_set_string(&exc::TypeError, "string argument without an encoding"); return -1; }
    if (!str_check(av[1])) {
      err_format(&exc::TypeError, "bytearray() argument 'encoding' must be str, not %.50s", av[1]->type->tp_name);
      return -1;
    }
    const char* enc = str_as_utf8(av[1]);
    const char* errors = nullptr;
    if (!enc) return -1;
    if (av[2]) {
      if (!str_check(av[2])) {
        err_format(&exc::TypeError, "bytearray() argument 'errors' must be str, not %.50s", av[2]->type->tp_name);
        return -1;
      }
      if (!(errors = str_as_utf8(av[2]))) return -1;
    }
    content = steal(str_encode(x, enc, errors));
  } else if (str_check(x)) {
    err_set_string(&exc::TypeError, "string argument without an encoding");
    return -1;
  } else if (bytes_like_view(x, &bd, &bl)) {
    // x may be self: copy first.
    std::string copy(bd, size_t(bl));
    if (bytearray_resize(self, bl) < 0) return -1;
    if (bl) std::memcpy(ba(self)->data, copy.data(), size_t(bl));
    return 0;
  } else if (index_check(x)) {
    ssize n = number_as_ssize(x, &exc::OverflowError);
    if (n == -1 && err_occurred()) return -1;
    if (n < 0) { err_set_string(&exc::ValueError, "negative count"); return -1; }
    if (n && bytearray_resize(self, n) < 0) return -1;
    if (n) std::memset(ba(self)->data, 0, size_t(n));
    return 0;
  } else {
    Ref<> it = steal(object_get_iter(x));
    if (!it) {
      if (err_exception_matches(&exc::TypeError)) {
        err_clear();
        err_format(&exc::TypeError, "cannot convert '%.200s' object to bytearray", x->type->tp_name);
      }
      return -1;
    }
    content = steal(bytes_from_iterable(it.get()));
  }
  if (!content) return -1;
  ssize n = bytes_size(content.get());
  if (bytearray_resize(self, n) < 0) return -1;
  if (n) std::memcpy(ba(self)->data, bytes_data(content.get()), size_t(n));
  return 0;
}

// ---------------------------------------------------------------------------
// Slots

static Object* ba_repr(Object* self) {
  Ref<> tmp = steal(bytes_from(bytearray_data(self), ba_len(self)));
  if (!tmp) return nullptr;
  Ref<> r = steal(bytes_repr(tmp.get()));
  if (!r) return nullptr;
  const char* name = type_name(self->type);
  return str_from_format("%s(%U)", name, r.get());
}

static Object* ba_richcompare(Object* a, Object* b, int op) {
  const char *pa, *pb;
  ssize la, lb;
  if (!bytes_like_view(a, &pa, &la) || !bytes_like_view(b, &pb, &lb)) return new_ref(NotImplemented);
  bool r;
  if ((op == kEQ || op == kNE) && la != lb) r = op == kNE;
  else {
    int c = std::memcmp(pa, pb, size_t(std::min(la, lb)));
    if (c == 0) c = la < lb ? -1 : la > lb ? 1 : 0;
    switch (op) {
      case kLT: r = c < 0; break;
      case kLE: r = c <= 0; break;
      case kEQ: r = c == 0; break;
      case kNE: r = c != 0; break;
      case kGT: r = c > 0; break;
      default: r = c >= 0; break;
    }
  }
  return new_ref(bool_from(r));
}

static Object* ba_concat(Object* a, Object* b) {
  const char *pa, *pb;
  ssize la, lb;
  if (!bytes_like_view(a, &pa, &la) || !bytes_like_view(b, &pb, &lb))
    return err_format(&exc::TypeError, "can't concat %.100s to %.100s", b->type->tp_name, a->type->tp_name);
  Object* r = bytearray_from(nullptr, la + lb);
  if (!r) return nullptr;
  std::memcpy(bytearray_data(r), pa, size_t(la));
  std::memcpy(bytearray_data(r) + la, pb, size_t(lb));
  return r;
}

static Object* ba_iconcat(Object* a, Object* b) {
  const char* pb;
  ssize lb;
  if (!bytes_like_view(b, &pb, &lb))
    return err_format(&exc::TypeError, "can't concat %.100s to %.100s", b->type->tp_name, a->type->tp_name);
  ssize la = ba_len(a);
  // b may be a itself: copy before resizing.
  std::string copy(pb, size_t(lb));
  if (lb == 0) return new_ref(a);
  if (bytearray_resize(a, la + lb) < 0) return nullptr;
  std::memcpy(ba(a)->data + la, copy.data(), size_t(lb));
  return new_ref(a);
}

// `a += b` (sq_inplace_concat): CPython holds a buffer export of b while
// resizing a, so `a += a` fails unless it does not change the size.
static Object* ba_inplace_concat_slot(Object* a, Object* b) {
  if (b == a && ba_len(a) != 0)
    return err_string(&exc::BufferError, "Existing exports of data: object cannot be re-sized");
  return ba_iconcat(a, b);
}

static Object* ba_repeat(Object* a, ssize n) {
  ssize len = ba_len(a);
  if (n < 0) n = 0;
  if (len && n > kSsizeMax / len) return err_no_memory();
  Object* r = bytearray_from(nullptr, len * n);
  if (!r) return nullptr;
  for (ssize i = 0; i < n; i++) std::memcpy(bytearray_data(r) + i * len, bytearray_data(a), size_t(len));
  return r;
}

static Object* ba_irepeat(Object* a, ssize n) {
  ssize len = ba_len(a);
  if (n < 0) n = 0;
  if (len && n > kSsizeMax / len) return err_no_memory();
  if (bytearray_resize(a, len * n) < 0) return nullptr;
  for (ssize i = 1; i < n; i++) std::memcpy(ba(a)->data + i * len, ba(a)->data, size_t(len));
  return new_ref(a);
}

static Object* ba_item(Object* a, ssize i) {
  if (i < 0 || i >= ba_len(a)) return err_string(&exc::IndexError, "bytearray index out of range");
  return int_from_i64(uint8_t(bytearray_data(a)[i]));
}

static int ba_contains(Object* a, Object* x) {
  Ref<> tmp = steal(bytes_from(bytearray_data(a), ba_len(a)));
  if (!tmp) return -1;
  return sequence_contains(tmp.get(), x);
}

static Object* ba_subscript(Object* a, Object* key) {
  if (index_check(key)) {
    ssize i = number_as_ssize(key, &exc::IndexError);
    if (i == -1 && err_occurred()) return nullptr;
    if (i < 0) i += ba_len(a);
    return ba_item(a, i);
  }
  if (slice_check(key)) {
    ssize start, stop, step, n;
    if (slice_get_indices(key, ba_len(a), &start, &stop, &step, &n) < 0) return nullptr;
    Object* r = bytearray_from(nullptr, n > 0 ? n : 0);
    if (!r) return nullptr;
    for (ssize i = 0, p = start; i < n; i++, p += step) ba(r)->data[i] = bytearray_data(a)[p];
    return r;
  }
  return err_format(&exc::TypeError, "bytearray indices must be integers or slices, not %.200s", key->type->tp_name);
}

// Replaces a[lo:hi] with the given bytes.
static int ba_setslice_simple(Object* a, ssize lo, ssize hi, const char* p, ssize n) {
  ssize len = ba_len(a);
  if (hi < lo) hi = lo;
  std::string tail(bytearray_data(a) + hi, size_t(len - hi));
  ssize newlen = lo + n + (len - hi);
  if (bytearray_resize(a, newlen) < 0) return -1;
  char* d = ba(a)->data;
  if (n) std::memcpy(d + lo, p, size_t(n));
  if (!tail.empty()) std::memcpy(d + lo + n, tail.data(), tail.size());
  return 0;
}

static int ba_ass_subscript(Object* a, Object* key, Object* value) {
  if (index_check(key)) {
    ssize i = number_as_ssize(key, &exc::IndexError);
    if (i == -1 && err_occurred()) return -1;
    if (i < 0) i += ba_len(a);
    if (i < 0 || i >= ba_len(a)) { err_set_string(&exc::IndexError, "bytearray index out of range"); return -1; }
    if (!value) return ba_setslice_simple(a, i, i + 1, nullptr, 0);
    int v;
    if (!byte_value(value, &v)) return -1;
    ba(a)->data[i] = char(v);
    return 0;
  }
  if (!slice_check(key)) {
    err_format(&exc::TypeError, "bytearray indices must be integers or slices, not %.200s", key->type->tp_name);
    return -1;
  }
  ssize start, stop, step, n;
  if (slice_get_indices(key, ba_len(a), &start, &stop, &step, &n) < 0) return -1;
  std::string src;
  if (value) {
    const char* p;
    ssize l;
    if (bytes_like_view(value, &p, &l)) src.assign(p, size_t(l));
    else if (index_check(value) || str_check(value)) {
      err_set_string(&exc::TypeError, "can assign only bytes, buffers, or iterables of ints in range(0, 256)");
      return -1;
    } else {
      Ref<> it = steal(object_get_iter(value));
      if (!it) {
        if (err_exception_matches(&exc::TypeError)) {
          err_clear();
          err_set_string(&exc::TypeError, "can assign only bytes, buffers, or iterables of ints in range(0, 256)");
        }
        return -1;
      }
      Ref<> b = steal(bytes_from_iterable(it.get()));
      if (!b) return -1;
      src.assign(bytes_data(b.get()), size_t(bytes_size(b.get())));
    }
  }
  if (step == 1) return ba_setslice_simple(a, start, start + (n > 0 ? n : 0), src.data(), ssize(src.size()));
  if (!value) {
    // delete extended slice
    if (n <= 0) return 0;
    if (step < 0) { start = start + step * (n - 1); step = -step; }
    std::string out;
    ssize len = ba_len(a);
    for (ssize i = 0, next = start, k = 0; i < len; i++) {
      if (k < n && i == next) { k++; next += step; continue; }
      out.push_back(ba(a)->data[i]);
    }
    if (bytearray_resize(a, ssize(out.size())) < 0) return -1;
    if (!out.empty()) std::memcpy(ba(a)->data, out.data(), out.size());
    return 0;
  }
  if (ssize(src.size()) != n) {
    err_format(&exc::ValueError, "attempt to assign bytes of size %zd to extended slice of size %zd", ssize(src.size()), n);
    return -1;
  }
  for (ssize i = 0, p = start; i < n; i++, p += step) ba(a)->data[p] = src[size_t(i)];
  return 0;
}

static int ba_ass_item(Object* a, ssize i, Object* value) {
  Ref<> key = steal(int_from_ssize(i));
  if (!key) return -1;
  return ba_ass_subscript(a, key.get(), value);
}

static Object* ba_nb_remainder(Object* a, Object* b) {
  if (!bytearray_check(a)) return new_ref(NotImplemented);
  Ref<> tmp = steal(bytes_from(bytearray_data(a), ba_len(a)));
  if (!tmp) return nullptr;
  Ref<> r = steal(bytes_mod(tmp.get(), b));
  if (!r) return nullptr;
  return bytearray_from(bytes_data(r.get()), bytes_size(r.get()));
}

// Iterator
struct BAIterObject : Object { Object* seq; ssize index; };
static Object* ba_iter(Object* a) {
  Object* it = object_alloc(&ByteArrayIterType, sizeof(BAIterObject));
  if (!it) return nullptr;
  static_cast<BAIterObject*>(it)->seq = new_ref(a);
  static_cast<BAIterObject*>(it)->index = 0;
  return it;
}
static void baiter_dealloc(Object* o) { xdecref(static_cast<BAIterObject*>(o)->seq); object_free(o); }
static Object* baiter_next(Object* o) {
  auto* it = static_cast<BAIterObject*>(o);
  if (!it->seq) return nullptr;
  if (it->index < ba_len(it->seq)) return int_from_i64(uint8_t(bytearray_data(it->seq)[it->index++]));
  clear_ref(it->seq);
  return nullptr;
}
static Object* baiter_self(Object* o) { return new_ref(o); }
static Object* baiter_length_hint(Object* o, Object*) {
  auto* it = static_cast<BAIterObject*>(o);
  ssize n = it->seq ? ba_len(it->seq) - it->index : 0;
  return int_from_ssize(n < 0 ? 0 : n);
}

// ---------------------------------------------------------------------------
// Native methods

static Object* m_append(Object* self, Object* item) {
  int v;
  if (!byte_value(item, &v)) return nullptr;
  ssize n = ba_len(self);
  if (bytearray_resize(self, n + 1) < 0) return nullptr;
  ba(self)->data[n] = char(v);
  return new_ref(None);
}

static Object* m_extend(Object* self, Object* iterable) {
  const char* p;
  ssize l;
  if (bytes_like_view(iterable, &p, &l)) {
    Ref<> r = steal(ba_iconcat(self, iterable));
    return r ? new_ref(None) : nullptr;
  }
  if (str_check(iterable)) return err_string(&exc::TypeError, "expected iterable of integers; got: 'str'");
  Ref<> it = steal(object_get_iter(iterable));
  if (!it) {
    if (err_exception_matches(&exc::TypeError)) {
      err_clear();
      return err_format(&exc::TypeError, "can't extend bytearray with %.100s", iterable->type->tp_name);
    }
    return nullptr;
  }
  // Items are checked one by one as bytearray.append does ("byte must be
  // in range(0, 256)"), like CPython's bytearray_extend.
  std::string buf;
  for (;;) {
    Ref<> item = steal(iter_next(it.get()));
    if (!item) break;
    int v;
    if (!byte_value(item.get(), &v)) return nullptr;
    buf.push_back(char(v));
  }
  if (err_occurred()) return nullptr;
  ssize la = ba_len(self);
  if (buf.empty()) return new_ref(None);
  if (bytearray_resize(self, la + ssize(buf.size())) < 0) return nullptr;
  std::memcpy(ba(self)->data + la, buf.data(), buf.size());
  return new_ref(None);
}

static Object* m_insert(Object* self, Object* const* args, ssize nargs) {
  if (!check_arg_count("insert", nargs, 2, 2)) return nullptr;
  ssize i;
  if (!arg_as_ssize(args[0], &i)) return nullptr;
  int v;
  if (!byte_value(args[1], &v)) return nullptr;
  ssize n = ba_len(self);
  if (i < 0) { i += n; if (i < 0) i = 0; }
  if (i > n) i = n;
  char c = char(v);
  if (ba_setslice_simple(self, i, i, &c, 1) < 0) return nullptr;
  return new_ref(None);
}

static Object* m_pop(Object* self, Object* const* args, ssize nargs) {
  if (!check_arg_count("pop", nargs, 0, 1)) return nullptr;
  ssize n = ba_len(self), i = -1;
  if (nargs && !arg_as_ssize(args[0], &i)) return nullptr;
  if (n == 0) return err_string(&exc::IndexError, "pop from empty bytearray");
  if (i < 0) i += n;
  if (i < 0 || i >= n) return err_string(&exc::IndexError, "pop index out of range");
  uint8_t c = uint8_t(ba(self)->data[i]);
  if (ba_setslice_simple(self, i, i + 1, nullptr, 0) < 0) return nullptr;
  return int_from_i64(c);
}

static Object* m_remove(Object* self, Object* value) {
  int v;
  if (!byte_value(value, &v)) return nullptr;
  ssize n = ba_len(self);
  const void* p = std::memchr(bytearray_data(self), v, size_t(n));
  if (!p) return err_string(&exc::ValueError, "value not found in bytearray");
  ssize i = static_cast<const char*>(p) - bytearray_data(self);
  if (ba_setslice_simple(self, i, i + 1, nullptr, 0) < 0) return nullptr;
  return new_ref(None);
}

static Object* m_reverse(Object* self, Object*) {
  std::reverse(bytearray_data(self), bytearray_data(self) + ba_len(self));
  return new_ref(None);
}
static Object* m_clear(Object* self, Object*) {
  if (bytearray_resize(self, 0) < 0) return nullptr;
  return new_ref(None);
}
static Object* m_copy(Object* self, Object*) { return bytearray_from(bytearray_data(self), ba_len(self)); }
static Object* m_alloc(Object* self, Object*) { return int_from_ssize(ba(self)->alloc); }
static Object* m_sizeof(Object* self, Object*) {
  // CPython: sizeof(PyByteArrayObject) (56) + allocated bytes.
  return int_from_ssize(56 + ba(self)->alloc);
}
static Object* m_resize(Object* self, Object* arg) {
  ssize n;
  if (!arg_as_ssize(arg, &n)) return nullptr;
  if (n < 0) return err_format(&exc::ValueError, "Can only resize to positive sizes, got %zd", n);
  ssize old = ba_len(self);
  if (bytearray_resize(self, n) < 0) return nullptr;
  if (n > old) std::memset(ba(self)->data + old, 0, size_t(n - old));
  return new_ref(None);
}

static Object* m_reduce_common(Object* self, int proto) {
  Ref<> dict;
  Object** dp = object_dict_ptr(self);
  dict = borrow(dp && *dp ? *dp : None);
  Ref<> args;
  if (proto < 3) {
    Ref<> s = steal(str_from_latin1(reinterpret_cast<const uint8_t*>(bytearray_data(self)), ba_len(self)));
    Ref<> enc = steal(str_from_cstr("latin-1"));
    if (!s || !enc) return nullptr;
    args = steal(ba_len(self) ? tuple_pack({s.get(), enc.get()}) : tuple_new(0));
  } else {
    Ref<> b = steal(bytes_from(bytearray_data(self), ba_len(self)));
    if (!b) return nullptr;
    args = steal(tuple_pack({b.get()}));
  }
  if (!args) return nullptr;
  return tuple_pack({self->type, args.get(), dict.get()});
}
static Object* m_reduce(Object* self, Object*) { return m_reduce_common(self, 2); }
static Object* m_reduce_ex(Object* self, Object* const* args, ssize nargs) {
  if (!check_arg_count("__reduce_ex__", nargs, 0, 1)) return nullptr;
  int proto = 0;
  if (nargs && !arg_as_int(args[0], &proto)) return nullptr;
  return m_reduce_common(self, proto);
}

// ---------------------------------------------------------------------------
// Shared (non-mutating) methods: run bytes' implementation on a copy.

static Object* to_bytearray_result(Object* r) {
  if (!r) return nullptr;
  Ref<> owned = steal(r);
  if (bytes_check(r)) return bytearray_from(bytes_data(r), bytes_size(r));
  if (list_check_exact(r)) {
    for (ssize i = 0; i < list_size(r); i++) {
      Object* it = list_get(r, i);
      if (bytes_check(it)) {
        Object* c = bytearray_from(bytes_data(it), bytes_size(it));
        if (!c) return nullptr;
        list_items(r)[i] = c;
        decref(it);
      }
    }
    return owned.release();
  }
  if (tuple_check_exact(r)) {
    ssize n = tuple_size(r);
    Ref<> t = steal(tuple_new(n));
    if (!t) return nullptr;
    for (ssize i = 0; i < n; i++) {
      Object* it = tuple_get(r, i);
      Object* c = bytes_check(it) ? bytearray_from(bytes_data(it), bytes_size(it)) : new_ref(it);
      if (!c) return nullptr;
      tuple_init_item(t.get(), i, c);
    }
    return t.release();
  }
  return owned.release();
}

static Object* self_copy(Object* self) { return bytes_from(bytearray_data(self), ba_len(self)); }

template <size_t I> Object* w_noargs(Object* self, Object* arg) {
  Ref<> t = steal(self_copy(self));
  if (!t) return nullptr;
  return to_bytearray_result(reinterpret_cast<CFunction>(kBytesMethods[I].impl)(t.get(), arg));
}
template <size_t I> Object* w_fast(Object* self, Object* const* args, ssize nargs) {
  Ref<> t = steal(self_copy(self));
  if (!t) return nullptr;
  return to_bytearray_result(reinterpret_cast<CFunctionFast>(kBytesMethods[I].impl)(t.get(), args, nargs));
}
template <size_t I> Object* w_fastkw(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  Ref<> t = steal(self_copy(self));
  if (!t) return nullptr;
  return to_bytearray_result(
      reinterpret_cast<CFunctionFastKw>(kBytesMethods[I].impl)(t.get(), args, nargs, kwnames));
}

constexpr size_t kMaxShared = 64;
static MethodDef g_ba_methods[kMaxShared + 24];

template <size_t... Is>
static void* pick_wrapper(size_t i, int flags, std::index_sequence<Is...>) {
  void* r = nullptr;
  int kind = (flags & kMethFastcall) ? ((flags & kMethKeywords) ? 2 : 1) : 0;
  ((i == Is ? (r = kind == 2 ? reinterpret_cast<void*>(&w_fastkw<Is>)
                   : kind == 1 ? reinterpret_cast<void*>(&w_fast<Is>)
                               : reinterpret_cast<void*>(&w_noargs<Is>), 0) : 0), ...);
  return r;
}

static void build_method_table() {
  static const MethodDef own[] = {
      {"__alloc__", reinterpret_cast<void*>(m_alloc), kMethNoArgs, "__alloc__($self, /)\n--\n\nB.__alloc__() -> int\n\nReturn the number of bytes actually allocated."},
      {"__reduce__", reinterpret_cast<void*>(m_reduce), kMethNoArgs, "__reduce__($self, /)\n--\n\nReturn state information for pickling."},
      {"__reduce_ex__", reinterpret_cast<void*>(m_reduce_ex), kMethFastcall, "__reduce_ex__($self, proto=0, /)\n--\n\nReturn state information for pickling."},
      {"__sizeof__", reinterpret_cast<void*>(m_sizeof), kMethNoArgs, "__sizeof__($self, /)\n--\n\nReturns the size of the bytearray object in memory, in bytes."},
      {"append", reinterpret_cast<void*>(m_append), kMethO, "append($self, item, /)\n--\n\nAppend a single item to the end of the bytearray."},
      {"clear", reinterpret_cast<void*>(m_clear), kMethNoArgs, "clear($self, /)\n--\n\nRemove all items from the bytearray."},
      {"copy", reinterpret_cast<void*>(m_copy), kMethNoArgs, "copy($self, /)\n--\n\nReturn a copy of B."},
      {"extend", reinterpret_cast<void*>(m_extend), kMethO, "extend($self, iterable_of_ints, /)\n--\n\nAppend all the items from the iterator or sequence to the end of the bytearray."},
      {"insert", reinterpret_cast<void*>(m_insert), kMethFastcall, "insert($self, index, item, /)\n--\n\nInsert a single item into the bytearray before the given index."},
      {"pop", reinterpret_cast<void*>(m_pop), kMethFastcall, "pop($self, index=-1, /)\n--\n\nRemove and return a single item from B."},
      {"remove", reinterpret_cast<void*>(m_remove), kMethO, "remove($self, value, /)\n--\n\nRemove the first occurrence of a value in the bytearray."},
      {"resize", reinterpret_cast<void*>(m_resize), kMethO, "resize($self, size, /)\n--\n\nResize the internal buffer of bytearray to len."},
      {"reverse", reinterpret_cast<void*>(m_reverse), kMethNoArgs, "reverse($self, /)\n--\n\nReverse the order of the values in B in place."},
  };
  size_t n = 0;
  for (const MethodDef& d : own) g_ba_methods[n++] = d;
  for (size_t i = 0; kBytesMethods[i].name && i < kMaxShared; i++) {
    const MethodDef& d = kBytesMethods[i];
    if (!std::strcmp(d.name, "__getnewargs__") || !std::strcmp(d.name, "__bytes__") ||
        !std::strcmp(d.name, "__sizeof__"))
      continue;
    if (d.flags & (kMethClass | kMethStatic)) {  // fromhex / maketrans work for both types
      g_ba_methods[n++] = d;
      continue;
    }
    MethodDef w = d;
    w.impl = pick_wrapper(i, d.flags, std::make_index_sequence<kMaxShared>{});
    g_ba_methods[n++] = w;
  }
  g_ba_methods[n] = {nullptr, nullptr, 0, nullptr};
}

static const MethodDef kBAIterMethods[] = {
    {"__length_hint__", reinterpret_cast<void*>(baiter_length_hint), kMethNoArgs, "Private method returning an estimate of len(list(it))."},
    {nullptr, nullptr, 0, nullptr},
};

static NumberMethods kBAAsNumber;
static SequenceMethods kBAAsSequence;
static MappingMethods kBAAsMapping;

void init_bytearray_types() {
  build_method_table();
  kBAAsNumber.nb_remainder = ba_nb_remainder;
  kBAAsSequence.sq_length = ba_len;
  kBAAsSequence.sq_concat = ba_concat;
  kBAAsSequence.sq_repeat = ba_repeat;
  kBAAsSequence.sq_item = ba_item;
  kBAAsSequence.sq_ass_item = ba_ass_item;
  kBAAsSequence.sq_contains = ba_contains;
  kBAAsSequence.sq_inplace_concat = ba_inplace_concat_slot;
  kBAAsSequence.sq_inplace_repeat = ba_irepeat;
  kBAAsMapping.mp_length = ba_len;
  kBAAsMapping.mp_subscript = ba_subscript;
  kBAAsMapping.mp_ass_subscript = ba_ass_subscript;
  Type& t = ByteArrayType;
  t.tp_name = "bytearray";
  t.tp_basicsize = sizeof(ByteArrayObject);
  t.tp_dealloc = ba_dealloc;
  t.tp_repr = ba_repr;
  t.tp_str = ba_repr;
  t.tp_hash = hash_not_implemented;
  t.tp_as_number = &kBAAsNumber;
  t.tp_as_sequence = &kBAAsSequence;
  t.tp_as_mapping = &kBAAsMapping;
  t.tp_getattro = object_generic_getattr;
  t.tp_flags = kTpflagsDefault | kTpflagsBaseType | kTpflagsMatchSelf;  // not a sequence for match (as CPython)
  t.tp_doc =
      "bytearray(iterable_of_ints) -> bytearray\nbytearray(string, encoding[, errors]) -> bytearray\n"
      "bytearray(bytes_or_buffer) -> mutable copy of bytes_or_buffer\nbytearray(int) -> bytes array of size given by the parameter initialized with null bytes\n"
      "bytearray() -> empty bytes array\n\nConstruct a mutable bytearray object from:\n"
      "  - an iterable yielding integers in range(256)\n  - a text string encoded using the specified encoding\n"
      "  - a bytes or a buffer object\n  - any object implementing the buffer API.\n  - an integer";
  t.tp_richcompare = ba_richcompare;
  t.tp_iter = ba_iter;
  t.tp_methods = g_ba_methods;
  t.tp_base = &ObjectType;
  t.tp_init = ba_init;
  t.tp_new = ba_tp_new;
  t.tp_alloc = type_generic_alloc;
  t.tp_free = object_free;

  Type& it = ByteArrayIterType;
  it.tp_name = "bytearray_iterator";
  it.tp_basicsize = sizeof(BAIterObject);
  it.tp_dealloc = baiter_dealloc;
  it.tp_getattro = object_generic_getattr;
  it.tp_iter = baiter_self;
  it.tp_iternext = baiter_next;
  it.tp_methods = kBAIterMethods;
  it.tp_base = &ObjectType;
  it.tp_flags = kTpflagsDefault | kTpflagsDisallowInstantiation;
}

}  // namespace pyxx
