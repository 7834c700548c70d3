// Symbol table construction and name resolution (CPython 3.14's symtable.c
// algorithm: collect DEF_* flags per scope, then analyze blocks top-down with
// the bound/global/free sets, turning locals captured by children into cells
// and inlining non-generator comprehensions into their parent scope).
#include "compiler/symtable.h"

#include <cstdarg>
#include <fstream>
#include <string>
#include <unordered_set>

#include "core/error.h"
#include "core/state.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"

namespace pyxx::compiler {

using namespace ast;

bool raise_syntax_error(Object* filename, int lineno, int col, int end_lineno, int end_col, const char* fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  Object* msg = str_from_format_v(fmt, ap);
  va_end(ap);
  if (!msg) return false;
  Object* ln = int_from_i64(lineno);
  Object* off = int_from_i64(col + 1);
  Object* eln = int_from_i64(end_lineno);
  Object* eoff = int_from_i64(end_col + 1);
  // The offending source line, read back from the file as CPython's PyErr_ProgramTextObject.
  Object* text = nullptr;
  if (filename && str_check(filename) && lineno > 0) {
    std::ifstream f{std::string(str_view(filename)), std::ios::binary};
    std::string line;
    for (int i = 0; f && i < lineno; i++) {
      if (!std::getline(f, line)) { line.clear(); f.setstate(std::ios::failbit); break; }
    }
    if (f) {
      line += '\n';
      text = str_from(line);
      if (!text) err_clear();
    }
  }
  Object* loc = tuple_pack({filename ? filename : None, ln, off, text ? text : None, eln, eoff});
  xdecref(text);
  Object* args = loc ? tuple_pack({msg, loc}) : nullptr;
  if (args) err_set_object(&exc::SyntaxError, args);
  xdecref(args); xdecref(loc); decref(msg); xdecref(ln); xdecref(off); xdecref(eln); xdecref(eoff);
  return false;
}

Object* mangle_name(Object* privateobj, Object* name) {
  std::string_view n = str_view(name);
  if (!privateobj || n.size() < 2 || n[0] != '_' || n[1] != '_') return new_ref(name);
  if ((n.size() >= 4 && n.substr(n.size() - 2) == "__") || n.find('.') != std::string_view::npos) return new_ref(name);
  std::string_view p = str_view(privateobj);
  size_t k = 0;
  while (k < p.size() && p[k] == '_') k++;
  if (k == p.size()) return new_ref(name);
  std::string r = "_";
  r += p.substr(k);
  r += n;
  Object* s = str_from(r);
  if (!s) return nullptr;
  return str_intern(s);
}

namespace {

Object* intern(const char* s) { return str_intern_cstr(s); }

struct Builder {
  Symtable& st;
  Object* filename;
  SymEntry* cur = nullptr;
  std::vector<SymEntry*> stack;
  Object* private_name = nullptr;
  bool ok = true;

  // C-stack guard for the recursive visitors (CPython: " during compilation").
  struct RecursionGuard {
    bool entered;
    explicit RecursionGuard(Builder* b) : entered(b->ok) {
      if (entered && enter_recursive_call(" during compilation") < 0) {
        b->ok = false;
        entered = false;
      }
    }
    ~RecursionGuard() { if (entered) leave_recursive_call(); }
  };

  SymEntry* enter(BlockType t, Object* name, const void* key, int lineno, int col, int elineno, int ecol) {
    SymEntry* e = new SymEntry();
    e->type = t;
    e->name = name;
    e->key = key;
    e->lineno = lineno; e->col_offset = col; e->end_lineno = elineno; e->end_col_offset = ecol;
    if (cur) {
      cur->children.push_back(e);
      e->nested = is_function_like(cur) || cur->nested;
      // functions, lambdas and comprehensions directly in a class body: CO_METHOD
      e->method = cur->type == BlockType::Class && t == BlockType::Function;
    }
    e->mangled_private = private_name;
    st.all.push_back(e);
    st.by_key_[key] = e;
    stack.push_back(e);
    cur = e;
    return e;
  }
  void leave() {
    stack.pop_back();
    cur = stack.empty() ? nullptr : stack.back();
  }

  bool err(int lineno, int col, int elineno, int ecol, const char* fmt, Object* name = nullptr) {
    ok = false;
    return raise_syntax_error(filename, lineno, col, elineno, ecol, fmt, name);
  }

  Object* mangle(Object* name) {
    Object* m = mangle_name(private_name, name);
    if (m && m != name) { st_owned.push_back(m); return m; }
    xdecref(m);
    return name;
  }
  std::vector<Object*> st_owned;

  bool add_def(Object* name, int flag, SymEntry* e = nullptr) {
    if (!e) e = cur;
    Object* m = mangle(name);
    int old = e->get_flags(m);
    if ((flag & kDefParam) && (old & kDefParam)) {
      ok = false;
      return false;
    }
    e->add_flag(m, flag);
    if (flag & kDefParam) e->varnames.push_back(m);
    if (flag & kDefGlobal) st.top->add_flag(m, kDefGlobal);
    return true;
  }

  bool is_function_like(SymEntry* e) {
    return e->type == BlockType::Function || e->type == BlockType::Annotation ||
           e->type == BlockType::TypeAlias || e->type == BlockType::TypeVariable || e->type == BlockType::TypeParameters;
  }

  // --- visitors ---
  void visit_seq(Seq<Stmt*> s) { for (Stmt* x : s) visit_stmt(x); }
  void visit_exprs(Seq<Expr*> s) { for (Expr* x : s) if (x) visit_expr(x); }

  void visit_params(Seq<Arg*> args) {
    for (Arg* a : args) add_def(a->arg, kDefParam);
  }
  void visit_arguments(Arguments* a) {
    visit_params(a->posonlyargs);
    visit_params(a->args);
    visit_params(a->kwonlyargs);
    if (a->vararg) { add_def(a->vararg->arg, kDefParam); cur->varargs = true; }
    if (a->kwarg) { add_def(a->kwarg->arg, kDefParam); cur->varkeywords = true; }
  }
  bool has_annotations(Arguments* a, Expr* returns) {
    if (returns) return true;
    for (auto* s : {&a->posonlyargs, &a->args, &a->kwonlyargs})
      for (Arg* x : *s) if (x->annotation) return true;
    if (a->vararg && a->vararg->annotation) return true;
    if (a->kwarg && a->kwarg->annotation) return true;
    return false;
  }
  void visit_annotations(Stmt* s, Arguments* a, Expr* returns) {
    if (!has_annotations(a, returns)) return;
    bool cls = cur->type == BlockType::Class || cur->can_see_class_scope;
    SymEntry* ann = enter(BlockType::Annotation, intern("__annotate__"), a, s->lineno, s->col_offset, s->end_lineno, s->end_col_offset);
    ann->can_see_class_scope = cls;
    if (cls) add_def(intern("__classdict__"), kDefUse);
    add_def(intern("format"), kDefParam);
    for (auto* sq : {&a->posonlyargs, &a->args, &a->kwonlyargs})
      for (Arg* x : *sq) if (x->annotation) visit_expr(x->annotation);
    if (a->vararg && a->vararg->annotation) visit_expr(a->vararg->annotation);
    if (a->kwarg && a->kwarg->annotation) visit_expr(a->kwarg->annotation);
    if (returns) visit_expr(returns);
    leave();
  }

  void visit_function(Stmt* s, Object* name, Arguments* args, Seq<Stmt*> body, Seq<Expr*> decos, Expr* returns, bool async,
                      Seq<TypeParam*> type_params = {}) {
    visit_exprs(decos);
    if (cur->type == BlockType::Class) cur->needs_classdict = true;
    visit_exprs(args->defaults);
    visit_exprs(args->kw_defaults);
    add_def(name, kDefLocal);
    bool generic = !type_params.empty();
    if (generic) {
      bool has_kwdefaults = false;
      for (Expr* d : args->kw_defaults) if (d) has_kwdefaults = true;
      // CPython passes a non-NULL (possibly empty) defaults sequence: always true
      enter_type_param_block(name, type_params.items, true, has_kwdefaults, false, s);
      for (TypeParam* tp : type_params) visit_type_param(tp);
    }
    visit_annotations(s, args, returns);
    SymEntry* f = enter(BlockType::Function, name, s, s->lineno, s->col_offset, s->end_lineno, s->end_col_offset);
    if (async) f->coroutine = true;
    visit_arguments(args);
    if (!body.empty() && body[0]->kind == Stmt::Kind::Expr) {
      Expr* v = cast<ExprStmt>(body[0])->value;
      if (v->kind == Expr::Kind::Constant && str_check(cast<Constant>(v)->value)) f->has_docstring = true;
    }
    visit_seq(body);
    leave();
    if (generic) leave();
  }

  // PEP 695: the implicit function scope holding the type parameters.
  void enter_type_param_block(Object* name, const void* key, bool has_defaults, bool has_kwdefaults, bool is_class,
                              Stmt* s) {
    bool in_class = cur->type == BlockType::Class;
    enter(BlockType::TypeParameters, name, key, s->lineno, s->col_offset, s->end_lineno, s->end_col_offset);
    if (in_class) {
      cur->can_see_class_scope = true;
      add_def(intern("__classdict__"), kDefUse);
    }
    if (is_class) {
      add_def(intern(".type_params"), kDefLocal);
      add_def(intern(".type_params"), kDefUse);
      add_def(intern(".generic_base"), kDefLocal);
      add_def(intern(".generic_base"), kDefUse);
    }
    if (has_defaults) add_def(intern(".defaults"), kDefParam);
    if (has_kwdefaults) add_def(intern(".kwdefaults"), kDefParam);
  }
  void visit_type_param_bound_or_default(Expr* e, Object* name, const void* key, TypeParam* tp, const char* info) {
    if (str_eq_cstr(name, "__classdict__")) {
      err(tp->lineno, tp->col_offset, tp->end_lineno, tp->end_col_offset,
          "reserved name '__classdict__' cannot be used for type parameter");
      return;
    }
    if (!e) return;
    bool in_class = cur->can_see_class_scope;
    enter(BlockType::TypeVariable, name, key, e->lineno, e->col_offset, e->end_lineno, e->end_col_offset);
    cur->can_see_class_scope = in_class;
    cur->scope_info = info;
    if (in_class) add_def(intern("__classdict__"), kDefUse);
    add_def(intern(".format"), kDefParam);
    add_def(intern(".format"), kDefUse);
    visit_expr(e);
    leave();
  }
  bool add_type_param(Object* name, TypeParam* tp) {
    if (cur->get_flags(mangle(name)) & kDefTypeParam)
      return err(tp->lineno, tp->col_offset, tp->end_lineno, tp->end_col_offset, "duplicate type parameter '%U'", name);
    return add_def(name, kDefTypeParam | kDefLocal);
  }
  // yield/await/walrus are not allowed in annotation-like scopes (CPython's
  // symtable_raise_if_annotation_block); false with the error set.
  bool check_annotation_block(const char* what, Expr* e) {
    std::string msg;
    switch (cur->type) {
      case BlockType::Annotation: msg = std::string(what) + " cannot be used within an annotation"; break;
      case BlockType::TypeVariable: msg = std::string(what) + " cannot be used within " + cur->scope_info; break;
      case BlockType::TypeAlias: msg = std::string(what) + " cannot be used within a type alias"; break;
      case BlockType::TypeParameters: msg = std::string(what) + " cannot be used within the definition of a generic"; break;
      default: return true;
    }
    ok = false;
    raise_syntax_error(filename, e->lineno, e->col_offset, e->end_lineno, e->end_col_offset, "%s", msg.c_str());
    return false;
  }
  void visit_type_param(TypeParam* tp) {
    switch (tp->kind) {
      case TypeParam::Kind::TypeVar: {
        auto* t = cast<TypeVar>(tp);
        if (!add_type_param(t->name, tp)) return;
        const char* info = !t->bound ? nullptr : t->bound->kind == Expr::Kind::Tuple ? "a TypeVar constraint" : "a TypeVar bound";
        visit_type_param_bound_or_default(t->bound, t->name, tp, tp, info);
        if (!ok) return;
        visit_type_param_bound_or_default(t->default_value, t->name, reinterpret_cast<const char*>(tp) + 1, tp,
                                          "a TypeVar default");
        break;
      }
      case TypeParam::Kind::TypeVarTuple: {
        auto* t = cast<TypeVarTuple>(tp);
        if (!add_type_param(t->name, tp)) return;
        visit_type_param_bound_or_default(t->default_value, t->name, tp, tp, "a TypeVarTuple default");
        break;
      }
      case TypeParam::Kind::ParamSpec: {
        auto* t = cast<ParamSpec>(tp);
        if (!add_type_param(t->name, tp)) return;
        visit_type_param_bound_or_default(t->default_value, t->name, tp, tp, "a ParamSpec default");
        break;
      }
    }
  }

  void visit_stmt(Stmt* s) {
    RecursionGuard guard(this);
    if (!guard.entered) return;
    switch (s->kind) {
      case Stmt::Kind::FunctionDef: {
        auto* f = cast<FunctionDef>(s);
        visit_function(s, f->name, f->args, f->body, f->decorator_list, f->returns, false, f->type_params);
        break;
      }
      case Stmt::Kind::AsyncFunctionDef: {
        auto* f = cast<AsyncFunctionDef>(s);
        visit_function(s, f->name, f->args, f->body, f->decorator_list, f->returns, true, f->type_params);
        break;
      }
      case Stmt::Kind::ClassDef: {
        auto* c = cast<ClassDef>(s);
        add_def(c->name, kDefLocal);
        bool generic = !c->type_params.empty();
        Object* saved = private_name;
        if (generic) {
          visit_exprs(c->decorator_list);
          enter_type_param_block(c->name, c->type_params.items, false, false, true, s);
          private_name = c->name;
          cur->mangled_private = c->name;
          for (TypeParam* tp : c->type_params) visit_type_param(tp);
        }
        visit_exprs(c->bases);
        for (Keyword* k : c->keywords) visit_expr(k->value);
        if (!generic) visit_exprs(c->decorator_list);
        enter(BlockType::Class, c->name, s, s->lineno, s->col_offset, s->end_lineno, s->end_col_offset);
        private_name = c->name;
        cur->mangled_private = c->name;
        if (generic) {
          add_def(intern("__type_params__"), kDefLocal);
          add_def(intern(".type_params"), kDefUse);
        }
        visit_seq(c->body);
        private_name = saved;
        leave();
        if (generic) leave();
        break;
      }
      case Stmt::Kind::Return: {
        auto* r = cast<Return>(s);
        if (r->value) { visit_expr(r->value); cur->returns_value = true; }
        break;
      }
      case Stmt::Kind::Delete: visit_exprs(cast<Delete>(s)->targets); break;
      case Stmt::Kind::Assign: {
        auto* a = cast<Assign>(s);
        visit_exprs(a->targets);
        visit_expr(a->value);
        break;
      }
      case Stmt::Kind::AugAssign: {
        auto* a = cast<AugAssign>(s);
        visit_expr(a->target);
        visit_expr(a->value);
        break;
      }
      case Stmt::Kind::AnnAssign: {
        auto* a = cast<AnnAssign>(s);
        if (a->target->kind == Expr::Kind::Name) {
          Object* name = cast<Name>(a->target)->id;
          int old = cur->get_flags(mangle(name));
          if ((old & (kDefGlobal | kDefNonlocal)) && a->simple) {
            err(s->lineno, s->col_offset, s->end_lineno, s->end_col_offset,
                (old & kDefGlobal) ? "annotated name '%U' can't be global" : "annotated name '%U' can't be nonlocal", name);
            return;
          }
          if (a->simple) add_def(name, kDefAnnot | kDefLocal);
          else if (a->value) add_def(name, kDefLocal);
        } else {
          visit_expr(a->target);
        }
        // annotations of simple targets are compiled into __annotate__ (PEP 649)
        if (a->simple && (cur->type == BlockType::Module || cur->type == BlockType::Class)) {
          if (!cur->annotation_block) {
            bool cls = cur->type == BlockType::Class;
            SymEntry* parent = cur;
            SymEntry* ann = enter(BlockType::Annotation, intern("__annotate__"), parent, s->lineno, s->col_offset, s->end_lineno, s->end_col_offset);
            ann->can_see_class_scope = cls;
            if (cls) { add_def(intern("__classdict__"), kDefUse); parent->needs_classdict = true; }
            add_def(intern("format"), kDefParam);
            if (!cls) add_def(intern("__conditional_annotations__"), kDefUse);
            leave();
            parent->annotation_block = ann;
          }
          stack.push_back(cur->annotation_block);
          cur = cur->annotation_block;
          visit_expr(a->annotation);
          leave();
        } else if (!a->simple || cur->type == BlockType::Function) {
          // annotations in functions are not evaluated
          if (!a->simple) visit_expr(a->annotation);
        }
        if (a->value) visit_expr(a->value);
        break;
      }
      case Stmt::Kind::For:
      case Stmt::Kind::AsyncFor: {
        auto* f = static_cast<For*>(s);
        if (s->kind == Stmt::Kind::AsyncFor) {
          auto* af = cast<AsyncFor>(s);
          visit_expr(af->target); visit_expr(af->iter); visit_seq(af->body); visit_seq(af->orelse);
          break;
        }
        visit_expr(f->target);
        visit_expr(f->iter);
        visit_seq(f->body);
        visit_seq(f->orelse);
        break;
      }
      case Stmt::Kind::While: {
        auto* w = cast<While>(s);
        visit_expr(w->test); visit_seq(w->body); visit_seq(w->orelse);
        break;
      }
      case Stmt::Kind::If: {
        auto* w = cast<If>(s);
        visit_expr(w->test); visit_seq(w->body); visit_seq(w->orelse);
        break;
      }
      case Stmt::Kind::With:
      case Stmt::Kind::AsyncWith: {
        Seq<Withitem*> items = s->kind == Stmt::Kind::With ? cast<With>(s)->items : cast<AsyncWith>(s)->items;
        Seq<Stmt*> body = s->kind == Stmt::Kind::With ? cast<With>(s)->body : cast<AsyncWith>(s)->body;
        for (Withitem* w : items) {
          visit_expr(w->context_expr);
          if (w->optional_vars) visit_expr(w->optional_vars);
        }
        visit_seq(body);
        break;
      }
      case Stmt::Kind::Match: {
        auto* m = cast<Match>(s);
        visit_expr(m->subject);
        for (MatchCase* c : m->cases) {
          visit_pattern(c->pattern);
          if (c->guard) visit_expr(c->guard);
          visit_seq(c->body);
        }
        break;
      }
      case Stmt::Kind::Raise: {
        auto* r = cast<Raise>(s);
        if (r->exc) visit_expr(r->exc);
        if (r->cause) visit_expr(r->cause);
        break;
      }
      case Stmt::Kind::Try:
      case Stmt::Kind::TryStar: {
        auto* t = static_cast<Try*>(s);
        Seq<Stmt*> body = s->kind == Stmt::Kind::Try ? t->body : cast<TryStar>(s)->body;
        Seq<ExceptHandler*> hs = s->kind == Stmt::Kind::Try ? t->handlers : cast<TryStar>(s)->handlers;
        Seq<Stmt*> orelse = s->kind == Stmt::Kind::Try ? t->orelse : cast<TryStar>(s)->orelse;
        Seq<Stmt*> fin = s->kind == Stmt::Kind::Try ? t->finalbody : cast<TryStar>(s)->finalbody;
        visit_seq(body);
        for (ExceptHandler* h : hs) {
          if (h->type) visit_expr(h->type);
          if (h->name) add_def(h->name, kDefLocal);
          visit_seq(h->body);
        }
        visit_seq(orelse);
        visit_seq(fin);
        break;
      }
      case Stmt::Kind::Assert: {
        auto* a = cast<Assert>(s);
        visit_expr(a->test);
        if (a->msg) visit_expr(a->msg);
        break;
      }
      case Stmt::Kind::Import:
      case Stmt::Kind::ImportFrom: {
        Seq<Alias*> names = s->kind == Stmt::Kind::Import ? cast<Import>(s)->names : cast<ImportFrom>(s)->names;
        for (Alias* a : names) {
          Object* store = a->asname ? a->asname : a->name;
          std::string_view n = str_view(store);
          if (n == "*") {
            if (cur->type != BlockType::Module) {
              err(s->lineno, s->col_offset, s->end_lineno, s->end_col_offset, "import * only allowed at module level");
              return;
            }
            continue;
          }
          size_t dot = n.find('.');
          if (!a->asname && dot != std::string_view::npos) {
            Object* first = str_from(n.substr(0, dot));
            if (!first) { ok = false; return; }
            first = str_intern(first);
            st_owned.push_back(first);
            add_def(first, kDefImport);
          } else {
            add_def(store, kDefImport);
          }
        }
        break;
      }
      case Stmt::Kind::Global:
      case Stmt::Kind::Nonlocal: {
        bool global = s->kind == Stmt::Kind::Global;
        Seq<Object*> names = global ? cast<Global>(s)->names : cast<Nonlocal>(s)->names;
        if (!global && cur->type == BlockType::Module) {
          err(s->lineno, s->col_offset, s->end_lineno, s->end_col_offset, "nonlocal declaration not allowed at module level");
          return;
        }
        for (Object* name : names) {
          int old = cur->get_flags(mangle(name));
          const char* what = global ? "global" : "nonlocal";
          (void)what;
          if (old & (kDefParam | kDefLocal | kDefUse | kDefAnnot)) {
            const char* msg;
            if (old & kDefParam) msg = global ? "name '%U' is parameter and global" : "name '%U' is parameter and nonlocal";
            else if (old & kDefUse) msg = global ? "name '%U' is used prior to global declaration" : "name '%U' is used prior to nonlocal declaration";
            else if (old & kDefAnnot) msg = global ? "annotated name '%U' can't be global" : "annotated name '%U' can't be nonlocal";
            else msg = global ? "name '%U' is assigned to before global declaration" : "name '%U' is assigned to before nonlocal declaration";
            err(s->lineno, s->col_offset, s->end_lineno, s->end_col_offset, msg, name);
            return;
          }
          if (global && (old & kDefNonlocal)) {
            err(s->lineno, s->col_offset, s->end_lineno, s->end_col_offset, "name '%U' is nonlocal and global", name);
            return;
          }
          if (!global && (old & kDefGlobal)) {
            err(s->lineno, s->col_offset, s->end_lineno, s->end_col_offset, "name '%U' is nonlocal and global", name);
            return;
          }
          add_def(name, global ? kDefGlobal : kDefNonlocal);
          if (!global) nonlocal_locs[mangle(name)] = s;
        }
        break;
      }
      case Stmt::Kind::Expr: visit_expr(cast<ExprStmt>(s)->value); break;
      case Stmt::Kind::TypeAlias: {
        auto* t = cast<TypeAlias>(s);
        visit_expr(t->name);
        Object* name = cast<Name>(t->name)->id;
        bool in_class = cur->type == BlockType::Class;
        bool generic = !t->type_params.empty();
        if (generic) {
          enter_type_param_block(name, t->type_params.items, false, false, false, s);
          for (TypeParam* tp : t->type_params) visit_type_param(tp);
        }
        enter(BlockType::TypeAlias, name, s, s->lineno, s->col_offset, s->end_lineno, s->end_col_offset);
        cur->can_see_class_scope = in_class;
        if (in_class) add_def(intern("__classdict__"), kDefUse);
        add_def(intern(".format"), kDefParam);
        add_def(intern(".format"), kDefUse);
        visit_expr(t->value);
        leave();
        if (generic) leave();
        break;
      }
      default: break;
    }
  }
  std::unordered_map<Object*, Stmt*> nonlocal_locs;

  void visit_pattern(Pattern* p) {
    RecursionGuard guard(this);
    if (!guard.entered) return;
    switch (p->kind) {
      case Pattern::Kind::MatchValue: visit_expr(cast<MatchValue>(p)->value); break;
      case Pattern::Kind::MatchSequence: for (Pattern* q : cast<MatchSequence>(p)->patterns) visit_pattern(q); break;
      case Pattern::Kind::MatchStar: if (cast<MatchStar>(p)->name) add_def(cast<MatchStar>(p)->name, kDefLocal); break;
      case Pattern::Kind::MatchMapping: {
        auto* m = cast<MatchMapping>(p);
        visit_exprs(m->keys);
        for (Pattern* q : m->patterns) visit_pattern(q);
        if (m->rest) add_def(m->rest, kDefLocal);
        break;
      }
      case Pattern::Kind::MatchClass: {
        auto* m = cast<MatchClass>(p);
        visit_expr(m->cls);
        for (Pattern* q : m->patterns) visit_pattern(q);
        for (Pattern* q : m->kwd_patterns) visit_pattern(q);
        break;
      }
      case Pattern::Kind::MatchAs: {
        auto* m = cast<MatchAs>(p);
        if (m->pattern) visit_pattern(m->pattern);
        if (m->name) add_def(m->name, kDefLocal);
        break;
      }
      case Pattern::Kind::MatchOr: for (Pattern* q : cast<MatchOr>(p)->patterns) visit_pattern(q); break;
      default: break;
    }
  }

  void visit_comprehension(Expr* e, Seq<Comprehension*> gens, Expr* elt, Expr* value, CompKind kind) {
    Comprehension* outer = gens[0];
    visit_expr(outer->iter);
    const char* nm = kind == CompKind::Generator ? "<genexpr>" : kind == CompKind::List ? "<listcomp>"
                   : kind == CompKind::Set ? "<setcomp>" : "<dictcomp>";
    bool is_gen = kind == CompKind::Generator;
    SymEntry* c = enter(BlockType::Function, intern(nm), e, e->lineno, e->col_offset, e->end_lineno, e->end_col_offset);
    c->comp = kind;
    if (outer->is_async) c->coroutine = true;
    if (is_gen) c->generator = true;
    add_def(intern(".0"), kDefParam);
    comp_target(outer->target);
    visit_exprs(outer->ifs);
    for (ssize k = 1; k < gens.size; k++) {
      Comprehension* g = gens[k];
      comp_target(g->target);
      visit_expr(g->iter);
      visit_exprs(g->ifs);
      if (g->is_async) c->coroutine = true;
    }
    if (value) visit_expr(value);
    visit_expr(elt);
    leave();
  }
  void comp_target(Expr* t) {
    in_comp_target = true;
    visit_expr(t);
    in_comp_target = false;
  }
  bool in_comp_target = false;

  void visit_expr(Expr* e) {
    RecursionGuard guard(this);
    if (!guard.entered) return;
    switch (e->kind) {
      case Expr::Kind::BoolOp: visit_exprs(cast<BoolOp>(e)->values); break;
      case Expr::Kind::NamedExpr: {
        if (!check_annotation_block("named expression", e)) return;
        auto* n = cast<NamedExpr>(e);
        visit_expr(n->value);
        // The target binds in the nearest enclosing non-comprehension scope.
        Object* name = cast<Name>(n->target)->id;
        SymEntry* target_scope = nullptr;
        for (ssize k = ssize(stack.size()) - 1; k >= 0; k--) {
          SymEntry* s = stack[size_t(k)];
          if (s->comp == CompKind::None) { target_scope = s; break; }
        }
        if (cur->comp != CompKind::None && target_scope) {
          if (target_scope->type == BlockType::Module) {
            add_def(name, kDefGlobal);
            target_scope->add_flag(mangle(name), kDefGlobal);
          } else {
            bool is_global = (target_scope->get_flags(mangle(name)) & kDefGlobal) != 0;
            add_def(name, is_global ? kDefGlobal : kDefNonlocal);
            add_def(name, kDefLocal, target_scope);
          }
          // intervening comprehensions see the name as nonlocal too
          for (ssize k = ssize(stack.size()) - 2; k >= 0 && stack[size_t(k)] != target_scope; k--)
            stack[size_t(k)]->add_flag(mangle(name), kDefNonlocal);
        } else {
          add_def(name, kDefLocal);
        }
        break;
      }
      case Expr::Kind::BinOp: visit_expr(cast<BinOp>(e)->left); visit_expr(cast<BinOp>(e)->right); break;
      case Expr::Kind::UnaryOp: visit_expr(cast<UnaryOp>(e)->operand); break;
      case Expr::Kind::Lambda: {
        auto* l = cast<Lambda>(e);
        visit_exprs(l->args->defaults);
        visit_exprs(l->args->kw_defaults);
        enter(BlockType::Function, intern("<lambda>"), e, e->lineno, e->col_offset, e->end_lineno, e->end_col_offset);
        visit_arguments(l->args);
        visit_expr(l->body);
        leave();
        break;
      }
      case Expr::Kind::IfExp: {
        auto* i = cast<IfExp>(e);
        visit_expr(i->test); visit_expr(i->body); visit_expr(i->orelse);
        break;
      }
      case Expr::Kind::Dict: visit_exprs(cast<Dict>(e)->keys); visit_exprs(cast<Dict>(e)->values); break;
      case Expr::Kind::Set: visit_exprs(cast<Set>(e)->elts); break;
      case Expr::Kind::ListComp: visit_comprehension(e, cast<ListComp>(e)->generators, cast<ListComp>(e)->elt, nullptr, CompKind::List); break;
      case Expr::Kind::SetComp: visit_comprehension(e, cast<SetComp>(e)->generators, cast<SetComp>(e)->elt, nullptr, CompKind::Set); break;
      case Expr::Kind::DictComp: visit_comprehension(e, cast<DictComp>(e)->generators, cast<DictComp>(e)->key, cast<DictComp>(e)->value, CompKind::Dict); break;
      case Expr::Kind::GeneratorExp: visit_comprehension(e, cast<GeneratorExp>(e)->generators, cast<GeneratorExp>(e)->elt, nullptr, CompKind::Generator); break;
      case Expr::Kind::Await:
        if (!check_annotation_block("await expression", e)) return;
        visit_expr(cast<Await>(e)->value);
        cur->coroutine = cur->coroutine || cur->comp != CompKind::None;
        break;
      case Expr::Kind::Yield:
      case Expr::Kind::YieldFrom: {
        if (!check_annotation_block("yield expression", e)) return;
        if (cur->type == BlockType::Module || cur->type == BlockType::Class) {
          err(e->lineno, e->col_offset, e->end_lineno, e->end_col_offset,
              e->kind == Expr::Kind::Yield ? "'yield' outside function" : "'yield from' outside function");
          return;
        }
        if (cur->comp != CompKind::None) {
          err(e->lineno, e->col_offset, e->end_lineno, e->end_col_offset,
              cur->comp == CompKind::Generator ? "'yield' inside generator expression"
              : cur->comp == CompKind::List ? "'yield' inside list comprehension"
              : cur->comp == CompKind::Set ? "'yield' inside set comprehension" : "'yield' inside dict comprehension");
          return;
        }
        Expr* v = e->kind == Expr::Kind::Yield ? cast<Yield>(e)->value : cast<YieldFrom>(e)->value;
        if (v) visit_expr(v);
        cur->generator = true;
        break;
      }
      case Expr::Kind::Compare: visit_expr(cast<Compare>(e)->left); visit_exprs(cast<Compare>(e)->comparators); break;
      case Expr::Kind::Call: {
        auto* c = cast<Call>(e);
        visit_expr(c->func);
        visit_exprs(c->args);
        for (Keyword* k : c->keywords) visit_expr(k->value);
        break;
      }
      case Expr::Kind::FormattedValue: {
        auto* f = cast<FormattedValue>(e);
        visit_expr(f->value);
        if (f->format_spec) visit_expr(f->format_spec);
        break;
      }
      case Expr::Kind::Interpolation: {
        auto* f = cast<Interpolation>(e);
        visit_expr(f->value);
        if (f->format_spec) visit_expr(f->format_spec);
        break;
      }
      case Expr::Kind::JoinedStr: visit_exprs(cast<JoinedStr>(e)->values); break;
      case Expr::Kind::TemplateStr: visit_exprs(cast<TemplateStr>(e)->values); break;
      case Expr::Kind::Attribute: visit_expr(cast<Attribute>(e)->value); break;
      case Expr::Kind::Subscript: visit_expr(cast<Subscript>(e)->value); visit_expr(cast<Subscript>(e)->slice); break;
      case Expr::Kind::Starred: visit_expr(cast<Starred>(e)->value); break;
      case Expr::Kind::Slice: {
        auto* s = cast<Slice>(e);
        if (s->lower) visit_expr(s->lower);
        if (s->upper) visit_expr(s->upper);
        if (s->step) visit_expr(s->step);
        break;
      }
      case Expr::Kind::Name: {
        auto* n = cast<Name>(e);
        int flag = n->ctx == ExprContext::Load ? kDefUse : kDefLocal;
        if (in_comp_target && flag == kDefLocal) flag |= kDefCompIter;
        add_def(n->id, flag);
        if (n->ctx == ExprContext::Load && is_function_like(cur) && str_eq_cstr(n->id, "super"))
          add_def(intern("__class__"), kDefUse);
        break;
      }
      case Expr::Kind::List: visit_exprs(cast<List>(e)->elts); break;
      case Expr::Kind::Tuple: visit_exprs(cast<Tuple>(e)->elts); break;
      default: break;
    }
  }
};

using NameSet = std::unordered_set<Object*>;

struct Analyzer {
  Symtable& st;
  Object* filename;
  std::unordered_map<Object*, Stmt*>* nonlocal_locs;
  bool ok = true;

  bool analyze_name(SymEntry* ste, Object* name, int flags, NameSet* bound, NameSet& local, NameSet& free,
                    NameSet& global, SymEntry* class_entry) {
    if (flags & kDefGlobal) {
      ste->scopes[name] = kGlobalExplicit;
      global.insert(name);
      if (bound) bound->erase(name);
      return true;
    }
    if (flags & kDefNonlocal) {
      if (!bound || !bound->count(name)) {
        Stmt* s = nonlocal_locs->count(name) ? (*nonlocal_locs)[name] : nullptr;
        if (ste->comp != CompKind::None && (flags & kDefCompCell)) {
          // walrus target in a comprehension
          ste->scopes[name] = bound && bound->count(name) ? kFree : kGlobalImplicit;
          if (bound && bound->count(name)) free.insert(name);
          return true;
        }
        ok = false;
        raise_syntax_error(filename, s ? s->lineno : ste->lineno, s ? s->col_offset : 0, s ? s->end_lineno : ste->lineno,
                           s ? s->end_col_offset : 0, "no binding for nonlocal '%U' found", name);
        return false;
      }
      ste->scopes[name] = kFree;
      free.insert(name);
      return true;
    }
    if (flags & kDefBound) {
      ste->scopes[name] = kLocal;
      local.insert(name);
      global.erase(name);
      return true;
    }
    if (class_entry && ste->can_see_class_scope) {
      // annotation scopes inside classes look names up in the class dict first
    }
    if (bound && bound->count(name)) {
      ste->scopes[name] = kFree;
      free.insert(name);
      return true;
    }
    ste->scopes[name] = kGlobalImplicit;
    return true;
  }

  bool is_function_like(SymEntry* e) { return e->type != BlockType::Class && e->type != BlockType::Module; }

  bool analyze_block(SymEntry* ste, NameSet* bound, NameSet& free, NameSet& global, SymEntry* class_entry) {
    NameSet local, newglobal, newfree, newbound;
    for (Object* name : ste->order) {
      if (!analyze_name(ste, name, ste->flags[name], bound, local, free, global, class_entry)) return false;
    }
    if (ste->type != BlockType::Class) {
      if (is_function_like(ste)) newbound.insert(local.begin(), local.end());
      if (bound) newbound.insert(bound->begin(), bound->end());
      newglobal.insert(global.begin(), global.end());
    } else {
      newglobal.insert(global.begin(), global.end());
      if (bound) newbound.insert(bound->begin(), bound->end());
      newbound.insert(str_intern_cstr("__class__"));
      newbound.insert(str_intern_cstr("__classdict__"));
    }
    NameSet inlined_cells;
    for (SymEntry* child : ste->children) {
      NameSet child_free;
      NameSet child_bound = newbound;
      NameSet child_global = newglobal;
      SymEntry* ce = ste->type == BlockType::Class ? ste : nullptr;
      if (!analyze_block(child, &child_bound, child_free, child_global, ce)) return false;
      bool inline_comp = child->comp != CompKind::None && child->comp != CompKind::Generator && !child->generator &&
                         !ste->can_see_class_scope;
      if (inline_comp) {
        child->comp_inlined = true;
        // merge the comprehension's names into this scope
        for (Object* name : child->order) {
          int flags = child->flags[name];
          if (flags & kDefParam) continue;
          int scope = child->get_scope(name);
          bool comp_cell = scope == kCell || (flags & kDefCompCell);
          if (comp_cell) inlined_cells.insert(name);
          auto it = ste->flags.find(name);
          if (it == ste->flags.end()) {
            if (scope == kFree && ste->type == BlockType::Class && str_eq_cstr(name, "__class__")) {
              child_free.erase(name);
              ste->needs_class_closure = true;
              continue;
            }
            ste->add_flag(name, flags);
            ste->scopes[name] = scope;
            if (scope == kLocal || scope == kCell) ste->hidden.push_back(name);
          } else {
            if ((it->second & kDefBound) && ste->type != BlockType::Class) child_free.erase(name);
          }
          if (comp_cell) ste->add_flag(name, kDefCompCell);  // a cell while the inlined comprehension runs
        }
      }
      newfree.insert(child_free.begin(), child_free.end());
      if (child->nested || !child_free.empty()) ste->child_free = true;
    }
    if (is_function_like(ste)) {
      // analyze_cells: locals used free by children become cells
      for (auto& [name, scope] : ste->scopes) {
        if (scope != kLocal) continue;
        if (newfree.count(name) || inlined_cells.count(name)) {
          scope = kCell;
          newfree.erase(name);
        }
      }
    } else if (ste->type == BlockType::Class) {
      if (newfree.count(str_intern_cstr("__class__"))) {
        newfree.erase(str_intern_cstr("__class__"));
        ste->needs_class_closure = true;
      }
      if (newfree.count(str_intern_cstr("__classdict__"))) {
        newfree.erase(str_intern_cstr("__classdict__"));
        ste->needs_classdict = true;
      }
    }
    // update_symbols: record free variables of children not known here.
    for (Object* name : newfree) {
      auto it = ste->flags.find(name);
      if (it != ste->flags.end()) {
        if (ste->type == BlockType::Class && ste->get_scope(name) != kFree) it->second |= kDefFreeClass;
        continue;
      }
      if (bound && !bound->count(name)) continue;
      ste->add_flag(name, 0);
      ste->scopes[name] = kFree;
    }
    free.insert(newfree.begin(), newfree.end());
    return true;
  }
};

}  // namespace

Symtable::~Symtable() {
  for (SymEntry* e : all) delete e;
}

bool Symtable::build(ast::Mod* mod, Object* fname) {
  filename = fname;
  Builder b{*this, fname};
  top = b.enter(BlockType::Module, str_intern_cstr("top"), mod, 0, 0, 0, 0);
  switch (mod->kind) {
    case Mod::Kind::Module: b.visit_seq(cast<Module>(mod)->body); break;
    case Mod::Kind::Interactive: b.visit_seq(cast<Interactive>(mod)->body); break;
    case Mod::Kind::Expression: b.visit_expr(cast<Expression>(mod)->body); break;
    default: break;
  }
  if (!b.ok) return false;
  if (err_occurred()) return false;
  Analyzer a{*this, fname, &b.nonlocal_locs};
  NameSet free, global;
  if (!a.analyze_block(top, nullptr, free, global, nullptr)) return false;
  return true;
}

}  // namespace pyxx::compiler
