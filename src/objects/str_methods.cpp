// str methods (find/split/strip/case mapping/predicates/translate/...) and the
// Unicode database accessors, with CPython 3.14's argument handling and messages.
#include "objects/str_internal.h"
#include <algorithm>
#include <vector>
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/singletons.h"
#include "objects/tuple.h"
#include "runtime/args.h"

namespace pyxx {

// ---------------------------------------------------------------------------
// Unicode database accessors

namespace unicode {
static int full_map(uint32_t cp, uint32_t ext_flag, int32_t CharRecord::*field, uint32_t* out) {
  const CharRecord& r = record(cp);
  int32_t v = r.*field;
  if (r.flags & ext_flag) {
    uint32_t n = kSpecial[v];
    for (uint32_t i = 0; i < n; i++) out[i] = kSpecial[v + 1 + i];
    return int(n);
  }
  out[0] = uint32_t(int32_t(cp) + v);
  return 1;
}
int to_upper_full(uint32_t cp, uint32_t* out) { return full_map(cp, kExtUpper, &CharRecord::upper, out); }
int to_lower_full(uint32_t cp, uint32_t* out) { return full_map(cp, kExtLower, &CharRecord::lower, out); }
int to_title_full(uint32_t cp, uint32_t* out) { return full_map(cp, kExtTitle, &CharRecord::title, out); }
int to_fold_full(uint32_t cp, uint32_t* out) { return full_map(cp, kExtFold, &CharRecord::fold, out); }
uint32_t to_upper(uint32_t cp) { uint32_t b[4]; to_upper_full(cp, b); return b[0]; }
uint32_t to_lower(uint32_t cp) { uint32_t b[4]; to_lower_full(cp, b); return b[0]; }
}  // namespace unicode

int unicode_decimal_value(uint32_t cp) {
  if (cp < 128) return cp >= '0' && cp <= '9' ? int(cp - '0') : -1;
  return unicode::record(cp).decimal;
}
int unicode_digit_value(uint32_t cp) { return unicode::record(cp).digit; }
bool unicode_is_space(uint32_t cp) {
  if (cp < 128) return cp == ' ' || (cp >= 9 && cp <= 13) || (cp >= 28 && cp <= 31);
  return unicode::has(cp, unicode::kSpace);
}
bool unicode_is_alpha(uint32_t cp) { return unicode::has(cp, unicode::kAlpha); }
bool unicode_is_xid_start(uint32_t cp) { return unicode::has(cp, unicode::kXidStart); }
bool unicode_is_xid_continue(uint32_t cp) { return unicode::has(cp, unicode::kXidContinue); }
bool unicode_is_linebreak(uint32_t cp) { return unicode::has(cp, unicode::kLinebreak); }

using unicode::has;

// ---------------------------------------------------------------------------
// Argument helpers

static bool need_str(Object* o, const char* fname, int argn) {
  if (str_check(o)) return true;
  if (argn) err_format(&exc::TypeError, "%s() argument %d must be str, not %.50s", fname, argn, o->type->tp_name);
  else err_format(&exc::TypeError, "%s() argument must be str, not %.50s", fname, o->type->tp_name);
  return false;
}

bool parse_slice_index(Object* v, ssize* out) {
  if (v == None) return true;
  if (!index_check(v)) {
    err_set_string(&exc::TypeError, "slice indices must be integers or None or have an __index__ method");
    return false;
  }
  ssize x = number_as_ssize(v, nullptr);
  if (x == -1 && err_occurred()) return false;
  *out = x;
  return true;
}

bool arg_as_ssize(Object* v, ssize* out) {
  Ref<> iv = steal(number_index(v));
  if (!iv) return false;
  ssize x = int_as_ssize(iv.get());
  if (x == -1 && err_occurred()) return false;
  *out = x;
  return true;
}

bool arg_as_int(Object* v, int* out) {
  Ref<> iv = steal(number_index(v));
  if (!iv) return false;
  int overflow = 0;
  int64_t x = int_as_i64_overflow(iv.get(), &overflow);
  if (overflow || x > INT32_MAX || x < INT32_MIN) {
    err_set_string(&exc::OverflowError, "Python int too large to convert to C int");
    return false;
  }
  *out = int(x);
  return true;
}

static bool ssize_arg(Object* v, ssize* out) { return arg_as_ssize(v, out); }

// (sub[, start[, end]]) of find/count/index/...
static bool parse_find_args(const char* fname, Object* const* args, ssize nargs, Object** sub, ssize* start,
                            ssize* end) {
  if (!check_arg_count(fname, nargs, 1, 3)) return false;
  *sub = args[0];
  *start = 0;
  *end = kSsizeMax;
  if (nargs > 1 && !parse_slice_index(args[1], start)) return false;
  if (nargs > 2 && !parse_slice_index(args[2], end)) return false;
  return true;
}

// Canonicalizes a freshly built string: narrows the kind and fixes the ascii
// flag so that equal strings always have equal representations.
static Object* str_finish(Object* s) {
  ssize n = str_length(s);
  uint32_t m = n ? str_max_char(s, 0, n) : 0;
  int k = kind_for_maxchar(m);
  if (k < str_kind(s) || n <= 1) {
    Object* r = str_from_kind(str_kind(s), str_data(s), n);
    decref(s);
    return r;
  }
  StrObject* o = as_str(s);
  if (m < 128 && !o->ascii) {
    o->ascii = 1;
    o->utf8 = static_cast<char*>(str_data(s));
    o->utf8_length = n;
  }
  return s;
}

// ---------------------------------------------------------------------------
// find family

static Object* do_find(Object* self, Object* const* args, ssize nargs, const char* fname, int dir, bool raise) {
  Object* sub;
  ssize start, end;
  if (!parse_find_args(fname, args, nargs, &sub, &start, &end)) return nullptr;
  if (!need_str(sub, fname, 1)) return nullptr;
  ssize r;
  ssize len = str_length(self);
  if (str_length(sub) == 1) {
    ssize s = start, e = end;
    adjust_indices(s, e, len);
    r = s < e ? str_find_char(self, str_char_at(sub, 0), s, e, dir) : -1;
  } else {
    r = str_find_range(self, sub, start, end, dir);
  }
  if (r < 0 && raise) return err_string(&exc::ValueError, "substring not found");
  return int_from_ssize(r);
}

static Object* str_find(Object* s, Object* const* a, ssize n) { return do_find(s, a, n, "find", 1, false); }
static Object* str_rfind(Object* s, Object* const* a, ssize n) { return do_find(s, a, n, "rfind", -1, false); }
static Object* str_index(Object* s, Object* const* a, ssize n) { return do_find(s, a, n, "index", 1, true); }
static Object* str_rindex(Object* s, Object* const* a, ssize n) { return do_find(s, a, n, "rindex", -1, true); }

static Object* str_count(Object* self, Object* const* args, ssize nargs) {
  Object* sub;
  ssize start, end;
  if (!parse_find_args("count", args, nargs, &sub, &start, &end)) return nullptr;
  if (!need_str(sub, "count", 1)) return nullptr;
  return int_from_ssize(str_count_range(self, sub, start, end, kSsizeMax));
}

static bool tail_match(Object* self, Object* sub, ssize start, ssize end, int dir) {
  ssize len = str_length(self);
  adjust_indices(start, end, len);
  ssize sl = str_length(sub);
  end -= sl;
  if (end < start) return false;
  if (sl == 0) return true;
  ssize pos = dir > 0 ? end : start;
  if (str_kind(self) == str_kind(sub)) {
    int k = str_kind(self);
    return std::memcmp(static_cast<char*>(str_data(self)) + pos * k, str_data(sub), size_t(sl) * k) == 0;
  }
  for (ssize i = 0; i < sl; i++)
    if (str_char_at(self, pos + i) != str_char_at(sub, i)) return false;
  return true;
}

static Object* do_startsend(Object* self, Object* const* args, ssize nargs, const char* fname, int dir) {
  Object* sub;
  ssize start, end;
  if (!parse_find_args(fname, args, nargs, &sub, &start, &end)) return nullptr;
  if (tuple_check(sub)) {
    for (ssize i = 0; i < tuple_size(sub); i++) {
      Object* x = tuple_get(sub, i);
      if (!str_check(x))
        return err_format(&exc::TypeError, "tuple for %s must only contain str, not %.100s", fname, x->type->tp_name);
      if (tail_match(self, x, start, end, dir)) return new_ref(True);
    }
    return new_ref(False);
  }
  if (!str_check(sub))
    return err_format(&exc::TypeError, "%s first arg must be str or a tuple of str, not %.100s", fname,
                      sub->type->tp_name);
  return new_ref(bool_from(tail_match(self, sub, start, end, dir)));
}
static Object* str_startswith(Object* s, Object* const* a, ssize n) { return do_startsend(s, a, n, "startswith", -1); }
static Object* str_endswith(Object* s, Object* const* a, ssize n) { return do_startsend(s, a, n, "endswith", 1); }

// ---------------------------------------------------------------------------
// split family

static PYXX_ALWAYS_INLINE bool is_ws(uint32_t c) { return is_space_fast(c); }

static bool list_add_sub(Object* list, Object* s, ssize a, ssize b) {
  Object* sub = str_substring(s, a, b);
  if (!sub) return false;
  return list_append_steal(list, sub) == 0;
}

static Object* split_impl(Object* self, Object* sep, ssize maxsplit, bool right) {
  ssize len = str_length(self);
  if (maxsplit < 0) maxsplit = kSsizeMax;
  Ref<> list = steal(list_new(0));
  if (!list) return nullptr;
  int kind = str_kind(self);
  const void* d = str_data(self);
  if (!sep) {
    bool ok = visit_kind(kind, [&](auto t) -> bool {
      using T = decltype(t);
      const T* p = static_cast<const T*>(d);
      if (!right) {
        ssize i = 0;
        while (maxsplit-- > 0) {
          while (i < len && is_ws(p[i])) i++;
          if (i == len) break;
          ssize j = i;
          while (j < len && !is_ws(p[j])) j++;
          if (i == 0 && j == len && str_check_exact(self)) return list_append(list.get(), self) == 0;
          if (!list_add_sub(list.get(), self, i, j)) return false;
          i = j;
        }
        while (i < len && is_ws(p[i])) i++;
        if (i < len && !list_add_sub(list.get(), self, i, len)) return false;
      } else {
        ssize i = len - 1;
        while (maxsplit-- > 0) {
          while (i >= 0 && is_ws(p[i])) i--;
          if (i < 0) break;
          ssize j = i;
          while (j >= 0 && !is_ws(p[j])) j--;
          if (!list_add_sub(list.get(), self, j + 1, i + 1)) return false;
          i = j;
        }
        while (i >= 0 && is_ws(p[i])) i--;
        if (i >= 0 && !list_add_sub(list.get(), self, 0, i + 1)) return false;
        if (list_reverse(list.get()) < 0) return false;
      }
      return true;
    });
    if (!ok) return nullptr;
    return list.release();
  }
  ssize sl = str_length(sep);
  if (sl == 0) return err_string(&exc::ValueError, "empty separator");
  if (!right) {
    ssize i = 0;
    while (maxsplit-- > 0) {
      ssize r = sl == 1 ? str_find_char(self, str_char_at(sep, 0), i, len, 1) : str_find_range(self, sep, i, len, 1);
      if (r < 0) break;
      if (!list_add_sub(list.get(), self, i, r)) return nullptr;
      i = r + sl;
    }
    if (i == 0 && str_check_exact(self)) {
      if (list_append(list.get(), self) < 0) return nullptr;
    } else if (!list_add_sub(list.get(), self, i, len)) return nullptr;
  } else {
    ssize j = len;
    while (maxsplit-- > 0) {
      ssize r = sl == 1 ? str_find_char(self, str_char_at(sep, 0), 0, j, -1) : str_find_range(self, sep, 0, j, -1);
      if (r < 0) break;
      if (!list_add_sub(list.get(), self, r + sl, j)) return nullptr;
      j = r;
    }
    if (!list_add_sub(list.get(), self, 0, j)) return nullptr;
    if (list_reverse(list.get()) < 0) return nullptr;
  }
  return list.release();
}

static Object* do_split(Object* self, Object* const* args, ssize nargs, Object* kwnames, const char* fname,
                        bool right) {
  static const char* const names[] = {"sep", "maxsplit"};
  ArgSpec spec = {fname, names, 2, 0, 0, 0};
  Object* av[2] = {nullptr, nullptr};
  if (!bind_args(spec, args, nargs, kwnames, av)) return nullptr;
  Object* sep = av[0] && av[0] != None ? av[0] : nullptr;
  if (sep && !str_check(sep))
    return err_format(&exc::TypeError, "must be str or None, not %.100s", sep->type->tp_name);
  ssize maxsplit = -1;
  if (av[1] && !ssize_arg(av[1], &maxsplit)) return nullptr;
  return split_impl(self, sep, maxsplit, right);
}
static Object* str_split(Object* s, Object* const* a, ssize n, Object* k) { return do_split(s, a, n, k, "split", false); }
static Object* str_rsplit(Object* s, Object* const* a, ssize n, Object* k) { return do_split(s, a, n, k, "rsplit", true); }

static Object* str_splitlines(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const names[] = {"keepends"};
  ArgSpec spec = {"splitlines", names, 1, 0, 0, 0};
  Object* av[1] = {nullptr};
  if (!bind_args(spec, args, nargs, kwnames, av)) return nullptr;
  bool keepends = false;
  if (av[0]) {
    int t = object_is_true(av[0]);
    if (t < 0) return nullptr;
    keepends = t;
  }
  Ref<> list = steal(list_new(0));
  if (!list) return nullptr;
  ssize len = str_length(self);
  int kind = str_kind(self);
  const void* d = str_data(self);
  ssize i = 0;
  while (i < len) {
    ssize j = i;
    while (j < len && !unicode_is_linebreak(str_read(kind, d, j))) j++;
    ssize eol = j;
    if (j < len) {
      if (str_read(kind, d, j) == '\r' && j + 1 < len && str_read(kind, d, j + 1) == '\n') j += 2;
      else j++;
      if (keepends) eol = j;
    }
    if (i == 0 && j == len && eol == len && str_check_exact(self)) {
      if (list_append(list.get(), self) < 0) return nullptr;
      break;
    }
    if (!list_add_sub(list.get(), self, i, eol)) return nullptr;
    i = j;
  }
  return list.release();
}

static Object* do_partition(Object* self, Object* sep, bool right) {
  if (!str_check(sep)) return err_format(&exc::TypeError, "must be str, not %.100s", sep->type->tp_name);
  ssize sl = str_length(sep);
  if (sl == 0) return err_string(&exc::ValueError, "empty separator");
  ssize len = str_length(self);
  ssize r = str_find_range(self, sep, 0, len, right ? -1 : 1);
  Ref<> self_exact = steal(str_exact_copy(self));
  if (!self_exact) return nullptr;
  Object* e = str_empty();
  if (r < 0) {
    if (right) return tuple_pack({e, e, self_exact.get()});
    return tuple_pack({self_exact.get(), e, e});
  }
  Ref<> a = steal(str_substring(self, 0, r));
  Ref<> b = steal(str_substring(self, r + sl, len));
  Ref<> s = steal(str_exact_copy(sep));
  if (!a || !b || !s) return nullptr;
  return tuple_pack({a.get(), s.get(), b.get()});
}
static Object* str_partition(Object* s, Object* sep) { return do_partition(s, sep, false); }
static Object* str_rpartition(Object* s, Object* sep) { return do_partition(s, sep, true); }

// ---------------------------------------------------------------------------
// join / replace

static Object* str_join_method(Object* self, Object* iterable) { return str_join(self, iterable); }

static Object* str_replace(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const names[] = {"", "", "count"};
  ArgSpec spec = {"replace", names, 3, 2, 2, 0};
  Object* av[3] = {nullptr, nullptr, nullptr};
  if (!bind_args(spec, args, nargs, kwnames, av)) return nullptr;
  if (!need_str(av[0], "replace", 1) || !need_str(av[1], "replace", 2)) return nullptr;
  ssize count = -1;
  if (av[2] && !ssize_arg(av[2], &count)) return nullptr;
  Object* old = av[0];
  Object* rep = av[1];
  ssize len = str_length(self), ol = str_length(old), rl = str_length(rep);
  if (count < 0) count = kSsizeMax;
  std::vector<ssize> pos;
  if (ol == 0) {
    for (ssize i = 0; i <= len && ssize(pos.size()) < count; i++) pos.push_back(i);
  } else {
    ssize i = 0;
    while (ssize(pos.size()) < count) {
      ssize r = ol == 1 ? str_find_char(self, str_char_at(old, 0), i, len, 1) : str_find_range(self, old, i, len, 1);
      if (r < 0) break;
      pos.push_back(r);
      i = r + ol;
    }
  }
  if (pos.empty()) return str_exact_copy(self);
  ssize np = ssize(pos.size());
  bool ascii_result = as_str(self)->ascii && as_str(rep)->ascii;
  ssize total = len + np * (rl - ol);
  if (rl > ol && (rl - ol) > (kSsizeMax - len) / np) return err_string(&exc::OverflowError, "replace string is too long");
  if (total == 0) return new_ref(str_empty());
  int kind = std::max(str_kind(self), rl ? str_kind(rep) : 1);
  Object* r = str_new(total, ascii_result ? 127 : kind == 1 ? 255 : kind == 2 ? 65535 : 0x10FFFF);
  if (!r) return nullptr;
  if (ol == 1 && rl == 1 && str_kind(r) == str_kind(self)) {
    // Same length: copy and substitute in place.
    str_copy_chars(r, 0, self, 0, len);
    uint32_t nc = str_char_at(rep, 0);
    for (ssize p : pos) str_write(str_kind(r), str_data(r), p, nc);
    return ascii_result ? r : str_finish(r);
  }
  ssize o = 0, src = 0;
  for (ssize p : pos) {
    str_copy_chars(r, o, self, src, p - src);
    o += p - src;
    str_copy_chars(r, o, rep, 0, rl);
    o += rl;
    src = p + ol;
    if (ol == 0 && p < len) { str_copy_chars(r, o, self, p, 1); o++; src = p + 1; }
  }
  str_copy_chars(r, o, self, src, len - src);
  return ascii_result ? r : str_finish(r);
}

// ---------------------------------------------------------------------------
// strip family

static Object* do_strip(Object* self, Object* const* args, ssize nargs, const char* fname, int which) {
  if (!check_arg_count(fname, nargs, 0, 1)) return nullptr;
  Object* chars = nargs ? args[0] : None;
  ssize len = str_length(self);
  int kind = str_kind(self);
  const void* d = str_data(self);
  ssize i = 0, j = len;
  if (chars == None) {
    if (which != 2) while (i < j && is_ws(str_read(kind, d, i))) i++;
    if (which != 1) while (j > i && is_ws(str_read(kind, d, j - 1))) j--;
  } else {
    if (!str_check(chars)) return err_format(&exc::TypeError, "%s arg must be None or str", fname);
    ssize cl = str_length(chars);
    auto in = [&](uint32_t c) { return str_find_char(chars, c, 0, cl, 1) >= 0; };
    if (which != 2) while (i < j && in(str_read(kind, d, i))) i++;
    if (which != 1) while (j > i && in(str_read(kind, d, j - 1))) j--;
  }
  return str_substring(self, i, j);
}
static Object* str_strip(Object* s, Object* const* a, ssize n) { return do_strip(s, a, n, "strip", 0); }
static Object* str_lstrip(Object* s, Object* const* a, ssize n) { return do_strip(s, a, n, "lstrip", 1); }
static Object* str_rstrip(Object* s, Object* const* a, ssize n) { return do_strip(s, a, n, "rstrip", 2); }

static Object* str_removeprefix(Object* self, Object* p) {
  if (!need_str(p, "removeprefix", 0)) return nullptr;
  if (tail_match(self, p, 0, kSsizeMax, -1)) return str_substring(self, str_length(p), str_length(self));
  return str_exact_copy(self);
}
static Object* str_removesuffix(Object* self, Object* p) {
  if (!need_str(p, "removesuffix", 0)) return nullptr;
  if (str_length(p) && tail_match(self, p, 0, kSsizeMax, 1)) return str_substring(self, 0, str_length(self) - str_length(p));
  return str_exact_copy(self);
}

// ---------------------------------------------------------------------------
// padding

static Object* pad(Object* self, ssize left, ssize right, uint32_t fill) {
  if (left < 0) left = 0;
  if (right < 0) right = 0;
  if (left == 0 && right == 0) return str_exact_copy(self);
  ssize len = str_length(self);
  if (left > kSsizeMax - len - right) return err_string(&exc::OverflowError, "padded string is too long");
  uint32_t m = std::max(str_max_char_bound(self), fill < 128 ? 127u : fill);
  Object* r = str_new(left + len + right, m);
  if (!r) return nullptr;
  int k = str_kind(r);
  void* d = str_data(r);
  for (ssize i = 0; i < left; i++) str_write(k, d, i, fill);
  str_copy_chars(r, left, self, 0, len);
  for (ssize i = 0; i < right; i++) str_write(k, d, left + len + i, fill);
  return str_finish(r);
}

static bool parse_pad_args(const char* fname, Object* const* args, ssize nargs, ssize* width, uint32_t* fill) {
  if (!check_arg_count(fname, nargs, 1, 2)) return false;
  if (!ssize_arg(args[0], width)) return false;
  *fill = ' ';
  if (nargs > 1) {
    Object* f = args[1];
    if (!str_check(f)) {
      err_format(&exc::TypeError, "The fill character must be a unicode character, not %.100s", f->type->tp_name);
      return false;
    }
    if (str_length(f) != 1) {
      err_set_string(&exc::TypeError, "The fill character must be exactly one character long");
      return false;
    }
    *fill = str_char_at(f, 0);
  }
  return true;
}

static Object* str_center(Object* self, Object* const* args, ssize nargs) {
  ssize w;
  uint32_t f;
  if (!parse_pad_args("center", args, nargs, &w, &f)) return nullptr;
  ssize len = str_length(self);
  if (w <= len) return str_exact_copy(self);
  ssize marg = w - len;
  ssize left = marg / 2 + (marg & w & 1);
  return pad(self, left, marg - left, f);
}
static Object* str_ljust(Object* self, Object* const* args, ssize nargs) {
  ssize w;
  uint32_t f;
  if (!parse_pad_args("ljust", args, nargs, &w, &f)) return nullptr;
  return pad(self, 0, w - str_length(self), f);
}
static Object* str_rjust(Object* self, Object* const* args, ssize nargs) {
  ssize w;
  uint32_t f;
  if (!parse_pad_args("rjust", args, nargs, &w, &f)) return nullptr;
  return pad(self, w - str_length(self), 0, f);
}

static Object* str_zfill(Object* self, Object* arg) {
  ssize w;
  if (!ssize_arg(arg, &w)) return nullptr;
  ssize len = str_length(self);
  if (w <= len) return str_exact_copy(self);
  Object* r = pad(self, w - len, 0, '0');
  if (!r) return nullptr;
  ssize fill = w - len;
  uint32_t c = str_char_at(r, fill);
  if (c == '+' || c == '-') {
    str_write(str_kind(r), str_data(r), 0, c);
    str_write(str_kind(r), str_data(r), fill, '0');
  }
  return r;
}

static Object* str_expandtabs(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
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
  ssize len = str_length(self);
  int kind = str_kind(self);
  const void* d = str_data(self);
  if (str_find_char(self, '\t', 0, len, 1) < 0) return str_exact_copy(self);
  ssize col = 0, total = 0;
  for (ssize i = 0; i < len; i++) {
    uint32_t c = str_read(kind, d, i);
    if (c == '\t') {
      if (tab > 0) {
        ssize inc = tab - col % tab;
        if (total > kSsizeMax - inc) return err_string(&exc::OverflowError, "new string is too long");
        col += inc; total += inc;
      }
    } else {
      total++; col++;
      if (c == '\n' || c == '\r') col = 0;
    }
  }
  Object* r = str_new(total, str_max_char_bound(self));
  if (!r) return nullptr;
  int rk = str_kind(r);
  void* rd = str_data(r);
  ssize o = 0;
  col = 0;
  for (ssize i = 0; i < len; i++) {
    uint32_t c = str_read(kind, d, i);
    if (c == '\t') {
      if (tab > 0) {
        ssize inc = tab - col % tab;
        col += inc;
        while (inc--) str_write(rk, rd, o++, ' ');
      }
    } else {
      str_write(rk, rd, o++, c);
      col++;
      if (c == '\n' || c == '\r') col = 0;
    }
  }
  return str_finish(r);
}

// ---------------------------------------------------------------------------
// case mapping

static uint32_t capital_sigma(Object* s, ssize i) {
  ssize len = str_length(s);
  int kind = str_kind(s);
  const void* d = str_data(s);
  ssize j = i - 1;
  uint32_t c = 0;
  for (; j >= 0; j--) {
    c = str_read(kind, d, j);
    if (!has(c, unicode::kCaseIgnorable)) break;
  }
  bool final_sigma = j >= 0 && has(c, unicode::kCased);
  if (final_sigma && i + 1 < len) {
    for (j = i + 1; j < len; j++) {
      c = str_read(kind, d, j);
      if (!has(c, unicode::kCaseIgnorable)) break;
    }
    final_sigma = j == len || !has(c, unicode::kCased);
  }
  return final_sigma ? 0x3C2 : 0x3C3;
}

static int lower_full(Object* s, ssize i, uint32_t c, uint32_t* out) {
  if (c == 0x3A3) { out[0] = capital_sigma(s, i); return 1; }
  return unicode::to_lower_full(c, out);
}

enum CaseOp { kOpLower, kOpUpper, kOpTitle, kOpCapitalize, kOpSwapcase, kOpCasefold };

static Object* case_map(Object* self, CaseOp op) {
  ssize len = str_length(self);
  int kind = str_kind(self);
  const void* d = str_data(self);
  if (as_str(self)->ascii) {
    Object* r = str_new(len, 127);
    if (!r) return nullptr;
    const uint8_t* s = static_cast<const uint8_t*>(d);
    uint8_t* o = static_cast<uint8_t*>(str_data(r));
    // Branch-light loops per operation (the compiler vectorizes these).
    switch (op) {
      case kOpLower: case kOpCasefold:
        for (ssize i = 0; i < len; i++) o[i] = uint8_t(s[i] + ((uint8_t(s[i] - 'A') < 26) << 5));
        break;
      case kOpUpper:
        for (ssize i = 0; i < len; i++) o[i] = uint8_t(s[i] - ((uint8_t(s[i] - 'a') < 26) << 5));
        break;
      case kOpSwapcase:
        for (ssize i = 0; i < len; i++) o[i] = uint8_t(s[i] ^ ((uint8_t((s[i] | 0x20) - 'a') < 26) << 5));
        break;
      case kOpCapitalize:
        for (ssize i = 0; i < len; i++) o[i] = uint8_t(s[i] + ((uint8_t(s[i] - 'A') < 26) << 5));
        if (len) o[0] = uint8_t(s[0] - ((uint8_t(s[0] - 'a') < 26) << 5));
        break;
      case kOpTitle: {
        bool prev_cased = false;
        for (ssize i = 0; i < len; i++) {
          uint8_t c = s[i];
          bool alpha = uint8_t((c | 0x20) - 'a') < 26;
          if (alpha) c = prev_cased ? uint8_t(c | 0x20) : uint8_t(c & ~0x20);
          o[i] = c;
          prev_cased = alpha;
        }
        break;
      }
    }
    return r;
  }
  StrBuilder b;
  uint32_t buf[4];
  bool prev_cased = false;
  for (ssize i = 0; i < len; i++) {
    uint32_t c = str_read(kind, d, i);
    int n;
    switch (op) {
      case kOpLower: n = lower_full(self, i, c, buf); break;
      case kOpUpper: n = unicode::to_upper_full(c, buf); break;
      case kOpCasefold: n = unicode::to_fold_full(c, buf); break;
      case kOpSwapcase:
        if (has(c, unicode::kUpper)) n = lower_full(self, i, c, buf);
        else if (has(c, unicode::kLower)) n = unicode::to_upper_full(c, buf);
        else { buf[0] = c; n = 1; }
        break;
      case kOpCapitalize:
        n = i == 0 ? unicode::to_title_full(c, buf) : lower_full(self, i, c, buf);
        break;
      default:  // title
        n = prev_cased ? lower_full(self, i, c, buf) : unicode::to_title_full(c, buf);
        prev_cased = has(c, unicode::kCased);
        break;
    }
    for (int k = 0; k < n; k++) if (!b.append_char(buf[k])) return nullptr;
  }
  return b.finish();
}

static Object* str_lower(Object* s, Object*) { return case_map(s, kOpLower); }
static Object* str_upper(Object* s, Object*) { return case_map(s, kOpUpper); }
static Object* str_title(Object* s, Object*) { return case_map(s, kOpTitle); }
static Object* str_capitalize(Object* s, Object*) { return case_map(s, kOpCapitalize); }
static Object* str_swapcase(Object* s, Object*) { return case_map(s, kOpSwapcase); }
static Object* str_casefold(Object* s, Object*) { return case_map(s, kOpCasefold); }

// ---------------------------------------------------------------------------
// predicates

template <class Pred>
static Object* all_chars(Object* self, Pred p, bool empty_result = false) {
  ssize len = str_length(self);
  if (len == 0) return new_ref(bool_from(empty_result));
  int kind = str_kind(self);
  const void* d = str_data(self);
  for (ssize i = 0; i < len; i++)
    if (!p(str_read(kind, d, i))) return new_ref(False);
  return new_ref(True);
}

static Object* str_isascii(Object* s, Object*) { return new_ref(bool_from(as_str(s)->ascii)); }
static Object* str_isalpha(Object* s, Object*) { return all_chars(s, [](uint32_t c) { return has(c, unicode::kAlpha); }); }
static Object* str_isdecimal(Object* s, Object*) { return all_chars(s, [](uint32_t c) { return has(c, unicode::kDecimal); }); }
static Object* str_isdigit(Object* s, Object*) { return all_chars(s, [](uint32_t c) { return has(c, unicode::kDigit); }); }
static Object* str_isnumeric(Object* s, Object*) { return all_chars(s, [](uint32_t c) { return has(c, unicode::kNumeric); }); }
static Object* str_isspace(Object* s, Object*) { return all_chars(s, [](uint32_t c) { return unicode_is_space(c); }); }
static Object* str_isprintable(Object* s, Object*) {
  return all_chars(s, [](uint32_t c) { return has(c, unicode::kPrintable); }, true);
}
static Object* str_isalnum(Object* s, Object*) {
  return all_chars(s, [](uint32_t c) {
    return has(c, unicode::kAlpha | unicode::kDecimal | unicode::kDigit | unicode::kNumeric);
  });
}

static Object* str_islower(Object* self, Object*) {
  ssize len = str_length(self);
  bool cased = false;
  for (ssize i = 0; i < len; i++) {
    uint32_t c = str_char_at(self, i);
    if (has(c, unicode::kUpper | unicode::kTitle)) return new_ref(False);
    if (!cased && has(c, unicode::kLower)) cased = true;
  }
  return new_ref(bool_from(cased));
}
static Object* str_isupper(Object* self, Object*) {
  ssize len = str_length(self);
  bool cased = false;
  for (ssize i = 0; i < len; i++) {
    uint32_t c = str_char_at(self, i);
    if (has(c, unicode::kLower | unicode::kTitle)) return new_ref(False);
    if (!cased && has(c, unicode::kUpper)) cased = true;
  }
  return new_ref(bool_from(cased));
}
static Object* str_istitle(Object* self, Object*) {
  ssize len = str_length(self);
  bool cased = false, prev_cased = false;
  for (ssize i = 0; i < len; i++) {
    uint32_t c = str_char_at(self, i);
    if (has(c, unicode::kUpper | unicode::kTitle)) {
      if (prev_cased) return new_ref(False);
      prev_cased = cased = true;
    } else if (has(c, unicode::kLower)) {
      if (!prev_cased) return new_ref(False);
      prev_cased = cased = true;
    } else {
      prev_cased = false;
    }
  }
  return new_ref(bool_from(cased));
}
bool str_is_identifier(Object* self) {
  ssize len = str_length(self);
  if (len == 0) return false;
  if (!has(str_char_at(self, 0), unicode::kXidStart)) return false;
  for (ssize i = 1; i < len; i++)
    if (!has(str_char_at(self, i), unicode::kXidContinue)) return false;
  return true;
}
static Object* str_isidentifier(Object* s, Object*) { return new_ref(bool_from(str_is_identifier(s))); }

// ---------------------------------------------------------------------------
// translate / maketrans

static Object* str_translate(Object* self, Object* table) {
  ssize len = str_length(self);
  int kind = str_kind(self);
  const void* d = str_data(self);
  StrBuilder b;
  // Small cache for latin-1 characters: -2 = not cached, -1 = delete/keep handled via objects.
  Object* cache[256] = {nullptr};
  bool cached[256] = {false};
  struct Cleanup {
    Object** c;
    ~Cleanup() { for (int i = 0; i < 256; i++) xdecref(c[i]); }
  } cleanup{cache};
  for (ssize i = 0; i < len; i++) {
    uint32_t c = str_read(kind, d, i);
    Object* v = nullptr;
    Ref<> owned;
    if (c < 256 && cached[c]) {
      v = cache[c];
    } else {
      Ref<> key = steal(int_from_i64(c));
      if (!key) return nullptr;
      owned = steal(object_getitem(table, key.get()));
      if (!owned) {
        if (!err_exception_matches(&exc::LookupError)) return nullptr;
        err_clear();
        if (!b.append_char(c)) return nullptr;
        if (c < 256) { cached[c] = true; cache[c] = nullptr; }
        continue;
      }
      v = owned.get();
      if (c < 256) { cached[c] = true; cache[c] = new_ref(v); }
    }
    if (!v) { if (!b.append_char(c)) return nullptr; continue; }  // cached "keep"
    if (v == None) continue;
    if (int_check(v)) {
      int overflow = 0;
      int64_t x = int_as_i64_overflow(v, &overflow);
      if (overflow || x < 0 || x > 0x10FFFF)
        return err_string(&exc::ValueError, "character mapping must be in range(0x110000)");
      if (!b.append_char(uint32_t(x))) return nullptr;
    } else if (str_check(v)) {
      if (!b.append_str(v)) return nullptr;
    } else {
      return err_string(&exc::TypeError, "character mapping must return integer, None or str");
    }
  }
  return b.finish();
}

static Object* str_maketrans(Object* /*null*/, Object* const* args, ssize nargs) {
  if (!check_arg_count("maketrans", nargs, 1, 3)) return nullptr;
  Ref<> d = steal(dict_new());
  if (!d) return nullptr;
  if (nargs == 1) {
    Object* x = args[0];
    if (!dict_check(x))
      return err_string(&exc::TypeError, "if you give only one argument to maketrans it must be a dict");
    ssize pos = 0;
    Object *k, *v;
    while (dict_next(x, &pos, &k, &v)) {
      if (str_check(k)) {
        if (str_length(k) != 1)
          return err_string(&exc::ValueError, "string keys in translatetable must be of length 1");
        Ref<> ik = steal(int_from_i64(str_char_at(k, 0)));
        if (!ik || dict_setitem(d.get(), ik.get(), v) < 0) return nullptr;
      } else if (int_check(k)) {
        if (dict_setitem(d.get(), k, v) < 0) return nullptr;
      } else {
        return err_string(&exc::TypeError, "keys in translate table mustbe strings or integers");
      }
    }
    return d.release();
  }
  Object* x = args[0];
  Object* y = args[1];
  if (!str_check(x)) return err_string(&exc::TypeError, "first maketrans argument must be a string if there is a second argument");
  if (!need_str(y, "maketrans", 2)) return nullptr;
  if (str_length(x) != str_length(y))
    return err_string(&exc::ValueError, "the first two maketrans arguments must have equal length");
  for (ssize i = 0; i < str_length(x); i++) {
    Ref<> k = steal(int_from_i64(str_char_at(x, i)));
    Ref<> v = steal(int_from_i64(str_char_at(y, i)));
    if (!k || !v || dict_setitem(d.get(), k.get(), v.get()) < 0) return nullptr;
  }
  if (nargs == 3) {
    Object* z = args[2];
    if (!need_str(z, "maketrans", 3)) return nullptr;
    for (ssize i = 0; i < str_length(z); i++) {
      Ref<> k = steal(int_from_i64(str_char_at(z, i)));
      if (!k || dict_setitem(d.get(), k.get(), None) < 0) return nullptr;
    }
  }
  return d.release();
}

// ---------------------------------------------------------------------------
// encode, misc

static Object* str_encode_method(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const names[] = {"encoding", "errors"};
  ArgSpec spec = {"encode", names, 2, 0, 0, 0};
  Object* av[2] = {nullptr, nullptr};
  if (!bind_args(spec, args, nargs, kwnames, av)) return nullptr;
  const char* enc = "utf-8";
  const char* errors = nullptr;
  if (av[0]) {
    if (!str_check(av[0]))
      return err_format(&exc::TypeError, "encode() argument 'encoding' must be str, not %.50s", av[0]->type->tp_name);
    if (!(enc = str_as_utf8(av[0]))) return nullptr;
  }
  if (av[1]) {
    if (!str_check(av[1]))
      return err_format(&exc::TypeError, "encode() argument 'errors' must be str, not %.50s", av[1]->type->tp_name);
    if (!(errors = str_as_utf8(av[1]))) return nullptr;
  }
  return str_encode(self, enc, errors);
}

static Object* str_getnewargs(Object* self, Object*) {
  Ref<> c = steal(str_exact_copy(self));
  if (!c) return nullptr;
  return tuple_pack({c.get()});
}

static Object* str_sizeof(Object* self, Object*) {
  StrObject* o = as_str(self);
  // CPython's layout sizes: PyASCIIObject (40) / PyCompactUnicodeObject (56).
  ssize size;
  if (o->ascii) size = 40 + o->length + 1;
  else {
    size = 56 + (o->length + 1) * o->kind;
    if (o->utf8) size += o->utf8_length + 1;
  }
  return int_from_ssize(size);
}

#define M(name, fn, flags, doc) {name, reinterpret_cast<void*>(fn), flags, doc}
const MethodDef kStrMethods[] = {
    M("encode", str_encode_method, kMethFastcall | kMethKeywords,
      "encode($self, /, encoding='utf-8', errors='strict')\n--\n\nEncode the string using the codec registered for encoding."),
    M("replace", str_replace, kMethFastcall | kMethKeywords,
      "replace($self, old, new, /, count=-1)\n--\n\nReturn a copy with all occurrences of substring old replaced by new."),
    M("split", str_split, kMethFastcall | kMethKeywords,
      "split($self, /, sep=None, maxsplit=-1)\n--\n\nReturn a list of the substrings in the string, using sep as the separator string."),
    M("rsplit", str_rsplit, kMethFastcall | kMethKeywords,
      "rsplit($self, /, sep=None, maxsplit=-1)\n--\n\nReturn a list of the substrings in the string, using sep as the separator string."),
    M("join", str_join_method, kMethO, "join($self, iterable, /)\n--\n\nConcatenate any number of strings."),
    M("capitalize", str_capitalize, kMethNoArgs, "capitalize($self, /)\n--\n\nReturn a capitalized version of the string."),
    M("casefold", str_casefold, kMethNoArgs, "casefold($self, /)\n--\n\nReturn a version of the string suitable for caseless comparisons."),
    M("title", str_title, kMethNoArgs, "title($self, /)\n--\n\nReturn a version of the string where each word is titlecased."),
    M("center", str_center, kMethFastcall, "center($self, width, fillchar=' ', /)\n--\n\nReturn a centered string of length width."),
    M("count", str_count, kMethFastcall, "count($self, sub[, start[, end]], /)\n--\n\nReturn the number of non-overlapping occurrences of substring sub in string S[start:end]."),
    M("expandtabs", str_expandtabs, kMethFastcall | kMethKeywords, "expandtabs($self, /, tabsize=8)\n--\n\nReturn a copy where all tab characters are expanded using spaces."),
    M("find", str_find, kMethFastcall, "find($self, sub[, start[, end]], /)\n--\n\nReturn the lowest index in S where substring sub is found, such that sub is contained within S[start:end]."),
    M("partition", str_partition, kMethO, "partition($self, sep, /)\n--\n\nPartition the string into three parts using the given separator."),
    M("index", str_index, kMethFastcall, "index($self, sub[, start[, end]], /)\n--\n\nReturn the lowest index in S where substring sub is found, such that sub is contained within S[start:end]."),
    M("ljust", str_ljust, kMethFastcall, "ljust($self, width, fillchar=' ', /)\n--\n\nReturn a left-justified string of length width."),
    M("lower", str_lower, kMethNoArgs, "lower($self, /)\n--\n\nReturn a copy of the string converted to lowercase."),
    M("lstrip", str_lstrip, kMethFastcall, "lstrip($self, chars=None, /)\n--\n\nReturn a copy of the string with leading whitespace removed."),
    M("rfind", str_rfind, kMethFastcall, "rfind($self, sub[, start[, end]], /)\n--\n\nReturn the highest index in S where substring sub is found, such that sub is contained within S[start:end]."),
    M("rindex", str_rindex, kMethFastcall, "rindex($self, sub[, start[, end]], /)\n--\n\nReturn the highest index in S where substring sub is found, such that sub is contained within S[start:end]."),
    M("rjust", str_rjust, kMethFastcall, "rjust($self, width, fillchar=' ', /)\n--\n\nReturn a right-justified string of length width."),
    M("rstrip", str_rstrip, kMethFastcall, "rstrip($self, chars=None, /)\n--\n\nReturn a copy of the string with trailing whitespace removed."),
    M("rpartition", str_rpartition, kMethO, "rpartition($self, sep, /)\n--\n\nPartition the string into three parts using the given separator."),
    M("splitlines", str_splitlines, kMethFastcall | kMethKeywords, "splitlines($self, /, keepends=False)\n--\n\nReturn a list of the lines in the string, breaking at line boundaries."),
    M("strip", str_strip, kMethFastcall, "strip($self, chars=None, /)\n--\n\nReturn a copy of the string with leading and trailing whitespace removed."),
    M("swapcase", str_swapcase, kMethNoArgs, "swapcase($self, /)\n--\n\nConvert uppercase characters to lowercase and lowercase characters to uppercase."),
    M("translate", str_translate, kMethO, "translate($self, table, /)\n--\n\nReplace each character in the string using the given translation table."),
    M("upper", str_upper, kMethNoArgs, "upper($self, /)\n--\n\nReturn a copy of the string converted to uppercase."),
    M("startswith", str_startswith, kMethFastcall, "startswith($self, prefix[, start[, end]], /)\n--\n\nReturn True if the string starts with the specified prefix, False otherwise."),
    M("endswith", str_endswith, kMethFastcall, "endswith($self, suffix[, start[, end]], /)\n--\n\nReturn True if the string ends with the specified suffix, False otherwise."),
    M("removeprefix", str_removeprefix, kMethO, "removeprefix($self, prefix, /)\n--\n\nReturn a str with the given prefix string removed if present."),
    M("removesuffix", str_removesuffix, kMethO, "removesuffix($self, suffix, /)\n--\n\nReturn a str with the given suffix string removed if present."),
    M("isascii", str_isascii, kMethNoArgs, "isascii($self, /)\n--\n\nReturn True if all characters in the string are ASCII, False otherwise."),
    M("islower", str_islower, kMethNoArgs, "islower($self, /)\n--\n\nReturn True if the string is a lowercase string, False otherwise."),
    M("isupper", str_isupper, kMethNoArgs, "isupper($self, /)\n--\n\nReturn True if the string is an uppercase string, False otherwise."),
    M("istitle", str_istitle, kMethNoArgs, "istitle($self, /)\n--\n\nReturn True if the string is a title-cased string, False otherwise."),
    M("isspace", str_isspace, kMethNoArgs, "isspace($self, /)\n--\n\nReturn True if the string is a whitespace string, False otherwise."),
    M("isdecimal", str_isdecimal, kMethNoArgs, "isdecimal($self, /)\n--\n\nReturn True if the string is a decimal string, False otherwise."),
    M("isdigit", str_isdigit, kMethNoArgs, "isdigit($self, /)\n--\n\nReturn True if the string is a digit string, False otherwise."),
    M("isnumeric", str_isnumeric, kMethNoArgs, "isnumeric($self, /)\n--\n\nReturn True if the string is a numeric string, False otherwise."),
    M("isalpha", str_isalpha, kMethNoArgs, "isalpha($self, /)\n--\n\nReturn True if the string is an alphabetic string, False otherwise."),
    M("isalnum", str_isalnum, kMethNoArgs, "isalnum($self, /)\n--\n\nReturn True if the string is an alpha-numeric string, False otherwise."),
    M("isidentifier", str_isidentifier, kMethNoArgs, "isidentifier($self, /)\n--\n\nReturn True if the string is a valid Python identifier, False otherwise."),
    M("isprintable", str_isprintable, kMethNoArgs, "isprintable($self, /)\n--\n\nReturn True if all characters in the string are printable, False otherwise."),
    M("zfill", str_zfill, kMethO, "zfill($self, width, /)\n--\n\nPad a numeric string with zeros on the left, to fill a field of the given width."),
    M("format", str_format_method, kMethFastcall | kMethKeywords, "format(self, /, *args, **kwargs)\n--\n\nReturn a formatted version of the string, using substitutions from args and kwargs.\nThe substitutions are identified by braces ('{' and '}')."),
    M("format_map", str_format_map_method, kMethO, "format_map(self, mapping, /)\n--\n\nReturn a formatted version of the string, using substitutions from mapping.\nThe substitutions are identified by braces ('{' and '}')."),
    M("__format__", str_dunder_format, kMethO, "__format__($self, format_spec, /)\n--\n\nReturn a formatted version of the string as described by format_spec."),
    M("maketrans", str_maketrans, kMethFastcall | kMethStatic, "maketrans(x, y=<unrepresentable>, z=<unrepresentable>, /)\n--\n\nReturn a translation table usable for str.translate()."),
    M("__sizeof__", str_sizeof, kMethNoArgs, "__sizeof__($self, /)\n--\n\nReturn the size of the string in memory, in bytes."),
    M("__getnewargs__", str_getnewargs, kMethNoArgs, nullptr),
    {nullptr, nullptr, 0, nullptr},
};
#undef M

}  // namespace pyxx
