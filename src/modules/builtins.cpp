// The builtins module: functions (print, len, sorted, __build_class__,
// __import__, ...) and the built-in names bound to types and constants,
// with CPython 3.14's argument handling and messages.
#include "modules/builtins.h"
#include <cmath>
#include <cstring>
#include "compiler/compile.h"
#include "core/abstract.h"
#include "core/error.h"
#include "core/state.h"
#include "modules/sys.h"
#include "objects/builtin_iters.h"
#include "objects/bytes.h"
#include "objects/complex.h"
#include "objects/dict.h"
#include "objects/exceptions.h"
#include "objects/float.h"
#include "objects/function.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/method.h"
#include "objects/module.h"
#include "objects/range.h"
#include "objects/set.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/super.h"
#include "objects/tuple.h"
#include "runtime/args.h"
#include "vm/eval.h"

namespace pyxx {
namespace {

// ---- __build_class__ ----

Object* calculate_metaclass(Object* meta, Object* bases) {
  Object* winner = meta;
  for (ssize i = 0; i < tuple_size(bases); ++i) {
    Type* tmp = tuple_get(bases, i)->type;
    if (type_is_subtype(static_cast<Type*>(winner), tmp)) continue;
    if (type_is_subtype(tmp, static_cast<Type*>(winner))) { winner = tmp; continue; }
    return err_string(&exc::TypeError,
                      "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases");
  }
  return winner;
}

// PEP 560: replaces bases that are not classes by their __mro_entries__.
Object* update_bases(Object* bases, bool* changed) {
  *changed = false;
  Ref<> new_bases;
  ssize n = tuple_size(bases);
  for (ssize i = 0; i < n; ++i) {
    Object* base = tuple_get(bases, i);
    if (type_check(base)) {
      if (new_bases && list_append(new_bases.get(), base) < 0) return nullptr;
      continue;
    }
    Ref<> meth;
    Ref<> name = steal(str_intern_cstr("__mro_entries__"));
    if (object_lookup_attr(base, name.get(), meth.out()) < 0) return nullptr;
    if (!meth) {
      if (new_bases && list_append(new_bases.get(), base) < 0) return nullptr;
      continue;
    }
    Ref<> entries = steal(call_one_arg(meth.get(), bases));
    if (!entries) return nullptr;
    if (!tuple_check(entries.get())) return err_string(&exc::TypeError, "__mro_entries__ must return a tuple");
    if (!new_bases) {
      new_bases = steal(list_from_array(tuple_items(bases), i));
      if (!new_bases) return nullptr;
    }
    if (list_extend(new_bases.get(), entries.get()) < 0) return nullptr;
    *changed = true;
  }
  if (!*changed) return new_ref(bases);
  return list_as_tuple(new_bases.get());
}

Object* builtin_build_class(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (nargs < 2) return err_string(&exc::TypeError, "__build_class__: not enough arguments");
  Object* func = args[0];
  if (!function_check(func)) return err_string(&exc::TypeError, "__build_class__: func must be a function");
  Object* name = args[1];
  if (!str_check(name)) return err_string(&exc::TypeError, "__build_class__: name is not a string");
  Ref<> orig_bases = steal(tuple_from_array(args + 2, nargs - 2));
  if (!orig_bases) return nullptr;
  bool changed = false;
  Ref<> bases = steal(update_bases(orig_bases.get(), &changed));
  if (!bases) return nullptr;
  Ref<> kwds;
  Ref<> meta;
  if (kwnames && tuple_size(kwnames) > 0) {
    kwds = steal(dict_new());
    if (!kwds) return nullptr;
    for (ssize i = 0; i < tuple_size(kwnames); ++i)
      if (dict_setitem(kwds.get(), tuple_get(kwnames, i), args[nargs + i]) < 0) return nullptr;
    Ref<> key = steal(str_intern_cstr("metaclass"));
    if (dict_pop(kwds.get(), key.get(), meta.out()) < 0) return nullptr;
  }
  bool is_class = false;
  if (!meta) {
    meta = borrow(tuple_size(bases.get()) == 0 ? static_cast<Object*>(&TypeType) : static_cast<Object*>(tuple_get(bases.get(), 0)->type));
    is_class = true;
  } else {
    is_class = type_check(meta.get());
  }
  if (is_class) {
    Object* winner = calculate_metaclass(meta.get(), bases.get());
    if (!winner) return nullptr;
    meta = borrow(winner);
  }
  // ns = meta.__prepare__(name, bases, **kwds)
  Ref<> prep;
  Ref<> prepare_name = steal(str_intern_cstr("__prepare__"));
  if (object_lookup_attr(meta.get(), prepare_name.get(), prep.out()) < 0) return nullptr;
  Ref<> ns;
  if (!prep) {
    ns = steal(dict_new());
  } else {
    Ref<> pargs = steal(tuple_pack({name, bases.get()}));
    if (!pargs) return nullptr;
    ns = steal(object_call(prep.get(), pargs.get(), kwds.get()));
  }
  if (!ns) return nullptr;
  if (!mapping_check(ns.get())) {
    return err_format(&exc::TypeError, "%.200s.__prepare__() must return a mapping, not %.200s",
                      is_class ? static_cast<Type*>(meta.get())->tp_name : "<metaclass>", ns->type->tp_name);
  }
  Ref<> cell = steal(eval_function_with_locals(func, ns.get()));
  if (!cell) return nullptr;
  if (changed) {
    if (object_setitem(ns.get(), steal(str_intern_cstr("__orig_bases__")).get(), orig_bases.get()) < 0) return nullptr;
  }
  Ref<> margs = steal(tuple_pack({name, bases.get(), ns.get()}));
  if (!margs) return nullptr;
  Ref<> cls = steal(object_call(meta.get(), margs.get(), kwds.get()));
  if (!cls) return nullptr;
  if (type_check(cls.get()) && cell_check(cell.get())) {
    Object* cell_cls = static_cast<CellObject*>(cell.get())->ref;
    if (cell_cls != cls.get()) {
      if (!cell_cls)
        return err_format(&exc::RuntimeError,
                          "__class__ not set defining %.200R as %.200R. Was __classcell__ propagated to type.__new__?",
                          name, cls.get());
      return err_format(&exc::TypeError, "__class__ set to %.200R defining %.200R as %.200R", cell_cls, name, cls.get());
    }
  }
  return cls.release();
}

// ---- __import__ ----

Object* builtin_import(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const names[] = {"name", "globals", "locals", "fromlist", "level"};
  static const ArgSpec spec{"__import__", names, 5, 0, 1, 0};
  Object* a[5];
  if (!bind_args(spec, args, nargs, kwnames, a)) return nullptr;
  int level = 0;
  if (a[4]) {
    ssize l = number_as_ssize(a[4], &exc::OverflowError);
    if (l == -1 && err_occurred()) return nullptr;
    level = int(l);
  }
  return import_module_level(a[0], a[1], a[3], level);
}

// ---- simple functions ----

Object* builtin_abs(Object*, Object* x) { return number_absolute(x); }

Object* builtin_all(Object*, Object* iterable) {
  Ref<> it = steal(object_get_iter(iterable));
  if (!it) return nullptr;
  for (;;) {
    Ref<> item = steal(iter_next(it.get()));
    if (!item) return err_occurred() ? nullptr : new_ref(True);
    int r = object_is_true(item.get());
    if (r < 0) return nullptr;
    if (r == 0) return new_ref(False);
  }
}

Object* builtin_any(Object*, Object* iterable) {
  Ref<> it = steal(object_get_iter(iterable));
  if (!it) return nullptr;
  for (;;) {
    Ref<> item = steal(iter_next(it.get()));
    if (!item) return err_occurred() ? nullptr : new_ref(False);
    int r = object_is_true(item.get());
    if (r < 0) return nullptr;
    if (r > 0) return new_ref(True);
  }
}

Object* builtin_ascii(Object*, Object* x) { return object_ascii(x); }

Object* format_with(Object* x, const char* spec) {
  Ref<> idx = steal(number_index(x));
  if (!idx) return nullptr;
  Ref<> s = steal(str_from_cstr(spec));
  if (!s) return nullptr;
  return object_format(idx.get(), s.get());
}
Object* builtin_bin(Object*, Object* x) { return format_with(x, "#b"); }
Object* builtin_oct(Object*, Object* x) { return format_with(x, "#o"); }
Object* builtin_hex(Object*, Object* x) { return format_with(x, "#x"); }

Object* builtin_callable(Object*, Object* x) { return new_ref(bool_from(x->type->tp_call != nullptr)); }

Object* builtin_chr(Object*, Object* x) {
  int overflow = 0;
  Ref<> idx = steal(number_index(x));
  if (!idx) return nullptr;
  int64_t v = int_as_i64_overflow(idx.get(), &overflow);
  // 3.14: out-of-range values of any size raise ValueError (no OverflowError).
  if (overflow || v < 0 || v > 0x10FFFF) return err_string(&exc::ValueError, "chr() arg not in range(0x110000)");
  return str_from_codepoint(uint32_t(v));
}

Object* builtin_ord(Object*, Object* c) {
  if (str_check(c)) {
    if (str_length(c) != 1)
      return err_format(&exc::TypeError, "ord() expected a character, but string of length %zd found", str_length(c));
    return int_from_i64(str_char_at(c, 0));
  }
  if (bytes_check(c)) {
    if (bytes_size(c) != 1)
      return err_format(&exc::TypeError, "ord() expected a character, but string of length %zd found", bytes_size(c));
    return int_from_i64(static_cast<unsigned char>(bytes_data(c)[0]));
  }
  return err_format(&exc::TypeError, "ord() expected string of length 1, but %.200s found", c->type->tp_name);
}

Object* builtin_delattr(Object*, Object* const* args, ssize nargs) {
  if (!check_arg_count("delattr", nargs, 2, 2)) return nullptr;
  if (object_setattr(args[0], args[1], nullptr) < 0) return nullptr;
  return new_ref(None);
}

Object* builtin_dir(Object*, Object* const* args, ssize nargs) {
  if (!check_arg_count("dir", nargs, 0, 1)) return nullptr;
  return object_dir(nargs ? args[0] : nullptr);
}

Object* builtin_divmod(Object*, Object* const* args, ssize nargs) {
  if (!check_arg_count("divmod", nargs, 2, 2)) return nullptr;
  return number_divmod(args[0], args[1]);
}

Object* builtin_format(Object*, Object* const* args, ssize nargs) {
  if (!check_arg_count("format", nargs, 1, 2)) return nullptr;
  if (nargs == 2 && !str_check(args[1]))
    return err_format(&exc::TypeError, "format() argument 2 must be str, not %.200s", args[1]->type->tp_name);
  return object_format(args[0], nargs == 2 ? args[1] : nullptr);
}

Object* builtin_getattr(Object*, Object* const* args, ssize nargs) {
  if (!check_arg_count("getattr", nargs, 2, 3)) return nullptr;
  if (!str_check(args[1]))
    return err_format(&exc::TypeError, "attribute name must be string, not '%.200s'", args[1]->type->tp_name);
  if (nargs == 3) {
    Object* result = nullptr;
    if (object_lookup_attr(args[0], args[1], &result) < 0) return nullptr;
    return result ? result : new_ref(args[2]);
  }
  return object_getattr(args[0], args[1]);
}

Object* builtin_globals(Object*, Object*) {
  Object* g = eval_get_globals();
  return g ? new_ref(g) : new_ref(None);
}

Object* builtin_locals(Object*, Object*) {
  Object* l = eval_get_locals();
  if (!l && !err_occurred()) return new_ref(None);
  return l;
}

Object* builtin_vars(Object*, Object* const* args, ssize nargs) {
  if (!check_arg_count("vars", nargs, 0, 1)) return nullptr;
  if (nargs == 0) return builtin_locals(nullptr, nullptr);
  Object* d = nullptr;
  Ref<> name = steal(str_intern_cstr("__dict__"));
  if (object_lookup_attr(args[0], name.get(), &d) < 0) return nullptr;
  if (!d) return err_string(&exc::TypeError, "vars() argument must have __dict__ attribute");
  return d;
}

Object* builtin_hasattr(Object*, Object* const* args, ssize nargs) {
  if (!check_arg_count("hasattr", nargs, 2, 2)) return nullptr;
  if (!str_check(args[1]))
    return err_format(&exc::TypeError, "attribute name must be string, not '%.200s'", args[1]->type->tp_name);
  Object* v = nullptr;
  int r = object_lookup_attr(args[0], args[1], &v);
  if (r < 0) return nullptr;
  xdecref(v);
  return new_ref(bool_from(r > 0));
}

Object* builtin_hash(Object*, Object* x) {
  Hash h = object_hash(x);
  if (h == -1) return nullptr;
  return int_from_ssize(h);
}

Object* builtin_id(Object*, Object* x) { return int_from_u64(reinterpret_cast<uintptr_t>(x)); }

Object* builtin_isinstance(Object*, Object* const* args, ssize nargs) {
  if (!check_arg_count("isinstance", nargs, 2, 2)) return nullptr;
  int r = object_isinstance(args[0], args[1]);
  if (r < 0) return nullptr;
  return new_ref(bool_from(r));
}

Object* builtin_issubclass(Object*, Object* const* args, ssize nargs) {
  if (!check_arg_count("issubclass", nargs, 2, 2)) return nullptr;
  int r = object_issubclass(args[0], args[1]);
  if (r < 0) return nullptr;
  return new_ref(bool_from(r));
}

Object* builtin_iter(Object*, Object* const* args, ssize nargs) {
  if (!check_arg_count("iter", nargs, 1, 2)) return nullptr;
  if (nargs == 1) return object_get_iter(args[0]);
  if (!args[0]->type->tp_call) return err_string(&exc::TypeError, "iter(v, w): v must be callable");
  return call_iter_new(args[0], args[1]);
}

Object* builtin_len(Object*, Object* x) {
  ssize n = object_length(x);
  if (n < 0) return nullptr;
  return int_from_ssize(n);
}

Object* builtin_next(Object*, Object* const* args, ssize nargs) {
  if (!check_arg_count("next", nargs, 1, 2)) return nullptr;
  Object* it = args[0];
  if (!it->type->tp_iternext)
    return err_format(&exc::TypeError, "'%.200s' object is not an iterator", it->type->tp_name);
  Object* r = it->type->tp_iternext(it);
  if (r) return r;
  if (err_occurred()) {
    if (nargs < 2 || !err_exception_matches(&exc::StopIteration)) return nullptr;
    err_clear();
  }
  if (nargs == 2) return new_ref(args[1]);
  err_set_none(&exc::StopIteration);
  return nullptr;
}

// min()/max(): "min expected at least 1 argument, got 0", key=, default=.
Object* min_max(Object* const* args, ssize nargs, Object* kwnames, int op, const char* name) {
  Object* key = nullptr;
  Object* dflt = nullptr;
  ssize nkw = kwnames ? tuple_size(kwnames) : 0;
  if (nkw > 2)
    return err_format(&exc::TypeError, "%s() takes at most 2 keyword arguments (%zd given)", name, nkw);
  for (ssize i = 0; i < nkw; ++i) {
    Object* k = tuple_get(kwnames, i);
    if (str_eq_cstr(k, "key")) key = args[nargs + i];
    else if (str_eq_cstr(k, "default")) dflt = args[nargs + i];
    else {
      static const char* const kNames[] = {"key", "default"};
      return err_unexpected_keyword(name, k, kNames, 2);
    }
  }
  if (nargs == 0) return err_format(&exc::TypeError, "%s expected at least 1 argument, got 0", name);
  if (key == None) key = nullptr;
  Ref<> it;
  if (nargs == 1) {
    it = steal(object_get_iter(args[0]));
    if (!it) return nullptr;
  } else if (dflt) {
    return err_format(&exc::TypeError, "Cannot specify a default for %s() with multiple positional arguments", name);
  }
  Ref<> best, best_key;
  for (ssize i = 0;; ++i) {
    Ref<> item;
    if (it) {
      item = steal(iter_next(it.get()));
      if (!item) {
        if (err_occurred()) return nullptr;
        break;
      }
    } else {
      if (i >= nargs) break;
      item = borrow(args[i]);
    }
    Ref<> k = key ? steal(call_one_arg(key, item.get())) : item;
    if (!k) return nullptr;
    if (!best) {
      best = item;
      best_key = k;
      continue;
    }
    int r = object_richcompare_bool(k.get(), best_key.get(), op);
    if (r < 0) return nullptr;
    if (r) {
      best = item;
      best_key = k;
    }
  }
  if (!best) {
    if (dflt) return new_ref(dflt);
    return err_format(&exc::ValueError, "%s() iterable argument is empty", name);
  }
  return best.release();
}
Object* builtin_min(Object*, Object* const* args, ssize nargs, Object* kwnames) { return min_max(args, nargs, kwnames, kLT, "min"); }
Object* builtin_max(Object*, Object* const* args, ssize nargs, Object* kwnames) { return min_max(args, nargs, kwnames, kGT, "max"); }

Object* builtin_pow(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const names[] = {"base", "exp", "mod"};
  static const ArgSpec spec{"pow", names, 3, 0, 2, 0};
  Object* a[3];
  if (!bind_args(spec, args, nargs, kwnames, a)) return nullptr;
  return number_power(a[0], a[1], a[2] ? a[2] : None);
}

Object* builtin_repr(Object*, Object* x) { return object_repr(x); }

Object* builtin_round(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const names[] = {"number", "ndigits"};
  static const ArgSpec spec{"round", names, 2, 0, 1, 0};
  Object* a[2];
  if (!bind_args(spec, args, nargs, kwnames, a)) return nullptr;
  Ref<> name = steal(str_intern_cstr("__round__"));
  Object* meth = type_lookup(a[0]->type, name.get());
  if (!meth) {
    return err_format(&exc::TypeError, "type %.100s doesn't define __round__ method", a[0]->type->tp_name);
  }
  if (!a[1] || a[1] == None) return call_method(a[0], name.get());
  return call_method(a[0], name.get(), {a[1]});
}

Object* builtin_setattr(Object*, Object* const* args, ssize nargs) {
  if (!check_arg_count("setattr", nargs, 3, 3)) return nullptr;
  if (object_setattr(args[0], args[1], args[2]) < 0) return nullptr;
  return new_ref(None);
}

Object* builtin_sorted(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (nargs != 1) return err_format(&exc::TypeError, "sorted expected 1 argument, got %zd", nargs);
  Ref<> list = steal(sequence_list(args[0]));
  if (!list) return nullptr;
  Ref<> sort = steal(object_getattr_str(list.get(), "sort"));
  if (!sort) return nullptr;
  Ref<> r = steal(vectorcall(sort.get(), args + 1, 0, kwnames));
  if (!r) return nullptr;
  return list.release();
}

Object* builtin_sum(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const names[] = {"iterable", "start"};
  static const ArgSpec spec{"sum", names, 2, 1, 1, 0};
  if (nargs == 0 && !kwnames) return err_string(&exc::TypeError, "sum() takes at least 1 positional argument (0 given)");
  if (nargs > 2) return err_format(&exc::TypeError, "sum() takes at most 2 arguments (%zd given)", nargs);
  Object* a[2];
  if (!bind_args(spec, args, nargs, kwnames, a)) return nullptr;
  Object* start = a[1];
  if (start) {
    if (str_check(start)) return err_string(&exc::TypeError, "sum() can't sum strings [use ''.join(seq) instead]");
    if (bytes_check(start)) return err_string(&exc::TypeError, "sum() can't sum bytes [use b''.join(seq) instead]");
  }
  Ref<> it = steal(object_get_iter(a[0]));
  if (!it) return nullptr;
  Ref<> result = borrow(start ? start : static_cast<Object*>(nullptr));
  if (!result) result = steal(int_from_i64(0));
  // Fast path: exact ints accumulate in an int64 while they fit.
  if (int_check_exact(result.get()) && int_is_compact(result.get())) {
    int64_t acc = int_compact_value(result.get());
    for (;;) {
      Ref<> item = steal(iter_next(it.get()));
      if (!item) {
        if (err_occurred()) return nullptr;
        return int_from_i64(acc);
      }
      int64_t v;
      if (int_check_exact(item.get()) && int_is_compact(item.get()) &&
          !__builtin_add_overflow(acc, int_compact_value(item.get()), &v)) {
        acc = v;
        continue;
      }
      Ref<> acc_obj = steal(int_from_i64(acc));
      if (!acc_obj) return nullptr;
      result = steal(number_add(acc_obj.get(), item.get()));
      if (!result) return nullptr;
      break;
    }
  }
  // Exact floats (and ints that fit a C long) use Neumaier's compensated
  // summation, as CPython 3.12+ does.
  if (float_check_exact(result.get())) {
    double f_result = float_value(result.get());
    double c = 0.0;
    auto add = [&](double x) {
      double t = f_result + x;
      if (std::fabs(f_result) >= std::fabs(x)) c += (f_result - t) + x;
      else c += (x - t) + f_result;
      f_result = t;
    };
    for (;;) {
      Ref<> item = steal(iter_next(it.get()));
      if (!item) {
        if (err_occurred()) return nullptr;
        if (c != 0.0 && std::isfinite(c)) f_result += c;
        return float_from_double(f_result);
      }
      if (float_check_exact(item.get())) { add(float_value(item.get())); continue; }
      if (int_check(item.get())) {
        int overflow = 0;
        int64_t v = int_as_i64_overflow(item.get(), &overflow);
        if (!overflow) { add(double(v)); continue; }
      }
      if (c != 0.0 && std::isfinite(c)) f_result += c;
      result = steal(float_from_double(f_result));
      if (!result) return nullptr;
      result = steal(number_add(result.get(), item.get()));
      if (!result) return nullptr;
      break;
    }
  }
  for (;;) {
    Ref<> item = steal(iter_next(it.get()));
    if (!item) {
      if (err_occurred()) return nullptr;
      return result.release();
    }
    result = steal(number_add(result.get(), item.get()));
    if (!result) return nullptr;
  }
}

Object* builtin_print(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  Object* sep = nullptr;
  Object* end = nullptr;
  Object* file = nullptr;
  Object* flush = nullptr;
  ssize nkw = kwnames ? tuple_size(kwnames) : 0;
  for (ssize i = 0; i < nkw; ++i) {
    Object* k = tuple_get(kwnames, i);
    Object* v = args[nargs + i];
    if (str_eq_cstr(k, "sep")) sep = v;
    else if (str_eq_cstr(k, "end")) end = v;
    else if (str_eq_cstr(k, "file")) file = v;
    else if (str_eq_cstr(k, "flush")) flush = v;
    else {
      static const char* const kNames[] = {"sep", "end", "file", "flush"};
      return err_unexpected_keyword("print", k, kNames, 4);
    }
  }
  if (sep == None) sep = nullptr;
  if (end == None) end = nullptr;
  if (sep && !str_check(sep)) return err_format(&exc::TypeError, "sep must be None or a string, not %.200s", sep->type->tp_name);
  if (end && !str_check(end)) return err_format(&exc::TypeError, "end must be None or a string, not %.200s", end->type->tp_name);
  if (!file || file == None) {
    file = sys_get_object("stdout");
    if (!file) {
      if (err_occurred()) return nullptr;
      return err_string(&exc::RuntimeError, "lost sys.stdout");
    }
    if (file == None) return new_ref(None);
  }
  for (ssize i = 0; i < nargs; ++i) {
    if (i > 0) {
      if (sep ? sys_write_str(file, sep) < 0 : sys_write_cstr(file, " ") < 0) return nullptr;
    }
    Ref<> s = steal(object_str(args[i]));
    if (!s) return nullptr;
    if (sys_write_str(file, s.get()) < 0) return nullptr;
  }
  if (end ? sys_write_str(file, end) < 0 : sys_write_cstr(file, "\n") < 0) return nullptr;
  if (flush) {
    int t = object_is_true(flush);
    if (t < 0) return nullptr;
    if (t) {
      Ref<> r = steal(call_method_str(file, "flush"));
      if (!r) return nullptr;
    }
  }
  return new_ref(None);
}

Object* builtin_input(Object*, Object* const* args, ssize nargs) {
  if (!check_arg_count("input", nargs, 0, 1)) return nullptr;
  Object* out = sys_get_object("stdout");
  if (nargs == 1 && out && out != None) {
    Ref<> s = steal(object_str(args[0]));
    if (!s || sys_write_str(out, s.get()) < 0) return nullptr;
    Ref<> r = steal(call_method_str(out, "flush"));
    if (!r) return nullptr;
  }
  Object* in = sys_get_object("stdin");
  if (!in || in == None) return err_string(&exc::RuntimeError, "input(): lost sys.stdin");
  Ref<> line = steal(call_method_str(in, "readline"));
  if (!line) return nullptr;
  if (!str_check(line.get())) return err_string(&exc::TypeError, "object.readline() returned non-string");
  ssize n = str_length(line.get());
  if (n == 0) return err_string(&exc::EOFError, "EOF when reading a line");
  if (str_char_at(line.get(), n - 1) == '\n') return str_substring(line.get(), 0, n - 1);
  return line.release();
}

// exec/eval/compile on source strings (code objects pass through).
Object* source_to_code(Object* source, const char* filename, ParseMode mode, const char* fname) {
  if (code_check(source)) return new_ref(source);
  std::string_view text;
  if (str_check(source)) {
    ssize len;
    const char* s = str_as_utf8(source, &len);
    if (!s) return nullptr;
    text = std::string_view(s, size_t(len));
  } else if (bytes_check(source)) {
    text = std::string_view(bytes_data(source), size_t(bytes_size(source)));
  } else {
    return err_format(&exc::TypeError, "%s() arg 1 must be a string, bytes or code object", fname);
  }
  if (text.find('\0') != std::string_view::npos)
    return err_string(&exc::SyntaxError, "source code string cannot contain null bytes");
  // eval() strips leading spaces and tabs, as CPython does.
  if (mode == ParseMode::Eval)
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  Ref<> fn = steal(str_from_cstr(filename));
  if (!fn) return nullptr;
  return compile_source(text, fn.get(), mode, 0, -1);
}

Object* exec_eval(Object* const* args, ssize nargs, Object* kwnames, bool is_eval) {
  // exec() also has the keyword-only `closure` (CPython 3.11+).
  static const char* const names[] = {"source", "globals", "locals", "closure"};
  const ArgSpec spec{is_eval ? "eval" : "exec", names, is_eval ? 3 : 4, 1, 1, is_eval ? 0 : 1};
  if (nargs == 0 && !kwnames)
    return err_format(&exc::TypeError, "%s() takes at least 1 positional argument (0 given)", is_eval ? "eval" : "exec");
  Object* a[4] = {nullptr, nullptr, nullptr, nullptr};
  if (!bind_args(spec, args, nargs, kwnames, a)) return nullptr;
  Object* globals = a[1] == None ? nullptr : a[1];
  Object* locals = a[2] == None ? nullptr : a[2];
  Object* closure = a[3] == None ? nullptr : a[3];
  if (globals && !dict_check(globals)) {
    if (is_eval)
      return err_string(&exc::TypeError, mapping_check(globals) ? "globals must be a real dict; try eval(expr, {}, mapping)"
                                                                 : "globals must be a dict");
    return err_format(&exc::TypeError, "exec() globals must be a dict, not %.100s", globals->type->tp_name);
  }
  if (locals && !mapping_check(locals)) {
    if (is_eval) return err_string(&exc::TypeError, "locals must be a mapping");
    return err_format(&exc::TypeError, "locals must be a mapping or None, not %.100s", locals->type->tp_name);
  }
  if (closure && !code_check(a[0]))
    return err_string(&exc::TypeError, "closure can only be used when source is a code object");
  Ref<> owned_locals;
  if (!globals) {
    globals = eval_get_globals();
    if (!locals) {
      owned_locals = steal(eval_get_locals());
      if (!owned_locals && err_occurred()) return nullptr;
      locals = owned_locals.get();
    }
    if (!globals) return err_string(&exc::SystemError, "globals and locals cannot be NULL");
  } else if (!locals) {
    locals = globals;
  }
  if (!dict_getitem_str(globals, "__builtins__")) {
    if (err_occurred()) return nullptr;
    // CPython stores the current builtins *dict* (PyEval_GetBuiltins()).
    Object* builtins = eval_get_builtins();
    if (!builtins) builtins = module_dict(interp_get()->builtins_module);
    if (dict_setitem_str(globals, "__builtins__", builtins) < 0) return nullptr;
  }
  Ref<> code = steal(source_to_code(a[0], "<string>", is_eval ? ParseMode::Eval : ParseMode::File, is_eval ? "eval" : "exec"));
  if (!code) return nullptr;
  if (!is_eval) {
    int num_free = static_cast<CodeObject*>(code.get())->co_nfreevars;
    if (num_free == 0) {
      if (closure) return err_string(&exc::TypeError, "cannot use a closure with this code object");
    } else if (!closure || !tuple_check(closure) || tuple_size(closure) != num_free) {
      if (closure && !tuple_check(closure)) return err_string(&exc::TypeError, "closure must be a tuple of cells");
      return err_format(&exc::TypeError, "code object requires a closure of exactly length %d", num_free);
    }
  }
  Ref<> r = steal(eval_code(code.get(), globals, locals));
  if (!r) return nullptr;
  if (is_eval) return r.release();
  return new_ref(None);
}
Object* builtin_exec(Object*, Object* const* args, ssize nargs, Object* kwnames) { return exec_eval(args, nargs, kwnames, false); }
Object* builtin_eval(Object*, Object* const* args, ssize nargs, Object* kwnames) { return exec_eval(args, nargs, kwnames, true); }

Object* builtin_compile(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const names[] = {"source", "filename", "mode", "flags", "dont_inherit", "optimize"};
  static const ArgSpec spec{"compile", names, 6, 0, 3, 0};
  Object* a[6];
  if (!bind_args(spec, args, nargs, kwnames, a)) return nullptr;
  if (!str_check(a[2])) return err_format(&exc::TypeError, "compile() argument 'mode' must be str, not %.200s", a[2]->type->tp_name);
  std::string_view m = str_view(a[2]);
  ParseMode mode;
  if (m == "exec") mode = ParseMode::File;
  else if (m == "eval") mode = ParseMode::Eval;
  else if (m == "single") mode = ParseMode::Single;
  else return err_string(&exc::ValueError, "compile() mode must be 'exec', 'eval' or 'single'");
  Ref<> fname = steal(object_str(a[1]));
  if (!fname) return nullptr;
  if (code_check(a[0])) return new_ref(a[0]);
  std::string_view text;
  if (str_check(a[0])) {
    ssize len;
    const char* s = str_as_utf8(a[0], &len);
    if (!s) return nullptr;
    text = std::string_view(s, size_t(len));
  } else if (bytes_check(a[0])) {
    text = std::string_view(bytes_data(a[0]), size_t(bytes_size(a[0])));
  } else {
    return err_string(&exc::TypeError, "compile() arg 1 must be a string, bytes or AST object");
  }
  int flags = 0;
  if (a[3]) {
    ssize f = number_as_ssize(a[3], &exc::OverflowError);
    if (f == -1 && err_occurred()) return nullptr;
    flags = int(f);
  }
  int optimize = -1;
  if (a[5]) {
    ssize o = number_as_ssize(a[5], &exc::OverflowError);
    if (o == -1 && err_occurred()) return nullptr;
    optimize = int(o);
  }
  return compile_source(text, fname.get(), mode, flags, optimize);
}

const MethodDef builtin_methods[] = {
    {"__build_class__", reinterpret_cast<void*>(builtin_build_class), kMethFastcall | kMethKeywords,
     "__build_class__(func, name, /, *bases, [metaclass], **kwds) -> class\n\nInternal helper function used by the class statement."},
    {"__import__", reinterpret_cast<void*>(builtin_import), kMethFastcall | kMethKeywords,
     "__import__($module, /, name, globals=None, locals=None, fromlist=(), level=0)\n--\n\nImport a module."},
    {"abs", reinterpret_cast<void*>(builtin_abs), kMethO, "abs($module, x, /)\n--\n\nReturn the absolute value of the argument."},
    {"all", reinterpret_cast<void*>(builtin_all), kMethO, "all($module, iterable, /)\n--\n\nReturn True if bool(x) is True for all values x in the iterable."},
    {"any", reinterpret_cast<void*>(builtin_any), kMethO, "any($module, iterable, /)\n--\n\nReturn True if bool(x) is True for any x in the iterable."},
    {"ascii", reinterpret_cast<void*>(builtin_ascii), kMethO, "ascii($module, obj, /)\n--\n\nReturn an ASCII-only representation of an object."},
    {"bin", reinterpret_cast<void*>(builtin_bin), kMethO, "bin($module, number, /)\n--\n\nReturn the binary representation of an integer."},
    {"callable", reinterpret_cast<void*>(builtin_callable), kMethO, "callable($module, obj, /)\n--\n\nReturn whether the object is callable."},
    {"chr", reinterpret_cast<void*>(builtin_chr), kMethO, "chr($module, i, /)\n--\n\nReturn a Unicode string of one character with ordinal i; 0 <= i <= 0x10ffff."},
    {"compile", reinterpret_cast<void*>(builtin_compile), kMethFastcall | kMethKeywords, "Compile source into a code object."},
    {"delattr", reinterpret_cast<void*>(builtin_delattr), kMethFastcall, "delattr($module, obj, name, /)\n--\n\nDeletes the named attribute from the given object."},
    {"dir", reinterpret_cast<void*>(builtin_dir), kMethFastcall, "dir([object]) -> list of strings"},
    {"divmod", reinterpret_cast<void*>(builtin_divmod), kMethFastcall, "divmod($module, x, y, /)\n--\n\nReturn the tuple (x//y, x%y)."},
    {"eval", reinterpret_cast<void*>(builtin_eval), kMethFastcall | kMethKeywords, "Evaluate the given source in the context of globals and locals."},
    {"exec", reinterpret_cast<void*>(builtin_exec), kMethFastcall | kMethKeywords, "Execute the given source in the context of globals and locals."},
    {"format", reinterpret_cast<void*>(builtin_format), kMethFastcall, "format($module, value, format_spec='', /)\n--\n\nReturn type(value).__format__(value, format_spec)"},
    {"getattr", reinterpret_cast<void*>(builtin_getattr), kMethFastcall, "getattr(object, name[, default]) -> value"},
    {"globals", reinterpret_cast<void*>(builtin_globals), kMethNoArgs, "globals($module, /)\n--\n\nReturn the dictionary containing the current scope's global variables."},
    {"hasattr", reinterpret_cast<void*>(builtin_hasattr), kMethFastcall, "hasattr($module, obj, name, /)\n--\n\nReturn whether the object has an attribute with the given name."},
    {"hash", reinterpret_cast<void*>(builtin_hash), kMethO, "hash($module, obj, /)\n--\n\nReturn the hash value for the given object."},
    {"hex", reinterpret_cast<void*>(builtin_hex), kMethO, "hex($module, number, /)\n--\n\nReturn the hexadecimal representation of an integer."},
    {"id", reinterpret_cast<void*>(builtin_id), kMethO, "id($module, obj, /)\n--\n\nReturn the identity of an object."},
    {"input", reinterpret_cast<void*>(builtin_input), kMethFastcall, "input($module, prompt='', /)\n--\n\nRead a string from standard input."},
    {"isinstance", reinterpret_cast<void*>(builtin_isinstance), kMethFastcall, "isinstance($module, obj, class_or_tuple, /)\n--\n\nReturn whether an object is an instance of a class or of a subclass thereof."},
    {"issubclass", reinterpret_cast<void*>(builtin_issubclass), kMethFastcall, "issubclass($module, cls, class_or_tuple, /)\n--\n\nReturn whether 'cls' is derived from another class or is the same class."},
    {"iter", reinterpret_cast<void*>(builtin_iter), kMethFastcall, "iter(iterable) -> iterator\niter(callable, sentinel) -> iterator"},
    {"len", reinterpret_cast<void*>(builtin_len), kMethO, "len($module, obj, /)\n--\n\nReturn the number of items in a container."},
    {"locals", reinterpret_cast<void*>(builtin_locals), kMethNoArgs, "locals($module, /)\n--\n\nReturn a dictionary containing the current scope's local variables."},
    {"max", reinterpret_cast<void*>(builtin_max), kMethFastcall | kMethKeywords, "max(iterable, *[, default=obj, key=func]) -> value"},
    {"min", reinterpret_cast<void*>(builtin_min), kMethFastcall | kMethKeywords, "min(iterable, *[, default=obj, key=func]) -> value"},
    {"next", reinterpret_cast<void*>(builtin_next), kMethFastcall, "next(iterator[, default])"},
    {"oct", reinterpret_cast<void*>(builtin_oct), kMethO, "oct($module, number, /)\n--\n\nReturn the octal representation of an integer."},
    {"ord", reinterpret_cast<void*>(builtin_ord), kMethO, "ord($module, c, /)\n--\n\nReturn the Unicode code point for a one-character string."},
    {"pow", reinterpret_cast<void*>(builtin_pow), kMethFastcall | kMethKeywords, "pow($module, /, base, exp, mod=None)\n--\n\nEquivalent to base**exp with 2 arguments or base**exp % mod with 3 arguments"},
    {"print", reinterpret_cast<void*>(builtin_print), kMethFastcall | kMethKeywords, "print($module, /, *args, sep=' ', end='\\n', file=None, flush=False)\n--\n\nPrints the values to a stream, or to sys.stdout by default."},
    {"repr", reinterpret_cast<void*>(builtin_repr), kMethO, "repr($module, obj, /)\n--\n\nReturn the canonical string representation of the object."},
    {"round", reinterpret_cast<void*>(builtin_round), kMethFastcall | kMethKeywords, "round($module, /, number, ndigits=None)\n--\n\nRound a number to a given precision in decimal digits."},
    {"setattr", reinterpret_cast<void*>(builtin_setattr), kMethFastcall, "setattr($module, obj, name, value, /)\n--\n\nSets the named attribute on the given object to the specified value."},
    {"sorted", reinterpret_cast<void*>(builtin_sorted), kMethFastcall | kMethKeywords, "sorted($module, iterable, /, *, key=None, reverse=False)\n--\n\nReturn a new list containing all items from the iterable in ascending order."},
    {"sum", reinterpret_cast<void*>(builtin_sum), kMethFastcall | kMethKeywords, "sum($module, iterable, /, start=0)\n--\n\nReturn the sum of a 'start' value (default: 0) plus an iterable of numbers"},
    {"vars", reinterpret_cast<void*>(builtin_vars), kMethFastcall, "vars([object]) -> dictionary"},
    {nullptr, nullptr, 0, nullptr},
};

int builtins_exec(Object* module) {
  Object* d = module_dict(module);
  struct { const char* name; Object* value; } entries[] = {
      {"None", None}, {"Ellipsis", Ellipsis}, {"NotImplemented", NotImplemented},
      {"False", False}, {"True", True},
      {"bool", &BoolType}, {"memoryview", nullptr}, {"bytearray", &ByteArrayType},
      {"bytes", &BytesType}, {"classmethod", &ClassMethodType}, {"complex", &ComplexType},
      {"dict", &DictType}, {"enumerate", &EnumerateType}, {"filter", &FilterType},
      {"float", &FloatType}, {"frozenset", &FrozenSetType}, {"property", &PropertyType},
      {"int", &IntType}, {"list", &ListType}, {"map", &MapType}, {"object", &ObjectType},
      {"range", &RangeType}, {"reversed", &ReversedType}, {"set", &SetType}, {"slice", &SliceType},
      {"staticmethod", &StaticMethodType}, {"str", &StrType}, {"super", &SuperType},
      {"tuple", &TupleType}, {"type", &TypeType}, {"zip", &ZipType},
  };
  for (auto& e : entries) {
    if (!e.value) continue;
    if (dict_setitem_str(d, e.name, e.value) < 0) return -1;
  }
#define PYXX_ADD_EXC(Name, Base, Struct) \
  if (dict_setitem_str(d, #Name, &exc::Name) < 0) return -1;
  PYXX_EXCEPTION_TYPES(PYXX_ADD_EXC)
#undef PYXX_ADD_EXC
  if (dict_setitem_str(d, "ExceptionGroup", &exc::ExceptionGroup) < 0) return -1;
  if (dict_setitem_str(d, "EnvironmentError", &exc::OSError) < 0) return -1;
  if (dict_setitem_str(d, "IOError", &exc::OSError) < 0) return -1;
  if (dict_delitem(d, steal(str_intern_cstr("_IncompleteInputError")).get()) < 0) err_clear();
  if (dict_setitem_str(d, "__debug__", bool_from(interp_get()->optimize == 0)) < 0) return -1;
  return 0;
}

const ModuleDef builtins_def = {
    "builtins",
    "Built-in functions, types, exceptions, and other objects.\n\nThis module provides direct access to all 'built-in'\n"
    "identifiers of Python; for example, builtins.len is\nthe full name for the built-in function len().\n\n"
    "This module is not normally accessed explicitly by most\napplications, but can be useful in modules that provide\n"
    "objects with the same name as a built-in value, but in\nwhich the built-in of that name is also needed.",
    builtin_methods,
    builtins_exec,
};

}  // namespace

Object* builtins_module_create() { return module_from_def(&builtins_def); }

// Imports for this stage: modules already in sys.modules and native modules.
// The importlib-based machinery (frozen _bootstrap) replaces this later.
Object* import_module_level(Object* name, Object* globals, Object* fromlist, int level) {
  if (!str_check(name)) return err_string(&exc::TypeError, "module name must be str, not " "int");
  if (level < 0) return err_string(&exc::ValueError, "level must be >= 0");
  if (level > 0) return err_string(&exc::ImportError, "attempted relative import with no known parent package");
  if (str_length(name) == 0) return err_string(&exc::ValueError, "Empty module name");
  Interpreter* interp = interp_get();
  Object* mod = dict_getitem(interp->modules, name);
  if (!mod) {
    if (err_occurred()) return nullptr;
    std::string_view full = str_view(name);
    size_t dot = full.find('.');
    std::string first(full.substr(0, dot));
    const ModuleDef* def = find_native_module(first.c_str());
    if (!def || dot != std::string_view::npos) {
      Ref<> msg = steal(str_from_format("No module named %R", name));
      if (!msg) return nullptr;
      err_set_object(&exc::ModuleNotFoundError, msg.get());
      // ModuleNotFoundError.name, set on the instance without a pending error.
      Object* e = err_get_raised();
      if (e && err_given_exception_matches(e, &exc::ImportError))
        set_ref(static_cast<ImportErrorObject*>(e)->name, new_ref(name));
      err_set_raised(e);
      return nullptr;
    }
    Ref<> created = steal(module_from_def(def));
    if (!created) return nullptr;
    if (dict_setitem(interp->modules, name, created.get()) < 0) return nullptr;
    return created.release();
  }
  (void)globals;
  (void)fromlist;
  return new_ref(mod);
}

}  // namespace pyxx
