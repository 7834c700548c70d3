// The sys module: interpreter configuration and state exposed to Python.
#include "modules/sys.h"
#include <climits>
#include <clocale>
#include <cstdlib>
#include <cstring>
#include <string>
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
#include "objects/structseq.h"
#include "objects/namespace.h"
#include "objects/float.h"
#include <cfloat>
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

// sys.displayhook (used by 'single' mode code, e.g. the REPL and
// exec(compile(..., 'single'))): print repr(value) and keep it in builtins._.
Object* sys_displayhook(Object*, Object* o) {
  if (o == None) return new_ref(None);
  Object* builtins = interp_get()->builtins_module;
  if (!builtins) return err_string(&exc::RuntimeError, "lost builtins module");
  if (object_setattr_str(builtins, "_", None) < 0) return nullptr;
  Object* out = sys_get_object("stdout");
  if (!out || out == None) return err_string(&exc::RuntimeError, "lost sys.stdout");
  Ref<> r = steal(object_repr(o));
  if (!r) return nullptr;
  if (sys_write_str(out, r.get()) < 0 || sys_write_cstr(out, "\n") < 0) return nullptr;
  if (object_setattr_str(builtins, "_", o) < 0) return nullptr;
  return new_ref(None);
}

const MethodDef sys_methods[] = {
    {"displayhook", reinterpret_cast<void*>(sys_displayhook), kMethO,
     "displayhook($module, object, /)\n--\n\nPrint an object to sys.stdout and also save it in builtins._"},
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

// Struct-sequence types of the sys module (immortal, like static types).
StructSeqType version_info_type, flags_type, float_info_type, int_info_type, hash_info_type, thread_info_type;

const StructSeqField version_info_fields[] = {
    {"major", "Major release number"}, {"minor", "Minor release number"}, {"micro", "Patch release number"},
    {"releaselevel", "'alpha', 'beta', 'candidate', or 'final'"}, {"serial", "Serial release number"}, {nullptr, nullptr}};
const StructSeqDesc version_info_desc = {"sys.version_info", "sys.version_info\n\nVersion information as a named tuple.",
                                         version_info_fields, 5, true};
const StructSeqField flags_fields[] = {
    {"debug", "-d"}, {"inspect", "-i"}, {"interactive", "-i"}, {"optimize", "-O or -OO"},
    {"dont_write_bytecode", "-B"}, {"no_user_site", "-s"}, {"no_site", "-S"}, {"ignore_environment", "-E"},
    {"verbose", "-v"}, {"bytes_warning", "-b"}, {"quiet", "-q"}, {"hash_randomization", "-R"},
    {"isolated", "-I"}, {"dev_mode", "-X dev"}, {"utf8_mode", "-X utf8"}, {"warn_default_encoding", "-X warn_default_encoding"},
    {"safe_path", "-P"}, {"int_max_str_digits", "-X int_max_str_digits"}, {"gil", "-X gil"},
    {"thread_inherit_context", "-X thread_inherit_context"}, {"context_aware_warnings", "-X context_aware_warnings"},
    {nullptr, nullptr}};
const StructSeqDesc flags_desc = {"sys.flags", "sys.flags\n\nFlags provided through command line arguments or environment vars.",
                                  flags_fields, 18, true};
const StructSeqField float_info_fields[] = {
    {"max", "DBL_MAX -- maximum representable finite float"}, {"max_exp", "DBL_MAX_EXP -- maximum int e such that radix**(e-1) is representable"},
    {"max_10_exp", "DBL_MAX_10_EXP -- maximum int e such that 10**e is representable"},
    {"min", "DBL_MIN -- Minimum positive normalized float"}, {"min_exp", "DBL_MIN_EXP -- minimum int e such that radix**(e-1) is a normalized float"},
    {"min_10_exp", "DBL_MIN_10_EXP -- minimum int e such that 10**e is a normalized float"},
    {"dig", "DBL_DIG -- maximum number of decimal digits that can be faithfully represented in a float"},
    {"mant_dig", "DBL_MANT_DIG -- mantissa digits"}, {"epsilon", "DBL_EPSILON -- Difference between 1 and the next representable float"},
    {"radix", "FLT_RADIX -- radix of exponent"}, {"rounds", "FLT_ROUNDS -- rounding mode used for arithmetic operations"},
    {nullptr, nullptr}};
const StructSeqDesc float_info_desc = {"sys.float_info", "sys.float_info\n\nA named tuple holding information about the float type.",
                                       float_info_fields, 11};
const StructSeqField int_info_fields[] = {
    {"bits_per_digit", "size of a digit in bits"}, {"sizeof_digit", "size in bytes of the C type used to represent a digit"},
    {"default_max_str_digits", "maximum string conversion digits limitation"},
    {"str_digits_check_threshold", "minimum positive value for int_max_str_digits"}, {nullptr, nullptr}};
const StructSeqDesc int_info_desc = {"sys.int_info", "sys.int_info\n\nA named tuple that holds information about Python's\ninternal representation of integers.  The attributes are read only.",
                                     int_info_fields, 4};
const StructSeqField hash_info_fields[] = {
    {"width", "width of the type used for hashing, in bits"}, {"modulus", "prime number giving the modulus on which the hash function is based"},
    {"inf", "value to be used for hash of a positive infinity"}, {"nan", "value to be used for hash of a nan"},
    {"imag", "multiplier used for the imaginary part of a complex number"}, {"algorithm", "name of the algorithm for hashing of str, bytes and memoryviews"},
    {"hash_bits", "internal output size of hash algorithm"}, {"seed_bits", "seed size of hash algorithm"},
    {"cutoff", "small string optimization cutoff"}, {nullptr, nullptr}};
const StructSeqDesc hash_info_desc = {"sys.hash_info", "hash_info\n\nA named tuple providing parameters used for computing\nhashes. The attributes are read only.",
                                      hash_info_fields, 9};
const StructSeqField thread_info_fields[] = {
    {"name", "name of the thread implementation"}, {"lock", "name of the lock implementation"},
    {"version", "name and version of the thread library"}, {nullptr, nullptr}};
const StructSeqDesc thread_info_desc = {"sys.thread_info", "sys.thread_info\n\nA named tuple holding information about the thread implementation.",
                                        thread_info_fields, 3};

// Builds an instance of `t` from already-made values (stolen; any null -> failure).
Object* make_structseq(StructSeqType* t, std::initializer_list<Object*> values) {
  Object* o = structseq_new(t);
  int i = 0;
  bool ok = o != nullptr;
  for (Object* v : values) {
    if (!v) ok = false;
    if (o) structseq_set_item(o, i, v);
    else xdecref(v);
    ++i;
  }
  if (!ok) { xdecref(o); return nullptr; }
  return o;
}

Object* i64(int64_t v) { return int_from_i64(v); }
Object* cstr(const char* s) { return str_from_cstr(s); }
Object* boolean(bool b) { return new_ref(bool_from(b)); }

int add_info_objects(Object* d, const Config& config) {
  for (auto [t, desc] : {std::pair{&version_info_type, &version_info_desc}, {&flags_type, &flags_desc},
                         {&float_info_type, &float_info_desc}, {&int_info_type, &int_info_desc},
                         {&hash_info_type, &hash_info_desc}, {&thread_info_type, &thread_info_desc}}) {
    if (!t->desc && structseq_init_type(t, desc) < 0) return -1;
  }
  bool hash_randomization = !(config.have_hash_seed && config.hash_seed == 0);
  Object* version = make_structseq(&version_info_type, {i64(kPyMajor), i64(kPyMinor), i64(kPyMicro), cstr("final"), i64(0)});
  if (set_steal(d, "version_info", version) < 0) return -1;
  Object* flags = make_structseq(&flags_type, {
      i64(0), i64(config.inspect), i64(0), i64(config.optimize), i64(config.dont_write_bytecode),
      i64(config.no_user_site), i64(config.no_site), i64(config.ignore_environment), i64(config.verbose),
      i64(config.bytes_warning), i64(config.quiet), i64(hash_randomization), i64(config.isolated), boolean(false),
      i64(0), i64(0), boolean(config.safe_path), i64(interp_get()->int_max_str_digits), i64(1), i64(0), i64(0)});
  if (set_steal(d, "flags", flags) < 0) return -1;
  Object* fi = make_structseq(&float_info_type, {
      float_from_double(DBL_MAX), i64(DBL_MAX_EXP), i64(DBL_MAX_10_EXP), float_from_double(DBL_MIN), i64(DBL_MIN_EXP),
      i64(DBL_MIN_10_EXP), i64(DBL_DIG), i64(DBL_MANT_DIG), float_from_double(DBL_EPSILON), i64(FLT_RADIX), i64(1)});
  if (set_steal(d, "float_info", fi) < 0) return -1;
  Object* ii = make_structseq(&int_info_type, {i64(30), i64(4), i64(4300), i64(640)});
  if (set_steal(d, "int_info", ii) < 0) return -1;
  Object* hi = make_structseq(&hash_info_type, {i64(64), i64((int64_t(1) << 61) - 1), i64(314159), i64(0), i64(1000003),
                                                cstr("siphash13"), i64(64), i64(128), i64(0)});
  if (set_steal(d, "hash_info", hi) < 0) return -1;
  Object* ti = make_structseq(&thread_info_type, {cstr("pthread"), cstr("semaphore"), new_ref(None)});
  if (set_steal(d, "thread_info", ti) < 0) return -1;
  // sys.implementation: pyxx's own name and cache tag (DESIGN.md section 5).
  Ref<> impl = steal(dict_new());
  if (!impl) return -1;
  Ref<> name = steal(cstr("pyxx")), tag = steal(cstr("pyxx-314")), hex = steal(i64(kPyHexVersion));
  Ref<> multiarch = steal(cstr("x86_64-linux-gnu"));
  if (!name || !tag || !hex || !multiarch || dict_setitem_str(impl.get(), "name", name.get()) < 0 ||
      dict_setitem_str(impl.get(), "cache_tag", tag.get()) < 0 ||
      dict_setitem_str(impl.get(), "version", dict_getitem_str(d, "version_info")) < 0 ||
      dict_setitem_str(impl.get(), "hexversion", hex.get()) < 0 ||
      dict_setitem_str(impl.get(), "_multiarch", multiarch.get()) < 0 ||
      dict_setitem_str(impl.get(), "supports_isolated_interpreters", False) < 0)
    return -1;
  return set_steal(d, "implementation", namespace_new(impl.get()));
}


}  // namespace

namespace {
// Error handler of stdin/stdout (CPython's config_get_stdio_errors): UTF-8
// mode and the C/POSIX locale or a locale-coercion target use
// surrogateescape, anything else strict.
const char* stdio_errors(const Config& config) {
  const char* utf8 = config.ignore_environment ? nullptr : std::getenv("PYTHONUTF8");
  if (utf8 && std::strcmp(utf8, "1") == 0) return "surrogateescape";
  std::string loc = "C";
  const char* l = ::setlocale(LC_CTYPE, "");
  if (l) loc = l;
  ::setlocale(LC_CTYPE, "C");
  if (loc == "C" || loc == "POSIX" || loc == "C.UTF-8" || loc == "C.utf8" || loc == "UTF-8") return "surrogateescape";
  if (utf8 && std::strcmp(utf8, "0") == 0) return "strict";
  return "strict";
}
}  // namespace

Object* sys_module_create(const Config& config) {
  Ref<> m = steal(module_from_def(&sys_def));
  if (!m) return nullptr;
  Object* d = module_dict(m.get());
  Interpreter* interp = interp_get();
  bool tty_out = ::isatty(1);
  const char* io_errors = stdio_errors(config);
  Ref<> in = steal(std_stream_new(0, "<stdin>", "r", true, false, io_errors));
  // line_buffering as CPython's create_stdio: buffered stdio and (a tty or stderr).
  Ref<> out = steal(std_stream_new(1, "<stdout>", "w", tty_out && !config.unbuffered, config.unbuffered, io_errors));
  Ref<> err = steal(std_stream_new(2, "<stderr>", "w", !config.unbuffered, config.unbuffered, "backslashreplace"));
  if (!in || !out || !err) return nullptr;
  std::string prefix = config.stdlib_dir;
  std::string executable = config.executable;
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
      add_info_objects(d, config) < 0 ||
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
  Object* dhook = dict_getitem_str(d, "displayhook");
  if (dhook && dict_setitem_str(d, "__displayhook__", dhook) < 0) return nullptr;
  return m.release();
}

}  // namespace pyxx
