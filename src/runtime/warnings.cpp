// Warnings before the `warnings` module: warnings.showwarning's output format
// ("file:line: Category: message" then the stripped source line) and the
// simple -W action filters (error, ignore, default, always, once, module),
// optionally restricted to a category by name.
#include "runtime/warnings.h"
#include <string>
#include "core/abstract.h"
#include "core/error.h"
#include "core/state.h"
#include "modules/sys.h"
#include "objects/exceptions.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "parser/parser.h"
#include "runtime/lifecycle.h"
#include "runtime/run.h"

namespace pyxx {
namespace {

enum class Action { Show, Ignore, Error };

// The last matching -W option wins, as the filters list is searched in order
// with later options inserted at the front.
Action action_for(Type* category) {
  const Config& config = runtime_config();
  Action action = Action::Show;
  for (const std::string& opt : config.warnoptions) {
    std::string act = opt.substr(0, opt.find(':'));
    std::string cat;
    size_t c1 = opt.find(':');
    if (c1 != std::string::npos) {
      size_t c2 = opt.find(':', c1 + 1);
      if (c2 != std::string::npos) {
        size_t c3 = opt.find(':', c2 + 1);
        cat = opt.substr(c2 + 1, c3 == std::string::npos ? std::string::npos : c3 - c2 - 1);
      }
    }
    if (!cat.empty()) {
      bool match = false;
      for (Type* t = category; t; t = t->tp_base)
        if (cat == type_name(t)) { match = true; break; }
      if (!match) continue;
    }
    if (act == "error") action = Action::Error;
    else if (act == "ignore") action = Action::Ignore;
    else if (!act.empty()) action = Action::Show;
  }
  return action;
}

int syntax_warning_hook_impl(Object* filename, int lineno, const char* message) {
  return warn_explicit_simple(&exc::SyntaxWarning, message, filename, lineno);
}

}  // namespace

int warn_explicit_simple(Type* category, const char* message, Object* filename, int lineno) {
  Action action = action_for(category);
  if (action == Action::Ignore) return 0;
  if (action == Action::Error) return 1;
  std::string file = filename && str_check(filename) ? std::string(str_view(filename)) : "<unknown>";
  std::string text = file + ":" + std::to_string(lineno) + ": " + type_name(category) + ": " + message + "\n";
  std::string line;
  if (get_source_line(file, lineno, &line)) {
    size_t b = line.find_first_not_of(" \t\f\v\r\n");
    size_t e = line.find_last_not_of(" \t\f\v\r\n");
    if (b != std::string::npos) text += "  " + line.substr(b, e - b + 1) + "\n";
  }
  Object* out = sys_get_object("stderr");
  if (!out || out == None) return 0;
  Ref<> s = steal(str_from_utf8(text.data(), ssize(text.size())));
  if (!s || sys_write_str(out, s.get()) < 0) return -1;
  return 0;
}

void warnings_init(const Config&) { set_syntax_warning_hook(syntax_warning_hook_impl); }

}  // namespace pyxx
