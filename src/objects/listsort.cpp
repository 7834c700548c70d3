// list.sort(key=None, reverse=False): a stable natural merge sort (runs
// found and extended by binary insertion, merged with a timsort-style run
// stack). Observable rules follow CPython: keys computed once per item,
// only `<` is used, reverse keeps stability, the list appears empty while
// sorting and "list modified during sort" is detected afterwards.
#include <algorithm>
#include <cstring>
#include "core/alloc.h"
#include "objects/container_util.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"

namespace pyxx {

namespace {

struct KV {
  Object* k;
  Object* v;
};

enum class CmpKind { Generic, Int, Float, Str, Tuple };

// Exact str / compact int / float pairs compare without side effects, so they
// can skip the rich-comparison machinery; -2 = not such a pair.
PYXX_ALWAYS_INLINE int builtin_cmp(Object* a, Object* b, int op) {
  Type* t = a->type;
  if (t != b->type) return -2;
  if (t == &StrType) {
    if (op == kEQ) return a == b || str_eq(a, b);
    return str_compare(a, b) < 0;
  }
  if (t == &IntType && int_is_compact(a) && int_is_compact(b)) {
    int64_t x = int_compact_value(a), y = int_compact_value(b);
    return op == kEQ ? x == y : x < y;
  }
  if (t == &FloatType) {
    double x = float_value(a), y = float_value(b);
    return op == kEQ ? (a == b || x == y) : x < y;  // identity first, as RichCompareBool
  }
  return -2;
}

PYXX_ALWAYS_INLINE int rich_bool(Object* a, Object* b, int op) {
  int r = builtin_cmp(a, b, op);
  return r != -2 ? r : object_richcompare_bool(a, b, op);
}

struct Sorter {
  CmpKind kind = CmpKind::Generic;
  CmpKind elem_kind = CmpKind::Generic;  // first items of Tuple keys

  // CPython's unsafe_tuple_compare: keys are non-empty exact tuples; the
  // first items share elem_kind. Same comparisons (==, then <) as tuple's
  // richcompare, minus the dispatch.
  int tuple_lt(Object* v, Object* w) {
    ssize vlen = tuple_size(v), wlen = tuple_size(w);
    Object** vi = tuple_items(v);
    Object** wi = tuple_items(w);
    ssize i = 0;
    if (elem_kind != CmpKind::Generic) {
      int eq;
      switch (elem_kind) {
        case CmpKind::Int: eq = int_compact_value(vi[0]) == int_compact_value(wi[0]); break;
        case CmpKind::Float: eq = vi[0] == wi[0] || float_value(vi[0]) == float_value(wi[0]); break;
        default: eq = vi[0] == wi[0] || str_eq(vi[0], wi[0]); break;
      }
      if (!eq) {
        switch (elem_kind) {
          case CmpKind::Int: return int_compact_value(vi[0]) < int_compact_value(wi[0]);
          case CmpKind::Float: return float_value(vi[0]) < float_value(wi[0]);
          default: return str_compare(vi[0], wi[0]) < 0;
        }
      }
      i = 1;
    }
    for (; i < vlen && i < wlen; i++) {
      if (vi[i] == wi[i]) continue;
      int k = rich_bool(vi[i], wi[i], kEQ);
      if (k < 0) return -1;
      if (!k) break;
    }
    if (i >= vlen || i >= wlen) return vlen < wlen;
    return rich_bool(vi[i], wi[i], kLT);
  }
  KV* tmp = nullptr;
  ssize tmp_cap = 0;

  ~Sorter() { if (tmp) mem_free(tmp); }

  // 1 if a < b, 0 if not, -1 on error.
  PYXX_ALWAYS_INLINE int lt(Object* a, Object* b) {
    switch (kind) {
      case CmpKind::Int: return int_compact_value(a) < int_compact_value(b);
      case CmpKind::Float: return float_value(a) < float_value(b);
      case CmpKind::Str: return str_compare(a, b) < 0;
      case CmpKind::Tuple: return tuple_lt(a, b);
      default: return object_richcompare_bool(a, b, kLT);
    }
  }

  bool ensure_tmp(ssize n) {
    if (n <= tmp_cap) return true;
    KV* p = static_cast<KV*>(mem_realloc(tmp, size_t(n) * sizeof(KV)));
    if (!p) { err_no_memory(); return false; }
    tmp = p;
    tmp_cap = n;
    return true;
  }

  // Sorts a[lo:hi] where a[lo:start] is already sorted.
  int binary_insertion(KV* a, ssize hi, ssize start) {
    for (ssize i = start; i < hi; ++i) {
      KV pivot = a[i];
      ssize l = 0, r = i;
      while (l < r) {
        ssize m = l + ((r - l) >> 1);
        int c = lt(pivot.k, a[m].k);
        if (c < 0) return -1;
        if (c) r = m; else l = m + 1;
      }
      std::memmove(a + l + 1, a + l, size_t(i - l) * sizeof(KV));
      a[l] = pivot;
    }
    return 0;
  }

  // Length of the run starting at lo (CPython 3.14's count_run): a
  // non-descending run, or a descending run (with runs of equal keys kept
  // stable) that is reversed in place and may then extend ascending.
  ssize count_run(KV* lo, ssize nremaining) {
    ssize n;
    int c;
    for (n = 1; n < nremaining; ++n) {
      if ((c = lt(lo[n].k, lo[n - 1].k)) < 0) return -1;
      if (c) break;
    }
    if (n == nremaining) return n;
    if (n > 1) {
      if ((c = lt(lo[0].k, lo[n - 1].k)) < 0) return -1;
      if (c) return n;
      std::reverse(lo, lo + n);  // an all-equal prefix of a descending run
    }
    ++n;
    ssize neq = 0;
    auto reverse_last_neq = [&] {
      if (neq) {
        ++neq;
        std::reverse(lo + n - neq, lo + n);
        neq = 0;
      }
    };
    for (; n < nremaining; ++n) {
      if ((c = lt(lo[n].k, lo[n - 1].k)) < 0) return -1;
      if (c) {
        reverse_last_neq();
      } else {
        if ((c = lt(lo[n - 1].k, lo[n].k)) < 0) return -1;
        if (c) break;
        ++neq;
      }
    }
    reverse_last_neq();
    std::reverse(lo, lo + n);
    for (; n < nremaining; ++n) {
      if ((c = lt(lo[n].k, lo[n - 1].k)) < 0) return -1;
      if (c) break;
    }
    return n;
  }

  // ---- timsort merging (listsort.txt): galloping merges on a powersort run stack ----

  static constexpr ssize kMinGallop = 7;
  ssize min_gallop = kMinGallop;
  KV* base = nullptr;  // start of the whole array (for run positions)
  ssize listlen = 0;
  struct Run { ssize base, len; int power; };
  Run pending[90];
  int npending = 0;

  // Position in sorted a[0:n] where key belongs, left of equal elements.
  ssize gallop_left(Object* key, KV* a, ssize n, ssize hint) {
    ssize ofs = 1, lastofs = 0, k;
    int c;
    if ((c = lt(a[hint].k, key)) < 0) return -1;
    if (c) {
      // a[hint] < key: gallop right until a[hint+lastofs] < key <= a[hint+ofs]
      ssize maxofs = n - hint;
      while (ofs < maxofs) {
        if ((c = lt(a[hint + ofs].k, key)) < 0) return -1;
        if (!c) break;
        lastofs = ofs;
        ofs = (ofs << 1) + 1;
      }
      if (ofs > maxofs) ofs = maxofs;
      lastofs += hint;
      ofs += hint;
    } else {
      // key <= a[hint]: gallop left until a[hint-ofs] < key <= a[hint-lastofs]
      ssize maxofs = hint + 1;
      while (ofs < maxofs) {
        if ((c = lt(a[hint - ofs].k, key)) < 0) return -1;
        if (c) break;
        lastofs = ofs;
        ofs = (ofs << 1) + 1;
      }
      if (ofs > maxofs) ofs = maxofs;
      k = lastofs;
      lastofs = hint - ofs;
      ofs = hint - k;
    }
    ++lastofs;
    while (lastofs < ofs) {
      ssize m = lastofs + ((ofs - lastofs) >> 1);
      if ((c = lt(a[m].k, key)) < 0) return -1;
      if (c) lastofs = m + 1;
      else ofs = m;
    }
    return ofs;
  }

  // Position in sorted a[0:n] where key belongs, right of equal elements.
  ssize gallop_right(Object* key, KV* a, ssize n, ssize hint) {
    ssize ofs = 1, lastofs = 0, k;
    int c;
    if ((c = lt(key, a[hint].k)) < 0) return -1;
    if (c) {
      // key < a[hint]: gallop left until a[hint-ofs] <= key < a[hint-lastofs]
      ssize maxofs = hint + 1;
      while (ofs < maxofs) {
        if ((c = lt(key, a[hint - ofs].k)) < 0) return -1;
        if (!c) break;
        lastofs = ofs;
        ofs = (ofs << 1) + 1;
      }
      if (ofs > maxofs) ofs = maxofs;
      k = lastofs;
      lastofs = hint - ofs;
      ofs = hint - k;
    } else {
      // a[hint] <= key: gallop right until a[hint+lastofs] <= key < a[hint+ofs]
      ssize maxofs = n - hint;
      while (ofs < maxofs) {
        if ((c = lt(key, a[hint + ofs].k)) < 0) return -1;
        if (c) break;
        lastofs = ofs;
        ofs = (ofs << 1) + 1;
      }
      if (ofs > maxofs) ofs = maxofs;
      lastofs += hint;
      ofs += hint;
    }
    ++lastofs;
    while (lastofs < ofs) {
      ssize m = lastofs + ((ofs - lastofs) >> 1);
      if ((c = lt(key, a[m].k)) < 0) return -1;
      if (c) ofs = m;
      else lastofs = m + 1;
    }
    return ofs;
  }

  // Merges a[0:na] and b[0:nb] (b == a + na), na <= nb, a[0] known > b[0] is not required.
  int merge_lo(KV* pa, ssize na, KV* pb, ssize nb) {
    if (!ensure_tmp(na)) return -1;
    std::memcpy(tmp, pa, size_t(na) * sizeof(KV));
    KV* dest = pa;
    KV* a = tmp;
    KV* b = pb;
    int result = -1;
    ssize mg = min_gallop;
    *dest++ = *b++;
    --nb;
    if (nb == 0) goto succeed;
    if (na == 1) goto copy_b;
    for (;;) {
      ssize acount = 0, bcount = 0;
      for (;;) {
        int c = lt(b->k, a->k);
        if (c < 0) goto fail;
        if (c) {
          *dest++ = *b++;
          ++bcount;
          acount = 0;
          if (--nb == 0) goto succeed;
          if (bcount >= mg) break;
        } else {
          *dest++ = *a++;
          ++acount;
          bcount = 0;
          if (--na == 1) goto copy_b;
          if (acount >= mg) break;
        }
      }
      ++mg;
      do {
        mg -= mg > 1;
        min_gallop = mg;
        ssize k = gallop_right(b->k, a, na, 0);
        acount = k;
        if (k) {
          if (k < 0) goto fail;
          std::memcpy(dest, a, size_t(k) * sizeof(KV));
          dest += k;
          a += k;
          na -= k;
          if (na == 1) goto copy_b;
          if (na == 0) goto succeed;
        }
        *dest++ = *b++;
        if (--nb == 0) goto succeed;
        k = gallop_left(a->k, b, nb, 0);
        bcount = k;
        if (k) {
          if (k < 0) goto fail;
          std::memmove(dest, b, size_t(k) * sizeof(KV));
          dest += k;
          b += k;
          nb -= k;
          if (nb == 0) goto succeed;
        }
        *dest++ = *a++;
        if (--na == 1) goto copy_b;
      } while (acount >= kMinGallop || bcount >= kMinGallop);
      ++mg;
      min_gallop = mg;
    }
  succeed:
    result = 0;
  fail:
    if (na) std::memcpy(dest, a, size_t(na) * sizeof(KV));
    return result;
  copy_b:
    // The last element of a belongs at the end of the merge.
    std::memmove(dest, b, size_t(nb) * sizeof(KV));
    dest[nb] = *a;
    return 0;
  }

  // Merges a[0:na] and b[0:nb] (b == a + na), na > nb, working from the right.
  int merge_hi(KV* pa, ssize na, KV* pb, ssize nb) {
    if (!ensure_tmp(nb)) return -1;
    std::memcpy(tmp, pb, size_t(nb) * sizeof(KV));
    KV* dest = pb + nb - 1;
    KV* basea = pa;
    KV* baseb = tmp;
    KV* b = tmp + nb - 1;
    KV* a = pa + na - 1;
    int result = -1;
    ssize mg = min_gallop;
    *dest-- = *a--;
    --na;
    if (na == 0) goto succeed;
    if (nb == 1) goto copy_a;
    for (;;) {
      ssize acount = 0, bcount = 0;
      for (;;) {
        int c = lt(b->k, a->k);
        if (c < 0) goto fail;
        if (c) {
          *dest-- = *a--;
          ++acount;
          bcount = 0;
          if (--na == 0) goto succeed;
          if (acount >= mg) break;
        } else {
          *dest-- = *b--;
          ++bcount;
          acount = 0;
          if (--nb == 1) goto copy_a;
          if (bcount >= mg) break;
        }
      }
      ++mg;
      do {
        mg -= mg > 1;
        min_gallop = mg;
        ssize k = gallop_right(b->k, basea, na, na - 1);
        if (k < 0) goto fail;
        k = na - k;
        acount = k;
        if (k) {
          dest -= k;
          a -= k;
          std::memmove(dest + 1, a + 1, size_t(k) * sizeof(KV));
          na -= k;
          if (na == 0) goto succeed;
        }
        *dest-- = *b--;
        if (--nb == 1) goto copy_a;
        k = gallop_left(a->k, baseb, nb, nb - 1);
        if (k < 0) goto fail;
        k = nb - k;
        bcount = k;
        if (k) {
          dest -= k;
          b -= k;
          std::memcpy(dest + 1, b + 1, size_t(k) * sizeof(KV));
          nb -= k;
          if (nb == 1) goto copy_a;
          if (nb == 0) goto succeed;
        }
        *dest-- = *a--;
        if (--na == 0) goto succeed;
      } while (acount >= kMinGallop || bcount >= kMinGallop);
      ++mg;
      min_gallop = mg;
    }
  succeed:
    result = 0;
  fail:
    if (nb) std::memcpy(dest - (nb - 1), baseb, size_t(nb) * sizeof(KV));
    return result;
  copy_a:
    // The first element of b belongs at the front of the merge.
    dest -= na;
    a -= na;
    std::memmove(dest + 1, a + 1, size_t(na) * sizeof(KV));
    *dest = *b;
    return 0;
  }

  int merge_at(int i) {
    KV* pa = base + pending[i].base;
    ssize na = pending[i].len;
    KV* pb = base + pending[i + 1].base;
    ssize nb = pending[i + 1].len;
    pending[i].len = na + nb;
    if (i == npending - 3) pending[i + 1] = pending[i + 2];
    --npending;
    // Elements of a already in place before b's first element can be skipped.
    ssize k = gallop_right(pb->k, pa, na, 0);
    if (k < 0) return -1;
    pa += k;
    na -= k;
    if (na == 0) return 0;
    // Elements of b already in place after a's last element can be skipped.
    nb = gallop_left(pa[na - 1].k, pb, nb, nb - 1);
    if (nb <= 0) return int(nb);
    return na <= nb ? merge_lo(pa, na, pb, nb) : merge_hi(pa, na, pb, nb);
  }

  // Powersort's node power of the boundary between runs [s1, s1+n1) and [s1+n1, s1+n1+n2).
  int powerloop(ssize s1, ssize n1, ssize n2) {
    int result = 0;
    ssize n = listlen;
    ssize a = 2 * s1 + n1;
    ssize b = a + n1 + n2;
    for (;;) {
      ++result;
      if (a >= n) {
        a -= n;
        b -= n;
      } else if (b >= n) {
        break;
      }
      a <<= 1;
      b <<= 1;
    }
    return result;
  }

  int found_new_run(ssize n2) {
    if (npending) {
      ssize s1 = pending[npending - 1].base;
      ssize n1 = pending[npending - 1].len;
      int power = powerloop(s1, n1, n2);
      while (npending > 1 && pending[npending - 2].power > power)
        if (merge_at(npending - 2) < 0) return -1;
      pending[npending - 1].power = power;
    }
    return 0;
  }

  int sort(KV* a, ssize n) {
    if (n < 2) return 0;
    base = a;
    listlen = n;
    ssize minrun;
    {
      ssize r = 0, m = n;
      while (m >= 64) { r |= m & 1; m >>= 1; }
      minrun = m + r;
    }
    ssize lo = 0;
    while (lo < n) {
      ssize remaining = n - lo;
      ssize len = count_run(a + lo, remaining);
      if (len < 0) return -1;
      if (len < minrun) {
        ssize force = remaining <= minrun ? remaining : minrun;
        if (binary_insertion(a + lo, force, len) < 0) return -1;
        len = force;
      }
      if (found_new_run(len) < 0) return -1;
      pending[npending++] = {lo, len, 0};
      lo += len;
    }
    while (npending > 1) {
      int k = npending - 2;
      if (k > 0 && pending[k - 1].len < pending[k + 1].len) --k;
      if (merge_at(k) < 0) return -1;
    }
    return 0;
  }
};

CmpKind pick_kind(KV* a, ssize n) {
  if (n == 0) return CmpKind::Generic;
  Type* t = a[0].k->type;
  for (ssize i = 1; i < n; ++i)
    if (a[i].k->type != t) return CmpKind::Generic;
  if (t == &IntType) {
    for (ssize i = 0; i < n; ++i)
      if (!int_is_compact(a[i].k)) return CmpKind::Generic;
    return CmpKind::Int;
  }
  if (t == &FloatType) return CmpKind::Float;
  if (t == &StrType) return CmpKind::Str;
  if (t == &TupleType) {
    for (ssize i = 0; i < n; ++i)
      if (tuple_size(a[i].k) == 0) return CmpKind::Generic;
    return CmpKind::Tuple;
  }
  return CmpKind::Generic;
}

// Kind of the first items of the (non-empty, exact) tuple keys.
CmpKind pick_elem_kind(KV* a, ssize n) {
  Type* t = tuple_get(a[0].k, 0)->type;
  for (ssize i = 1; i < n; ++i)
    if (tuple_get(a[i].k, 0)->type != t) return CmpKind::Generic;
  if (t == &IntType) {
    for (ssize i = 0; i < n; ++i)
      if (!int_is_compact(tuple_get(a[i].k, 0))) return CmpKind::Generic;
    return CmpKind::Int;
  }
  if (t == &FloatType) return CmpKind::Float;
  if (t == &StrType) return CmpKind::Str;
  return CmpKind::Generic;
}

}  // namespace

Object* list_sort_impl(Object* self, Object* keyfunc, int reverse) {
  auto* l = static_cast<ListObject*>(self);
  // The list looks empty while sorting so mutations can be detected.
  ssize saved_size = l->size;
  Object** saved_items = l->items;
  ssize saved_allocated = l->allocated;
  l->size = 0;
  l->items = nullptr;
  l->allocated = -1;

  ssize n = saved_size;
  Object* result = nullptr;
  KV* kv = nullptr;
  ssize nkeys = 0;  // keys computed so far (owned when keyfunc)
  if (n > 1 || keyfunc) {
    kv = static_cast<KV*>(mem_alloc(size_t(n ? n : 1) * sizeof(KV)));
    if (!kv) { err_no_memory(); goto restore; }
    for (ssize i = 0; i < n; ++i) {
      Object* v = saved_items[i];
      Object* k = v;
      if (keyfunc) {
        k = call_one_arg(keyfunc, v);
        if (!k) goto restore;
      }
      kv[i] = {k, v};
      ++nkeys;
    }
    if (reverse && n > 1) std::reverse(kv, kv + n);
    {
      Sorter s;
      s.kind = pick_kind(kv, n);
      if (s.kind == CmpKind::Tuple) s.elem_kind = pick_elem_kind(kv, n);
      int r = s.sort(kv, n);
      if (reverse && n > 1) std::reverse(kv, kv + n);
      for (ssize i = 0; i < n; ++i) saved_items[i] = kv[i].v;
      if (r < 0) goto restore;
    }
  }
  result = None;

restore:
  if (kv) {
    if (keyfunc)
      for (ssize i = 0; i < nkeys; ++i) decref(kv[i].k);
    mem_free(kv);
  }
  if (l->allocated != -1 && result != nullptr) {
    err_set_string(&exc::ValueError, "list modified during sort");
    result = nullptr;
  }
  Object** final_items = l->items;
  ssize final_size = l->size;
  l->size = saved_size;
  l->items = saved_items;
  l->allocated = saved_allocated;
  if (final_items) {
    while (--final_size >= 0) xdecref(final_items[final_size]);
    mem_free(final_items);
  }
  return result ? new_ref(result) : nullptr;
}

}  // namespace pyxx
