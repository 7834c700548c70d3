// Start-up and shutdown of the runtime: state objects, static types, the
// builtins and sys modules (DESIGN.md section 7).
#include "runtime/lifecycle.h"
#include <cstdio>
#include <cstdlib>
#include "core/abstract.h"
#include "core/error.h"
#include "core/state.h"
#include "core/type.h"
#include "modules/builtins.h"
#include "modules/sys.h"
#include "objects/dict.h"
#include "objects/exceptions.h"
#include "objects/hash.h"
#include "objects/module.h"
#include "objects/str.h"
#include "runtime/all_types.h"
#include "runtime/warnings.h"

// Every area's init functions (the static types are declared by the headers
// included below).
#define PYXX_STATIC_TYPE(T)
#define PYXX_TYPE_INIT(fn) void fn();
namespace pyxx {
#include "runtime/static_types.inc"
}  // namespace pyxx
#undef PYXX_STATIC_TYPE
#undef PYXX_TYPE_INIT

namespace pyxx {

namespace {
// The process's one runtime (a single main interpreter for now; the state is
// kept in these objects so more interpreters can be added, PEP 734).
struct RuntimeHolder {
  Runtime runtime{};
  Config config;
};
RuntimeHolder* g_holder = nullptr;

void init_static_type_headers() {
#define PYXX_STATIC_TYPE(T) T.refcnt = kImmortalRefcnt; T.type = &TypeType;
#define PYXX_TYPE_INIT(fn)
#include "runtime/static_types.inc"
#undef PYXX_STATIC_TYPE
#undef PYXX_TYPE_INIT
}

void run_type_inits() {
#define PYXX_STATIC_TYPE(T)
#define PYXX_TYPE_INIT(fn) fn();
#include "runtime/static_types.inc"
#undef PYXX_STATIC_TYPE
#undef PYXX_TYPE_INIT
}

int ready_static_types() {
#define PYXX_STATIC_TYPE(T) if (type_ready(&T) < 0) return -1;
#define PYXX_TYPE_INIT(fn)
#include "runtime/static_types.inc"
#undef PYXX_STATIC_TYPE
#undef PYXX_TYPE_INIT
  return 0;
}

void print_init_error(const char* what) {
  std::fprintf(stderr, "Fatal Python error: %s\n", what);
  if (err_occurred()) {
    Object* e = err_get_raised();
    Object* r = e ? object_repr(e) : nullptr;
    if (r) std::fprintf(stderr, "%s\n", str_as_utf8(r));
    xdecref(r);
    xdecref(e);
  }
}
}  // namespace

const Config& runtime_config() { return g_holder->config; }

int runtime_initialize(const Config& config) {
  if (g_holder) return 0;
  g_holder = new RuntimeHolder();
  g_holder->config = config;
  Runtime* rt = &g_holder->runtime;
  Interpreter* interp = static_cast<Interpreter*>(std::calloc(1, sizeof(Interpreter)));
  ThreadState* ts = static_cast<ThreadState*>(std::calloc(1, sizeof(ThreadState)));
  if (!interp || !ts) { std::fprintf(stderr, "Fatal Python error: out of memory\n"); return -1; }
  rt->main_interp = interp;
  interp->runtime = rt;
  interp->recursion_limit = 1000;
  interp->int_max_str_digits = 4300;
  interp->next_version_tag = 1;
  interp->verbose = config.verbose;
  interp->optimize = config.optimize;
  interp->dont_write_bytecode = config.dont_write_bytecode;
  interp->isolated = config.isolated;
  interp->safe_path = config.safe_path;
  interp->no_site = config.no_site;
  interp->quiet = config.quiet;
  interp->unbuffered = config.unbuffered;
  interp->inspect = config.inspect;
  ts->interp = interp;
  ts->exc_info = &ts->base_exc_info;
  ts->py_recursion_limit = interp->recursion_limit;
  ts->py_recursion_remaining = interp->recursion_limit;
  ts->id = 1;
  tstate_set(ts);

  init_hash_secret(interp, config.have_hash_seed, config.hash_seed);
  init_static_type_headers();
  run_type_inits();
  if (ready_static_types() < 0) { print_init_error("can't initialize types"); return -1; }

  interp->modules = dict_new();
  if (!interp->modules) { print_init_error("can't make sys.modules"); return -1; }
  Object* builtins = builtins_module_create();
  if (!builtins) { print_init_error("can't initialize builtins module"); return -1; }
  interp->builtins_module = builtins;
  interp->builtins = new_ref(module_dict(builtins));
  Object* sys = sys_module_create(config);
  if (!sys) { print_init_error("can't initialize sys module"); return -1; }
  interp->sys_module = sys;
  interp->sysdict = new_ref(module_dict(sys));
  if (dict_setitem_str(interp->modules, "builtins", builtins) < 0 ||
      dict_setitem_str(interp->modules, "sys", sys) < 0) {
    print_init_error("can't register core modules");
    return -1;
  }
  warnings_init(config);
  interp->import_func = dict_getitem_str(interp->builtins, "__import__");
  xincref(interp->import_func);
  rt->initialized = true;
  return 0;
}

void runtime_finalize() {
  if (!g_holder || !g_holder->runtime.initialized) return;
  g_holder->runtime.finalizing = true;
  // CPython's finalize_modules drops __main__ from sys.modules; its globals
  // dict then dies (directly or through the cycle collector), releasing the
  // values in insertion order, so __del__ of objects kept in globals still
  // runs at exit, while the rest of the runtime is intact.
  // finalize_modules_delete_special: forget the last uncaught exception (its
  // traceback keeps frames and their locals alive) and builtins._.
  for (const char* name : {"last_exc", "last_type", "last_value", "last_traceback"}) {
    if (sys_get_object(name) && sys_set_object(name, None) < 0) err_clear();
  }
  if (Object* bm = interp_get()->builtins_module) {
    Object* bd = module_dict(bm);
    if (bd && dict_getitem_str(bd, "_") && dict_setitem_str(bd, "_", None) < 0) err_clear();
  }
  Object* modules = sys_get_object("modules");
  if (modules && dict_check(modules)) {
    Object* main = dict_getitem_str(modules, "__main__");
    if (main && module_check(main)) {
      Ref<> keep = Ref<>::borrow(main);
      Ref<> d = Ref<>::borrow(module_dict(main));
      Ref<> key = steal(str_from_cstr("__main__"));
      if (!key || dict_delitem(modules, key.get()) < 0) err_clear();
      if (d && dict_check(d.get())) dict_clear(d.get());
      if (err_occurred()) err_clear();
    }
  }
  sys_flush_std_streams();
}

void runtime_initialize_for_tests() {
  if (g_holder) return;
  Config config;
  config.program_name = "pyxx";
  config.argv = {""};
  config.have_hash_seed = true;
  config.hash_seed = 0;
  if (runtime_initialize(config) < 0) std::abort();
}

}  // namespace pyxx
