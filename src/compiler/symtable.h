// Symbol table (compiler/symtable.cpp): CPython 3.14's two passes — collect
// the names every scope binds/uses (module, class, function, lambda,
// comprehensions, annotation and type-parameter scopes), then resolve each
// name to LOCAL / GLOBAL_EXPLICIT / GLOBAL_IMPLICIT / FREE / CELL, inlining
// list/set/dict comprehensions into their parent (PEP 709).
#pragma once
#include <unordered_map>
#include <vector>

#include "core/object.h"
#include "parser/ast_nodes.h"

namespace pyxx::compiler {

// Definition flags (CPython's DEF_*).
enum : int {
  kDefGlobal = 1, kDefLocal = 2, kDefParam = 4, kDefNonlocal = 8, kDefUse = 16,
  kDefFreeClass = 32, kDefImport = 64, kDefAnnot = 128, kDefCompIter = 256,
  kDefTypeParam = 512, kDefCompCell = 1024,
  kDefBound = kDefLocal | kDefParam | kDefImport,
};
// Resolved scopes (CPython's LOCAL..CELL).
enum : int { kScopeNone = 0, kLocal = 1, kGlobalExplicit = 2, kGlobalImplicit = 3, kFree = 4, kCell = 5 };

enum class BlockType { Function, Class, Module, Annotation, TypeAlias, TypeParameters, TypeVariable };
enum class CompKind { None, Generator, List, Dict, Set };

struct SymEntry {
  BlockType type = BlockType::Module;
  Object* name = nullptr;  // borrowed interned str
  const void* key = nullptr;  // AST node
  std::vector<Object*> order;              // names in first-seen order
  std::unordered_map<Object*, int> flags;  // name -> DEF_* flags
  std::unordered_map<Object*, int> scopes; // name -> resolved scope
  std::vector<Object*> varnames;           // parameters first, in order
  std::vector<SymEntry*> children;
  CompKind comp = CompKind::None;
  bool nested = false, generator = false, coroutine = false, varargs = false, varkeywords = false;
  bool returns_value = false, needs_class_closure = false, needs_classdict = false;
  bool child_free = false, comp_inlined = false, can_see_class_scope = false, method = false;
  const char* scope_info = nullptr;  // e.g. "a TypeVar bound" (for error messages)
  bool has_docstring = false, in_unevaluated_annotation = false;
  int lineno = 0, col_offset = 0, end_lineno = 0, end_col_offset = 0;
  SymEntry* annotation_block = nullptr;  // PEP 649 __annotate__ scope
  Object* mangled_private = nullptr;      // class name used for mangling (borrowed)
  std::vector<Object*> hidden;            // names made local by inlined comprehensions

  int get_flags(Object* n) const { auto it = flags.find(n); return it == flags.end() ? 0 : it->second; }
  int get_scope(Object* n) const { auto it = scopes.find(n); return it == scopes.end() ? kScopeNone : it->second; }
  void add_flag(Object* n, int f) {
    auto it = flags.find(n);
    if (it == flags.end()) { flags.emplace(n, f); order.push_back(n); }
    else it->second |= f;
  }
};

class Symtable {
 public:
  ~Symtable();
  // Builds the table for a module; nullptr-like false with SyntaxError set on error.
  [[nodiscard]] bool build(ast::Mod* mod, Object* filename);
  SymEntry* lookup(const void* key) const {
    auto it = by_key_.find(key);
    return it == by_key_.end() ? nullptr : it->second;
  }
  SymEntry* top = nullptr;
  std::vector<SymEntry*> all;
  std::unordered_map<const void*, SymEntry*> by_key_;
  Object* filename = nullptr;
  bool future_annotations = false;
};

// Mangles __private names inside classes (new reference, interned).
[[nodiscard]] Object* mangle_name(Object* privateobj, Object* name);
// Raises SyntaxError at a location (always returns false).
bool raise_syntax_error(Object* filename, int lineno, int col, int end_lineno, int end_col, const char* fmt, ...);

}  // namespace pyxx::compiler
