// ast_dump(): the text of the reference's ast.dump(tree, include_attributes=...)
// with its defaults (annotate_fields=True, indent=None, show_empty=False).
// The per-node code is generated from Python.asdl (ast_dump_gen.inc).
#include "parser/ast_dump.h"

#include <string>

#include "core/abstract.h"
#include "core/error.h"
#include "objects/str.h"
#include "parser/ast_nodes.h"

namespace pyxx {

namespace {
using namespace pyxx::ast;

class Dumper {
 public:
  explicit Dumper(bool attrs) : attrs_(attrs) {}
  std::string out_;
  bool ok_ = true;

#include "parser/ast_dump_gen.inc"

 private:
  bool attrs_;
  std::string first_stack_;  // one char per open node: '1' until its first field

  void open(const char* name) {
    out_ += name;
    out_ += '(';
    first_stack_.push_back('1');
  }
  void close() {
    first_stack_.pop_back();
    out_ += ')';
  }
  void key(const char* name) {
    if (first_stack_.back() == '1') first_stack_.back() = '0';
    else out_ += ", ";
    out_ += name;
    out_ += '=';
  }
  void integer(long v) { out_ += std::to_string(v); }
  void enumv(const char* name) {
    out_ += name;
    out_ += "()";
  }
  void obj(Object* o) {
    if (!o) {
      out_ += "None";
      return;
    }
    Ref<> r = steal(object_repr(o));
    if (!r) {
      ok_ = false;
      err_clear();
      out_ += "<repr failed>";
      return;
    }
    out_ += str_view(r.get());
  }
};
}  // namespace

std::string ast_dump(const ast::Mod* mod, bool include_attributes) {
  Dumper d(include_attributes);
  d.node(const_cast<ast::Mod*>(mod));
  return std::move(d.out_);
}

}  // namespace pyxx
