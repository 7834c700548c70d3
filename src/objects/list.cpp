// list, list_iterator and list_reverseiterator (CPython's listobject.c
// behaviour): over-allocation pattern of list_resize, slice assignment,
// messages. The sort lives in listsort.cpp.
#include "objects/genericalias.h"  // genericalias area: __class_getitem__
#include "objects/list.h"
#include <cstring>
#include "core/alloc.h"
#include "core/state.h"
#include "objects/container_util.h"
#include "objects/int.h"
#include "objects/range.h"
#include "objects/singletons.h"
#include "objects/tuple.h"
#include "runtime/args.h"

namespace pyxx {

Type ListType, ListIterType, ListRevIterType;

// Declared in listsort.cpp.
Object* list_sort_impl(Object* self, Object* keyfunc, int reverse);

namespace {

PYXX_ALWAYS_INLINE ListObject* L(Object* o) { return static_cast<ListObject*>(o); }

// CPython's list_resize growth pattern: 0, 4, 8, 16, 24, 32, 40, 52, 64, 76, ...
int list_resize(ListObject* self, ssize newsize) {
  ssize allocated = self->allocated;
  // CPython 3.14 keeps small arrays (at most 32 slots) when shrinking; larger
  // ones are reallocated once the size drops below half (observed behaviour).
  if (allocated >= newsize && (newsize >= (allocated >> 1) || (allocated <= 32 && newsize > 0))) {
    self->size = newsize;
    return 0;
  }
  size_t new_allocated = (size_t(newsize) + (size_t(newsize) >> 3) + 6) & ~size_t(3);
  if (newsize - self->size > ssize(new_allocated - newsize)) new_allocated = (size_t(newsize) + 3) & ~size_t(3);
  if (newsize == 0) new_allocated = 0;
  Object** items;
  if (new_allocated == 0) {
    mem_free(self->items);
    items = nullptr;
  } else {
    if (new_allocated > size_t(kSsizeMax) / sizeof(Object*)) { err_no_memory(); return -1; }
    items = static_cast<Object**>(mem_realloc(self->items, new_allocated * sizeof(Object*)));
    if (!items) { err_no_memory(); return -1; }
  }
  self->items = items;
  self->size = newsize;
  self->allocated = ssize(new_allocated);
  return 0;
}

// Exact preallocation for an empty list (rounded up to even, as CPython 3.12+).
int list_preallocate_exact(ListObject* self, ssize size) {
  size = (size + 1) & ~ssize(1);
  if (size_t(size) > size_t(kSsizeMax) / sizeof(Object*)) { err_no_memory(); return -1; }
  auto** items = static_cast<Object**>(mem_alloc(size_t(size) * sizeof(Object*)));
  if (!items) { err_no_memory(); return -1; }
  self->items = items;
  self->allocated = size;
  return 0;
}

PYXX_NOINLINE int app1(ListObject* self, Object* steal) {
  ssize n = self->size;
  if (list_resize(self, n + 1) < 0) { decref(steal); return -1; }
  self->items[n] = steal;
  return 0;
}

}  // namespace

Object* list_new(ssize n) {
  if (n < 0) return err_bad_internal_call("list_new");
  auto* l = static_cast<ListObject*>(object_alloc(&ListType, sizeof(ListObject)));
  if (!l) return nullptr;
  l->size = n;
  l->allocated = n;
  l->items = nullptr;
  if (n > 0) {
    if (size_t(n) > size_t(kSsizeMax) / sizeof(Object*)) { l->size = 0; l->allocated = 0; decref(l); return err_no_memory(); }
    l->items = static_cast<Object**>(mem_calloc(size_t(n), sizeof(Object*)));
    if (!l->items) { l->size = 0; l->allocated = 0; decref(l); return err_no_memory(); }
  }
  gc_track(l);
  return l;
}

int list_append(Object* l, Object* item) {
  ListObject* self = L(l);
  ssize n = self->size;
  incref(item);
  if (PYXX_LIKELY(n < self->allocated)) {
    self->items[n] = item;
    self->size = n + 1;
    return 0;
  }
  return app1(self, item);
}

int list_append_steal(Object* l, Object* item) {
  ListObject* self = L(l);
  ssize n = self->size;
  if (PYXX_LIKELY(n < self->allocated)) {
    self->items[n] = item;
    self->size = n + 1;
    return 0;
  }
  return app1(self, item);
}

int list_insert(Object* l, ssize where, Object* v) {
  ListObject* self = L(l);
  ssize n = self->size;
  if (list_resize(self, n + 1) < 0) return -1;
  if (where < 0) { where += n; if (where < 0) where = 0; }
  if (where > n) where = n;
  Object** items = self->items;
  std::memmove(items + where + 1, items + where, size_t(n - where) * sizeof(Object*));
  items[where] = new_ref(v);
  return 0;
}

Object* list_from_array(Object* const* src, ssize n) {
  Object* l = list_new(n);
  if (!l) return nullptr;
  Object** dst = list_items(l);
  for (ssize i = 0; i < n; ++i) dst[i] = new_ref(src[i]);
  return l;
}

Object* list_as_tuple(Object* l) { return tuple_from_array(list_items(l), list_size(l)); }

int list_reverse(Object* l) {
  ssize n = list_size(l);
  Object** lo = list_items(l);
  Object** hi = lo + n - 1;
  while (n > 1 && lo < hi) { Object* t = *lo; *lo++ = *hi; *hi-- = t; }
  return 0;
}

namespace {

// Extends from a list or tuple (possibly self).
int list_extend_fast(ListObject* self, Object* seq) {
  ssize n = list_check(seq) ? list_size(seq) : tuple_size(seq);
  if (n == 0) return 0;
  ssize m = self->size;
  if (self->items == nullptr) {
    if (list_preallocate_exact(self, n) < 0) return -1;
    self->size = n;
  } else if (list_resize(self, m + n) < 0) {
    return -1;
  }
  Object** src = list_check(seq) ? list_items(seq) : tuple_items(seq);
  Object** dst = self->items + m;
  for (ssize i = 0; i < n; ++i) dst[i] = new_ref(src[i]);
  return 0;
}

int list_extend_iter(ListObject* self, Object* iterable) {
  Object* it = object_get_iter(iterable);
  if (!it) return -1;
  IterNextFunc next = it->type->tp_iternext;
  ssize n = object_length_hint(iterable, 8);
  if (n < 0) { decref(it); return -1; }
  ssize m = self->size;
  if (m > kSsizeMax - n) {
    // overflow: let append fail naturally
  } else if (self->items == nullptr) {
    if (n && list_preallocate_exact(self, n) < 0) { decref(it); return -1; }
  } else {
    if (list_resize(self, m + n) < 0) { decref(it); return -1; }
    self->size = m;
  }
  for (;;) {
    Object* item = next(it);
    if (!item) {
      if (err_occurred()) {
        if (err_exception_matches(&exc::StopIteration)) err_clear();
        else { decref(it); return -1; }
      }
      break;
    }
    if (self->size < self->allocated) {
      self->items[self->size] = item;
      self->size += 1;
    } else if (app1(self, item) < 0) {
      decref(it);
      return -1;
    }
  }
  if (self->size < self->allocated && list_resize(self, self->size) < 0) { decref(it); return -1; }
  decref(it);
  return 0;
}

}  // namespace

int list_extend(Object* l, Object* iterable) {
  ListObject* self = L(l);
  if (list_check_exact(iterable) || tuple_check_exact(iterable) || l == iterable) {
    if (l == iterable) {
      // Copy first: extending a list by itself.
      Object* copy = list_from_array(list_items(iterable), list_size(iterable));
      if (!copy) return -1;
      int r = list_extend_fast(self, copy);
      decref(copy);
      return r;
    }
    return list_extend_fast(self, iterable);
  }
  return list_extend_iter(self, iterable);
}

int list_sort(Object* l) {
  Object* r = list_sort_impl(l, nullptr, 0);
  if (!r) return -1;
  decref(r);
  return 0;
}

namespace {

// Returns a new reference to a list or tuple with the items of v (PySequence_Fast).
Object* sequence_fast(Object* v, const char* msg) {
  if (list_check_exact(v) || tuple_check_exact(v)) return new_ref(v);
  Object* it = object_get_iter(v);
  if (!it) {
    if (err_exception_matches(&exc::TypeError)) err_set_string(&exc::TypeError, msg);
    return nullptr;
  }
  Object* l = list_new(0);
  if (!l) { decref(it); return nullptr; }
  int r = list_extend_iter(L(l), it);
  decref(it);
  if (r < 0) { decref(l); return nullptr; }
  return l;
}
PYXX_ALWAYS_INLINE ssize fast_size(Object* s) { return list_check(s) ? list_size(s) : tuple_size(s); }
PYXX_ALWAYS_INLINE Object** fast_items(Object* s) { return list_check(s) ? list_items(s) : tuple_items(s); }

int list_clear_impl(ListObject* a) {
  Object** items = a->items;
  if (!items) return 0;
  ssize i = a->size;
  a->items = nullptr;
  a->size = 0;
  a->allocated = 0;
  while (--i >= 0) xdecref(items[i]);
  mem_free(items);
  return 0;
}

void list_dealloc(Object* op) {
  ListObject* self = L(op);
  gc_untrack(op);
  Type* tp = op->type;
  bool exact = tp == &ListType;
  if (exact && !trash_begin(op)) return;
  if (self->items) {
    for (ssize i = self->size; --i >= 0;) xdecref(self->items[i]);
    mem_free(self->items);
  }
  if (tp->tp_free && !exact) tp->tp_free(op);
  else object_free(op);
  if (exact) trash_end();
}

int list_traverse(Object* op, VisitProc visit, void* arg) {
  ListObject* self = L(op);
  for (ssize i = self->size; --i >= 0;)
    if (self->items[i]) if (int r = visit(self->items[i], arg)) return r;
  return 0;
}

int list_tp_clear(Object* op) { return list_clear_impl(L(op)); }

Object* list_repr(Object* self) {
  if (list_size(self) == 0) return str_from_cstr("[]");
  int st = repr_enter(self);
  if (st != 0) return st > 0 ? str_from_cstr("[...]") : nullptr;
  StrBuilder b;
  Object* result = nullptr;
  if (!b.append_ascii("[")) goto done;
  // The list may change while reprs run: re-read the size each time.
  for (ssize i = 0; i < list_size(self); ++i) {
    if (i > 0 && !b.append_ascii(", ")) goto done;
    Object* item = new_ref(list_get(self, i));
    if (enter_recursive_call(" while getting the repr of an object") < 0) { decref(item); goto done; }
    Object* r = object_repr(item);
    leave_recursive_call();
    decref(item);
    if (!r) goto done;
    bool ok = b.append_str(r);
    decref(r);
    if (!ok) goto done;
  }
  if (!b.append_ascii("]")) goto done;
  result = b.finish();
done:
  repr_leave(self);
  return result;
}

ssize list_length(Object* self) { return list_size(self); }

int list_contains(Object* self, Object* el) {
  for (ssize i = 0; i < list_size(self); ++i) {
    Object* item = new_ref(list_get(self, i));
    int c = object_richcompare_bool(item, el, kEQ);
    decref(item);
    if (c != 0) return c;
  }
  return 0;
}

Object* list_item(Object* self, ssize i) {
  if (size_t(i) >= size_t(list_size(self))) return err_string(&exc::IndexError, "list index out of range");
  return new_ref(list_get(self, i));
}

Object* list_slice(Object* a, ssize lo, ssize hi) {
  ssize len = hi - lo;
  if (len <= 0) return list_new(0);
  return list_from_array(list_items(a) + lo, len);
}

Object* list_concat(Object* a, Object* b) {
  if (!list_check(b))
    return err_format(&exc::TypeError, "can only concatenate list (not \"%.200s\") to list", b->type->tp_name);
  ssize na = list_size(a), nb = list_size(b);
  if (na > kSsizeMax - nb) return err_no_memory();
  Object* r = list_new(na + nb);
  if (!r) return nullptr;
  Object** dst = list_items(r);
  for (ssize i = 0; i < na; ++i) dst[i] = new_ref(list_get(a, i));
  for (ssize i = 0; i < nb; ++i) dst[na + i] = new_ref(list_get(b, i));
  return r;
}

Object* list_repeat(Object* a, ssize n) {
  ssize len = list_size(a);
  if (len == 0 || n <= 0) return list_new(0);
  if (n > kSsizeMax / len) return err_no_memory();
  Object* r = list_new(len * n);
  if (!r) return nullptr;
  Object** dst = list_items(r);
  Object** src = list_items(a);
  for (ssize k = 0; k < n; ++k)
    for (ssize i = 0; i < len; ++i) *dst++ = new_ref(src[i]);
  return r;
}

// a[ilow:ihigh] = v (v null: delete). v may be a itself.
int list_ass_slice(ListObject* a, ssize ilow, ssize ihigh, Object* v) {
  Object* v_as_seq = nullptr;
  Object** vitem = nullptr;
  ssize n = 0;
  if (v) {
    if (v == a) {
      v_as_seq = list_slice(a, 0, a->size);
      if (!v_as_seq) return -1;
    } else {
      v_as_seq = sequence_fast(v, "can only assign an iterable");
      if (!v_as_seq) return -1;
    }
    n = fast_size(v_as_seq);
    vitem = fast_items(v_as_seq);
  }
  if (ilow < 0) ilow = 0;
  else if (ilow > a->size) ilow = a->size;
  if (ihigh < ilow) ihigh = ilow;
  else if (ihigh > a->size) ihigh = a->size;
  ssize norig = ihigh - ilow;
  ssize d = n - norig;
  if (a->size + d == 0) {
    xdecref(v_as_seq);
    return list_clear_impl(a);
  }
  Object** item = a->items;
  // Hold the replaced items until the list is consistent again.
  Object* recycle_small[8];
  Object** recycle = recycle_small;
  if (norig > 8) {
    recycle = static_cast<Object**>(mem_alloc(size_t(norig) * sizeof(Object*)));
    if (!recycle) { xdecref(v_as_seq); err_no_memory(); return -1; }
  }
  if (norig) std::memcpy(recycle, item + ilow, size_t(norig) * sizeof(Object*));
  if (d < 0) {
    std::memmove(item + ihigh + d, item + ihigh, size_t(a->size - ihigh) * sizeof(Object*));
    if (list_resize(a, a->size + d) < 0) { /* shrinking cannot really fail */ }
    item = a->items;
  } else if (d > 0) {
    ssize k = a->size;
    if (list_resize(a, k + d) < 0) {
      if (recycle != recycle_small) mem_free(recycle);
      xdecref(v_as_seq);
      return -1;
    }
    item = a->items;
    std::memmove(item + ihigh + d, item + ihigh, size_t(k - ihigh) * sizeof(Object*));
  }
  for (ssize k = 0; k < n; ++k) item[ilow + k] = new_ref(vitem[k]);
  for (ssize k = norig - 1; k >= 0; --k) xdecref(recycle[k]);
  if (recycle != recycle_small) mem_free(recycle);
  xdecref(v_as_seq);
  return 0;
}

int list_ass_item(Object* self, ssize i, Object* v) {
  ListObject* a = L(self);
  if (size_t(i) >= size_t(a->size)) {
    err_set_string(&exc::IndexError, "list assignment index out of range");
    return -1;
  }
  if (v == nullptr) return list_ass_slice(a, i, i + 1, nullptr);
  Object* old = a->items[i];
  a->items[i] = new_ref(v);
  decref(old);
  return 0;
}

Object* list_subscript(Object* self, Object* item) {
  if (PYXX_LIKELY(int_check_exact(item) && int_is_compact(item))) {
    ssize i = int_compact_value(item);
    if (i < 0) i += list_size(self);
    return list_item(self, i);
  }
  if (index_check(item)) {
    ssize i = number_as_ssize(item, &exc::IndexError);
    if (i == -1 && err_occurred()) return nullptr;
    if (i < 0) i += list_size(self);
    return list_item(self, i);
  }
  if (slice_check(item)) {
    ssize start, stop, step, len;
    if (slice_get_indices(item, list_size(self), &start, &stop, &step, &len) < 0) return nullptr;
    if (len <= 0) return list_new(0);
    if (step == 1) return list_slice(self, start, stop);
    Object* r = list_new(len);
    if (!r) return nullptr;
    Object** src = list_items(self);
    Object** dst = list_items(r);
    for (ssize cur = start, i = 0; i < len; cur += step, ++i) dst[i] = new_ref(src[cur]);
    return r;
  }
  return err_format(&exc::TypeError, "list indices must be integers or slices, not %.200s", item->type->tp_name);
}

int list_ass_subscript(Object* self, Object* item, Object* value) {
  ListObject* a = L(self);
  if (index_check(item)) {
    ssize i = number_as_ssize(item, &exc::IndexError);
    if (i == -1 && err_occurred()) return -1;
    if (i < 0) i += a->size;
    return list_ass_item(self, i, value);
  }
  if (!slice_check(item)) {
    err_format(&exc::TypeError, "list indices must be integers or slices, not %.200s", item->type->tp_name);
    return -1;
  }
  ssize start, stop, step, slicelength;
  if (slice_get_indices(item, a->size, &start, &stop, &step, &slicelength) < 0) return -1;
  if (value == nullptr) {
    if (step == 1) return list_ass_slice(a, start, stop, nullptr);
    if (slicelength <= 0) return 0;
    if (step < 0) {
      stop = start + 1;
      start = stop + step * (slicelength - 1) - 1;
      step = -step;
    }
    // Compact the survivors in place, then free the removed items.
    Object** garbage = static_cast<Object**>(mem_alloc(size_t(slicelength) * sizeof(Object*)));
    if (!garbage) { err_no_memory(); return -1; }
    ssize cur = start, i = 0;
    for (; cur < stop && i < slicelength; cur += step, ++i) {
      ssize lim = step - 1;
      garbage[i] = a->items[cur];
      if (cur + step >= a->size) lim = a->size - cur - 1;
      std::memmove(a->items + cur - i, a->items + cur + 1, size_t(lim) * sizeof(Object*));
    }
    cur = start + slicelength * step;
    if (cur < a->size)
      std::memmove(a->items + cur - slicelength, a->items + cur, size_t(a->size - cur) * sizeof(Object*));
    a->size -= slicelength;
    int r = list_resize(a, a->size);
    for (i = 0; i < slicelength; ++i) decref(garbage[i]);
    mem_free(garbage);
    return r;
  }
  // Assign to a (possibly extended) slice.
  if (step == 1) {
    // CPython 3.14 converts the value before dispatching, so even a plain
    // slice reports "must assign iterable to extended slice".
    if (value == self) return list_ass_slice(a, start, stop, value);
    Object* fast = sequence_fast(value, "must assign iterable to extended slice");
    if (!fast) return -1;
    int r = list_ass_slice(a, start, stop, fast);
    decref(fast);
    return r;
  }
  Object* seq;
  if (value == self) seq = list_slice(self, 0, a->size);
  else seq = sequence_fast(value, "must assign iterable to extended slice");
  if (!seq) return -1;
  ssize n = fast_size(seq);
  if (n != slicelength) {
    err_format(&exc::ValueError, "attempt to assign sequence of size %zd to extended slice of size %zd", n, slicelength);
    decref(seq);
    return -1;
  }
  if (!slicelength) { decref(seq); return 0; }
  Object** garbage = static_cast<Object**>(mem_alloc(size_t(slicelength) * sizeof(Object*)));
  if (!garbage) { decref(seq); err_no_memory(); return -1; }
  Object** src = fast_items(seq);
  for (ssize cur = start, i = 0; i < slicelength; cur += step, ++i) {
    garbage[i] = a->items[cur];
    a->items[cur] = new_ref(src[i]);
  }
  for (ssize i = 0; i < slicelength; ++i) decref(garbage[i]);
  mem_free(garbage);
  decref(seq);
  return 0;
}

Object* list_inplace_concat(Object* self, Object* other) {
  if (list_extend(self, other) < 0) return nullptr;
  return new_ref(self);
}

Object* list_inplace_repeat(Object* self, ssize n) {
  ListObject* a = L(self);
  ssize len = a->size;
  if (len == 0 || n == 1) return new_ref(self);
  if (n < 1) {
    list_clear_impl(a);
    return new_ref(self);
  }
  if (len > kSsizeMax / n) return err_no_memory();
  if (list_resize(a, len * n) < 0) return nullptr;
  Object** items = a->items;
  for (ssize k = 1; k < n; ++k)
    for (ssize i = 0; i < len; ++i) items[k * len + i] = new_ref(items[i]);
  return new_ref(self);
}

Object* list_richcompare(Object* v, Object* w, int op) {
  if (!list_check(v) || !list_check(w)) return new_ref(NotImplemented);
  ListObject* vl = L(v);
  ListObject* wl = L(w);
  if (vl->size != wl->size && (op == kEQ || op == kNE)) return new_ref(bool_from(op == kNE));
  ssize i = 0;
  for (; i < vl->size && i < wl->size; ++i) {
    Object* vi = vl->items[i];
    Object* wi = wl->items[i];
    if (vi == wi) continue;
    incref(vi);
    incref(wi);
    int k = object_richcompare_bool(vi, wi, kEQ);
    decref(vi);
    decref(wi);
    if (k < 0) return nullptr;
    if (!k) break;
  }
  if (i >= vl->size || i >= wl->size) {
    ssize vs = vl->size, ws = wl->size;
    bool r;
    switch (op) {
      case kLT: r = vs < ws; break;
      case kLE: r = vs <= ws; break;
      case kEQ: r = vs == ws; break;
      case kNE: r = vs != ws; break;
      case kGT: r = vs > ws; break;
      default: r = vs >= ws; break;
    }
    return new_ref(bool_from(r));
  }
  if (op == kEQ) return new_ref(False);
  if (op == kNE) return new_ref(True);
  Object* vi = new_ref(vl->items[i]);
  Object* wi = new_ref(wl->items[i]);
  Object* r = object_richcompare(vi, wi, op);
  decref(vi);
  decref(wi);
  return r;
}

// --- methods ---

Object* m_append(Object* self, Object* v) {
  if (list_append(self, v) < 0) return nullptr;
  return new_ref(None);
}

Object* m_extend(Object* self, Object* v) {
  if (list_extend(self, v) < 0) return nullptr;
  return new_ref(None);
}

Object* m_insert(Object* self, Object* const* args, ssize nargs) {
  if (!container_check_args("insert", nargs, 2, 2)) return nullptr;
  ssize where = number_as_ssize(args[0], &exc::OverflowError);
  if (where == -1 && err_occurred()) return nullptr;
  if (list_insert(self, where, args[1]) < 0) return nullptr;
  return new_ref(None);
}

Object* m_clear(Object* self, Object*) {
  list_clear_impl(L(self));
  return new_ref(None);
}

Object* m_copy(Object* self, Object*) { return list_slice(self, 0, list_size(self)); }

Object* m_pop(Object* self, Object* const* args, ssize nargs) {
  if (!container_check_args("pop", nargs, 0, 1)) return nullptr;
  ssize i = -1;
  if (nargs == 1) {
    i = number_as_ssize(args[0], &exc::OverflowError);
    if (i == -1 && err_occurred()) return nullptr;
  }
  ListObject* a = L(self);
  if (a->size == 0) return err_string(&exc::IndexError, "pop from empty list");
  if (i < 0) i += a->size;
  if (size_t(i) >= size_t(a->size)) return err_string(&exc::IndexError, "pop index out of range");
  Object* v = a->items[i];
  ssize size_after = a->size - 1;
  if (size_after == 0) {
    incref(v);
    list_clear_impl(a);
    return v;
  }
  std::memmove(a->items + i, a->items + i + 1, size_t(size_after - i) * sizeof(Object*));
  if (list_resize(a, size_after) < 0) return nullptr;
  return v;  // the list's reference moves to the caller
}

Object* m_remove(Object* self, Object* value) {
  ListObject* a = L(self);
  for (ssize i = 0; i < a->size; ++i) {
    Object* obj = new_ref(a->items[i]);
    int c = object_richcompare_bool(obj, value, kEQ);
    decref(obj);
    if (c > 0) {
      if (list_ass_slice(a, i, i + 1, nullptr) < 0) return nullptr;
      return new_ref(None);
    }
    if (c < 0) return nullptr;
  }
  return err_string(&exc::ValueError, "list.remove(x): x not in list");
}

Object* m_index(Object* self, Object* const* args, ssize nargs) {
  if (!container_check_args("index", nargs, 1, 3)) return nullptr;
  ssize start = 0, stop = kSsizeMax;
  if (nargs > 1 && !container_slice_index(args[1], &start)) return nullptr;
  if (nargs > 2 && !container_slice_index(args[2], &stop)) return nullptr;
  ListObject* a = L(self);
  if (start < 0) { start += a->size; if (start < 0) start = 0; }
  if (stop < 0) { stop += a->size; if (stop < 0) stop = 0; }
  for (ssize i = start; i < stop && i < a->size; ++i) {
    Object* obj = new_ref(a->items[i]);
    int c = object_richcompare_bool(obj, args[0], kEQ);
    decref(obj);
    if (c > 0) return int_from_ssize(i);
    if (c < 0) return nullptr;
  }
  return err_string(&exc::ValueError, "list.index(x): x not in list");
}

Object* m_count(Object* self, Object* value) {
  ssize count = 0;
  ListObject* a = L(self);
  for (ssize i = 0; i < a->size; ++i) {
    Object* obj = a->items[i];
    if (obj == value) { ++count; continue; }
    incref(obj);
    int c = object_richcompare_bool(obj, value, kEQ);
    decref(obj);
    if (c < 0) return nullptr;
    count += c;
  }
  return int_from_ssize(count);
}

Object* m_reverse(Object* self, Object*) {
  (void)list_reverse(self);
  return new_ref(None);
}

Object* m_sort(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (nargs > 0) return err_string(&exc::TypeError, "sort() takes no positional arguments");
  Object* key = None;
  int reverse = 0;
  ssize nkw = kwnames ? tuple_size(kwnames) : 0;
  for (ssize i = 0; i < nkw; ++i) {
    Object* name = tuple_get(kwnames, i);
    Object* val = args[nargs + i];
    if (str_eq_cstr(name, "key")) key = val;
    else if (str_eq_cstr(name, "reverse")) {
      reverse = object_is_true(val);
      if (reverse < 0) return nullptr;
    } else {
      static const char* const kNames[] = {"key", "reverse"};
      return err_unexpected_keyword("sort", name, kNames, 2);
    }
  }
  return list_sort_impl(self, key == None ? nullptr : key, reverse);
}

Object* m_sizeof(Object* self, Object*) {
  return int_from_ssize(ssize(sizeof(ListObject)) + L(self)->allocated * ssize(sizeof(Object*)));
}

Object* list_reversed(Object* self, Object*);

// list.__init__(iterable=(), /)
int list_init(Object* self, Object* args, Object* kwds) {
  if (self->type == &ListType && !container_no_kwargs("list", kwds)) return -1;
  ssize nargs = tuple_size(args);
  if (!container_check_args("list", nargs, 0, 1)) return -1;
  ListObject* a = L(self);
  if (a->items) list_clear_impl(a);
  if (nargs) return list_extend(self, tuple_get(args, 0));
  return 0;
}

Object* list_vectorcall(Object* type, Object* const* args, size_t nargsf, Object* kwnames) {
  if (!container_no_kwnames("list", kwnames)) return nullptr;
  ssize nargs = vectorcall_nargs(nargsf);
  if (!container_check_args("list", nargs, 0, 1)) return nullptr;
  Object* l = list_new(0);
  if (!l) return nullptr;
  if (nargs && list_extend(l, args[0]) < 0) { decref(l); return nullptr; }
  return l;
}

// --- list_iterator / list_reverseiterator ---

// ListIterObject is declared in list.h (the eval loop iterates it inline).

Object* listiter_new(Type* type, Object* seq, ssize index) {
  auto* it = static_cast<ListIterObject*>(object_alloc(type, sizeof(ListIterObject)));
  if (!it) return nullptr;
  it->index = index;
  it->seq = new_ref(seq);
  gc_track(it);
  return it;
}

Object* list_iter(Object* seq) { return listiter_new(&ListIterType, seq, 0); }

Object* list_reversed(Object* self, Object*) { return listiter_new(&ListRevIterType, self, list_size(self) - 1); }

void listiter_dealloc(Object* op) {
  gc_untrack(op);
  xdecref(static_cast<ListIterObject*>(op)->seq);
  object_free(op);
}

int listiter_traverse(Object* op, VisitProc visit, void* arg) {
  Object* s = static_cast<ListIterObject*>(op)->seq;
  return s ? visit(s, arg) : 0;
}

Object* listiter_next(Object* op) { return list_iter_next_inline(op); }

Object* listreviter_next(Object* op) {
  auto* it = static_cast<ListIterObject*>(op);
  Object* seq = it->seq;
  if (!seq) return nullptr;
  ssize i = it->index;
  if (i >= 0 && i < list_size(seq)) {
    it->index = i - 1;
    return new_ref(list_get(seq, i));
  }
  it->index = -1;
  it->seq = nullptr;
  decref(seq);
  return nullptr;
}

Object* listiter_len(Object* op, Object*) {
  auto* it = static_cast<ListIterObject*>(op);
  ssize n = 0;
  if (it->seq) { n = list_size(it->seq) - it->index; if (n < 0) n = 0; }
  return int_from_ssize(n);
}

Object* listreviter_len(Object* op, Object*) {
  auto* it = static_cast<ListIterObject*>(op);
  ssize n = 0;
  if (it->seq && it->index < list_size(it->seq)) n = it->index + 1;
  return int_from_ssize(n);
}

Object* listiter_setstate(Object* op, Object* state) {
  auto* it = static_cast<ListIterObject*>(op);
  ssize index = number_as_ssize(state, nullptr);
  if (index == -1 && err_occurred()) return nullptr;
  if (it->seq) {
    if (it->type == &ListRevIterType) {
      if (index < -1) index = -1;
      else if (index > list_size(it->seq) - 1) index = list_size(it->seq) - 1;
    } else if (index < 0) {
      index = 0;
    } else if (index > list_size(it->seq)) {
      index = list_size(it->seq);
    }
    it->index = index;
  }
  return new_ref(None);
}

Object* self_iter(Object* self) { return new_ref(self); }

Object* listiter_reduce(Object* op, Object*) {
  auto* it = static_cast<ListIterObject*>(op);
  return container_iter_reduce("iter", it->seq, it->index);
}
Object* listreviter_reduce(Object* op, Object*) {
  auto* it = static_cast<ListIterObject*>(op);
  return container_iter_reduce("reversed", it->seq, it->index);
}

const MethodDef listiter_methods[] = {
    {"__length_hint__", reinterpret_cast<void*>(&listiter_len), kMethNoArgs, "Private method returning an estimate of len(list(it))."},
    {"__setstate__", reinterpret_cast<void*>(&listiter_setstate), kMethO, "Set state information for unpickling."},
    {"__reduce__", reinterpret_cast<void*>(&listiter_reduce), kMethNoArgs, "Return state information for pickling."},
    {nullptr, nullptr, 0, nullptr}};
const MethodDef listreviter_methods[] = {
    {"__reduce__", reinterpret_cast<void*>(&listreviter_reduce), kMethNoArgs, "Return state information for pickling."},
    {"__length_hint__", reinterpret_cast<void*>(&listreviter_len), kMethNoArgs, "Private method returning an estimate of len(list(it))."},
    {"__setstate__", reinterpret_cast<void*>(&listiter_setstate), kMethO, "Set state information for unpickling."},
    {nullptr, nullptr, 0, nullptr}};

#define M(f) reinterpret_cast<void*>(&f)
const MethodDef list_methods[] = {
    {"__reversed__", M(list_reversed), kMethNoArgs, "__reversed__($self, /)\n--\n\nReturn a reverse iterator over the list."},
    {"__sizeof__", M(m_sizeof), kMethNoArgs, "__sizeof__($self, /)\n--\n\nReturn the size of the list in memory, in bytes."},
    {"clear", M(m_clear), kMethNoArgs, "clear($self, /)\n--\n\nRemove all items from list."},
    {"copy", M(m_copy), kMethNoArgs, "copy($self, /)\n--\n\nReturn a shallow copy of the list."},
    {"append", M(m_append), kMethO, "append($self, object, /)\n--\n\nAppend object to the end of the list."},
    {"insert", M(m_insert), kMethFastcall, "insert($self, index, object, /)\n--\n\nInsert object before index."},
    {"extend", M(m_extend), kMethO, "extend($self, iterable, /)\n--\n\nExtend list by appending elements from the iterable."},
    {"pop", M(m_pop), kMethFastcall, "pop($self, index=-1, /)\n--\n\nRemove and return item at index (default last).\n\nRaises IndexError if list is empty or index is out of range."},
    {"remove", M(m_remove), kMethO, "remove($self, value, /)\n--\n\nRemove first occurrence of value.\n\nRaises ValueError if the value is not present."},
    {"index", M(m_index), kMethFastcall, "index($self, value, start=0, stop=sys.maxsize, /)\n--\n\nReturn first index of value.\n\nRaises ValueError if the value is not present."},
    {"count", M(m_count), kMethO, "count($self, value, /)\n--\n\nReturn number of occurrences of value."},
    {"reverse", M(m_reverse), kMethNoArgs, "reverse($self, /)\n--\n\nReverse *IN PLACE*."},
    {"sort", M(m_sort), kMethFastcall | kMethKeywords, "sort($self, /, *, key=None, reverse=False)\n--\n\nSort the list in ascending order and return None.\n\nThe sort is in-place (i.e. the list itself is modified) and stable (i.e. the\norder of two equal elements is maintained).\n\nIf a key function is given, apply it once to each list item and sort them,\nascending or descending, according to their function values.\n\nThe reverse flag can be set to sort in descending order."},
    {"__class_getitem__", reinterpret_cast<void*>(&generic_alias_class_getitem), kMethO | kMethClass, "__class_getitem__($cls, item, /)\n--\n\nSee PEP 585"},  // genericalias area
    {nullptr, nullptr, 0, nullptr}};
#undef M

SequenceMethods list_as_sequence = {list_length, list_concat, list_repeat, list_item, nullptr, list_ass_item,
                                    nullptr, list_contains, list_inplace_concat, list_inplace_repeat};
MappingMethods list_as_mapping = {list_length, list_subscript, list_ass_subscript};

}  // namespace

void init_list_types() {
  Type& t = ListType;
  t.tp_name = "list";
  t.tp_basicsize = sizeof(ListObject);
  t.tp_dealloc = list_dealloc;
  t.tp_repr = list_repr;
  t.tp_as_sequence = &list_as_sequence;
  t.tp_as_mapping = &list_as_mapping;
  t.tp_hash = hash_not_implemented;
  t.tp_getattro = object_generic_getattr;
  t.tp_flags = kTpflagsDefault | kTpflagsHaveGC | kTpflagsBaseType | kTpflagsListSubclass | kTpflagsSequence |
               kTpflagsMatchSelf;
  t.tp_doc = "Built-in mutable sequence.\n\nIf no argument is given, the constructor creates a new empty list.\n"
             "The argument must be an iterable if specified.";
  t.tp_traverse = list_traverse;
  t.tp_clear = list_tp_clear;
  t.tp_richcompare = list_richcompare;
  t.tp_iter = list_iter;
  t.tp_methods = list_methods;
  t.tp_base = &ObjectType;
  t.tp_init = list_init;
  t.tp_alloc = type_generic_alloc;
  t.tp_new = type_generic_new;
  t.tp_vectorcall = list_vectorcall;

  for (Type* it : {&ListIterType, &ListRevIterType}) {
    it->tp_basicsize = sizeof(ListIterObject);
    it->tp_dealloc = listiter_dealloc;
    it->tp_getattro = object_generic_getattr;
    it->tp_flags = kTpflagsDefault | kTpflagsHaveGC | kTpflagsImmutableType | kTpflagsDisallowInstantiation;
    it->tp_traverse = listiter_traverse;
    it->tp_iter = self_iter;
    it->tp_base = &ObjectType;
  }
  ListIterType.tp_name = "list_iterator";
  ListIterType.tp_iternext = listiter_next;
  ListIterType.tp_methods = listiter_methods;
  ListRevIterType.tp_name = "list_reverseiterator";
  ListRevIterType.tp_iternext = listreviter_next;
  ListRevIterType.tp_methods = listreviter_methods;
}

}  // namespace pyxx
