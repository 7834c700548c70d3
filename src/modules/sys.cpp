// The sys module: interpreter configuration and state exposed to Python.
#include "modules/sys.h"
#include <climits>
#include <unistd.h>
#include "core/abstract.h"
#include "core/error.h"
#include "core/state.h"
#include "objects/dict.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/args.h"
#include "runtime/lifecycle.h"
#include "runtime/version.h"
#include "vm/eval.h"

namespace pyxx {

Object* sys_get_object(const char* name) {
  Interpreter* interp = interp_get();
  if (!interp->sysdict) return nullptr;
  return dict_getitem_str(interp->sysdict, name);
}

int sys_set_object(const char* name, Object* value) { return dict_setitem_str(interp_get()->sysdict, name, value); }

void sys_flush_std_streams() {
  Object* saved = err_get_raised();
  for (const char* name : {"stdout", "stderr"}) {
    Object* f = sys_get_object(name);
    if (!f || f == None) continue;
    Object* r = call_method_str(f, "flush");
    if (!r) err_clear();
    xdecref(r);
  }
  if (saved) err_set_raised(saved);
}

namespace {

Object* sys_exit(Object*, Object* const* args, ssize nargs) {
  if (!check_arg_count("exit", nargs, 0, 1)) return nullptr;
  err_set_object(&exc::SystemExit, nargs ? args[0] : nullptr);
  return nullptr;
}

Object* sys_getrecursionlimit(Object*, Object*) { return int_from_i64(interp_get()->recursion_limit); }

Object* sys_setrecursionlimit(Object*, Object* arg) {
  if (!int_check(arg)) return err_format(&exc::TypeError, "'%.200s' object cannot be interpreted as an integer", arg->type->tp_name);
  int overflow = 0;
  int64_t v = int_as_i64_overflow(arg, &overflow);
  if (overflow || v > INT_MAX) return err_string(&exc::OverflowError, "Python int too large to convert to C int");
  if (v < 1) return err_string(&exc::ValueError, "recursion limit must be greater or equal than 1");
  ThreadState* ts = tstate_get();
  int depth = ts->py_recursion_limit - ts->py_recursion_remaining;
  if (v <= depth)
    return err_format(&exc::RecursionError,
                      "cannot set the recursion limit to %d at the recursion depth %d: the limit is too low", int(v), depth);
  interp_get()->recursion_limit = int(v);
  ts->py_recursion_limit = int(v);
  ts->py_recursion_remaining = int(v) - depth;
  return new_ref(None);
}

Object* sys_getrefcount(Object*, Object* arg) {
  if (is_immortal(arg)) return int_from_i64(kImmortalReportedRefcnt);
  return int_from_ssize(arg->refcnt);
}

Object* sys_intern(Object*, Object* arg) {
  if (!str_check_exact(arg)) return err_format(&exc::TypeError, "intern() argument must be str, not %.50s", arg->type->tp_name);
  return str_intern(new_ref(arg));
}

Object* sys_exception(Object*, Object*) {
  for (ExcInfo* info = tstate_get()->exc_info; info; info = info->previous_item)
    if (info->exc_value && info->exc_value != None) return new_ref(info->exc_value);
  return new_ref(None);
}

Object* sys_exc_info(Object*, Object*) {
  Ref<> e = steal(sys_exception(nullptr, nullptr));
  if (e.get() == None) return tuple_pack({None, None, None});
  Object* tb = exception_get_traceback(e.get());
  return tuple_pack({e->type, e.get(), tb ? tb : None});
}

Object* sys_getframe(Object*, Object* const* args, ssize nargs) {
  if (!check_arg_count("_getframe", nargs, 0, 1)) return nullptr;
  int depth = 0;
  if (nargs) {
    ssize d = number_as_ssize(args[0], &exc::OverflowError);
    if (d == -1 && err_occurred()) return nullptr;
    depth = int(d);
  }
  return vm_getframe(depth);
}

Object* sys_getsizeof(Object*, Object* const* args, ssize nargs) {
  if (!check_arg_count("getsizeof", nargs, 1, 2)) return nullptr;
  Ref<> r = steal(call_method_str(args[0], "__sizeof__"));
  if (!r) {
    if (nargs == 2 && err_exception_matches(&exc::TypeError)) { err_clear(); return new_ref(args[1]); }
    return nullptr;
  }
  ssize n = number_as_ssize(r.get(), &exc::OverflowError);
  if (n == -1 && err_occurred()) return nullptr;
  if (n < 0) return err_string(&exc::ValueError, "__sizeof__() should return >= 0");
  if (type_has_flag(args[0]->type, kTpflagsHaveGC)) n += 16;
  return int_from_ssize(n);
}

Object* sys_get_int_max_str_digits(Object*, Object*) { return int_from_i64(interp_get()->int_max_str_digits); }

Object* sys_set_int_max_str_digits(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const names[] = {"maxdigits"};
  static const ArgSpec spec{"set_int_max_str_digits", names, 1, 0, 1, 0};
  Object* a[1];
  if (!bind_args(spec, args, nargs, kwnames, a)) return nullptr;
  ssize v = number_as_ssize(a[0], &exc::OverflowError);
  if (v == -1 && err_occurred()) return nullptr;
  if (v != 0 && v < 640) return err_format(&exc::ValueError, "maxdigits must be >= %d or 0 for unlimited", 640);
  interp_get()->int_max_str_digits = int(v);
  return new_ref(None);
}

Object* sys_getdefaultencoding(Object*, Object*) { return str_from_cstr("utf-8"); }
Object* sys_is_finalizing(Object*, Object*) { return new_ref(False); }
Object* sys_audit(Object*, Object* const* args, ssize nargs, Object*) {
  if (nargs < 1) return err_string(&exc::TypeError, "audit() missing 1 required positional argument: 'event'");
  return new_ref(None);  // no audit hooks can be installed yet, so events go nowhere (as in CPython without hooks)
}

Object* sys_excepthook(Object*, Object* const* args, ssize nargs) {
  if (!check_arg_count("excepthook", nargs, 3, 3)) return nullptr;
  err_print_exception(args[1]);
  return new_ref(None);
}

const MethodDef sys_methods[] = {
    {"exit", reinterpret_cast<void*>(sys_exit), kMethFastcall, "exit($module, status=None, /)\n--\n\nExit the interpreter by raising SystemExit(status)."},
    {"getrecursionlimit", reinterpret_cast<void*>(sys_getrecursionlimit), kMethNoArgs, nullptr},
    {"setrecursionlimit", reinterpret_cast<void*>(sys_setrecursionlimit), kMethO, nullptr},
    {"getrefcount", reinterpret_cast<void*>(sys_getrefcount), kMethO, nullptr},
    {"intern", reinterpret_cast<void*>(sys_intern), kMethO, nullptr},
    {"exception", reinterpret_cast<void*>(sys_exception), kMethNoArgs, nullptr},
    {"exc_info", reinterpret_cast<void*>(sys_exc_info), kMethNoArgs, nullptr},
    {"_getframe", reinterpret_cast<void*>(sys_getframe), kMethFastcall, nullptr},
    {"getsizeof", reinterpret_cast<void*>(sys_getsizeof), kMethFastcall, nullptr},
    {"get_int_max_str_digits", reinterpret_cast<void*>(sys_get_int_max_str_digits), kMethNoArgs, nullptr},
    {"set_int_max_str_digits", reinterpret_cast<void*>(sys_set_int_max_str_digits), kMethFastcall | kMethKeywords, nullptr},
    {"getdefaultencoding", reinterpret_cast<void*>(sys_getdefaultencoding), kMethNoArgs, nullptr},
    {"getfilesystemencoding", reinterpret_cast<void*>(sys_getdefaultencoding), kMethNoArgs, nullptr},
    {"is_finalizing", reinterpret_cast<void*>(sys_is_finalizing), kMethNoArgs, nullptr},
    {"audit", reinterpret_cast<void*>(sys_audit), kMethFastcall | kMethKeywords, nullptr},
    {"excepthook", reinterpret_cast<void*>(sys_excepthook), kMethFastcall, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

Object* str_list(const std::vector<std::string>& items) {
  Ref<> list = steal(list_new(0));
  if (!list) return nullptr;
  for (const auto& s : items) {
    Ref<> o = steal(str_from_utf8(s.data(), ssize(s.size())));
    if (!o || list_append(list.get(), o.get()) < 0) return nullptr;
  }
  return list.release();
}

int sys_exec(Object* module) { return 0; }

const ModuleDef sys_def = {
    "sys",
    "This module provides access to some objects used or maintained by the\n"
    "interpreter and to functions that interact strongly with the interpreter.",
    sys_methods,
    sys_exec,
};

int set_str(Object* d, const char* key, const std::string& value) {
  Ref<> v = steal(str_from_utf8(value.data(), ssize(value.size())));
  return v ? dict_setitem_str(d, key, v.get()) : -1;
}

int set_steal(Object* d, const char* key, Object* value) {
  if (!value) return -1;
  int r = dict_setitem_str(d, key, value);
  decref(value);
  return r;
}

}  // namespace

Object* sys_module_create(const Config& config) {
  Ref<> m = steal(module_from_def(&sys_def));
  if (!m) return nullptr;
  Object* d = module_dict(m.get());
  Interpreter* interp = interp_get();
  bool tty_out = ::isatty(1);
  Ref<> in = steal(std_stream_new(0, "<stdin>", "r", true, false, "strict"));
  Ref<> out = steal(std_stream_new(1, "<stdout>", "w", tty_out, config.unbuffered, "strict"));
  Ref<> err = steal(std_stream_new(2, "<stderr>", "w", true, config.unbuffered, "backslashreplace"));
  if (!in || !out || !err) return nullptr;
  std::string prefix = config.stdlib_dir;
  std::string executable = config.executable;
  Ref<> version_info = steal(tuple_pack({steal(int_from_i64(kPyMajor)).get(), steal(int_from_i64(kPyMinor)).get(),
                                         steal(int_from_i64(kPyMicro)).get(), steal(str_from_cstr("final")).get(),
                                         steal(int_from_i64(0)).get()}));
  if (!version_info) return nullptr;
  Ref<> names = steal(tuple_pack({steal(str_from_cstr("builtins")).get(), steal(str_from_cstr("sys")).get()}));
  if (!names) return nullptr;
  std::vector<std::string> path;
  path.insert(path.end(), config.module_search_paths.begin(), config.module_search_paths.end());
  if (dict_setitem_str(d, "stdin", in.get()) < 0 || dict_setitem_str(d, "__stdin__", in.get()) < 0 ||
      dict_setitem_str(d, "stdout", out.get()) < 0 || dict_setitem_str(d, "__stdout__", out.get()) < 0 ||
      dict_setitem_str(d, "stderr", err.get()) < 0 || dict_setitem_str(d, "__stderr__", err.get()) < 0 ||
      dict_setitem_str(d, "modules", interp->modules) < 0 ||
      set_steal(d, "argv", str_list(config.argv)) < 0 ||
      set_steal(d, "orig_argv", str_list(config.orig_argv)) < 0 ||
      set_steal(d, "path", str_list(path)) < 0 ||
      set_steal(d, "warnoptions", str_list(config.warnoptions)) < 0 ||
      set_steal(d, "_xoptions", dict_new()) < 0 ||
      set_steal(d, "maxsize", int_from_i64(INT64_MAX)) < 0 ||
      set_steal(d, "maxunicode", int_from_i64(0x10FFFF)) < 0 ||
      set_str(d, "byteorder", "little") < 0 || set_str(d, "platform", "linux") < 0 ||
      set_str(d, "version", kPyVersionString) < 0 ||
      dict_setitem_str(d, "version_info", version_info.get()) < 0 ||
      set_steal(d, "hexversion", int_from_i64(kPyHexVersion)) < 0 ||
      set_steal(d, "api_version", int_from_i64(1013)) < 0 ||
      set_str(d, "executable", executable) < 0 || set_str(d, "_base_executable", executable) < 0 ||
      set_str(d, "prefix", prefix) < 0 || set_str(d, "base_prefix", prefix) < 0 ||
      set_str(d, "exec_prefix", prefix) < 0 || set_str(d, "base_exec_prefix", prefix) < 0 ||
      set_str(d, "platlibdir", "lib") < 0 || set_str(d, "float_repr_style", "short") < 0 ||
      dict_setitem_str(d, "builtin_module_names", names.get()) < 0 ||
      dict_setitem_str(d, "dont_write_bytecode", bool_from(config.dont_write_bytecode)) < 0 ||
      dict_setitem_str(d, "pycache_prefix", None) < 0 ||
      set_steal(d, "meta_path", list_new(0)) < 0 || set_steal(d, "path_hooks", list_new(0)) < 0 ||
      set_steal(d, "path_importer_cache", dict_new()) < 0 ||
      set_str(d, "copyright", "Copyright (c) 2001 Python Software Foundation.\nAll Rights Reserved.") < 0) {
    return nullptr;
  }
  Object* hook = dict_getitem_str(d, "excepthook");
  if (hook && dict_setitem_str(d, "__excepthook__", hook) < 0) return nullptr;
  return m.release();
}

}  // namespace pyxx
