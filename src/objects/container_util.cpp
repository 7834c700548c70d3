// Helpers shared by the container types (see container_util.h).
#include "objects/container_util.h"
#include "objects/tuple.h"
#include "objects/dict.h"
#include "objects/list.h"
#include "objects/int.h"
#include "objects/singletons.h"
#include "core/state.h"

namespace pyxx {

void container_unhashable_error(Object* key, const char* what) {
  if (!err_occurred() || err_occurred() != &exc::TypeError) return;
  Object* e = err_get_raised();
  err_format(&exc::TypeError, "cannot use '%T' as a %s (%S)", key, what, e);
  decref(e);
}

std::nullptr_t container_key_error(Object* key) {
  Object* args = tuple_pack({key});
  if (!args) return nullptr;
  Object* e = exception_new(&exc::KeyError, args);
  decref(args);
  if (e) err_set_raised(e);
  return nullptr;
}

bool container_check_args(const char* name, ssize nargs, ssize min, ssize max) {
  if (nargs < min) {
    if (min == max)
      err_format(&exc::TypeError, "%s expected %zd argument%s, got %zd", name, min, min == 1 ? "" : "s", nargs);
    else
      err_format(&exc::TypeError, "%s expected at least %zd argument%s, got %zd", name, min, min == 1 ? "" : "s", nargs);
    return false;
  }
  if (nargs > max) {
    if (min == max)
      err_format(&exc::TypeError, "%s expected %zd argument%s, got %zd", name, max, max == 1 ? "" : "s", nargs);
    else
      err_format(&exc::TypeError, "%s expected at most %zd argument%s, got %zd", name, max, max == 1 ? "" : "s", nargs);
    return false;
  }
  return true;
}

bool container_no_kwargs(const char* name, Object* kwds) {
  if (kwds == nullptr) return true;
  ssize n = object_length(kwds);
  if (n < 0) return false;
  if (n == 0) return true;
  err_format(&exc::TypeError, "%s() takes no keyword arguments", name);
  return false;
}

bool container_no_kwnames(const char* name, Object* kwnames) {
  if (kwnames == nullptr || tuple_size(kwnames) == 0) return true;
  err_format(&exc::TypeError, "%s() takes no keyword arguments", name);
  return false;
}

bool container_slice_index(Object* v, ssize* out) {
  if (int_check_exact(v) && int_is_compact(v)) {
    *out = int_compact_value(v);
    return true;
  }
  if (!index_check(v)) {
    err_set_string(&exc::TypeError, "slice indices must be integers or have an __index__ method");
    return false;
  }
  ssize x = number_as_ssize(v, nullptr);
  if (x == -1 && err_occurred()) return false;
  *out = x;
  return true;
}

void trash_drain() {
  TrashState& t = g_trash;
  t.draining = true;
  while (!t.later.empty()) {
    Object* op = t.later.back();
    t.later.pop_back();
    op->type->tp_dealloc(op);
  }
  t.draining = false;
}

Object* container_builtin(const char* name) {
  Object* b = interp_get()->builtins;
  Object* f = b ? dict_getitem_str(b, name) : nullptr;
  if (!f) {
    if (!err_occurred()) err_set_string(&exc::RuntimeError, "lost builtins module");
    return nullptr;
  }
  return new_ref(f);
}

Object* container_iter_reduce_seq(Object* seq) {
  Object* fn = container_builtin("iter");
  Object* args = fn ? tuple_pack({seq}) : nullptr;
  Object* r = args ? tuple_pack({fn, args}) : nullptr;
  xdecref(args);
  xdecref(fn);
  return r;
}

Object* container_iter_reduce(const char* builtin, Object* seq, ssize index) {
  Object* fn = container_builtin(builtin);
  if (!fn) return nullptr;
  Object* r;
  if (seq) {
    Object* idx = int_from_ssize(index);
    Object* args = idx ? tuple_pack({seq}) : nullptr;
    r = args ? tuple_pack({fn, args, idx}) : nullptr;
    xdecref(args);
    xdecref(idx);
  } else {
    Object* empty = list_new(0);
    r = empty ? container_iter_reduce_seq(empty) : nullptr;
    xdecref(empty);
  }
  decref(fn);
  return r;
}

Object* seq_repr_items(Object* const* items, ssize n, const char* open, const char* close, bool tuple_comma) {
  StrBuilder b;
  if (!b.append_ascii(open)) return nullptr;
  for (ssize i = 0; i < n; ++i) {
    if (i > 0 && !b.append_ascii(", ")) return nullptr;
    if (enter_recursive_call(" while getting the repr of an object") < 0) return nullptr;
    Object* r = object_repr(items[i]);
    leave_recursive_call();
    if (!r) return nullptr;
    bool ok = b.append_str(r);
    decref(r);
    if (!ok) return nullptr;
  }
  if (tuple_comma && n == 1 && !b.append_ascii(",")) return nullptr;
  if (!b.append_ascii(close)) return nullptr;
  return b.finish();
}

}  // namespace pyxx
