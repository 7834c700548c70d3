// Running __main__ from a file, a command string or stdin, and the top-level
// handling of SystemExit and uncaught exceptions (CPython's pymain_run_* /
// _Py_HandleSystemExit).
#include "runtime/run.h"
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <map>
#include <sstream>
#include <unistd.h>
#include "compiler/compile.h"
#include "core/abstract.h"
#include "core/error.h"
#include "core/state.h"
#include "modules/sys.h"
#include "objects/dict.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "runtime/lifecycle.h"
#include "vm/eval.h"

namespace pyxx {

namespace {

Object* make_main_module(const char* file) {
  Interpreter* interp = interp_get();
  Ref<> name = steal(str_from_cstr("__main__"));
  if (!name) return nullptr;
  Ref<> m = steal(module_new(name.get()));
  if (!m) return nullptr;
  Object* d = module_dict(m.get());
  if (dict_setitem_str(d, "__builtins__", interp->builtins_module) < 0) return nullptr;
  if (file) {
    Ref<> f = steal(str_from_cstr(file));
    if (!f || dict_setitem_str(d, "__file__", f.get()) < 0) return nullptr;
    if (dict_setitem_str(d, "__cached__", None) < 0) return nullptr;
  }
  if (dict_setitem_str(interp->modules, "__main__", m.get()) < 0) return nullptr;
  return m.release();
}

// Compiles and runs `source` as __main__; returns the exit status.
int run_source(const std::string& source, const char* filename, const char* main_file) {
  Ref<> main = steal(make_main_module(main_file));
  if (!main) return handle_uncaught_exception();
  Ref<> fn = steal(str_from_cstr(filename));
  if (!fn) return handle_uncaught_exception();
  Ref<> code = steal(compile_source(source, fn.get(), ParseMode::File, 0, -1));
  if (!code) return handle_uncaught_exception();
  Object* d = module_dict(main.get());
  Ref<> result = steal(eval_code(code.get(), d, d));
  if (!result) return handle_uncaught_exception();
  return 0;
}

bool read_all(std::FILE* f, std::string* out) {
  char buf[65536];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) out->append(buf, n);
  return !std::ferror(f);
}

// A UTF-8 byte-order mark is skipped, as CPython's tokenizer does.
void strip_bom(std::string* s) {
  if (s->size() >= 3 && (unsigned char)(*s)[0] == 0xEF && (unsigned char)(*s)[1] == 0xBB && (unsigned char)(*s)[2] == 0xBF)
    s->erase(0, 3);
}
}  // namespace

// Sources of pseudo-files live in the interpreter (a dict filename -> str);
// only -c registers today.
void register_source_text(const std::string& filename, const std::string& text) {
  Interpreter* interp = interp_get();
  if (!interp->source_texts && !(interp->source_texts = dict_new())) { err_clear(); return; }
  Ref<> key = steal(str_from_utf8(filename.data(), ssize(filename.size())));
  Ref<> value = steal(str_from_utf8(text.data(), ssize(text.size())));
  if (!key || !value || dict_setitem(interp->source_texts, key.get(), value.get()) < 0) err_clear();
}

bool get_source_line(const std::string& filename, int lineno, std::string* line) {
  if (lineno < 1) return false;
  std::string text;
  Object* registered = nullptr;
  if (Object* sources = interp_get()->source_texts) {
    Ref<> key = steal(str_from_utf8(filename.data(), ssize(filename.size())));
    if (!key) { err_clear(); return false; }
    registered = dict_getitem(sources, key.get());
  }
  if (registered) {
    text = std::string(str_view(registered));
  } else {
    if (filename.empty() || (filename.front() == '<' && filename.back() == '>')) return false;
    std::ifstream in(filename, std::ios::binary);
    if (!in) return false;
    std::ostringstream ss;
    ss << in.rdbuf();
    text = ss.str();
  }
  size_t pos = 0;
  for (int i = 1; i < lineno; ++i) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string::npos) return false;
    pos = nl + 1;
  }
  if (pos >= text.size()) return false;
  size_t end = text.find('\n', pos);
  *line = text.substr(pos, end == std::string::npos ? std::string::npos : end - pos);
  if (!line->empty() && line->back() == '\r') line->pop_back();
  return true;
}

bool unhandled_keyboard_interrupt() { return interp_get()->runtime->unhandled_keyboard_interrupt; }

int handle_uncaught_exception() {
  Object* exc = err_get_raised();
  if (!exc) return 1;
  if (exc->type == &exc::KeyboardInterrupt) interp_get()->runtime->unhandled_keyboard_interrupt = true;
  if (err_given_exception_matches(exc, &exc::SystemExit)) {
    Object* code = static_cast<SystemExitObject*>(exc)->code;
    int status = 0;
    if (!code || code == None) {
      status = 0;
    } else if (int_check(code)) {
      int overflow = 0;
      int64_t v = int_as_i64_overflow(code, &overflow);
      status = overflow ? -1 : int(v);
    } else {
      // Other values are printed to stderr and give status 1.
      Object* err = sys_get_object("stderr");
      Ref<> s = steal(object_str(code));
      if (err && err != None && s) {
        if (sys_write_str(err, s.get()) < 0 || sys_write_cstr(err, "\n") < 0) err_clear();
      } else {
        err_clear();
      }
      status = 1;
    }
    decref(exc);
    sys_flush_std_streams();
    return status;
  }
  // sys.last_exc etc. as CPython's PyErr_PrintEx(1).
  if (sys_set_object("last_exc", exc) < 0 || sys_set_object("last_value", exc) < 0 ||
      sys_set_object("last_type", exc->type) < 0) {
    err_clear();
  }
  Object* tb = exception_get_traceback(exc);
  if (sys_set_object("last_traceback", tb ? tb : None) < 0) err_clear();
  sys_flush_std_streams();
  Object* hook = sys_get_object("excepthook");
  if (hook) {  // None is called too (and fails), as CPython
    Object* tbv = tb ? tb : None;
    Object* r = call_args(hook, {exc->type, exc, tbv});
    if (!r) {
      // A failing hook: report both, like CPython.
      Object* hook_exc = err_get_raised();
      std::fputs("Error in sys.excepthook:\n", stderr);
      std::fflush(stderr);
      if (hook_exc) err_print_exception(hook_exc);
      sys_flush_std_streams();
      std::fputs("\nOriginal exception was:\n", stderr);
      std::fflush(stderr);
      err_print_exception(exc);
      xdecref(hook_exc);
    }
    xdecref(r);
  } else {
    std::fputs("sys.excepthook is missing\n", stderr);
    err_print_exception(exc);
  }
  decref(exc);
  sys_flush_std_streams();
  return 1;
}

int run_file(const std::string& path, const std::string& display_path) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  const Config& config = runtime_config();
  if (!f) {
    int e = errno;
    std::fprintf(stderr, "%s: can't open file %s: [Errno %d] %s\n", config.program_name.c_str(),
                 ("'" + display_path + "'").c_str(), e, std::strerror(e));
    return 2;
  }
  std::string source;
  bool ok = read_all(f, &source);
  std::fclose(f);
  if (!ok) {
    std::fprintf(stderr, "%s: can't read file '%s'\n", config.program_name.c_str(), display_path.c_str());
    return 2;
  }
  strip_bom(&source);
  return run_source(source, display_path.c_str(), display_path.c_str());
}

int run_command(const std::string& command) {
  register_source_text("<string>", command);
  return run_source(command, "<string>", nullptr);
}

int run_stdin() {
  std::string source;
  if (!read_all(stdin, &source)) {
    std::fprintf(stderr, "%s: can't read <stdin>\n", runtime_config().program_name.c_str());
    return 2;
  }
  strip_bom(&source);
  return run_source(source, "<stdin>", "<stdin>");
}

}  // namespace pyxx
