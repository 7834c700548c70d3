// Code generation: AST -> instruction sequence with pseudo-instructions and
// labels, emitting the same instructions in the same order as CPython 3.14's
// codegen.c (so that after flowgraph.cpp and assemble.cpp the code objects
// match byte for byte). One Unit per code object being compiled.
#include <algorithm>
#include <cstring>
#include <string>
#include <unordered_set>

#include "compiler/codegen.h"
#include "compiler/internal.h"
#include "compiler/symtable.h"
#include "core/abstract.h"
#include "core/error.h"
#include "core/state.h"
#include "objects/bytes.h"
#include "objects/code.h"
#include "objects/exceptions.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/range.h"
#include "objects/set.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"

namespace pyxx::compiler {

using namespace ast;

namespace {

constexpr int kStackUseGuideline = 30;
enum ScopeType { kScopeModule, kScopeClass, kScopeFunction, kScopeAsyncFunction, kScopeLambda, kScopeComprehension, kScopeAnnotations };
enum FBlockType { FB_WHILE_LOOP, FB_FOR_LOOP, FB_TRY_EXCEPT, FB_FINALLY_TRY, FB_FINALLY_END, FB_WITH, FB_ASYNC_WITH,
                  FB_HANDLER_CLEANUP, FB_POP_VALUE, FB_EXCEPTION_HANDLER, FB_EXCEPTION_GROUP_HANDLER,
                  FB_ASYNC_COMPREHENSION_GENERATOR, FB_STOP_ITERATION, FB_ASYNC_FOR_LOOP };

struct FBlock {
  FBlockType type;
  int block;  // label
  int exit;   // label
  Location loc;
  const void* datum;  // Seq<Stmt*>* for finally, Object* name for handler cleanup
  Seq<Stmt*> stmts;
};

Location loc_of(Stmt* s) { return {s->lineno, s->end_lineno, s->col_offset, s->end_col_offset}; }
Location loc_of(Expr* e) { return {e->lineno, e->end_lineno, e->col_offset, e->end_col_offset}; }
Location loc_of(ExceptHandler* h) { return {h->lineno, h->end_lineno, h->col_offset, h->end_col_offset}; }

struct Unit {
  SymEntry* ste = nullptr;
  UnitMetadata md;
  InstrSequence seq;
  int scope_type = kScopeModule;
  std::vector<FBlock> fblocks;
  Object* private_name = nullptr;
  std::vector<Object*> static_attributes;
  int nparams = 0;
  int in_inlined_comp = 0;
  std::vector<Object*> fast_hidden_now;
  std::unordered_map<Object*, int> scope_override;  // comprehension scopes while inlining
  NameIndex names_index, varnames_index, cellvars_index, freevars_index;  // over md.names / varnames / cellvars / freevars
  std::unordered_set<Object*> fasthidden_set;  // md.fasthidden, by identity
  std::vector<AnnAssign*> deferred_annotations;  // class/module-level simple annotations (PEP 649)
  int nested_block = 0;  // >0 inside compound statements (conditional annotations)
  int annotations_placeholder = -1;  // instruction index of ANNOTATIONS_PLACEHOLDER  // names temporarily FAST in module/class scope (inlined comprehension)
};

bool is_const(Expr* e) { return e && e->kind == Expr::Kind::Constant; }

Object* get_docstring(Seq<Stmt*> body) {
  if (body.empty() || body[0]->kind != Stmt::Kind::Expr) return nullptr;
  Expr* v = cast<ExprStmt>(body[0])->value;
  if (v->kind != Expr::Kind::Constant || !str_check_exact(cast<Constant>(v)->value)) return nullptr;
  return cast<Constant>(v)->value;
}

// inspect.cleandoc-like normalisation (CPython's _PyCompile_CleanDoc).
Object* clean_doc(Object* doc) {
  std::string_view s = str_view(doc);
  if (s.find('\n') == std::string_view::npos) {
    // single line: strip leading whitespace only when it is a multi-line doc; keep as is
    size_t a = 0;
    while (a < s.size() && (s[a] == ' ' || s[a] == '\t')) a++;
    if (a == 0) return new_ref(doc);
    return str_from(s.substr(a));
  }
  std::vector<std::string_view> lines;
  size_t start = 0;
  while (true) {
    size_t nl = s.find('\n', start);
    if (nl == std::string_view::npos) { lines.push_back(s.substr(start)); break; }
    lines.push_back(s.substr(start, nl - start));
    start = nl + 1;
  }
  size_t margin = SIZE_MAX;  // from lines with non-blank content; none -> 0
  for (size_t k = 1; k < lines.size(); k++) {
    std::string_view l = lines[k];
    size_t a = 0;
    while (a < l.size() && l[a] == ' ') a++;
    if (a == l.size()) continue;
    margin = std::min(margin, a);
  }
  std::string out;
  {
    std::string_view f = lines[0];
    size_t a = 0;
    while (a < f.size() && f[a] == ' ') a++;
    out += f.substr(a);
  }
  if (margin == SIZE_MAX) margin = 0;
  for (size_t k = 1; k < lines.size(); k++) {
    out += '\n';
    std::string_view l = lines[k];
    if (margin != SIZE_MAX && l.size() >= margin) out += l.substr(margin);
    else {
      size_t a = 0;
      while (a < l.size() && l[a] == ' ') a++;
      out += l.substr(a);
    }
  }
  return str_from(out);
}

class Codegen {
 public:
  Codegen(Symtable& st, Object* filename, int optimize, bool interactive)
      : st_(st), filename_(filename), optimize_(optimize), interactive_(interactive) {}
  ~Codegen() {
    for (Unit* u : stack_) {
      for (Object* c : u->md.consts) decref(c);
      xdecref(u->md.qualname);
      delete u;
    }
    for (Object* o : owned_) decref(o);
  }

  Object* compile_module(Mod* mod);

 private:
  Symtable& st_;
  Object* filename_;
  int optimize_;
  bool interactive_;
  std::vector<Unit*> stack_;
  Unit* u_ = nullptr;
  int nestlevel_ = 0;
  Location comp_loc_;

  // --- emission helpers ---
  void addop(int op, Location loc) { u_->seq.add(op, 0, loc); }
  void addop_i(int op, int arg, Location loc) { u_->seq.add(op, arg, loc); }
  void addop_j(int op, int label, Location loc) { u_->seq.add(op, 0, loc, label); }
  int new_label() { return u_->seq.new_label(); }
  void use_label(int l) { u_->seq.use_label(l); }

  int add_const(Object* o) { return u_->md.const_index.add(u_->md.consts, o); }
  static bool complex_like(Object*) { return false; }
  void load_const(Object* o, Location loc) { addop_i(LOAD_CONST, add_const(o), loc); }
  void load_const_new(Object* o, Location loc) { if (o) { load_const(o, loc); decref(o); } }

  int add_name_to(std::vector<Object*>& v, Object* name) {
    if (&v == &u_->md.names) return u_->names_index.add(v, name);
    if (&v == &u_->md.varnames) return u_->varnames_index.add(v, name);
    for (size_t k = 0; k < v.size(); k++) if (v[k] == name || str_eq(v[k], name)) return int(k);
    v.push_back(name);
    return int(v.size()) - 1;
  }
  Object* mangle(Object* name) {
    Object* m = mangle_name(u_->private_name, name);
    if (!m) { err_clear(); return name; }
    if (m != name) owned_.push_back(m);
    else decref(m);
    return m;
  }
  std::vector<Object*> owned_;
  int name_index(Object* name) { return add_name_to(u_->md.names, mangle(name)); }
  int raw_name_index(Object* name) { return add_name_to(u_->md.names, name); }

  bool error(Location loc, const char* msg) {
    raise_syntax_error(filename_, loc.lineno, loc.col_offset, loc.end_lineno, loc.end_col_offset, "%s", msg);
    return false;
  }

  // --- scopes ---
  bool enter_scope(Object* name, int scope_type, const void* key, int lineno, Object* private_name);
  Object* exit_scope_assemble(bool add_none);
  int cell_index(Object* name) {
    int k = u_->cellvars_index.find(u_->md.cellvars, name);
    if (k >= 0) return k;
    k = u_->freevars_index.find(u_->md.freevars, name);
    return k >= 0 ? int(u_->md.cellvars.size()) + k : -1;
  }
  Object* qualname_for(Object* name, int scope_type);

  bool is_function_like_unit() {
    return u_->scope_type == kScopeFunction || u_->scope_type == kScopeAsyncFunction || u_->scope_type == kScopeLambda ||
           u_->scope_type == kScopeComprehension || u_->scope_type == kScopeAnnotations;
  }

  // --- fblocks ---
  [[nodiscard]] bool push_fblock(FBlockType t, int block, int exit, Location loc, const void* datum = nullptr, Seq<Stmt*> stmts = {}) {
    if (u_->fblocks.size() >= 21)  // CO_MAXBLOCKS
      return error(loc, "too many statically nested blocks");
    u_->fblocks.push_back({t, block, exit, loc, datum, stmts});
    return true;
  }
  void pop_fblock() { u_->fblocks.pop_back(); }
  bool unwind_fblock(FBlock& info, Location* ploc, bool preserve_tos);
  bool unwind_fblock_stack(Location* ploc, bool preserve_tos, FBlock** loop);

  // --- statements ---
  bool visit_stmts(Seq<Stmt*> s) { for (Stmt* x : s) if (!visit_stmt(x)) return false; return true; }
  bool visit_stmt(Stmt* s) {
    if (enter_recursive_call(" during compilation") < 0) return false;
    bool r = visit_stmt_impl(s);
    leave_recursive_call();
    return r;
  }
  bool visit_stmt_impl(Stmt* s);
  bool body(Location loc, Seq<Stmt*> stmts, bool is_module);
  bool process_deferred_annotations(Location loc);
  void annotate_preamble(Location loc);
  bool function_def(Stmt* s, Object* name, Arguments* args, Seq<Stmt*> body, Seq<Expr*> decos, Expr* returns, bool is_async,
                    Seq<TypeParam*> tparams = {});
  bool class_def(ClassDef* s);
  bool default_arguments(Location loc, Arguments* args, int* flags);
  bool annotations(Location loc, Arguments* args, Expr* returns, int* flags, Stmt* s);
  bool make_closure(Location loc, Object* co, int flags);
  bool if_stmt(If* s);
  bool while_stmt(While* s);
  bool for_stmt(For* s);
  bool async_for_stmt(AsyncFor* s);
  bool try_except(Stmt* s, Seq<Stmt*> body, Seq<ExceptHandler*> handlers, Seq<Stmt*> orelse);
  bool try_finally(Stmt* s, Seq<Stmt*> body, Seq<ExceptHandler*> handlers, Seq<Stmt*> orelse, Seq<Stmt*> finalbody, bool star = false);
  bool try_star_except(Stmt* s, Seq<Stmt*> body, Seq<ExceptHandler*> handlers, Seq<Stmt*> orelse);
  bool with_stmt(Stmt* s, Seq<Withitem*> items, Seq<Stmt*> body, int pos, bool is_async);
  bool return_stmt(Return* s);
  bool import_stmt(Import* s);
  bool import_from(ImportFrom* s);
  bool augassign(AugAssign* s);
  bool assert_stmt(Assert* s);
  bool annassign(AnnAssign* s);

  // --- pattern matching (PEP 634) ---
  struct PatternCtx {
    std::vector<Object*> stores;  // names captured so far (borrowed)
    bool allow_irrefutable = false;
    std::vector<int> fail_pop;    // fail_pop[i]: label popping i items
    ssize on_top = 0;
  };
  bool match_stmt(Match* s);
  bool pattern(Pattern* p, PatternCtx& pc) {
    if (enter_recursive_call(" during compilation") < 0) return false;
    bool r = pattern_impl(p, pc);
    leave_recursive_call();
    return r;
  }
  bool pattern_impl(Pattern* p, PatternCtx& pc);
  bool pattern_subpattern(Pattern* p, PatternCtx& pc);
  void ensure_fail_pop(PatternCtx& pc, ssize n);
  void jump_to_fail_pop(Location loc, PatternCtx& pc, int op);
  void emit_and_reset_fail_pop(Location loc, PatternCtx& pc);
  bool pattern_store_name(Location loc, Object* name, PatternCtx& pc);
  void pattern_rotate(Location loc, ssize count) { while (count > 1) addop_i(SWAP, int(count--), loc); }
  bool pattern_sequence(MatchSequence* p, PatternCtx& pc);
  bool pattern_mapping(MatchMapping* p, PatternCtx& pc);
  bool pattern_class(MatchClass* p, PatternCtx& pc);
  bool pattern_or(MatchOr* p, PatternCtx& pc);
  bool pattern_as(MatchAs* p, PatternCtx& pc);
  bool errorf(Location loc, const std::string& msg) { return error(loc, msg.c_str()); }
  static std::string quoted(Object* name) { return "'" + std::string(str_view(name)) + "'"; }

  // --- expressions ---
  bool visit_exprs(Seq<Expr*> s) { for (Expr* x : s) if (!visit_expr(x)) return false; return true; }
  bool visit_expr(Expr* e) {
    if (enter_recursive_call(" during compilation") < 0) return false;
    bool r = visit_expr_impl(e);
    leave_recursive_call();
    return r;
  }
  bool visit_expr_impl(Expr* e);
  bool nameop(Location loc, Object* name, ExprContext ctx);
  bool jump_if(Location loc, Expr* e, int next, bool cond);
  bool boolop(BoolOp* e);
  bool compare(Compare* e);
  void addop_compare(Location loc, Cmpop op);
  bool starunpack(Location loc, Seq<Expr*> elts, int pushed, int build, int add, int extend, bool tuple,
                  Object* injected = nullptr);
  bool assignment_helper(Location loc, Seq<Expr*> elts);
  bool unpack_helper(Location loc, Seq<Expr*> elts);
  bool dict(Dict* e);
  bool subdict(Dict* e, ssize begin, ssize end);
  bool call(Call* e);
  bool maybe_optimize_function_call(Call* e, int end, bool* optimized);
  bool call_helper(Location loc, int n, Seq<Expr*> args, Seq<Keyword*> keywords, Object* injected = nullptr);
  // PEP 695 type parameters
  bool type_params(Seq<TypeParam*> tps);
  bool type_param_bound_or_default(Expr* e, Object* name, const void* key, bool allow_starred);
  bool setup_annotations_scope(Location loc, const void* key, Object* name);
  bool typealias(TypeAlias* s);
  bool typealias_body(TypeAlias* s);
  bool call_simple_kw_helper(Location loc, Seq<Keyword*> kws);
  bool subkwargs(Location loc, Seq<Keyword*> kws, ssize begin, ssize end);
  bool maybe_optimize_method_call(Call* e, bool* done);
  bool can_optimize_super_call(Attribute* attr);
  bool load_args_for_super(Call* e);
  bool attribute(Attribute* e);
  bool subscript(Subscript* e);
  bool slice(Expr* s);
  bool slice_two_parts(Slice* s);
  bool lambda(Lambda* e);
  bool comprehension(Expr* e, CompKind kind, Seq<Comprehension*> gens, Expr* elt, Expr* val);
  bool comprehension_generator(Seq<Comprehension*> gens, ssize gen_index, int depth, Expr* elt, Expr* val, CompKind kind, bool iter_on_stack);
  bool joined_str(JoinedStr* e);
  bool maybe_optimize_format(BinOp* e, bool* done);
  bool formatted_value(FormattedValue* e);
  bool yield_from_helper(Location loc, bool await, int* exit_label = nullptr);
  bool ifexp(IfExp* e);
  Location update_start_location_to_match_attr(Location loc, Attribute* attr);
  bool is_import_originated(Expr* e);
  bool maybe_add_static_attribute(Attribute* e);
};

Location Codegen::update_start_location_to_match_attr(Location loc, Attribute* attr) {
  if (loc.lineno != attr->end_lineno) {
    loc.lineno = attr->end_lineno;
    int len = int(str_length(attr->attr));
    if (len <= attr->end_col_offset) loc.col_offset = attr->end_col_offset - len;
    else { loc.col_offset = -1; loc.end_col_offset = -1; }
    loc.end_lineno = std::max(loc.lineno, loc.end_lineno);
    if (loc.lineno == loc.end_lineno) loc.end_col_offset = std::max(loc.col_offset, loc.end_col_offset);
  }
  return loc;
}

Object* Codegen::qualname_for(Object* name, int scope_type) {
  if (stack_.size() <= 1) return new_ref(name);
  Unit* parent = stack_[stack_.size() - 2];
  if (parent->scope_type == kScopeAnnotations) {
    // type-parameter / annotation scopes are transparent for qualnames
    if (stack_.size() == 3) return new_ref(name);
    parent = stack_[stack_.size() - 3];
  }
  if (parent->scope_type == kScopeModule) return new_ref(name);
  // global-declared functions/classes keep their bare name
  if (scope_type == kScopeFunction || scope_type == kScopeAsyncFunction || scope_type == kScopeClass) {
    Object* m = mangle_name(parent->private_name, name);
    if (m) {
      int sc = parent->ste->get_scope(m);
      decref(m);
      if (sc == kGlobalExplicit) return new_ref(name);
    } else {
      err_clear();
    }
  }
  std::string base = std::string(str_view(parent->md.qualname));
  if (parent->scope_type == kScopeFunction || parent->scope_type == kScopeAsyncFunction || parent->scope_type == kScopeLambda)
    base += ".<locals>";
  base += ".";
  base += str_view(name);
  return str_from(base);
}

bool Codegen::enter_scope(Object* name, int scope_type, const void* key, int lineno, Object* private_name) {
  Unit* u = new Unit();
  u->scope_type = scope_type;
  u->ste = st_.lookup(key);
  if (!u->ste) { delete u; err_bad_internal_call("codegen: unknown scope"); return false; }
  u->md.name = name;
  u->md.firstlineno = lineno;
  // as CPython: a scope without its own private name inherits the parent's
  u->private_name = private_name ? private_name : (u_ ? u_->private_name : nullptr);
  // varnames: parameters first
  for (Object* v : u->ste->varnames) u->md.varnames.push_back(v);
  u->nparams = int(u->ste->varnames.size());
  // cellvars / freevars sorted by name as CPython's dictbytype
  std::vector<Object*> cells, frees;
  for (auto& [nm, sc] : u->ste->scopes) {
    if (sc == kCell) cells.push_back(nm);
    else if (sc == kFree) frees.push_back(nm);
  }
  for (auto& [nm, fl] : u->ste->flags) {
    int sc = u->ste->get_scope(nm);
    if ((fl & kDefCompCell) && sc != kCell && sc != kFree) cells.push_back(nm);
  }
  if (u->ste->type == BlockType::Class) {
    // class scopes: FREE names that are also bound locally are DEF_FREE_CLASS
    std::vector<Object*> f2;
    for (Object* nm : frees) f2.push_back(nm);
    frees = f2;
    for (auto& [nm, fl] : u->ste->flags) {
      if ((fl & kDefFreeClass) && u->ste->get_scope(nm) != kFree) frees.push_back(nm);
    }
    if (u->ste->needs_class_closure) cells.push_back(str_intern_cstr("__class__"));
    if (u->ste->needs_classdict) cells.push_back(str_intern_cstr("__classdict__"));
  }
  if (u->ste->type == BlockType::Module && u->ste->annotation_block)
    cells.push_back(str_intern_cstr("__conditional_annotations__"));
  auto by_name = [](Object* a, Object* b) { return str_compare(a, b) < 0; };
  std::sort(cells.begin(), cells.end(), by_name);
  std::sort(frees.begin(), frees.end(), by_name);
  u->md.cellvars = cells;
  u->md.freevars = frees;
  stack_.push_back(u);
  u_ = u;
  u->md.qualname = scope_type == kScopeModule ? new_ref(name) : qualname_for(name, scope_type);
  Location loc{lineno, lineno, 0, 0};
  if (scope_type == kScopeModule) loc.lineno = 0;
  addop_i(RESUME, 0, loc);
  return true;
}

Object* Codegen::exit_scope_assemble(bool add_none) {
  Unit* u = u_;
  if (add_none) load_const(None, kNoLocation);
  addop(RETURN_VALUE, kNoLocation);
  // flags
  int flags = 0;
  SymEntry* ste = u->ste;
  if (ste->type == BlockType::Function || ste->type == BlockType::Annotation || ste->type == BlockType::TypeAlias ||
      ste->type == BlockType::TypeParameters || ste->type == BlockType::TypeVariable) {
    flags |= kCoNewLocals | kCoOptimized;
    if (ste->nested) flags |= kCoNested;
    if (ste->generator && !ste->coroutine) flags |= kCoGenerator;
    if (!ste->generator && ste->coroutine) flags |= kCoCoroutine;
    if (ste->generator && ste->coroutine) flags |= kCoAsyncGenerator;
    if (ste->varargs) flags |= kCoVarargs;
    if (ste->varkeywords) flags |= kCoVarkeywords;
    if (ste->has_docstring) flags |= kCoHasDocstring;
    if (ste->method) flags |= kCoMethod;
  }
  if (ste->type == BlockType::Module && false) flags |= 0;
  u->md.flags |= flags;
  // CO_FAST_HIDDEN marks inlined-comprehension locals only outside functions
  // (module and class bodies), as CPython's u_fasthidden
  if (ste->type != BlockType::Function && ste->type != BlockType::Annotation && ste->type != BlockType::TypeAlias &&
      ste->type != BlockType::TypeVariable && ste->type != BlockType::TypeParameters)
    for (Object* h : ste->hidden) u->md.fasthidden.push_back(h);
  // locals referenced by codegen but not params are appended in first-use order already
  Object* co = optimize_and_assemble(u->seq, u->md, filename_, u->nparams);
  for (Object* c : u->md.consts) decref(c);
  u->md.consts.clear();
  u->md.const_index.reset();
  xdecref(u->md.qualname);
  u->md.qualname = nullptr;
  stack_.pop_back();
  delete u;
  u_ = stack_.empty() ? nullptr : stack_.back();
  return co;
}

// --- names ---
bool Codegen::nameop(Location loc, Object* name, ExprContext ctx) {
  Object* mangled = mangle(name);
  if (str_eq_cstr(name, "__debug__") && ctx == ExprContext::Load) {
    load_const(bool_from(optimize_ <= 0), loc);
    return true;
  }
  SymEntry* ste = u_->ste;
  int scope = ste->get_scope(mangled);
  if (!u_->scope_override.empty()) {
    auto it = u_->scope_override.find(mangled);
    if (it != u_->scope_override.end()) scope = it->second;
  }
  enum { OP_FAST, OP_GLOBAL, OP_DEREF, OP_NAME } optype = OP_NAME;
  int arg = 0;
  bool in_fast_hidden = std::find(u_->fast_hidden_now.begin(), u_->fast_hidden_now.end(), mangled) != u_->fast_hidden_now.end();
  switch (scope) {
    case kFree:
      optype = OP_DEREF;
      break;
    case kCell:
      optype = OP_DEREF;
      break;
    case kLocal:
      if (is_function_like_unit() || in_fast_hidden) optype = OP_FAST;
      break;
    case kGlobalImplicit:
      // (comprehensions inlined into a class body also load globals directly)
      if (is_function_like_unit() || (u_->in_inlined_comp && ste->type == BlockType::Class)) optype = OP_GLOBAL;
      break;
    case kGlobalExplicit:
      optype = OP_GLOBAL;
      break;
    default:
      break;
  }
  if (in_fast_hidden && scope != kCell && scope != kFree) optype = OP_FAST;
  int op = 0;
  switch (optype) {
    case OP_DEREF: {
      arg = cell_index(mangled);
      if (arg < 0) { optype = OP_NAME; break; }
      if (ctx == ExprContext::Load) {
        if (ste->type == BlockType::Class && !u_->in_inlined_comp) {
          op = LOAD_FROM_DICT_OR_DEREF;
          addop(LOAD_LOCALS, loc);
        } else if (ste->can_see_class_scope && !str_eq_cstr(mangled, "__classdict__")) {
          op = LOAD_FROM_DICT_OR_DEREF;
          addop_i(LOAD_DEREF, cell_index(str_intern_cstr("__classdict__")), loc);
        } else {
          op = LOAD_DEREF;
        }
      } else {
        op = ctx == ExprContext::Store ? STORE_DEREF : DELETE_DEREF;
      }
      addop_i(op, arg, loc);
      return true;
    }
    case OP_FAST: {
      arg = add_name_to(u_->md.varnames, mangled);
      op = ctx == ExprContext::Load ? LOAD_FAST : ctx == ExprContext::Store ? STORE_FAST : DELETE_FAST;
      addop_i(op, arg, loc);
      return true;
    }
    case OP_GLOBAL: {
      arg = add_name_to(u_->md.names, mangled);
      if (ctx == ExprContext::Load) {
        if (ste->can_see_class_scope && scope == kGlobalImplicit) {
          addop_i(LOAD_DEREF, cell_index(str_intern_cstr("__classdict__")), loc);
          addop_i(LOAD_FROM_DICT_OR_GLOBALS, arg, loc);
          return true;
        }
        addop_i(LOAD_GLOBAL, arg << 1, loc);
      } else {
        addop_i(ctx == ExprContext::Store ? STORE_GLOBAL : DELETE_GLOBAL, arg, loc);
      }
      return true;
    }
    default:
      break;
  }
  arg = add_name_to(u_->md.names, mangled);
  op = ctx == ExprContext::Load ? LOAD_NAME : ctx == ExprContext::Store ? STORE_NAME : DELETE_NAME;
  addop_i(op, arg, loc);
  return true;
}

// --- fblocks ---
bool Codegen::unwind_fblock(FBlock& info, Location* ploc, bool preserve_tos) {
  switch (info.type) {
    case FB_WHILE_LOOP: case FB_EXCEPTION_HANDLER: case FB_EXCEPTION_GROUP_HANDLER:
    case FB_ASYNC_COMPREHENSION_GENERATOR: case FB_STOP_ITERATION:
      return true;
    case FB_FOR_LOOP:
    case FB_ASYNC_FOR_LOOP:
      if (preserve_tos) addop_i(SWAP, 2, *ploc);
      addop(POP_TOP, *ploc);
      return true;
    case FB_TRY_EXCEPT:
      addop(POP_BLOCK, *ploc);
      return true;
    case FB_FINALLY_TRY:
      addop(POP_BLOCK, *ploc);
      if (preserve_tos && !push_fblock(FB_POP_VALUE, -1, -1, *ploc)) return false;
      if (!visit_stmts(info.stmts)) return false;
      if (preserve_tos) pop_fblock();
      *ploc = kNoLocation;
      return true;
    case FB_FINALLY_END:
      if (preserve_tos) addop_i(SWAP, 2, *ploc);
      addop(POP_TOP, *ploc);
      if (preserve_tos) addop_i(SWAP, 2, *ploc);
      addop(POP_BLOCK, *ploc);
      addop(POP_EXCEPT, *ploc);
      return true;
    case FB_WITH: case FB_ASYNC_WITH:
      *ploc = info.loc;
      addop(POP_BLOCK, *ploc);
      if (preserve_tos) { addop_i(SWAP, 3, *ploc); addop_i(SWAP, 2, *ploc); }
      load_const(None, *ploc);
      load_const(None, *ploc);
      load_const(None, *ploc);
      addop_i(CALL, 3, *ploc);
      if (info.type == FB_ASYNC_WITH) {
        addop_i(GET_AWAITABLE, 2, *ploc);
        load_const(None, *ploc);
        yield_from_helper(*ploc, true);
      }
      addop(POP_TOP, *ploc);
      *ploc = kNoLocation;
      return true;
    case FB_HANDLER_CLEANUP: {
      Object* name = static_cast<Object*>(const_cast<void*>(info.datum));
      if (name) addop(POP_BLOCK, *ploc);
      if (preserve_tos) addop_i(SWAP, 2, *ploc);
      addop(POP_BLOCK, *ploc);
      addop(POP_EXCEPT, *ploc);
      if (name) {
        load_const(None, *ploc);
        nameop(*ploc, name, ExprContext::Store);
        nameop(*ploc, name, ExprContext::Del);
      }
      return true;
    }
    case FB_POP_VALUE:
      if (preserve_tos) addop_i(SWAP, 2, *ploc);
      addop(POP_TOP, *ploc);
      return true;
  }
  return true;
}

bool Codegen::unwind_fblock_stack(Location* ploc, bool preserve_tos, FBlock** loop) {
  if (u_->fblocks.empty()) return true;
  FBlock& top = u_->fblocks.back();
  if (top.type == FB_EXCEPTION_GROUP_HANDLER)
    return error(*ploc, "'break', 'continue' and 'return' cannot appear in an except* block");
  if (loop && (top.type == FB_WHILE_LOOP || top.type == FB_FOR_LOOP || top.type == FB_ASYNC_FOR_LOOP)) {
    *loop = &top;
    return true;
  }
  FBlock copy = top;
  u_->fblocks.pop_back();
  if (!unwind_fblock(copy, ploc, preserve_tos)) return false;
  if (!unwind_fblock_stack(ploc, preserve_tos, loop)) return false;
  u_->fblocks.push_back(copy);
  if (loop && *loop) {
    // pointer may have been invalidated by push_back; re-find it
    for (ssize k = ssize(u_->fblocks.size()) - 1; k >= 0; k--) {
      FBlock& f = u_->fblocks[size_t(k)];
      if (f.type == FB_WHILE_LOOP || f.type == FB_FOR_LOOP || f.type == FB_ASYNC_FOR_LOOP) { *loop = &f; break; }
    }
  }
  return true;
}

// --- module ---
Object* Codegen::compile_module(Mod* mod) {
  if (!enter_scope(str_intern_cstr("<module>"), kScopeModule, mod, 1, nullptr)) return nullptr;
  bool ok = true;
  bool add_none = true;
  switch (mod->kind) {
    case Mod::Kind::Module: {
      Seq<Stmt*> mbody = cast<Module>(mod)->body;
      Location l = mbody.empty() ? Location{1, 1, 0, 0} : loc_of(mbody[0]);
      if (u_->ste->annotation_block) {
        u_->annotations_placeholder = int(u_->seq.instrs.size());
        addop(ANNOTATIONS_PLACEHOLDER, l);
        addop_i(BUILD_SET, 0, l);
        nameop(l, str_intern_cstr("__conditional_annotations__"), ExprContext::Store);
      }
      ok = body(l, mbody, true);
      break;
    }
    case Mod::Kind::Interactive:
      interactive_ = true;
      ok = visit_stmts(cast<Interactive>(mod)->body);
      break;
    case Mod::Kind::Expression:
      ok = visit_expr(cast<Expression>(mod)->body);
      add_none = false;
      break;
    default:
      err_set_string(&exc::ValueError, "compile(): unsupported mode");
      ok = false;
  }
  if (!ok) return nullptr;
  return exit_scope_assemble(add_none);
}

bool Codegen::body(Location loc, Seq<Stmt*> stmts, bool is_module) {
  if (stmts.empty()) return true;
  ssize first = 0;
  if (optimize_ < 2) {
    Object* doc = get_docstring(stmts);
    if (doc && !(is_module && interactive_)) {
      first = 1;
      Object* cleaned = clean_doc(doc);
      if (!cleaned) return false;
      Stmt* st = stmts[0];
      Expr* v = cast<ExprStmt>(st)->value;
      load_const(cleaned, loc_of(v));
      decref(cleaned);
      if (!nameop(kNoLocation, str_intern_cstr("__doc__"), ExprContext::Store)) return false;
    }
  } else if (get_docstring(stmts)) {
    first = 1;
  }
  for (ssize k = first; k < stmts.size; k++)
    if (!visit_stmt(stmts[k])) return false;
  return process_deferred_annotations(loc);
}

void Codegen::annotate_preamble(Location loc) {
  nameop(loc, str_intern_cstr("format"), ExprContext::Load);
  load_const_new(int_from_i64(2), loc);  // VALUE_WITH_FAKE_GLOBALS
  addop_i(COMPARE_OP, (kGT << 5) | 4, loc);
  int body_label = new_label();
  addop_j(POP_JUMP_IF_FALSE, body_label, loc);
  addop_i(LOAD_COMMON_CONSTANT, CONSTANT_NOTIMPLEMENTEDERROR, loc);
  addop_i(RAISE_VARARGS, 1, loc);
  use_label(body_label);
}

// PEP 649: class/module annotations become an __annotate__(format) function.
bool Codegen::process_deferred_annotations(Location loc) {
  if (u_->deferred_annotations.empty()) return true;
  std::vector<AnnAssign*> anns;
  anns.swap(u_->deferred_annotations);
  bool is_class = u_->scope_type == kScopeClass;
  if (!enter_scope(str_intern_cstr("__annotate__"), kScopeAnnotations, u_->ste, loc.lineno, u_->private_name)) return false;
  u_->md.argcount = 1;
  u_->md.posonlyargcount = 1;
  annotate_preamble(loc);
  addop_i(BUILD_MAP, 0, loc);
  for (size_t idx = 0; idx < anns.size(); idx++) {
    AnnAssign* st = anns[idx];
    Object* mangled = mangle(cast<Name>(st->target)->id);
    int not_set = -1;
    if (!is_class) {
      Location l = loc_of(st);
      not_set = new_label();
      load_const_new(int_from_i64(ssize(idx)), l);
      nameop(l, str_intern_cstr("__conditional_annotations__"), ExprContext::Load);
      addop_i(CONTAINS_OP, 0, l);
      addop_j(POP_JUMP_IF_FALSE, not_set, l);
    }
    if (!visit_expr(st->annotation)) return false;
    addop_i(COPY, 2, loc_of(st));
    load_const(mangled, loc_of(st));
    addop(STORE_SUBSCR, loc);
    if (not_set >= 0) use_label(not_set);
  }
  addop(RETURN_VALUE, loc);
  Object* co = exit_scope_assemble(true);
  if (!co) return false;
  size_t start = u_->seq.instrs.size();
  bool ok = make_closure(loc, co, 0);
  decref(co);
  if (!ok) return false;
  if (!nameop(loc, str_intern_cstr(is_class ? "__annotate_func__" : "__annotate__"), ExprContext::Store)) return false;
  int ph = u_->annotations_placeholder;
  if (ph >= 0) {
    // move the new instructions into the placeholder's slot
    std::vector<Instr> moved(u_->seq.instrs.begin() + ssize(start), u_->seq.instrs.end());
    u_->seq.instrs.resize(start);
    u_->seq.instrs.erase(u_->seq.instrs.begin() + ph);
    u_->seq.instrs.insert(u_->seq.instrs.begin() + ph, moved.begin(), moved.end());
    for (int& l : u_->seq.label_map)
      if (l > ph) l += int(moved.size()) - 1;
    u_->annotations_placeholder = -1;
  }
  return true;
}

// --- functions ---
bool Codegen::default_arguments(Location loc, Arguments* args, int* flags) {
  if (!args->defaults.empty()) {
    if (!visit_exprs(args->defaults)) return false;
    addop_i(BUILD_TUPLE, int(args->defaults.size), loc);
    *flags |= 0x01;
  }
  int count = 0;
  for (ssize k = 0; k < args->kwonlyargs.size; k++) {
    Expr* d = args->kw_defaults[k];
    if (!d) continue;
    Object* m = mangle(args->kwonlyargs[k]->arg);
    load_const(m, loc);
    if (!visit_expr(d)) return false;
    count++;
  }
  if (count) {
    addop_i(BUILD_MAP, count, loc);
    *flags |= 0x02;
  }
  return true;
}

bool Codegen::annotations(Location loc, Arguments* args, Expr* returns, int* flags, Stmt* s) {
  SymEntry* ann = st_.lookup(args);
  if (!ann) return true;
  // PEP 649: compile an __annotate__(format) function returning the dict.
  Object* private_name = u_->private_name;
  if (!enter_scope(str_intern_cstr("__annotate__"), kScopeAnnotations, args, loc.lineno, private_name)) return false;
  u_->md.argcount = 1;
  u_->md.posonlyargcount = 1;
  // if format > VALUE_WITH_FAKE_GLOBALS (2): raise NotImplementedError
  annotate_preamble(loc);
  int n = 0;
  auto one = [&](Arg* a) -> bool {
    if (!a->annotation) return true;
    Object* m = mangle(a->arg);
    load_const(m, loc);
    if (a->annotation->kind == Expr::Kind::Starred) {
      // *args: *Ts -> [annotation] = [*Ts]
      if (!visit_expr(cast<Starred>(a->annotation)->value)) return false;
      addop_i(UNPACK_SEQUENCE, 1, loc);
    } else if (!visit_expr(a->annotation)) {
      return false;
    }
    n++;
    return true;
  };
  for (Arg* a : args->posonlyargs) if (!one(a)) return false;
  for (Arg* a : args->args) if (!one(a)) return false;
  if (args->vararg && !one(args->vararg)) return false;
  for (Arg* a : args->kwonlyargs) if (!one(a)) return false;
  if (args->kwarg && !one(args->kwarg)) return false;
  if (returns) {
    load_const(str_intern_cstr("return"), loc);
    if (!visit_expr(returns)) return false;
    n++;
  }
  addop_i(BUILD_MAP, n, loc);
  addop(RETURN_VALUE, loc);
  Object* co = exit_scope_assemble(true);
  if (!co) return false;
  bool ok = make_closure(loc, co, 0);
  decref(co);
  *flags |= 0x10;
  (void)s;
  return ok;
}

bool Codegen::make_closure(Location loc, Object* co, int flags) {
  CodeObject* c = static_cast<CodeObject*>(co);
  if (c->co_nfreevars) {
    const uint8_t* kinds = reinterpret_cast<const uint8_t*>(bytes_data(c->co_localspluskinds));
    for (int k = 0; k < c->co_nlocalsplus; k++) {
      if (!(kinds[k] & kCoFastFree)) continue;
      Object* name = tuple_get(c->co_localsplusnames, k);
      int arg = cell_index(name);
      if (arg < 0) {
        err_format(&exc::SystemError, "compiler_lookup_arg(name=%R) failed", name);
        return false;
      }
      addop_i(LOAD_CLOSURE, arg, loc);
    }
    flags |= 0x08;
    addop_i(BUILD_TUPLE, c->co_nfreevars, loc);
  }
  load_const(co, loc);
  addop(MAKE_FUNCTION, loc);
  if (flags & 0x08) addop_i(SET_FUNCTION_ATTRIBUTE, 0x08, loc);
  if (flags & 0x04) addop_i(SET_FUNCTION_ATTRIBUTE, 0x04, loc);
  if (flags & 0x10) addop_i(SET_FUNCTION_ATTRIBUTE, 0x10, loc);
  if (flags & 0x02) addop_i(SET_FUNCTION_ATTRIBUTE, 0x02, loc);
  if (flags & 0x01) addop_i(SET_FUNCTION_ATTRIBUTE, 0x01, loc);
  return true;
}

bool Codegen::function_def(Stmt* s, Object* name, Arguments* args, Seq<Stmt*> fbody, Seq<Expr*> decos, Expr* returns, bool is_async,
                           Seq<TypeParam*> tparams) {
  if (!visit_exprs(decos)) return false;
  int firstlineno = s->lineno;
  if (!decos.empty()) firstlineno = decos[0]->lineno;
  Location loc = loc_of(s);
  int funcflags = 0;
  if (!default_arguments(loc, args, &funcflags)) return false;
  bool in_class = u_->scope_type == kScopeClass;
  bool generic = !tparams.empty();
  int num_typeparam_args = 0;
  if (generic) {
    if (funcflags & 1) num_typeparam_args++;  // defaults
    if (funcflags & 2) num_typeparam_args++;  // kwdefaults
    if (num_typeparam_args == 2) addop_i(SWAP, 2, loc);
    Object* tpname = str_from("<generic parameters of " + std::string(str_view(name)) + ">");
    if (!tpname) return false;
    owned_.push_back(tpname);
    if (!enter_scope(tpname, kScopeAnnotations, tparams.items, firstlineno, nullptr)) return false;
    u_->md.argcount = num_typeparam_args;
    if (!type_params(tparams)) return false;
    for (int i = 0; i < num_typeparam_args; i++) addop_i(LOAD_FAST, i, loc);
  }
  if (!annotations(loc, args, returns, &funcflags, s)) return false;
  if (!enter_scope(name, is_async ? kScopeAsyncFunction : kScopeFunction, s, firstlineno, u_->private_name)) return false;
  (void)in_class;  // CO_METHOD comes from the symtable (function directly in a class body)
  Object* doc = optimize_ < 2 ? get_docstring(fbody) : nullptr;
  ssize first = get_docstring(fbody) ? 1 : 0;
  if (doc) {
    Object* cleaned = clean_doc(doc);
    if (!cleaned) return false;
    add_const(cleaned);
    decref(cleaned);
  }
  u_->md.argcount = int(args->posonlyargs.size + args->args.size);
  u_->md.posonlyargcount = int(args->posonlyargs.size);
  u_->md.kwonlyargcount = int(args->kwonlyargs.size);
  int start = new_label();
  use_label(start);
  bool wrap = u_->ste->coroutine || u_->ste->generator;
  if (wrap && !push_fblock(FB_STOP_ITERATION, start, -1, kNoLocation)) return false;
  for (ssize k = first; k < fbody.size; k++)
    if (!visit_stmt(fbody[k])) return false;
  if (wrap) {
    int handler = new_label();
    // insert SETUP_CLEANUP at the start of the sequence
    Instr setup; setup.opcode = SETUP_CLEANUP; setup.target = handler; setup.loc = kNoLocation;
    u_->seq.instrs.insert(u_->seq.instrs.begin(), setup);
    for (int& l : u_->seq.label_map) if (l >= 0) l++;
    load_const(None, kNoLocation);
    addop(RETURN_VALUE, kNoLocation);
    use_label(handler);
    addop_i(CALL_INTRINSIC_1, INTRINSIC_STOPITERATION_ERROR, kNoLocation);
    addop_i(RERAISE, 1, kNoLocation);
    pop_fblock();
  }
  Object* co = exit_scope_assemble(true);
  if (!co) return false;
  bool ok = make_closure(loc, co, funcflags);
  decref(co);
  if (!ok) return false;
  if (generic) {
    addop_i(SWAP, 2, loc);
    addop_i(CALL_INTRINSIC_2, INTRINSIC_SET_FUNCTION_TYPE_PARAMS, loc);
    Object* tco = exit_scope_assemble(false);
    if (!tco) return false;
    bool ok2 = make_closure(loc, tco, 0);
    decref(tco);
    if (!ok2) return false;
    if (num_typeparam_args > 0) {
      addop_i(SWAP, num_typeparam_args + 1, loc);
      addop_i(CALL, num_typeparam_args - 1, loc);
    } else {
      addop(PUSH_NULL, loc);
      addop_i(CALL, 0, loc);
    }
  }
  for (ssize k = decos.size - 1; k >= 0; k--) addop_i(CALL, 0, loc_of(decos[k]));
  return nameop(loc, name, ExprContext::Store);
}

// --- PEP 695 type parameters (CPython's codegen_type_params and friends) ---
bool Codegen::setup_annotations_scope(Location loc, const void* key, Object* name) {
  if (!enter_scope(name, kScopeAnnotations, key, loc.lineno, nullptr)) return false;
  u_->md.argcount = 1;  // the positional-only .format
  u_->md.posonlyargcount = 1;
  // if .format > VALUE_WITH_FAKE_GLOBALS: raise NotImplementedError
  addop_i(LOAD_FAST, 0, loc);
  load_const_new(int_from_i64(2), loc);
  addop_i(COMPARE_OP, (kGT << 5) | 4, loc);
  int body_label = new_label();
  addop_j(POP_JUMP_IF_FALSE, body_label, loc);
  addop_i(LOAD_COMMON_CONSTANT, CONSTANT_NOTIMPLEMENTEDERROR, loc);
  addop_i(RAISE_VARARGS, 1, loc);
  use_label(body_label);
  return true;
}

bool Codegen::type_param_bound_or_default(Expr* e, Object* name, const void* key, bool allow_starred) {
  Location loc = loc_of(e);
  Object* one = int_from_i64(1);
  if (!one) return false;
  Object* defaults = tuple_pack({one});
  decref(one);
  if (!defaults) return false;
  load_const_new(defaults, loc);
  if (!setup_annotations_scope(loc, key, name)) return false;
  if (allow_starred && e->kind == Expr::Kind::Starred) {
    if (!visit_expr(cast<Starred>(e)->value)) return false;
    addop_i(UNPACK_SEQUENCE, 1, loc);
  } else if (!visit_expr(e)) {
    return false;
  }
  addop(RETURN_VALUE, loc);
  Object* co = exit_scope_assemble(true);
  if (!co) return false;
  bool ok = make_closure(loc, co, 1);  // MAKE_FUNCTION_DEFAULTS
  decref(co);
  return ok;
}

bool Codegen::type_params(Seq<TypeParam*> tps) {
  bool seen_default = false;
  for (TypeParam* tp : tps) {
    Location loc{tp->lineno, tp->end_lineno, tp->col_offset, tp->end_col_offset};
    Object* name = nullptr;
    Expr* def = nullptr;
    const void* def_key = tp;
    switch (tp->kind) {
      case TypeParam::Kind::TypeVar: {
        auto* t = cast<TypeVar>(tp);
        name = t->name;
        load_const(name, loc);
        if (t->bound) {
          if (!type_param_bound_or_default(t->bound, name, tp, false)) return false;
          addop_i(CALL_INTRINSIC_2,
                  t->bound->kind == Expr::Kind::Tuple ? INTRINSIC_TYPEVAR_WITH_CONSTRAINTS : INTRINSIC_TYPEVAR_WITH_BOUND, loc);
        } else {
          addop_i(CALL_INTRINSIC_1, INTRINSIC_TYPEVAR, loc);
        }
        def = t->default_value;
        def_key = reinterpret_cast<const char*>(tp) + 1;
        break;
      }
      case TypeParam::Kind::TypeVarTuple:
        name = cast<TypeVarTuple>(tp)->name;
        load_const(name, loc);
        addop_i(CALL_INTRINSIC_1, INTRINSIC_TYPEVARTUPLE, loc);
        def = cast<TypeVarTuple>(tp)->default_value;
        break;
      case TypeParam::Kind::ParamSpec:
        name = cast<ParamSpec>(tp)->name;
        load_const(name, loc);
        addop_i(CALL_INTRINSIC_1, INTRINSIC_PARAMSPEC, loc);
        def = cast<ParamSpec>(tp)->default_value;
        break;
    }
    if (def) {
      seen_default = true;
      if (!type_param_bound_or_default(def, name, def_key, tp->kind == TypeParam::Kind::TypeVarTuple)) return false;
      addop_i(CALL_INTRINSIC_2, INTRINSIC_SET_TYPEPARAM_DEFAULT, loc);
    } else if (seen_default) {
      return errorf(loc, "non-default type parameter " + quoted(name) + " follows default type parameter");
    }
    addop_i(COPY, 1, loc);
    if (!nameop(loc, name, ExprContext::Store)) return false;
  }
  TypeParam* first = tps[0];
  addop_i(BUILD_TUPLE, int(tps.size), Location{first->lineno, first->end_lineno, first->col_offset, first->end_col_offset});
  return true;
}

bool Codegen::typealias_body(TypeAlias* s) {
  Location loc = loc_of(s);
  Object* name = cast<Name>(s->name)->id;
  Object* one = int_from_i64(1);
  if (!one) return false;
  Object* defaults = tuple_pack({one});
  decref(one);
  if (!defaults) return false;
  load_const_new(defaults, loc);
  if (!setup_annotations_scope(loc, s, name)) return false;
  if (!visit_expr(s->value)) return false;
  addop(RETURN_VALUE, loc);
  Object* co = exit_scope_assemble(false);
  if (!co) return false;
  bool ok = make_closure(loc, co, 1);
  decref(co);
  if (!ok) return false;
  addop_i(BUILD_TUPLE, 3, loc);
  addop_i(CALL_INTRINSIC_1, INTRINSIC_TYPEALIAS, loc);
  return true;
}

bool Codegen::typealias(TypeAlias* s) {
  Location loc = loc_of(s);
  Object* name = cast<Name>(s->name)->id;
  bool generic = !s->type_params.empty();
  if (generic) {
    Object* tpname = str_from("<generic parameters of " + std::string(str_view(name)) + ">");
    if (!tpname) return false;
    owned_.push_back(tpname);
    if (!enter_scope(tpname, kScopeAnnotations, s->type_params.items, loc.lineno, nullptr)) return false;
    load_const(name, loc);
    if (!type_params(s->type_params)) return false;
  } else {
    load_const(name, loc);
    load_const(None, loc);
  }
  if (!typealias_body(s)) return false;
  if (generic) {
    Object* co = exit_scope_assemble(false);
    if (!co) return false;
    bool ok = make_closure(loc, co, 0);
    decref(co);
    if (!ok) return false;
    addop(PUSH_NULL, loc);
    addop_i(CALL, 0, loc);
  }
  return nameop(loc, name, ExprContext::Store);
}

bool Codegen::lambda(Lambda* e) {
  Location loc = loc_of(e);
  int funcflags = 0;
  if (!default_arguments(loc, e->args, &funcflags)) return false;
  if (!enter_scope(str_intern_cstr("<lambda>"), kScopeLambda, e, e->lineno, u_->private_name)) return false;
  u_->md.argcount = int(e->args->posonlyargs.size + e->args->args.size);
  u_->md.posonlyargcount = int(e->args->posonlyargs.size);
  u_->md.kwonlyargcount = int(e->args->kwonlyargs.size);
  if (!visit_expr(e->body)) return false;
  Object* co;
  if (u_->ste->generator) {
    co = exit_scope_assemble(false);
  } else {
    addop(RETURN_VALUE, loc_of(e->body));
    co = exit_scope_assemble(true);
  }
  if (!co) return false;
  bool ok = make_closure(loc, co, funcflags);
  decref(co);
  return ok;
}

bool Codegen::class_def(ClassDef* s) {
  if (!visit_exprs(s->decorator_list)) return false;
  int firstlineno = s->lineno;
  if (!s->decorator_list.empty()) firstlineno = s->decorator_list[0]->lineno;
  bool generic = !s->type_params.empty();
  if (generic) {
    Object* tpname = str_from("<generic parameters of " + std::string(str_view(s->name)) + ">");
    if (!tpname) return false;
    owned_.push_back(tpname);
    if (!enter_scope(tpname, kScopeAnnotations, s->type_params.items, firstlineno, s->name)) return false;
    if (!type_params(s->type_params)) return false;
    if (!nameop(loc_of(s), str_intern_cstr(".type_params"), ExprContext::Store)) return false;
  }
  if (!enter_scope(s->name, kScopeClass, s, firstlineno, s->name)) return false;
  Location loc{firstlineno, firstlineno, 0, 0};
  nameop(loc, str_intern_cstr("__name__"), ExprContext::Load);
  nameop(loc, str_intern_cstr("__module__"), ExprContext::Store);
  load_const(u_->md.qualname, loc);
  nameop(loc, str_intern_cstr("__qualname__"), ExprContext::Store);
  Object* fl = int_from_i64(u_->md.firstlineno);
  load_const_new(fl, loc);
  nameop(loc, str_intern_cstr("__firstlineno__"), ExprContext::Store);
  if (generic) {
    nameop(loc, str_intern_cstr(".type_params"), ExprContext::Load);
    nameop(loc, str_intern_cstr("__type_params__"), ExprContext::Store);
  }
  if (u_->ste->needs_classdict) {
    addop(LOAD_LOCALS, loc);
    addop_i(STORE_DEREF, cell_index(str_intern_cstr("__classdict__")), loc);
  }
  if (!body(loc, s->body, false)) return false;
  // __static_attributes__: sorted tuple of self.X assignments in methods
  {
    std::vector<Object*> attrs = u_->static_attributes;
    std::sort(attrs.begin(), attrs.end(), [](Object* a, Object* b) { return str_compare(a, b) < 0; });
    attrs.erase(std::unique(attrs.begin(), attrs.end(), [](Object* a, Object* b) { return str_eq(a, b); }), attrs.end());
    Object* t = tuple_from_array(attrs.data(), ssize(attrs.size()));
    if (!t) return false;
    load_const_new(t, kNoLocation);
    nameop(kNoLocation, str_intern_cstr("__static_attributes__"), ExprContext::Store);
  }
  if (u_->ste->needs_classdict) {
    addop_i(LOAD_CLOSURE, cell_index(str_intern_cstr("__classdict__")), kNoLocation);
    nameop(kNoLocation, str_intern_cstr("__classdictcell__"), ExprContext::Store);
  }
  if (u_->ste->needs_class_closure) {
    addop_i(LOAD_CLOSURE, cell_index(str_intern_cstr("__class__")), kNoLocation);
    addop_i(COPY, 1, kNoLocation);
    nameop(kNoLocation, str_intern_cstr("__classcell__"), ExprContext::Store);
  } else {
    load_const(None, kNoLocation);
  }
  addop(RETURN_VALUE, kNoLocation);
  Object* co = exit_scope_assemble(true);
  if (!co) return false;
  Location cloc = loc_of(s);
  addop(LOAD_BUILD_CLASS, cloc);
  addop(PUSH_NULL, cloc);
  bool ok = make_closure(cloc, co, 0);
  decref(co);
  if (!ok) return false;
  load_const(s->name, cloc);
  if (generic) {
    if (!nameop(cloc, str_intern_cstr(".type_params"), ExprContext::Load)) return false;
    addop_i(CALL_INTRINSIC_1, INTRINSIC_SUBSCRIPT_GENERIC, cloc);
    if (!nameop(cloc, str_intern_cstr(".generic_base"), ExprContext::Store)) return false;
    if (!call_helper(cloc, 2, s->bases, s->keywords, str_intern_cstr(".generic_base"))) return false;
    Object* tco = exit_scope_assemble(false);
    if (!tco) return false;
    bool ok2 = make_closure(cloc, tco, 0);
    decref(tco);
    if (!ok2) return false;
    addop(PUSH_NULL, cloc);
    addop_i(CALL, 0, cloc);
  } else if (!call_helper(cloc, 2, s->bases, s->keywords)) {
    return false;
  }
  for (ssize k = s->decorator_list.size - 1; k >= 0; k--) addop_i(CALL, 0, loc_of(s->decorator_list[k]));
  return nameop(cloc, s->name, ExprContext::Store);
}

// --- statements ---
bool Codegen::return_stmt(Return* s) {
  Location loc = loc_of(s);
  bool preserve_tos = s->value && s->value->kind != Expr::Kind::Constant;
  if (!is_function_like_unit()) return error(loc, "'return' outside function");
  if (s->value && u_->ste->coroutine && u_->ste->generator) return error(loc, "'return' with value in async generator");
  if (preserve_tos) {
    if (!visit_expr(s->value)) return false;
  } else if (s->value) {
    loc = loc_of(s->value);
    addop(NOP, loc);
  }
  if (!s->value || s->value->lineno != s->lineno) {
    loc = loc_of(s);
    addop(NOP, loc);
  }
  if (!unwind_fblock_stack(&loc, preserve_tos, nullptr)) return false;
  if (!s->value) load_const(None, loc);
  else if (!preserve_tos) load_const(cast<Constant>(s->value)->value, loc);
  addop(RETURN_VALUE, loc);
  return true;
}

bool Codegen::if_stmt(If* s) {
  int end = new_label();
  int next = end;
  if (!s->orelse.empty()) next = new_label();
  if (!jump_if(loc_of(s), s->test, next, false)) return false;
  if (!visit_stmts(s->body)) return false;
  if (!s->orelse.empty()) {
    addop_j(JUMP_NO_INTERRUPT, end, kNoLocation);
    use_label(next);
    if (!visit_stmts(s->orelse)) return false;
  }
  use_label(end);
  return true;
}

bool Codegen::while_stmt(While* s) {
  int loop = new_label(), end = new_label(), anchor = new_label();
  use_label(loop);
  if (!push_fblock(FB_WHILE_LOOP, loop, end, loc_of(s))) return false;
  if (!jump_if(loc_of(s), s->test, anchor, false)) return false;
  if (!visit_stmts(s->body)) return false;
  addop_j(JUMP, loop, kNoLocation);
  pop_fblock();
  use_label(anchor);
  if (!visit_stmts(s->orelse)) return false;
  use_label(end);
  return true;
}

bool Codegen::for_stmt(For* s) {
  int start = new_label(), body_l = new_label(), cleanup = new_label(), end = new_label();
  if (!push_fblock(FB_FOR_LOOP, start, end, loc_of(s))) return false;
  if (!visit_expr(s->iter)) return false;
  Location loc = loc_of(s->iter);
  addop(GET_ITER, loc);
  use_label(start);
  addop_j(FOR_ITER, cleanup, loc);
  addop(NOP, loc_of(s->target));
  use_label(body_l);
  if (!visit_expr(s->target)) return false;
  if (!visit_stmts(s->body)) return false;
  addop_j(JUMP, start, kNoLocation);
  use_label(cleanup);
  addop(END_FOR, kNoLocation);
  addop(POP_ITER, kNoLocation);
  pop_fblock();
  if (!visit_stmts(s->orelse)) return false;
  use_label(end);
  return true;
}

bool Codegen::async_for_stmt(AsyncFor* s) {
  Location loc = loc_of(s);
  if (u_->scope_type != kScopeAsyncFunction) return error(loc, "'async for' outside async function");
  int start = new_label(), send = new_label(), except = new_label(), end = new_label();
  if (!visit_expr(s->iter)) return false;
  addop(GET_AITER, loc_of(s->iter));
  use_label(start);
  if (!push_fblock(FB_ASYNC_FOR_LOOP, start, end, loc)) return false;
  addop_j(SETUP_FINALLY, except, loc);
  addop(GET_ANEXT, loc);
  load_const(None, loc);
  yield_from_helper(loc, true, &send);
  addop(POP_BLOCK, loc);
  addop(NOT_TAKEN, loc);
  if (!visit_expr(s->target)) return false;
  if (!visit_stmts(s->body)) return false;
  addop_j(JUMP, start, kNoLocation);
  pop_fblock();
  use_label(except);
  addop_j(END_ASYNC_FOR, send, loc_of(s->iter));
  if (!visit_stmts(s->orelse)) return false;
  use_label(end);
  return true;
}

bool Codegen::try_except(Stmt* s, Seq<Stmt*> tbody, Seq<ExceptHandler*> handlers, Seq<Stmt*> orelse) {
  Location loc = loc_of(s);
  int body_l = new_label(), except = new_label(), end = new_label(), cleanup = new_label();
  addop_j(SETUP_FINALLY, except, loc);
  use_label(body_l);
  if (!push_fblock(FB_TRY_EXCEPT, body_l, -1, loc)) return false;
  if (!visit_stmts(tbody)) return false;
  pop_fblock();
  addop(POP_BLOCK, kNoLocation);
  if (!visit_stmts(orelse)) return false;
  addop_j(JUMP_NO_INTERRUPT, end, kNoLocation);  // (not threaded into by conditional jumps)
  ssize n = handlers.size;
  use_label(except);
  addop_j(SETUP_CLEANUP, cleanup, kNoLocation);
  addop(PUSH_EXC_INFO, kNoLocation);
  if (!push_fblock(FB_EXCEPTION_HANDLER, -1, -1, kNoLocation)) return false;
  for (ssize i = 0; i < n; i++) {
    ExceptHandler* h = handlers[i];
    Location hloc = loc_of(h);
    if (!h->type && i < n - 1) return error(hloc, "default 'except:' must be last");
    int next_except = new_label();
    except = next_except;
    if (h->type) {
      if (!visit_expr(h->type)) return false;
      addop(CHECK_EXC_MATCH, hloc);
      addop_j(POP_JUMP_IF_FALSE, except, hloc);
    }
    if (h->name) {
      int cleanup_end = new_label(), cleanup_body = new_label();
      nameop(hloc, h->name, ExprContext::Store);
      addop_j(SETUP_CLEANUP, cleanup_end, hloc);
      use_label(cleanup_body);
      if (!push_fblock(FB_HANDLER_CLEANUP, cleanup_body, -1, hloc, h->name)) return false;
      if (!visit_stmts(h->body)) return false;
      pop_fblock();
      addop(POP_BLOCK, kNoLocation);
      addop(POP_BLOCK, kNoLocation);
      addop(POP_EXCEPT, kNoLocation);
      load_const(None, kNoLocation);
      nameop(kNoLocation, h->name, ExprContext::Store);
      nameop(kNoLocation, h->name, ExprContext::Del);
      addop_j(JUMP_NO_INTERRUPT, end, kNoLocation);
      use_label(cleanup_end);
      load_const(None, kNoLocation);
      nameop(kNoLocation, h->name, ExprContext::Store);
      nameop(kNoLocation, h->name, ExprContext::Del);
      addop_i(RERAISE, 1, kNoLocation);
    } else {
      int cleanup_body = new_label();
      addop(POP_TOP, hloc);
      use_label(cleanup_body);
      if (!push_fblock(FB_HANDLER_CLEANUP, cleanup_body, -1, hloc, nullptr)) return false;
      if (!visit_stmts(h->body)) return false;
      pop_fblock();
      addop(POP_BLOCK, kNoLocation);
      addop(POP_EXCEPT, kNoLocation);
      addop_j(JUMP_NO_INTERRUPT, end, kNoLocation);
    }
    use_label(except);
  }
  pop_fblock();
  addop_i(RERAISE, 0, kNoLocation);
  use_label(cleanup);
  addop_i(COPY, 3, kNoLocation);
  addop(POP_EXCEPT, kNoLocation);
  addop_i(RERAISE, 1, kNoLocation);
  use_label(end);
  return true;
}

// try/except* (PEP 654), as CPython's codegen_try_star_except: the handlers
// collect raised/re-raised exceptions into a list; PREP_RERAISE_STAR merges
// them with the unhandled rest of the original group.
bool Codegen::try_star_except(Stmt* s, Seq<Stmt*> tbody, Seq<ExceptHandler*> handlers, Seq<Stmt*> orelse) {
  Location loc = loc_of(s);
  int body_l = new_label(), except = new_label(), orelse_l = new_label(), end = new_label(), cleanup = new_label(),
      reraise_star = new_label();
  addop_j(SETUP_FINALLY, except, loc);
  use_label(body_l);
  if (!push_fblock(FB_TRY_EXCEPT, body_l, -1, loc)) return false;
  if (!visit_stmts(tbody)) return false;
  pop_fblock();
  addop(POP_BLOCK, kNoLocation);
  addop_j(JUMP_NO_INTERRUPT, orelse_l, kNoLocation);
  ssize n = handlers.size;
  use_label(except);
  addop_j(SETUP_CLEANUP, cleanup, kNoLocation);
  addop(PUSH_EXC_INFO, kNoLocation);
  if (!push_fblock(FB_EXCEPTION_GROUP_HANDLER, -1, -1, loc)) return false;
  for (ssize i = 0; i < n; i++) {
    ExceptHandler* h = handlers[i];
    Location hloc = loc_of(h);
    int next_except = new_label();
    except = next_except;
    int except_with_error = new_label(), no_match = new_label();
    if (i == 0) {
      addop_i(BUILD_LIST, 0, hloc);
      addop_i(COPY, 2, hloc);
    }
    if (h->type) {
      if (!visit_expr(h->type)) return false;
      addop(CHECK_EG_MATCH, hloc);
      addop_i(COPY, 1, hloc);
      addop_j(POP_JUMP_IF_NONE, no_match, hloc);
    }
    int cleanup_end = new_label(), cleanup_body = new_label();
    if (h->name) nameop(hloc, h->name, ExprContext::Store);
    else addop(POP_TOP, hloc);
    addop_j(SETUP_CLEANUP, cleanup_end, hloc);
    use_label(cleanup_body);
    if (!push_fblock(FB_HANDLER_CLEANUP, cleanup_body, -1, hloc, h->name)) return false;
    if (!visit_stmts(h->body)) return false;
    pop_fblock();
    addop(POP_BLOCK, kNoLocation);
    if (h->name) {
      load_const(None, kNoLocation);
      nameop(kNoLocation, h->name, ExprContext::Store);
      nameop(kNoLocation, h->name, ExprContext::Del);
    }
    addop_j(JUMP_NO_INTERRUPT, except, kNoLocation);
    use_label(cleanup_end);
    if (h->name) {
      load_const(None, kNoLocation);
      nameop(kNoLocation, h->name, ExprContext::Store);
      nameop(kNoLocation, h->name, ExprContext::Del);
    }
    addop_i(LIST_APPEND, 3, kNoLocation);
    addop(POP_TOP, kNoLocation);
    addop_j(JUMP_NO_INTERRUPT, except_with_error, kNoLocation);
    use_label(except);
    addop(NOP, kNoLocation);
    addop_j(JUMP_NO_INTERRUPT, except_with_error, kNoLocation);
    use_label(no_match);
    addop(POP_TOP, hloc);
    use_label(except_with_error);
    if (i == n - 1) {
      addop_i(LIST_APPEND, 1, kNoLocation);
      addop_j(JUMP_NO_INTERRUPT, reraise_star, kNoLocation);
    }
  }
  pop_fblock();
  int reraise = new_label();
  use_label(reraise_star);
  addop_i(CALL_INTRINSIC_2, INTRINSIC_PREP_RERAISE_STAR, kNoLocation);
  addop_i(COPY, 1, kNoLocation);
  addop_j(POP_JUMP_IF_NOT_NONE, reraise, kNoLocation);
  addop(POP_TOP, kNoLocation);
  addop(POP_BLOCK, kNoLocation);
  addop(POP_EXCEPT, kNoLocation);
  addop_j(JUMP_NO_INTERRUPT, end, kNoLocation);
  use_label(reraise);
  addop(POP_BLOCK, kNoLocation);
  addop_i(SWAP, 2, kNoLocation);
  addop(POP_EXCEPT, kNoLocation);
  addop_i(RERAISE, 0, kNoLocation);
  use_label(cleanup);
  addop_i(COPY, 3, kNoLocation);
  addop(POP_EXCEPT, kNoLocation);
  addop_i(RERAISE, 1, kNoLocation);
  use_label(orelse_l);
  if (!visit_stmts(orelse)) return false;
  use_label(end);
  return true;
}

bool Codegen::try_finally(Stmt* s, Seq<Stmt*> tbody, Seq<ExceptHandler*> handlers, Seq<Stmt*> orelse, Seq<Stmt*> finalbody, bool star) {
  Location loc = loc_of(s);
  int body_l = new_label(), end = new_label(), exit = new_label(), cleanup = new_label();
  addop_j(SETUP_FINALLY, end, loc);
  use_label(body_l);
  if (!push_fblock(FB_FINALLY_TRY, body_l, end, loc, nullptr, finalbody)) return false;
  if (star) {
    if (!try_star_except(s, tbody, handlers, orelse)) return false;
  } else if (!handlers.empty()) {
    if (!try_except(s, tbody, handlers, orelse)) return false;
  } else {
    if (!visit_stmts(tbody)) return false;
  }
  addop(POP_BLOCK, kNoLocation);
  pop_fblock();
  if (!visit_stmts(finalbody)) return false;
  addop_j(JUMP_NO_INTERRUPT, exit, kNoLocation);
  use_label(end);
  addop_j(SETUP_CLEANUP, cleanup, kNoLocation);
  addop(PUSH_EXC_INFO, kNoLocation);
  if (!push_fblock(FB_FINALLY_END, end, -1, kNoLocation)) return false;
  if (!visit_stmts(finalbody)) return false;
  pop_fblock();
  addop_i(RERAISE, 0, kNoLocation);
  use_label(cleanup);
  addop_i(COPY, 3, kNoLocation);
  addop(POP_EXCEPT, kNoLocation);
  addop_i(RERAISE, 1, kNoLocation);
  use_label(exit);
  return true;
}

bool Codegen::yield_from_helper(Location loc, bool await, int* exit_label) {
  int send = new_label(), fail = new_label(), exit = new_label();
  if (exit_label) *exit_label = exit;
  use_label(send);
  addop_j(SEND, exit, loc);
  addop_j(SETUP_FINALLY, fail, loc);
  addop_i(YIELD_VALUE, 1, loc);
  addop(POP_BLOCK, kNoLocation);
  addop_i(RESUME, await ? 3 : 2, loc);
  addop_j(JUMP_NO_INTERRUPT, send, loc);
  use_label(fail);
  addop(CLEANUP_THROW, loc);
  use_label(exit);
  addop(END_SEND, loc);
  return true;
}

bool Codegen::with_stmt(Stmt* s, Seq<Withitem*> items, Seq<Stmt*> wbody, int pos, bool is_async) {
  Withitem* item = items[pos];
  Location loc = loc_of(s);
  int block = new_label(), final = new_label(), exit = new_label(), cleanup = new_label();
  if (!visit_expr(item->context_expr)) return false;
  loc = loc_of(item->context_expr);
  addop_i(COPY, 1, loc);
  addop_i(LOAD_SPECIAL, is_async ? SPECIAL__AEXIT : SPECIAL__EXIT, loc);
  addop_i(SWAP, 2, loc);
  addop_i(SWAP, 3, loc);
  addop_i(LOAD_SPECIAL, is_async ? SPECIAL__AENTER : SPECIAL__ENTER, loc);
  addop_i(CALL, 0, loc);
  if (is_async) {
    addop_i(GET_AWAITABLE, 1, loc);
    load_const(None, loc);
    yield_from_helper(loc, true);
  }
  addop_j(SETUP_WITH, final, loc);
  use_label(block);
  if (!push_fblock(is_async ? FB_ASYNC_WITH : FB_WITH, block, final, loc)) return false;
  if (item->optional_vars) {
    if (!visit_expr(item->optional_vars)) return false;
  } else {
    addop(POP_TOP, loc);
  }
  if (pos + 1 == items.size) {
    if (!visit_stmts(wbody)) return false;
  } else {
    if (!with_stmt(s, items, wbody, pos + 1, is_async)) return false;
  }
  pop_fblock();
  addop(POP_BLOCK, kNoLocation);
  // exit normally: call __exit__(None, None, None)
  load_const(None, loc);
  load_const(None, loc);
  load_const(None, loc);
  addop_i(CALL, 3, loc);
  if (is_async) {
    addop_i(GET_AWAITABLE, 2, loc);
    load_const(None, loc);
    yield_from_helper(loc, true);
  }
  addop(POP_TOP, loc);
  addop_j(JUMP, exit, loc);
  use_label(final);
  addop_j(SETUP_CLEANUP, cleanup, loc);
  addop(PUSH_EXC_INFO, loc);
  addop(WITH_EXCEPT_START, loc);
  if (is_async) {
    addop_i(GET_AWAITABLE, 2, loc);
    load_const(None, loc);
    yield_from_helper(loc, true);
  }
  addop(TO_BOOL, kNoLocation);
  int suppress = new_label();
  addop_j(POP_JUMP_IF_TRUE, suppress, kNoLocation);
  addop_i(RERAISE, 2, kNoLocation);
  use_label(suppress);
  addop(POP_TOP, kNoLocation);
  addop(POP_BLOCK, kNoLocation);
  addop(POP_EXCEPT, kNoLocation);
  addop(POP_TOP, kNoLocation);
  addop(POP_TOP, kNoLocation);
  addop(POP_TOP, kNoLocation);
  int exit2 = new_label();
  addop_j(JUMP_NO_INTERRUPT, exit2, kNoLocation);
  use_label(cleanup);
  addop_i(COPY, 3, kNoLocation);
  addop(POP_EXCEPT, kNoLocation);
  addop_i(RERAISE, 1, kNoLocation);
  use_label(exit);
  use_label(exit2);
  return true;
}

bool Codegen::import_stmt(Import* s) {
  Location loc = loc_of(s);
  for (Alias* a : s->names) {
    Object* zero = int_from_i64(0);
    load_const_new(zero, loc);
    load_const(None, loc);
    addop_i(IMPORT_NAME, raw_name_index(a->name), loc);
    std::string_view n = str_view(a->name);
    if (a->asname) {
      size_t dot = n.find('.');
      if (dot != std::string_view::npos) {
        // import a.b.c as d: IMPORT_FROM each later component
        size_t pos = dot + 1;
        while (true) {
          size_t nd = n.find('.', pos);
          std::string_view part = n.substr(pos, nd == std::string_view::npos ? std::string_view::npos : nd - pos);
          Object* p = str_from(part);
          if (!p) return false;
          p = str_intern(p);
          owned_.push_back(p);
          addop_i(IMPORT_FROM, raw_name_index(p), loc);
          if (nd == std::string_view::npos) break;
          addop_i(SWAP, 2, loc);
          addop(POP_TOP, loc);
          pos = nd + 1;
        }
        if (!nameop(loc, a->asname, ExprContext::Store)) return false;
        addop(POP_TOP, loc);
        continue;
      }
      if (!nameop(loc, a->asname, ExprContext::Store)) return false;
    } else {
      size_t dot = n.find('.');
      Object* store = a->name;
      if (dot != std::string_view::npos) {
        store = str_from(n.substr(0, dot));
        if (!store) return false;
        store = str_intern(store);
        owned_.push_back(store);
      }
      if (!nameop(loc, store, ExprContext::Store)) return false;
    }
  }
  return true;
}

bool Codegen::import_from(ImportFrom* s) {
  Location loc = loc_of(s);
  Object* level = int_from_i64(s->level);
  load_const_new(level, loc);
  Object* names = tuple_new(s->names.size);
  if (!names) return false;
  for (ssize k = 0; k < s->names.size; k++) tuple_init_item(names, k, new_ref(s->names[k]->name));
  load_const_new(names, loc);
  Object* mod = s->module ? s->module : str_intern_cstr("");
  addop_i(IMPORT_NAME, raw_name_index(mod), loc);
  for (ssize k = 0; k < s->names.size; k++) {
    Alias* a = s->names[k];
    if (str_eq_cstr(a->name, "*")) {
      addop_i(CALL_INTRINSIC_1, INTRINSIC_IMPORT_STAR, loc);
      addop(POP_TOP, kNoLocation);
      return true;
    }
    addop_i(IMPORT_FROM, raw_name_index(a->name), loc);
    if (!nameop(loc, a->asname ? a->asname : a->name, ExprContext::Store)) return false;
  }
  addop(POP_TOP, loc);
  return true;
}

bool Codegen::augassign(AugAssign* s) {
  Expr* e = s->target;
  Location loc = loc_of(e);
  switch (e->kind) {
    case Expr::Kind::Attribute: {
      auto* a = cast<Attribute>(e);
      if (!visit_expr(a->value)) return false;
      addop_i(COPY, 1, loc);
      loc = update_start_location_to_match_attr(loc, a);
      addop_i(LOAD_ATTR, name_index(a->attr) << 1, loc);
      break;
    }
    case Expr::Kind::Subscript: {
      auto* sub = cast<Subscript>(e);
      if (!visit_expr(sub->value)) return false;
      Expr* sl = sub->slice;
      bool two = sl->kind == Expr::Kind::Slice && !cast<Slice>(sl)->step &&
                 !((!cast<Slice>(sl)->lower || is_const(cast<Slice>(sl)->lower)) && (!cast<Slice>(sl)->upper || is_const(cast<Slice>(sl)->upper)));
      if (two) {
        if (!slice_two_parts(cast<Slice>(sl))) return false;
        addop_i(COPY, 3, loc); addop_i(COPY, 3, loc); addop_i(COPY, 3, loc);
        addop(BINARY_SLICE, loc);
      } else {
        if (!visit_expr(sl)) return false;
        addop_i(COPY, 2, loc); addop_i(COPY, 2, loc);
        addop_i(BINARY_OP, kNbSubscr, loc);
      }
      break;
    }
    case Expr::Kind::Name:
      if (!nameop(loc, cast<Name>(e)->id, ExprContext::Load)) return false;
      break;
    default:
      return error(loc, "illegal expression for augmented assignment");
  }
  loc = loc_of(s);
  if (!visit_expr(s->value)) return false;
  static const int inplace[] = {0, kNbInplaceAdd, kNbInplaceSubtract, kNbInplaceMultiply, kNbInplaceMatrixMultiply,
                                kNbInplaceTrueDivide, kNbInplaceRemainder, kNbInplacePower, kNbInplaceLshift,
                                kNbInplaceRshift, kNbInplaceOr, kNbInplaceXor, kNbInplaceAnd, kNbInplaceFloorDivide};
  addop_i(BINARY_OP, inplace[int(s->op)], loc);
  loc = loc_of(e);
  switch (e->kind) {
    case Expr::Kind::Attribute: {
      auto* a = cast<Attribute>(e);
      loc = update_start_location_to_match_attr(loc, a);
      addop_i(SWAP, 2, loc);
      addop_i(STORE_ATTR, name_index(a->attr), loc);
      break;
    }
    case Expr::Kind::Subscript: {
      auto* sub = cast<Subscript>(e);
      Expr* sl = sub->slice;
      bool two = sl->kind == Expr::Kind::Slice && !cast<Slice>(sl)->step &&
                 !((!cast<Slice>(sl)->lower || is_const(cast<Slice>(sl)->lower)) && (!cast<Slice>(sl)->upper || is_const(cast<Slice>(sl)->upper)));
      if (two) {
        addop_i(SWAP, 4, loc); addop_i(SWAP, 3, loc); addop_i(SWAP, 2, loc);
        addop(STORE_SLICE, loc);
      } else {
        addop_i(SWAP, 3, loc); addop_i(SWAP, 2, loc);
        addop(STORE_SUBSCR, loc);
      }
      break;
    }
    default:
      return nameop(loc, cast<Name>(e)->id, ExprContext::Store);
  }
  return true;
}

bool Codegen::assert_stmt(Assert* s) {
  if (optimize_ > 0) return true;
  int end = new_label();
  if (!jump_if(loc_of(s), s->test, end, true)) return false;
  addop_i(LOAD_COMMON_CONSTANT, CONSTANT_ASSERTIONERROR, loc_of(s));
  if (s->msg) {
    if (!visit_expr(s->msg)) return false;
    addop_i(CALL, 0, loc_of(s));
  }
  addop_i(RAISE_VARARGS, 1, loc_of(s->test));
  use_label(end);
  return true;
}

bool Codegen::annassign(AnnAssign* s) {
  Location loc = loc_of(s);
  if (s->value) {
    if (!visit_expr(s->value)) return false;
    if (!visit_expr(s->target)) return false;
  }
  if (s->target->kind == Expr::Kind::Name && s->simple &&
      (u_->scope_type == kScopeClass || u_->scope_type == kScopeModule)) {
    if (u_->scope_type == kScopeModule) {
      Location l = loc_of(s);
      nameop(l, str_intern_cstr("__conditional_annotations__"), ExprContext::Load);
      load_const_new(int_from_i64(ssize(u_->deferred_annotations.size())), l);
      addop_i(SET_ADD, 1, l);
      addop(POP_TOP, l);
    }
    u_->deferred_annotations.push_back(s);
  }
  if (s->target->kind != Expr::Kind::Name) {
    // evaluate the target's subexpressions for side effects as CPython does
    if (!s->value) {
      if (s->target->kind == Expr::Kind::Attribute) {
        if (!visit_expr(cast<Attribute>(s->target)->value)) return false;
        addop(POP_TOP, loc);
      } else if (s->target->kind == Expr::Kind::Subscript) {
        if (!visit_expr(cast<Subscript>(s->target)->value)) return false;
        addop(POP_TOP, loc);
        if (!visit_expr(cast<Subscript>(s->target)->slice)) return false;
        addop(POP_TOP, loc);
      }
    }
  }
  return true;
}

// --- pattern matching (PEP 634), mirroring CPython's codegen_pattern_*:
// every routine consumes the subject on top of the stack and jumps to
// fail_pop[n] on failure, where n counts the items that must be popped
// (pc.on_top items kept on top plus the captures stored beneath them).
static Location loc_of(Pattern* p) { return {p->lineno, p->end_lineno, p->col_offset, p->end_col_offset}; }
static bool wildcard_check(Pattern* p) { return p->kind == Pattern::Kind::MatchAs && !cast<MatchAs>(p)->name; }
static bool wildcard_star_check(Pattern* p) { return p->kind == Pattern::Kind::MatchStar && !cast<MatchStar>(p)->name; }
static bool stores_contain(const std::vector<Object*>& v, Object* n) {
  for (Object* o : v) if (o == n || str_eq(o, n)) return true;
  return false;
}

// Folds the numeric forms a value pattern may take (-N, A+Bj, A-Bj, -A+Bj):
// new reference, or nullptr (no error set) when v is not such a form.
static Object* fold_match_value(Expr* v) {
  auto neg_const = [](Expr* e) -> Object* {
    if (e->kind == Expr::Kind::Constant) return new_ref(cast<Constant>(e)->value);
    if (e->kind == Expr::Kind::UnaryOp && cast<UnaryOp>(e)->op == Unaryop::USub &&
        cast<UnaryOp>(e)->operand->kind == Expr::Kind::Constant)
      return number_negative(cast<Constant>(cast<UnaryOp>(e)->operand)->value);
    return nullptr;
  };
  if (v->kind == Expr::Kind::UnaryOp) return neg_const(v);
  if (v->kind == Expr::Kind::BinOp) {
    auto* b = cast<BinOp>(v);
    if ((b->op != Operator::Add && b->op != Operator::Sub) || b->right->kind != Expr::Kind::Constant) return nullptr;
    Object* l = neg_const(b->left);
    if (!l) return nullptr;
    Object* r = b->op == Operator::Add ? number_add(l, cast<Constant>(b->right)->value)
                                      : number_subtract(l, cast<Constant>(b->right)->value);
    decref(l);
    return r;
  }
  return nullptr;
}

void Codegen::ensure_fail_pop(PatternCtx& pc, ssize n) {
  while (ssize(pc.fail_pop.size()) < n + 1) pc.fail_pop.push_back(new_label());
}

void Codegen::jump_to_fail_pop(Location loc, PatternCtx& pc, int op) {
  ssize pops = pc.on_top + ssize(pc.stores.size());
  ensure_fail_pop(pc, pops);
  addop_j(op, pc.fail_pop[size_t(pops)], loc);
}

void Codegen::emit_and_reset_fail_pop(Location loc, PatternCtx& pc) {
  if (pc.fail_pop.empty()) return;
  for (size_t k = pc.fail_pop.size() - 1; k > 0; k--) {
    use_label(pc.fail_pop[k]);
    addop(POP_TOP, loc);
  }
  use_label(pc.fail_pop[0]);
  pc.fail_pop.clear();
}

bool Codegen::pattern_store_name(Location loc, Object* name, PatternCtx& pc) {
  if (!name) {
    addop(POP_TOP, loc);
    return true;
  }
  if (stores_contain(pc.stores, name)) return errorf(loc, "multiple assignments to name " + quoted(name) + " in pattern");
  pattern_rotate(loc, pc.on_top + ssize(pc.stores.size()) + 1);
  pc.stores.push_back(name);
  return true;
}

bool Codegen::pattern_subpattern(Pattern* p, PatternCtx& pc) {
  bool saved = pc.allow_irrefutable;
  pc.allow_irrefutable = true;
  if (!pattern(p, pc)) return false;
  pc.allow_irrefutable = saved;
  return true;
}

bool Codegen::pattern_as(MatchAs* p, PatternCtx& pc) {
  Location loc = loc_of(p);
  if (!p->pattern) {
    if (!pc.allow_irrefutable) {
      if (p->name) return errorf(loc, "name capture " + quoted(p->name) + " makes remaining patterns unreachable");
      return error(loc, "wildcard makes remaining patterns unreachable");
    }
    return pattern_store_name(loc, p->name, pc);
  }
  pc.on_top++;
  addop_i(COPY, 1, loc);
  if (!pattern(p->pattern, pc)) return false;
  pc.on_top--;
  return pattern_store_name(loc, p->name, pc);
}

bool Codegen::pattern_sequence(MatchSequence* p, PatternCtx& pc) {
  Location loc = loc_of(p);
  Seq<Pattern*> pats = p->patterns;
  ssize size = pats.size, star = -1;
  bool only_wildcard = true, star_wildcard = false;
  for (ssize i = 0; i < size; i++) {
    Pattern* q = pats[i];
    if (q->kind == Pattern::Kind::MatchStar) {
      if (star >= 0) return error(loc, "multiple starred names in sequence pattern");
      star_wildcard = wildcard_star_check(q);
      only_wildcard = only_wildcard && star_wildcard;
      star = i;
      continue;
    }
    only_wildcard = only_wildcard && wildcard_check(q);
  }
  pc.on_top++;
  addop(MATCH_SEQUENCE, loc);
  jump_to_fail_pop(loc, pc, POP_JUMP_IF_FALSE);
  if (star < 0) {
    addop(GET_LEN, loc);
    load_const_new(int_from_ssize(size), loc);
    addop_compare(loc, Cmpop::Eq);
    jump_to_fail_pop(loc, pc, POP_JUMP_IF_FALSE);
  } else if (size > 1) {
    addop(GET_LEN, loc);
    load_const_new(int_from_ssize(size - 1), loc);
    addop_compare(loc, Cmpop::GtE);
    jump_to_fail_pop(loc, pc, POP_JUMP_IF_FALSE);
  }
  pc.on_top--;
  if (only_wildcard) {
    addop(POP_TOP, loc);
  } else if (star_wildcard) {
    // subscript the needed items instead of unpacking everything
    pc.on_top++;
    for (ssize i = 0; i < size; i++) {
      Pattern* q = pats[i];
      if (wildcard_check(q) || i == star) continue;
      addop_i(COPY, 1, loc);
      if (i < star) {
        load_const_new(int_from_ssize(i), loc);
      } else {
        addop(GET_LEN, loc);
        load_const_new(int_from_ssize(size - i), loc);
        addop_i(BINARY_OP, kNbSubtract, loc);
      }
      addop_i(BINARY_OP, kNbSubscr, loc);
      if (!pattern_subpattern(q, pc)) return false;
    }
    pc.on_top--;
    addop(POP_TOP, loc);
  } else {
    bool seen_star = false;
    for (ssize i = 0; i < size; i++) {
      if (pats[i]->kind != Pattern::Kind::MatchStar) continue;
      if (seen_star) return error(loc, "multiple starred expressions in sequence pattern");
      if (i >= (1 << 8) || size - i - 1 >= (INT32_MAX >> 8))
        return error(loc, "too many expressions in star-unpacking sequence pattern");
      addop_i(UNPACK_EX, int(i + ((size - i - 1) << 8)), loc);
      seen_star = true;
    }
    if (!seen_star) addop_i(UNPACK_SEQUENCE, int(size), loc);
    pc.on_top += size;
    for (ssize i = 0; i < size; i++) {
      pc.on_top--;
      if (!pattern_subpattern(pats[i], pc)) return false;
    }
  }
  return true;
}

bool Codegen::pattern_class(MatchClass* p, PatternCtx& pc) {
  Location loc = loc_of(p);
  ssize nargs = p->patterns.size, nattrs = p->kwd_attrs.size;
  if (nattrs != p->kwd_patterns.size)
    return errorf(loc, "kwd_attrs (" + std::to_string(nattrs) + ") / kwd_patterns (" + std::to_string(p->kwd_patterns.size) +
                           ") length mismatch in class pattern");
  for (ssize i = 0; i < nattrs; i++)
    for (ssize j = i + 1; j < nattrs; j++)
      if (str_eq(p->kwd_attrs[i], p->kwd_attrs[j]))
        return errorf(loc_of(p->kwd_patterns[j]),
                      "attribute name repeated in class pattern: " + std::string(str_view(p->kwd_attrs[i])));
  if (!visit_expr(p->cls)) return false;
  Object* names = tuple_new(nattrs);
  if (!names) return false;
  for (ssize i = 0; i < nattrs; i++) tuple_init_item(names, i, new_ref(p->kwd_attrs[i]));
  load_const_new(names, loc);
  addop_i(MATCH_CLASS, int(nargs), loc);
  addop_i(COPY, 1, loc);
  load_const(None, loc);
  addop_i(IS_OP, 1, loc);
  pc.on_top++;
  jump_to_fail_pop(loc, pc, POP_JUMP_IF_FALSE);
  addop_i(UNPACK_SEQUENCE, int(nargs + nattrs), loc);
  pc.on_top += nargs + nattrs - 1;
  for (ssize i = 0; i < nargs + nattrs; i++) {
    pc.on_top--;
    Pattern* q = i < nargs ? p->patterns[i] : p->kwd_patterns[i - nargs];
    if (wildcard_check(q)) {
      addop(POP_TOP, loc);
      continue;
    }
    if (!pattern_subpattern(q, pc)) return false;
  }
  return true;
}

bool Codegen::pattern_mapping(MatchMapping* p, PatternCtx& pc) {
  Location loc = loc_of(p);
  ssize size = p->keys.size;
  if (size != p->patterns.size)
    return errorf(loc, "keys (" + std::to_string(size) + ") / patterns (" + std::to_string(p->patterns.size) +
                           ") length mismatch in mapping pattern");
  Object* star_target = p->rest;
  pc.on_top++;
  addop(MATCH_MAPPING, loc);
  jump_to_fail_pop(loc, pc, POP_JUMP_IF_FALSE);
  if (!size && !star_target) {
    pc.on_top--;
    addop(POP_TOP, loc);
    return true;
  }
  if (size) {
    addop(GET_LEN, loc);
    load_const_new(int_from_ssize(size), loc);
    addop_compare(loc, Cmpop::GtE);
    jump_to_fail_pop(loc, pc, POP_JUMP_IF_FALSE);
  }
  std::vector<Object*> seen;
  for (ssize i = 0; i < size; i++) {
    Expr* key = p->keys[i];
    if (!key) return error(loc_of(p->patterns[i]), "can't use NULL keys in MatchMapping (set 'rest' parameter instead)");
    if (key->kind == Expr::Kind::Constant) {
      Object* v = cast<Constant>(key)->value;
      for (Object* o : seen) {
        int eq = object_richcompare_bool(o, v, kEQ);
        if (eq < 0) return false;
        if (eq) {
          auto r = Ref<Object>::steal(object_repr(v));
          if (!r) return false;
          return errorf(loc, "mapping pattern checks duplicate key (" + std::string(str_view(r.get())) + ")");
        }
      }
      seen.push_back(v);
    } else if (key->kind != Expr::Kind::Attribute) {
      return error(loc, "mapping pattern keys may only match literals and attribute lookups");
    }
    if (!visit_expr(key)) return false;
  }
  addop_i(BUILD_TUPLE, int(size), loc);
  addop(MATCH_KEYS, loc);
  pc.on_top += 2;
  addop_i(COPY, 1, loc);
  load_const(None, loc);
  addop_i(IS_OP, 1, loc);
  jump_to_fail_pop(loc, pc, POP_JUMP_IF_FALSE);
  addop_i(UNPACK_SEQUENCE, int(size), loc);
  pc.on_top += size - 1;
  for (ssize i = 0; i < size; i++) {
    pc.on_top--;
    if (!pattern_subpattern(p->patterns[i], pc)) return false;
  }
  pc.on_top -= 2;
  if (star_target) {
    // rest = dict(subject); del rest[k] for each matched key
    addop_i(BUILD_MAP, 0, loc);
    addop_i(SWAP, 3, loc);
    addop_i(DICT_UPDATE, 2, loc);
    addop_i(UNPACK_SEQUENCE, int(size), loc);
    while (size) {
      addop_i(COPY, int(1 + size--), loc);
      addop_i(SWAP, 2, loc);
      addop(DELETE_SUBSCR, loc);
    }
    return pattern_store_name(loc, star_target, pc);
  }
  addop(POP_TOP, loc);
  addop(POP_TOP, loc);
  return true;
}

bool Codegen::pattern_or(MatchOr* p, PatternCtx& pc) {
  Location loc = loc_of(p);
  int end = new_label();
  ssize size = p->patterns.size;
  PatternCtx old = pc;
  std::vector<Object*> control;
  for (ssize i = 0; i < size; i++) {
    Pattern* alt = p->patterns[i];
    Location aloc = loc_of(alt);
    pc.stores.clear();
    pc.allow_irrefutable = (i == size - 1) && old.allow_irrefutable;
    pc.fail_pop.clear();
    pc.on_top = 0;
    addop_i(COPY, 1, aloc);
    if (!pattern(alt, pc)) return false;
    ssize nstores = ssize(pc.stores.size());
    if (i == 0) {
      control = pc.stores;
    } else if (nstores != ssize(control.size())) {
      return error(loc, "alternative patterns bind different names");
    } else if (nstores) {
      for (ssize icontrol = nstores - 1; icontrol >= 0; icontrol--) {
        Object* name = control[size_t(icontrol)];
        ssize istores = -1;
        for (ssize k = 0; k < nstores; k++)
          if (pc.stores[size_t(k)] == name || str_eq(pc.stores[size_t(k)], name)) { istores = k; break; }
        if (istores < 0) return error(loc, "alternative patterns bind different names");
        if (icontrol != istores) {
          ssize rotations = istores + 1;
          std::vector<Object*> rotated(pc.stores.begin(), pc.stores.begin() + rotations);
          pc.stores.erase(pc.stores.begin(), pc.stores.begin() + rotations);
          pc.stores.insert(pc.stores.begin() + (icontrol - istores), rotated.begin(), rotated.end());
          while (rotations--) pattern_rotate(aloc, icontrol + 1);
        }
      }
    }
    addop_j(JUMP, end, aloc);
    emit_and_reset_fail_pop(aloc, pc);
  }
  pc = old;
  addop(POP_TOP, loc);
  jump_to_fail_pop(loc, pc, JUMP);
  use_label(end);
  ssize nstores = ssize(control.size());
  ssize nrots = nstores + 1 + pc.on_top + ssize(pc.stores.size());
  for (ssize i = 0; i < nstores; i++) {
    pattern_rotate(loc, nrots);
    Object* name = control[size_t(i)];
    if (stores_contain(pc.stores, name)) return errorf(loc, "multiple assignments to name " + quoted(name) + " in pattern");
    pc.stores.push_back(name);
  }
  addop(POP_TOP, loc);
  return true;
}

bool Codegen::pattern_impl(Pattern* p, PatternCtx& pc) {
  Location loc = loc_of(p);
  switch (p->kind) {
    case Pattern::Kind::MatchValue: {
      Expr* v = cast<MatchValue>(p)->value;
      // CPython's AST preprocessing folds -1, 1+2j, -1-2j in value patterns
      Object* folded = fold_match_value(v);
      if (folded) {
        load_const_new(folded, loc_of(v));
      } else {
        if (err_occurred()) return false;
        if (v->kind != Expr::Kind::Constant && v->kind != Expr::Kind::Attribute)
          return error(loc, "patterns may only match literals and attribute lookups");
        if (!visit_expr(v)) return false;
      }
      addop_compare(loc, Cmpop::Eq);
      addop(TO_BOOL, loc);
      jump_to_fail_pop(loc, pc, POP_JUMP_IF_FALSE);
      return true;
    }
    case Pattern::Kind::MatchSingleton:
      load_const(cast<MatchSingleton>(p)->value, loc);
      addop_compare(loc, Cmpop::Is);
      jump_to_fail_pop(loc, pc, POP_JUMP_IF_FALSE);
      return true;
    case Pattern::Kind::MatchSequence: return pattern_sequence(cast<MatchSequence>(p), pc);
    case Pattern::Kind::MatchMapping: return pattern_mapping(cast<MatchMapping>(p), pc);
    case Pattern::Kind::MatchClass: return pattern_class(cast<MatchClass>(p), pc);
    case Pattern::Kind::MatchStar: return pattern_store_name(loc, cast<MatchStar>(p)->name, pc);
    case Pattern::Kind::MatchAs: return pattern_as(cast<MatchAs>(p), pc);
    case Pattern::Kind::MatchOr: return pattern_or(cast<MatchOr>(p), pc);
  }
  return errorf(loc, "invalid match pattern node in AST (kind=" + std::to_string(int(p->kind)) + ")");
}

bool Codegen::match_stmt(Match* s) {
  if (!visit_expr(s->subject)) return false;
  int end = new_label();
  ssize cases = s->cases.size;
  MatchCase* m = s->cases[cases - 1];
  bool has_default = wildcard_check(m->pattern) && cases > 1;
  PatternCtx pc;
  for (ssize i = 0; i < cases - has_default; i++) {
    m = s->cases[i];
    Location ploc = loc_of(m->pattern);
    bool last = i == cases - has_default - 1;
    if (!last) addop_i(COPY, 1, ploc);
    pc.stores.clear();
    pc.allow_irrefutable = m->guard != nullptr || i == cases - 1;
    pc.fail_pop.clear();
    pc.on_top = 0;
    if (!pattern(m->pattern, pc)) return false;
    for (Object* name : pc.stores)
      if (!nameop(ploc, name, ExprContext::Store)) return false;
    if (m->guard) {
      ensure_fail_pop(pc, 0);
      if (!jump_if(ploc, m->guard, pc.fail_pop[0], false)) return false;
    }
    if (!last) addop(POP_TOP, kNextLocation);
    if (!visit_stmts(m->body)) return false;
    addop_j(JUMP, end, kNoLocation);
    emit_and_reset_fail_pop(ploc, pc);
  }
  if (has_default) {
    m = s->cases[cases - 1];
    Location ploc = loc_of(m->pattern);
    addop(cases == 1 ? POP_TOP : NOP, ploc);
    if (m->guard && !jump_if(ploc, m->guard, end, false)) return false;
    if (!visit_stmts(m->body)) return false;
  }
  use_label(end);
  return true;
}

bool Codegen::visit_stmt_impl(Stmt* s) {
  Location loc = loc_of(s);
  switch (s->kind) {
    case Stmt::Kind::FunctionDef: {
      auto* f = cast<FunctionDef>(s);
      return function_def(s, f->name, f->args, f->body, f->decorator_list, f->returns, false, f->type_params);
    }
    case Stmt::Kind::AsyncFunctionDef: {
      auto* f = cast<AsyncFunctionDef>(s);
      return function_def(s, f->name, f->args, f->body, f->decorator_list, f->returns, true, f->type_params);
    }
    case Stmt::Kind::ClassDef: return class_def(cast<ClassDef>(s));
    case Stmt::Kind::Return: return return_stmt(cast<Return>(s));
    case Stmt::Kind::Delete: return visit_exprs(cast<Delete>(s)->targets);
    case Stmt::Kind::Assign: {
      auto* a = cast<Assign>(s);
      if (!visit_expr(a->value)) return false;
      for (ssize k = 0; k < a->targets.size; k++) {
        if (k < a->targets.size - 1) addop_i(COPY, 1, loc);
        if (!visit_expr(a->targets[k])) return false;
      }
      return true;
    }
    case Stmt::Kind::AugAssign: return augassign(cast<AugAssign>(s));
    case Stmt::Kind::AnnAssign: return annassign(cast<AnnAssign>(s));
    case Stmt::Kind::For: return for_stmt(cast<For>(s));
    case Stmt::Kind::AsyncFor: return async_for_stmt(cast<AsyncFor>(s));
    case Stmt::Kind::While: return while_stmt(cast<While>(s));
    case Stmt::Kind::If: return if_stmt(cast<If>(s));
    case Stmt::Kind::With: return with_stmt(s, cast<With>(s)->items, cast<With>(s)->body, 0, false);
    case Stmt::Kind::AsyncWith: return with_stmt(s, cast<AsyncWith>(s)->items, cast<AsyncWith>(s)->body, 0, true);
    case Stmt::Kind::Raise: {
      auto* r = cast<Raise>(s);
      int n = 0;
      if (r->exc) {
        if (!visit_expr(r->exc)) return false;
        n++;
        if (r->cause) {
          if (!visit_expr(r->cause)) return false;
          n++;
        }
      }
      addop_i(RAISE_VARARGS, n, loc);
      return true;
    }
    case Stmt::Kind::Try: {
      auto* t = cast<Try>(s);
      if (!t->finalbody.empty()) return try_finally(s, t->body, t->handlers, t->orelse, t->finalbody);
      return try_except(s, t->body, t->handlers, t->orelse);
    }
    case Stmt::Kind::TryStar: {
      auto* t = cast<TryStar>(s);
      if (!t->finalbody.empty()) return try_finally(s, t->body, t->handlers, t->orelse, t->finalbody, true);
      return try_star_except(s, t->body, t->handlers, t->orelse);
    }
    case Stmt::Kind::TypeAlias: return typealias(cast<TypeAlias>(s));
    case Stmt::Kind::Assert: return assert_stmt(cast<Assert>(s));
    case Stmt::Kind::Match: return match_stmt(cast<Match>(s));
    case Stmt::Kind::Import: return import_stmt(cast<Import>(s));
    case Stmt::Kind::ImportFrom: return import_from(cast<ImportFrom>(s));
    case Stmt::Kind::Global:
    case Stmt::Kind::Nonlocal:
      return true;
    case Stmt::Kind::Expr: {
      Expr* v = cast<ExprStmt>(s)->value;
      if (interactive_ && stack_.size() <= 1) {
        if (!visit_expr(v)) return false;
        addop_i(CALL_INTRINSIC_1, INTRINSIC_PRINT, loc);
        addop(POP_TOP, kNoLocation);
        return true;
      }
      if (v->kind == Expr::Kind::Constant) {
        addop(NOP, loc);
        return true;
      }
      if (!visit_expr(v)) return false;
      addop(POP_TOP, kNoLocation);
      return true;
    }
    case Stmt::Kind::Pass:
      addop(NOP, loc);
      return true;
    case Stmt::Kind::Break: {
      FBlock* loop = nullptr;
      addop(NOP, loc);
      if (!unwind_fblock_stack(&loc, false, &loop)) return false;
      if (!loop) return error(loc_of(s), "'break' outside loop");
      FBlock lp = *loop;
      if (!unwind_fblock(lp, &loc, false)) return false;
      addop_j(JUMP, lp.exit, loc);
      return true;
    }
    case Stmt::Kind::Continue: {
      FBlock* loop = nullptr;
      addop(NOP, loc);
      if (!unwind_fblock_stack(&loc, false, &loop)) return false;
      if (!loop) return error(loc_of(s), "'continue' not properly in loop");
      addop_j(JUMP, loop->block, loc);
      return true;
    }
    default:
      err_format(&exc::SystemError, "pyxx compiler: statement kind %s not supported yet", name_of(s->kind));
      return false;
  }
}

// --- expressions ---
void Codegen::addop_compare(Location loc, Cmpop op) {
  switch (op) {
    case Cmpop::Is: addop_i(IS_OP, 0, loc); return;
    case Cmpop::IsNot: addop_i(IS_OP, 1, loc); return;
    case Cmpop::In: addop_i(CONTAINS_OP, 0, loc); return;
    case Cmpop::NotIn: addop_i(CONTAINS_OP, 1, loc); return;
    default: break;
  }
  int cmp = 0, mask = 0;
  switch (op) {
    case Cmpop::Eq: cmp = kEQ; mask = 8; break;
    case Cmpop::NotEq: cmp = kNE; mask = 1 | 2 | 4; break;
    case Cmpop::Lt: cmp = kLT; mask = 2; break;
    case Cmpop::LtE: cmp = kLE; mask = 2 | 8; break;
    case Cmpop::Gt: cmp = kGT; mask = 4; break;
    case Cmpop::GtE: cmp = kGE; mask = 4 | 8; break;
    default: break;
  }
  addop_i(COMPARE_OP, (cmp << 5) | mask, loc);
}

bool Codegen::jump_if(Location loc, Expr* e, int next, bool cond) {
  switch (e->kind) {
    case Expr::Kind::UnaryOp:
      if (cast<UnaryOp>(e)->op == Unaryop::Not) return jump_if(loc, cast<UnaryOp>(e)->operand, next, !cond);
      break;
    case Expr::Kind::BoolOp: {
      auto* b = cast<BoolOp>(e);
      ssize n = b->values.size - 1;
      bool cond2 = b->op == Boolop::Or;
      int next2 = next;
      if (cond2 != cond) next2 = new_label();
      for (ssize i = 0; i < n; i++)
        if (!jump_if(loc, b->values[i], next2, cond2)) return false;
      if (!jump_if(loc, b->values[n], next, cond)) return false;
      if (next2 != next) use_label(next2);
      return true;
    }
    case Expr::Kind::IfExp: {
      auto* i = cast<IfExp>(e);
      int end = new_label(), next2 = new_label();
      if (!jump_if(loc, i->test, next2, false)) return false;
      if (!jump_if(loc, i->body, next, cond)) return false;
      addop_j(JUMP_NO_INTERRUPT, end, kNoLocation);
      use_label(next2);
      if (!jump_if(loc, i->orelse, next, cond)) return false;
      use_label(end);
      return true;
    }
    case Expr::Kind::Compare: {
      auto* c = cast<Compare>(e);
      ssize n = c->ops.size - 1;
      if (n > 0) {
        int cleanup = new_label();
        Location l = loc_of(e);
        if (!visit_expr(c->left)) return false;
        for (ssize i = 0; i < n; i++) {
          if (!visit_expr(c->comparators[i])) return false;
          addop_i(SWAP, 2, l);
          addop_i(COPY, 2, l);
          addop_compare(l, c->ops[i]);
          addop(TO_BOOL, l);
          addop_j(POP_JUMP_IF_FALSE, cleanup, l);
        }
        if (!visit_expr(c->comparators[n])) return false;
        addop_compare(l, c->ops[n]);
        addop(TO_BOOL, l);
        addop_j(cond ? POP_JUMP_IF_TRUE : POP_JUMP_IF_FALSE, next, l);
        int end = new_label();
        addop_j(JUMP_NO_INTERRUPT, end, kNoLocation);
        use_label(cleanup);
        addop(POP_TOP, l);
        if (!cond) addop_j(JUMP_NO_INTERRUPT, next, kNoLocation);
        use_label(end);
        return true;
      }
      break;
    }
    default:
      break;
  }
  if (!visit_expr(e)) return false;
  addop(TO_BOOL, loc_of(e));
  addop_j(cond ? POP_JUMP_IF_TRUE : POP_JUMP_IF_FALSE, next, loc_of(e));
  return true;
}

bool Codegen::boolop(BoolOp* e) {
  Location loc = loc_of(e);
  int op = e->op == Boolop::And ? JUMP_IF_FALSE : JUMP_IF_TRUE;
  int end = new_label();
  ssize n = e->values.size - 1;
  for (ssize i = 0; i < n; i++) {
    if (!visit_expr(e->values[i])) return false;
    addop_j(op, end, loc);
    addop(POP_TOP, loc);
  }
  if (!visit_expr(e->values[n])) return false;
  use_label(end);
  return true;
}

bool Codegen::compare(Compare* e) {
  Location loc = loc_of(e);
  ssize n = e->ops.size - 1;
  if (!visit_expr(e->left)) return false;
  if (n == 0) {
    if (!visit_expr(e->comparators[0])) return false;
    addop_compare(loc, e->ops[0]);
    return true;
  }
  int cleanup = new_label();
  for (ssize i = 0; i < n; i++) {
    if (!visit_expr(e->comparators[i])) return false;
    addop_i(SWAP, 2, loc);
    addop_i(COPY, 2, loc);
    addop_compare(loc, e->ops[i]);
    addop_i(COPY, 1, loc);
    addop(TO_BOOL, loc);
    addop_j(POP_JUMP_IF_FALSE, cleanup, loc);
    addop(POP_TOP, loc);
  }
  if (!visit_expr(e->comparators[n])) return false;
  addop_compare(loc, e->ops[n]);
  int end = new_label();
  addop_j(JUMP_NO_INTERRUPT, end, kNoLocation);
  use_label(cleanup);
  addop_i(SWAP, 2, loc);
  addop(POP_TOP, loc);
  use_label(end);
  return true;
}

bool Codegen::starunpack(Location loc, Seq<Expr*> elts, int pushed, int build, int add, int extend, bool tuple,
                         Object* injected) {
  ssize n = elts.size;
  bool big = n + pushed + (injected ? 1 : 0) > kStackUseGuideline;
  bool seen_star = false;
  for (Expr* e : elts) if (e->kind == Expr::Kind::Starred) seen_star = true;
  if (!seen_star && !big) {
    if (!visit_exprs(elts)) return false;
    if (injected) {
      if (!nameop(loc, injected, ExprContext::Load)) return false;
      n++;
    }
    addop_i(tuple ? BUILD_TUPLE : build, int(n) + pushed, loc);
    return true;
  }
  bool built = false;
  if (big) { addop_i(build, pushed, loc); built = true; }
  for (ssize i = 0; i < n; i++) {
    Expr* e = elts[i];
    if (e->kind == Expr::Kind::Starred) {
      if (!built) { addop_i(build, int(i) + pushed, loc); built = true; }
      if (!visit_expr(cast<Starred>(e)->value)) return false;
      addop_i(extend, 1, loc);
    } else {
      if (!visit_expr(e)) return false;
      if (built) addop_i(add, 1, loc);
    }
  }
  if (injected) {
    if (!nameop(loc, injected, ExprContext::Load)) return false;
    addop_i(add, 1, loc);
  }
  if (tuple) addop_i(CALL_INTRINSIC_1, INTRINSIC_LIST_TO_TUPLE, loc);
  return true;
}

bool Codegen::unpack_helper(Location loc, Seq<Expr*> elts) {
  ssize n = elts.size;
  bool seen_star = false;
  for (ssize i = 0; i < n; i++) {
    Expr* e = elts[i];
    if (e->kind == Expr::Kind::Starred && !seen_star) {
      if (i >= (1 << 8) || n - i - 1 >= (INT32_MAX >> 8)) return error(loc_of(e), "too many expressions in star-unpacking assignment");
      addop_i(UNPACK_EX, int(i + ((n - i - 1) << 8)), loc);
      seen_star = true;
    } else if (e->kind == Expr::Kind::Starred) {
      return error(loc_of(e), "multiple starred expressions in assignment");
    }
  }
  if (!seen_star) addop_i(UNPACK_SEQUENCE, int(n), loc);
  return true;
}

bool Codegen::assignment_helper(Location loc, Seq<Expr*> elts) {
  if (!unpack_helper(loc, elts)) return false;
  for (Expr* e : elts)
    if (!visit_expr(e->kind == Expr::Kind::Starred ? cast<Starred>(e)->value : e)) return false;
  return true;
}

bool Codegen::subdict(Dict* e, ssize begin, ssize end) {
  ssize n = end - begin;
  bool big = n * 2 > kStackUseGuideline;
  Location loc = loc_of(e);
  if (big) addop_i(BUILD_MAP, 0, loc);
  for (ssize i = begin; i < end; i++) {
    if (!visit_expr(e->keys[i]) || !visit_expr(e->values[i])) return false;
    if (big) addop_i(MAP_ADD, 1, loc);
  }
  if (!big) addop_i(BUILD_MAP, int(n), loc);
  return true;
}

bool Codegen::dict(Dict* e) {
  Location loc = loc_of(e);
  ssize n = e->values.size, elements = 0;
  bool have_dict = false;
  for (ssize i = 0; i < n; i++) {
    bool unpack = e->keys[i] == nullptr;
    if (unpack) {
      if (elements) {
        if (!subdict(e, i - elements, i)) return false;
        if (have_dict) addop_i(DICT_UPDATE, 1, loc);
        have_dict = true;
        elements = 0;
      }
      if (!have_dict) { addop_i(BUILD_MAP, 0, loc); have_dict = true; }
      if (!visit_expr(e->values[i])) return false;
      addop_i(DICT_UPDATE, 1, loc);
    } else {
      if (elements * 2 > kStackUseGuideline) {
        if (!subdict(e, i - elements, i + 1)) return false;
        if (have_dict) addop_i(DICT_UPDATE, 1, loc);
        have_dict = true;
        elements = 0;
      } else {
        elements++;
      }
    }
  }
  if (elements) {
    if (!subdict(e, n - elements, n)) return false;
    if (have_dict) addop_i(DICT_UPDATE, 1, loc);
    have_dict = true;
  }
  if (!have_dict) addop_i(BUILD_MAP, 0, loc);
  return true;
}

bool Codegen::call_simple_kw_helper(Location loc, Seq<Keyword*> kws) {
  Object* names = tuple_new(kws.size);
  if (!names) return false;
  for (ssize k = 0; k < kws.size; k++) tuple_init_item(names, k, new_ref(kws[k]->arg));
  load_const_new(names, loc);
  return true;
}

bool Codegen::subkwargs(Location loc, Seq<Keyword*> kws, ssize begin, ssize end) {
  ssize n = end - begin;
  bool big = n * 2 > kStackUseGuideline;
  if (big) addop_i(BUILD_MAP, 0, loc);
  for (ssize i = begin; i < end; i++) {
    load_const(kws[i]->arg, loc);
    if (!visit_expr(kws[i]->value)) return false;
    if (big) addop_i(MAP_ADD, 1, loc);
  }
  if (!big) addop_i(BUILD_MAP, int(n), loc);
  return true;
}

bool Codegen::call_helper(Location loc, int n, Seq<Expr*> args, Seq<Keyword*> keywords, Object* injected) {
  ssize nelts = args.size, nkw = keywords.size;
  bool ex = nelts + nkw * 2 > kStackUseGuideline;
  for (Expr* a : args) if (a->kind == Expr::Kind::Starred) ex = true;
  for (Keyword* k : keywords) if (!k->arg) ex = true;
  if (!ex) {
    if (!visit_exprs(args)) return false;
    if (injected) {
      if (!nameop(loc, injected, ExprContext::Load)) return false;
      nelts++;
    }
    if (nkw) {
      for (Keyword* k : keywords) if (!visit_expr(k->value)) return false;
      if (!call_simple_kw_helper(loc, keywords)) return false;
      addop_i(CALL_KW, n + int(nelts + nkw), loc);
    } else {
      addop_i(CALL, n + int(nelts), loc);
    }
    return true;
  }
  if (n == 0 && nelts == 1 && args[0]->kind == Expr::Kind::Starred) {
    if (!visit_expr(cast<Starred>(args[0])->value)) return false;
  } else {
    if (!starunpack(loc, args, n, BUILD_LIST, LIST_APPEND, LIST_EXTEND, true, injected)) return false;
  }
  if (nkw) {
    bool have_dict = false;
    ssize nseen = 0;
    for (ssize i = 0; i < nkw; i++) {
      Keyword* kw = keywords[i];
      if (!kw->arg) {
        if (nseen) {
          if (!subkwargs(loc, keywords, i - nseen, i)) return false;
          if (have_dict) addop_i(DICT_MERGE, 1, loc);
          have_dict = true;
          nseen = 0;
        }
        if (!have_dict) { addop_i(BUILD_MAP, 0, loc); have_dict = true; }
        if (!visit_expr(kw->value)) return false;
        addop_i(DICT_MERGE, 1, loc);
      } else {
        nseen++;
      }
    }
    if (nseen) {
      if (!subkwargs(loc, keywords, nkw - nseen, nkw)) return false;
      if (have_dict) addop_i(DICT_MERGE, 1, loc);
    }
  } else {
    addop(PUSH_NULL, loc);
  }
  addop(CALL_FUNCTION_EX, loc);
  return true;
}

bool Codegen::is_import_originated(Expr* e) {
  if (e->kind != Expr::Kind::Name) return false;
  return (st_.top->get_flags(cast<Name>(e)->id) & kDefImport) != 0;
}

bool Codegen::can_optimize_super_call(Attribute* attr) {
  Expr* e = attr->value;
  if (e->kind != Expr::Kind::Call) return false;
  auto* c = cast<Call>(e);
  if (c->func->kind != Expr::Kind::Name || !str_eq_cstr(cast<Name>(c->func)->id, "super") ||
      str_eq_cstr(attr->attr, "__class__") || !c->keywords.empty())
    return false;
  Object* super_name = cast<Name>(c->func)->id;
  // statically visible shadowing of 'super'
  if (u_->ste->get_scope(super_name) != kGlobalImplicit) return false;
  if (st_.top->get_scope(super_name) != kScopeNone) return false;
  if (c->args.size == 2) {
    for (Expr* a : c->args) if (a->kind == Expr::Kind::Starred) return false;
    return true;
  }
  if (c->args.size != 0) return false;
  if (u_->md.argcount == 0 && u_->md.posonlyargcount == 0) return false;
  return u_->ste->get_scope(str_intern_cstr("__class__")) == kFree;
}

bool Codegen::load_args_for_super(Call* e) {
  Location loc = loc_of(e->func);
  if (!nameop(loc, cast<Name>(e->func)->id, ExprContext::Load)) return false;
  if (e->args.size == 2) {
    return visit_expr(e->args[0]) && visit_expr(e->args[1]);
  }
  Location cl = loc_of(e);
  if (!nameop(cl, str_intern_cstr("__class__"), ExprContext::Load)) return false;
  return nameop(cl, u_->md.varnames[0], ExprContext::Load);
}

bool Codegen::maybe_optimize_method_call(Call* e, bool* done) {
  *done = false;
  Expr* meth = e->func;
  if (meth->kind != Expr::Kind::Attribute || cast<Attribute>(meth)->ctx != ExprContext::Load) return true;
  auto* attr = cast<Attribute>(meth);
  if (is_import_originated(attr->value)) return true;
  ssize argsl = e->args.size, kwdsl = e->keywords.size;
  if (argsl + kwdsl + (kwdsl != 0) >= kStackUseGuideline) return true;
  for (Expr* a : e->args) if (a->kind == Expr::Kind::Starred) return true;
  for (Keyword* k : e->keywords) if (!k->arg) return true;
  Location loc = loc_of(meth);
  if (can_optimize_super_call(attr)) {
    auto* sc = cast<Call>(attr->value);
    if (!load_args_for_super(sc)) return false;
    int oparg = (name_index(attr->attr) << 2) | (sc->args.size ? 2 : 0) | 1;
    addop_i(LOAD_SUPER_ATTR, oparg, loc);
    loc = update_start_location_to_match_attr(loc, attr);
    addop(NOP, loc);
  } else {
    if (!visit_expr(attr->value)) return false;
    loc = update_start_location_to_match_attr(loc, attr);
    addop_i(LOAD_ATTR, (name_index(attr->attr) << 1) | 1, loc);
  }
  if (!visit_exprs(e->args)) return false;
  if (kwdsl) {
    for (Keyword* k : e->keywords) if (!visit_expr(k->value)) return false;
    if (!call_simple_kw_helper(loc, e->keywords)) return false;
    loc = update_start_location_to_match_attr(loc_of(e), attr);
    addop_i(CALL_KW, int(argsl + kwdsl), loc);
  } else {
    loc = update_start_location_to_match_attr(loc_of(e), attr);
    addop_i(CALL, int(argsl), loc);
  }
  *done = true;
  return true;
}

// all()/any()/tuple() of a generator expression run the loop inline when the
// name still refers to the builtin (3.14's maybe_optimize_function_call).
bool Codegen::maybe_optimize_function_call(Call* e, int end, bool* optimized) {
  *optimized = false;
  Expr* func = e->func;
  if (!(func->kind == Expr::Kind::Name && e->args.size == 1 && e->keywords.empty() &&
        e->args[0]->kind == Expr::Kind::GeneratorExp))
    return true;
  Location loc = loc_of(func);
  int skip = new_label();
  int const_oparg = -1;
  Object* initial = nullptr;
  int cont_op = -1;
  Object* id = cast<Name>(func)->id;
  if (str_eq_cstr(id, "all")) { const_oparg = CONSTANT_BUILTIN_ALL; initial = True; cont_op = POP_JUMP_IF_TRUE; }
  else if (str_eq_cstr(id, "any")) { const_oparg = CONSTANT_BUILTIN_ANY; initial = False; cont_op = POP_JUMP_IF_FALSE; }
  else if (str_eq_cstr(id, "tuple")) { const_oparg = CONSTANT_BUILTIN_TUPLE; }
  if (const_oparg != -1) {
    addop_i(COPY, 1, loc);
    addop_i(LOAD_COMMON_CONSTANT, const_oparg, loc);
    addop_compare(loc, Cmpop::Is);
    addop_j(POP_JUMP_IF_FALSE, skip, loc);
    addop(POP_TOP, loc);
    if (const_oparg == CONSTANT_BUILTIN_TUPLE) addop_i(BUILD_LIST, 0, loc);
    if (!visit_expr(e->args[0])) return false;
    int loop = new_label(), cleanup = new_label();
    use_label(loop);
    addop_j(FOR_ITER, cleanup, loc);
    if (const_oparg == CONSTANT_BUILTIN_TUPLE) {
      addop_i(LIST_APPEND, 2, loc);
      addop_j(JUMP, loop, loc);
    } else {
      addop(TO_BOOL, loc);
      addop_j(cont_op, loop, loc);
    }
    addop(POP_ITER, kNoLocation);
    if (const_oparg != CONSTANT_BUILTIN_TUPLE) load_const(initial == True ? False : True, loc);
    addop_j(JUMP, end, loc);
    use_label(cleanup);
    addop(END_FOR, kNoLocation);
    addop(POP_ITER, kNoLocation);
    if (const_oparg == CONSTANT_BUILTIN_TUPLE) addop_i(CALL_INTRINSIC_1, INTRINSIC_LIST_TO_TUPLE, loc);
    else load_const(initial, loc);
    *optimized = true;
    addop_j(JUMP, end, loc);
  }
  use_label(skip);
  return true;
}

bool Codegen::call(Call* e) {
  bool done = false;
  if (!maybe_optimize_method_call(e, &done)) return false;
  if (done) return true;
  int skip_normal_call = new_label();
  if (!visit_expr(e->func)) return false;
  bool optimized = false;
  if (!maybe_optimize_function_call(e, skip_normal_call, &optimized)) return false;
  addop(PUSH_NULL, loc_of(e->func));
  bool ok = call_helper(loc_of(e), 0, e->args, e->keywords);
  use_label(skip_normal_call);
  return ok;
}

bool Codegen::maybe_add_static_attribute(Attribute* e) {
  if (e->value->kind != Expr::Kind::Name || !str_eq_cstr(cast<Name>(e->value)->id, "self")) return true;
  for (ssize k = ssize(stack_.size()) - 1; k >= 0; k--) {
    Unit* u = stack_[size_t(k)];
    if (u->scope_type == kScopeClass) {
      u->static_attributes.push_back(e->attr);
      break;
    }
  }
  return true;
}

bool Codegen::attribute(Attribute* e) {
  Location loc = loc_of(e);
  if (e->ctx == ExprContext::Load && can_optimize_super_call(e)) {
    auto* sc = cast<Call>(e->value);
    if (!load_args_for_super(sc)) return false;
    addop_i(LOAD_SUPER_ATTR, (name_index(e->attr) << 2) | (sc->args.size ? 2 : 0), loc);
    loc = update_start_location_to_match_attr(loc, e);
    addop(NOP, loc);
    return true;
  }
  if (e->ctx == ExprContext::Store && is_function_like_unit()) maybe_add_static_attribute(e);
  if (!visit_expr(e->value)) return false;
  loc = update_start_location_to_match_attr(loc, e);
  switch (e->ctx) {
    case ExprContext::Load: addop_i(LOAD_ATTR, name_index(e->attr) << 1, loc); break;
    case ExprContext::Store: addop_i(STORE_ATTR, name_index(e->attr), loc); break;
    case ExprContext::Del: addop_i(DELETE_ATTR, name_index(e->attr), loc); break;
  }
  return true;
}

static bool is_constant_slice(Expr* s) {
  if (s->kind != Expr::Kind::Slice) return false;
  auto* sl = cast<Slice>(s);
  return (!sl->lower || is_const(sl->lower)) && (!sl->upper || is_const(sl->upper)) && (!sl->step || is_const(sl->step));
}
static bool two_element_slice(Expr* s) {
  return !is_constant_slice(s) && s->kind == Expr::Kind::Slice && !cast<Slice>(s)->step;
}

bool Codegen::slice_two_parts(Slice* s) {
  if (s->lower) { if (!visit_expr(s->lower)) return false; }
  else load_const(None, loc_of(s));
  if (s->upper) { if (!visit_expr(s->upper)) return false; }
  else load_const(None, loc_of(s));
  return true;
}

bool Codegen::slice(Expr* e) {
  auto* s = cast<Slice>(e);
  if (is_constant_slice(e)) {
    Object* lo = s->lower ? cast<Constant>(s->lower)->value : nullptr;
    Object* hi = s->upper ? cast<Constant>(s->upper)->value : nullptr;
    Object* st = s->step ? cast<Constant>(s->step)->value : nullptr;
    Object* sl = slice_new(lo, hi, st);
    if (!sl) return false;
    load_const_new(sl, loc_of(e));
    return true;
  }
  int n = 2;
  if (!slice_two_parts(s)) return false;
  if (s->step) { n++; if (!visit_expr(s->step)) return false; }
  addop_i(BUILD_SLICE, n, loc_of(e));
  return true;
}

bool Codegen::subscript(Subscript* e) {
  Location loc = loc_of(e);
  if (!visit_expr(e->value)) return false;
  if (two_element_slice(e->slice) && e->ctx != ExprContext::Del) {
    if (!slice_two_parts(cast<Slice>(e->slice))) return false;
    addop(e->ctx == ExprContext::Load ? BINARY_SLICE : STORE_SLICE, loc);
    return true;
  }
  if (!visit_expr(e->slice)) return false;
  switch (e->ctx) {
    case ExprContext::Load: addop_i(BINARY_OP, kNbSubscr, loc); break;
    case ExprContext::Store: addop(STORE_SUBSCR, loc); break;
    case ExprContext::Del: addop(DELETE_SUBSCR, loc); break;
  }
  return true;
}

bool Codegen::ifexp(IfExp* e) {
  int end = new_label(), next = new_label();
  if (!jump_if(loc_of(e), e->test, next, false)) return false;
  if (!visit_expr(e->body)) return false;
  addop_j(JUMP, end, kNoLocation);
  use_label(next);
  if (!visit_expr(e->orelse)) return false;
  use_label(end);
  return true;
}

bool Codegen::formatted_value(FormattedValue* e) {
  if (!visit_expr(e->value)) return false;
  Location loc = loc_of(e);
  int conv = e->conversion;
  if (conv != -1) {
    int oparg = conv == 's' ? 1 : conv == 'r' ? 2 : conv == 'a' ? 3 : 0;
    addop_i(CONVERT_VALUE, oparg, loc);
  }
  if (e->format_spec) {
    if (!visit_expr(e->format_spec)) return false;
    addop(FORMAT_WITH_SPEC, loc);
  } else {
    addop(FORMAT_SIMPLE, loc);
  }
  return true;
}

// 'fmt' % (a, b) with only %s/%r/%a/%% becomes f-string code (3.14's AST optimizer).
bool Codegen::maybe_optimize_format(BinOp* e, bool* done) {
  *done = false;
  if (e->op != Operator::Mod || e->left->kind != Expr::Kind::Constant || !str_check_exact(cast<Constant>(e->left)->value) ||
      e->right->kind != Expr::Kind::Tuple)
    return true;
  Seq<Expr*> elts = cast<Tuple>(e->right)->elts;
  for (Expr* x : elts) if (x->kind == Expr::Kind::Starred) return true;
  Object* fmt = cast<Constant>(e->left)->value;
  ssize n = str_length(fmt);
  struct Piece { std::vector<uint32_t> lit; Expr* arg = nullptr; int conv = 0; std::string spec; };
  std::vector<Piece> pieces;
  std::vector<uint32_t> cur;
  ssize argi = 0;
  for (ssize i = 0; i < n;) {
    uint32_t ch = str_char_at(fmt, i);
    if (ch != '%') { cur.push_back(ch); i++; continue; }
    if (i + 1 >= n) return true;
    if (str_char_at(fmt, i + 1) == '%') { cur.push_back('%'); i += 2; continue; }
    if (argi >= elts.size) return true;
    // %[flags][width][.prec](s|r|a), as CPython's simple_format_arg_parse
    ssize pos = i + 1;
    bool ljust = false;
    int width = -1, prec = -1;
    uint32_t c = 0;
    auto next = [&]() -> bool { if (pos >= n) return false; c = str_char_at(fmt, pos++); return true; };
    if (!next()) return true;
    while (c == '-' || c == '+' || c == ' ' || c == '#' || c == '0') {
      if (c == '-') ljust = true;
      if (!next()) return true;
    }
    if (c >= '0' && c <= '9') {
      width = 0;
      while (c >= '0' && c <= '9') {
        if (width >= 10) return true;  // at most two digits (as CPython)
        width = width * 10 + int(c - '0');
        if (!next()) return true;
      }
    }
    if (c == '.') {
      if (!next()) return true;
      prec = 0;
      while (c >= '0' && c <= '9') {
        if (prec >= 10) return true;
        prec = prec * 10 + int(c - '0');
        if (!next()) return true;
      }
    }
    if (c != 's' && c != 'r' && c != 'a') return true;
    if (!cur.empty()) { Piece p; p.lit = cur; pieces.push_back(p); cur.clear(); }
    Piece p; p.arg = elts[argi++]; p.conv = int(c);
    if (!ljust && width > 0) p.spec += '>';
    if (width >= 0) p.spec += std::to_string(width);
    if (prec >= 0) p.spec += "." + std::to_string(prec);
    pieces.push_back(p);
    i = pos;
  }
  if (argi != elts.size) return true;
  if (!cur.empty()) { Piece p; p.lit = cur; pieces.push_back(p); }
  for (auto& p : pieces) {
    if (!p.arg) {
      Object* lit = str_from_ucs4(p.lit.data(), ssize(p.lit.size()));
      if (!lit) return false;
      load_const_new(lit, kNoLocation);
      continue;
    }
    if (!visit_expr(p.arg)) return false;
    Location al = loc_of(p.arg);
    addop_i(CONVERT_VALUE, p.conv == 's' ? 1 : p.conv == 'r' ? 2 : 3, al);
    if (!p.spec.empty()) {
      load_const_new(str_from(p.spec), kNoLocation);
      addop(FORMAT_WITH_SPEC, al);
    } else {
      addop(FORMAT_SIMPLE, al);
    }
  }
  if (pieces.size() != 1) addop_i(BUILD_STRING, int(pieces.size()), loc_of(e));
  *done = true;
  return true;
}

bool Codegen::joined_str(JoinedStr* e) {
  Location loc = loc_of(e);
  ssize n = e->values.size;
  if (n == 0) {
    Object* s = str_empty();
    load_const_new(s, loc);
    return true;
  }
  if (n > kStackUseGuideline) {
    Object* empty = str_empty();
    load_const_new(empty, loc);
    addop_i(LOAD_ATTR, (raw_name_index(str_intern_cstr("join")) << 1) | 1, loc);
    addop_i(BUILD_LIST, 0, loc);
    for (Expr* v : e->values) {
      if (!visit_expr(v)) return false;
      addop_i(LIST_APPEND, 1, loc);
    }
    addop_i(CALL, 1, loc);
    return true;
  }
  if (!visit_exprs(e->values)) return false;
  if (n != 1) addop_i(BUILD_STRING, int(n), loc);
  return true;
}

// Comprehensions: inlined (PEP 709) for list/set/dict, a nested code object for genexps.
bool Codegen::comprehension_generator(Seq<Comprehension*> gens, ssize gen_index, int depth, Expr* elt, Expr* val,
                                      CompKind kind, bool iter_on_stack) {
  Comprehension* gen = gens[gen_index];
  int start = new_label(), if_cleanup = new_label(), anchor = new_label();
  if (!iter_on_stack) {
    if (gen_index == 0) {
      // .0 argument of a genexp
      addop_i(LOAD_FAST, 0, comp_loc_);
    } else {
      // 3.14: iterating a list/tuple display of one element needs no GET_ITER tricks here
      if (!visit_expr(gen->iter)) return false;
      addop(GET_ITER, loc_of(gen->iter));
    }
  }
  depth++;
  use_label(start);
  addop_j(FOR_ITER, anchor, loc_of(gen->iter));
  if (!visit_expr(gen->target)) return false;
  for (Expr* cond : gen->ifs)
    if (!jump_if(loc_of(cond), cond, if_cleanup, false)) return false;
  if (++gen_index < gens.size) {
    if (!comprehension_generator(gens, gen_index, depth, elt, val, kind, false)) return false;
  } else {
    Location eloc = loc_of(elt);
    switch (kind) {
      case CompKind::Generator:
        if (!visit_expr(elt)) return false;
        if (u_->ste->generator && u_->ste->coroutine) addop_i(CALL_INTRINSIC_1, INTRINSIC_ASYNC_GEN_WRAP, eloc);
        addop_i(YIELD_VALUE, 0, eloc);
        addop_i(RESUME, 5 /* RESUME_AFTER_YIELD */ - 4, eloc);
        addop(POP_TOP, eloc);
        break;
      case CompKind::List:
        if (!visit_expr(elt)) return false;
        addop_i(LIST_APPEND, depth + 1, eloc);
        break;
      case CompKind::Set:
        if (!visit_expr(elt)) return false;
        addop_i(SET_ADD, depth + 1, eloc);
        break;
      case CompKind::Dict:
        if (!visit_expr(elt)) return false;
        if (!visit_expr(val)) return false;
        eloc.end_lineno = val->end_lineno;
        eloc.end_col_offset = val->end_col_offset;
        addop_i(MAP_ADD, depth + 1, eloc);
        break;
      default: break;
    }
  }
  use_label(if_cleanup);
  Location elt_loc = loc_of(elt);
  // only the innermost loop (the one that emitted MAP_ADD) spans key..value
  if (kind == CompKind::Dict && gen_index >= gens.size) {
    elt_loc.end_lineno = val->end_lineno;
    elt_loc.end_col_offset = val->end_col_offset;
  }
  addop_j(JUMP, start, elt_loc);
  use_label(anchor);
  addop(END_FOR, kNoLocation);
  addop(POP_ITER, kNoLocation);
  return true;
}

bool Codegen::comprehension(Expr* e, CompKind kind, Seq<Comprehension*> gens, Expr* elt, Expr* val) {
  SymEntry* ste = st_.lookup(e);
  if (!ste) { err_bad_internal_call("comprehension scope"); return false; }
  Location loc = loc_of(e);
  Comprehension* outer = gens[0];
  bool inlined = ste->comp_inlined;
  if (inlined) {
    // evaluate outermost iterable in the current scope
    if (!visit_expr(outer->iter)) return false;
    addop(GET_ITER, loc_of(outer->iter));
    // push_inlined_comprehension_state: save comprehension locals that shadow outer names
    std::vector<Object*> pushed;
    std::vector<Object*> temp_fast;
    bool fast_scope = is_function_like_unit();
    for (Object* name : ste->order) {
      int fl = ste->get_flags(name);
      if (fl & kDefParam) continue;
      int sc = ste->get_scope(name);
      if (sc == kLocal || sc == kCell) {
        if ((fl & kDefCompIter) || !(fl & kDefNonlocal)) {
          // bound in the comprehension
          if (!(fl & kDefBound) && !(fl & kDefCompIter)) continue;
          if (!fast_scope && sc != kCell) temp_fast.push_back(name);
          pushed.push_back(name);
        }
      }
    }
    for (Object* n : temp_fast) u_->fast_hidden_now.push_back(n);
    bool in_class_block = u_->ste->type == BlockType::Class && !u_->in_inlined_comp;
    u_->in_inlined_comp++;
    std::vector<Object*> overridden;
    if (in_class_block) {
      // directly in a class body every name takes the comprehension's own scope
      // while it runs (class-level names are not visible inside, as CPython)
      for (Object* n : ste->order) {
        if (ste->get_flags(n) & kDefParam) continue;
        if (u_->scope_override.count(n)) continue;
        u_->scope_override[n] = ste->get_scope(n);
        overridden.push_back(n);
      }
    }
    for (Object* n : pushed) {
      int inner = ste->get_scope(n), outer = u_->ste->get_scope(n);
      if (inner != outer && !(inner == kCell && outer == kFree) && !u_->scope_override.count(n)) {
        u_->scope_override[n] = inner;
        overridden.push_back(n);
      }
      int idx = add_name_to(u_->md.varnames, n);
      addop_i(LOAD_FAST_AND_CLEAR, idx, loc);
      if (inner == kCell) addop_i(MAKE_CELL, cell_index(n), loc);
    }
    if (!pushed.empty()) addop_i(SWAP, int(pushed.size()) + 1, loc);
    int cleanup = new_label(), end = new_label();
    addop_j(SETUP_FINALLY, cleanup, loc);
    addop_i(kind == CompKind::List ? BUILD_LIST : kind == CompKind::Set ? BUILD_SET : BUILD_MAP, 0, loc);
    addop_i(SWAP, 2, loc);
    if (!comprehension_generator(gens, 0, 0, elt, val, kind, true)) return false;
    addop(POP_BLOCK, kNoLocation);
    addop_j(JUMP, end, kNoLocation);
    use_label(cleanup);
    // pop_inlined_comprehension_state on exception
    addop_i(SWAP, 2, kNoLocation);
    addop(POP_TOP, kNoLocation);
    if (!pushed.empty()) {
      addop_i(SWAP, int(pushed.size()) + 1, loc);
      for (ssize k = ssize(pushed.size()) - 1; k >= 0; k--)
        addop_i(STORE_FAST_MAYBE_NULL, add_name_to(u_->md.varnames, pushed[size_t(k)]), loc);
    }
    addop_i(RERAISE, 0, kNoLocation);
    use_label(end);
    if (!pushed.empty()) {
      addop_i(SWAP, int(pushed.size()) + 1, loc);
      for (ssize k = ssize(pushed.size()) - 1; k >= 0; k--)
        addop_i(STORE_FAST_MAYBE_NULL, add_name_to(u_->md.varnames, pushed[size_t(k)]), loc);
    }
    u_->in_inlined_comp--;
    for (Object* n : overridden) u_->scope_override.erase(n);
    for (size_t k = 0; k < temp_fast.size(); k++) u_->fast_hidden_now.pop_back();
    for (Object* n : pushed) {
      if (!fast_scope && u_->fasthidden_set.insert(n).second) u_->md.fasthidden.push_back(n);
    }
    return true;
  }
  // generator expression: separate code object taking .0
  if (!enter_scope(str_intern_cstr(kind == CompKind::Generator ? "<genexpr>" : kind == CompKind::List ? "<listcomp>"
                                   : kind == CompKind::Set ? "<setcomp>" : "<dictcomp>"),
                   kScopeComprehension, e, e->lineno, u_->private_name))
    return false;
  u_->md.argcount = 1;
  comp_loc_ = loc;
  int start = new_label();
  use_label(start);
  bool wrap = ste->generator || ste->coroutine;
  if (wrap && !push_fblock(FB_STOP_ITERATION, start, -1, kNoLocation)) return false;
  if (kind != CompKind::Generator) addop_i(kind == CompKind::List ? BUILD_LIST : kind == CompKind::Set ? BUILD_SET : BUILD_MAP, 0, loc);
  if (!comprehension_generator(gens, 0, 0, elt, val, kind, false)) return false;
  if (kind != CompKind::Generator) addop(RETURN_VALUE, loc);
  if (wrap) {
    int handler = new_label();
    Instr setup; setup.opcode = SETUP_CLEANUP; setup.target = handler; setup.loc = kNoLocation;
    u_->seq.instrs.insert(u_->seq.instrs.begin(), setup);
    for (int& l : u_->seq.label_map) if (l >= 0) l++;
    load_const(None, kNoLocation);
    addop(RETURN_VALUE, kNoLocation);
    use_label(handler);
    addop_i(CALL_INTRINSIC_1, INTRINSIC_STOPITERATION_ERROR, kNoLocation);
    addop_i(RERAISE, 1, kNoLocation);
    pop_fblock();
  }
  Object* co = exit_scope_assemble(true);
  if (!co) return false;
  bool ok = make_closure(loc, co, 0);
  decref(co);
  if (!ok) return false;
  if (!visit_expr(outer->iter)) return false;
  addop(GET_ITER, loc_of(outer->iter));
  addop_i(CALL, 0, loc);
  return true;
}

bool Codegen::visit_expr_impl(Expr* e) {
  Location loc = loc_of(e);
  switch (e->kind) {
    case Expr::Kind::NamedExpr: {
      auto* n = cast<NamedExpr>(e);
      if (!visit_expr(n->value)) return false;
      addop_i(COPY, 1, loc);
      return visit_expr(n->target);
    }
    case Expr::Kind::BoolOp: return boolop(cast<BoolOp>(e));
    case Expr::Kind::BinOp: {
      auto* b = cast<BinOp>(e);
      bool done = false;
      if (!maybe_optimize_format(b, &done)) return false;
      if (done) return true;
      if (!visit_expr(b->left) || !visit_expr(b->right)) return false;
      static const int ops[] = {0, kNbAdd, kNbSubtract, kNbMultiply, kNbMatrixMultiply, kNbTrueDivide, kNbRemainder,
                                kNbPower, kNbLshift, kNbRshift, kNbOr, kNbXor, kNbAnd, kNbFloorDivide};
      addop_i(BINARY_OP, ops[int(b->op)], loc);
      return true;
    }
    case Expr::Kind::UnaryOp: {
      auto* u = cast<UnaryOp>(e);
      if (!visit_expr(u->operand)) return false;
      switch (u->op) {
        case Unaryop::UAdd: addop_i(CALL_INTRINSIC_1, INTRINSIC_UNARY_POSITIVE, loc); break;
        case Unaryop::Not: addop(TO_BOOL, loc); addop(UNARY_NOT, loc); break;
        case Unaryop::Invert: addop(UNARY_INVERT, loc); break;
        case Unaryop::USub: addop(UNARY_NEGATIVE, loc); break;
      }
      return true;
    }
    case Expr::Kind::Lambda: return lambda(cast<Lambda>(e));
    case Expr::Kind::IfExp: return ifexp(cast<IfExp>(e));
    case Expr::Kind::Dict: return dict(cast<Dict>(e));
    case Expr::Kind::Set: return starunpack(loc, cast<Set>(e)->elts, 0, BUILD_SET, SET_ADD, SET_UPDATE, false);
    case Expr::Kind::GeneratorExp: return comprehension(e, CompKind::Generator, cast<GeneratorExp>(e)->generators, cast<GeneratorExp>(e)->elt, nullptr);
    case Expr::Kind::ListComp: return comprehension(e, CompKind::List, cast<ListComp>(e)->generators, cast<ListComp>(e)->elt, nullptr);
    case Expr::Kind::SetComp: return comprehension(e, CompKind::Set, cast<SetComp>(e)->generators, cast<SetComp>(e)->elt, nullptr);
    case Expr::Kind::DictComp: return comprehension(e, CompKind::Dict, cast<DictComp>(e)->generators, cast<DictComp>(e)->key, cast<DictComp>(e)->value);
    case Expr::Kind::Yield: {
      if (!is_function_like_unit()) return error(loc, "'yield' outside function");
      auto* y = cast<Yield>(e);
      if (y->value) { if (!visit_expr(y->value)) return false; }
      else load_const(None, loc);
      if (u_->ste->generator && u_->ste->coroutine) addop_i(CALL_INTRINSIC_1, INTRINSIC_ASYNC_GEN_WRAP, loc);
      addop_i(YIELD_VALUE, 0, loc);
      addop_i(RESUME, 1, loc);
      return true;
    }
    case Expr::Kind::YieldFrom: {
      if (!is_function_like_unit()) return error(loc, "'yield' outside function");
      if (u_->scope_type == kScopeAsyncFunction) return error(loc, "'yield from' inside async function");
      if (!visit_expr(cast<YieldFrom>(e)->value)) return false;
      addop(GET_YIELD_FROM_ITER, loc);
      load_const(None, loc);
      return yield_from_helper(loc, false);
    }
    case Expr::Kind::Await: {
      if (!is_function_like_unit()) return error(loc, "'await' outside function");
      if (u_->scope_type != kScopeAsyncFunction && u_->scope_type != kScopeComprehension)
        return error(loc, "'await' outside async function");
      if (!visit_expr(cast<Await>(e)->value)) return false;
      addop_i(GET_AWAITABLE, 0, loc);
      load_const(None, loc);
      return yield_from_helper(loc, true);
    }
    case Expr::Kind::Compare: return compare(cast<Compare>(e));
    case Expr::Kind::Call: return call(cast<Call>(e));
    case Expr::Kind::Constant: load_const(cast<Constant>(e)->value, loc); return true;
    case Expr::Kind::JoinedStr: return joined_str(cast<JoinedStr>(e));
    case Expr::Kind::FormattedValue: return formatted_value(cast<FormattedValue>(e));
    case Expr::Kind::Attribute: return attribute(cast<Attribute>(e));
    case Expr::Kind::Subscript: return subscript(cast<Subscript>(e));
    case Expr::Kind::Starred:
      if (cast<Starred>(e)->ctx == ExprContext::Store) return error(loc, "starred assignment target must be in a list or tuple");
      return error(loc, "can't use starred expression here");
    case Expr::Kind::Slice: return slice(e);
    case Expr::Kind::Name: return nameop(loc, cast<Name>(e)->id, cast<Name>(e)->ctx);
    case Expr::Kind::List: {
      auto* l = cast<List>(e);
      if (l->ctx == ExprContext::Store) return assignment_helper(loc, l->elts);
      if (l->ctx == ExprContext::Del) return visit_exprs(l->elts);
      return starunpack(loc, l->elts, 0, BUILD_LIST, LIST_APPEND, LIST_EXTEND, false);
    }
    case Expr::Kind::Tuple: {
      auto* t = cast<Tuple>(e);
      if (t->ctx == ExprContext::Store) return assignment_helper(loc, t->elts);
      if (t->ctx == ExprContext::Del) return visit_exprs(t->elts);
      return starunpack(loc, t->elts, 0, BUILD_LIST, LIST_APPEND, LIST_EXTEND, true);
    }
    default:
      err_format(&exc::SystemError, "pyxx compiler: expression kind %s not supported yet", name_of(e->kind));
      return false;
  }
}

}  // namespace

Object* codegen_module(Mod* mod, Object* filename, int optimize, bool interactive) {
  Symtable st;
  if (!st.build(mod, filename)) return nullptr;
  Codegen cg(st, filename, optimize, interactive);
  return cg.compile_module(mod);
}

}  // namespace pyxx::compiler
