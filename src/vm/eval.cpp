// The bytecode interpreter: CPython 3.14's instruction set (numbering, opargs,
// inline caches, exception table) executed by one computed-goto dispatch loop.
// Python-to-Python calls push a frame on the thread's data stack and continue
// in the same loop; calls from C++ (function_vectorcall) enter eval_frame anew.
// Stack slots own their references (LOAD_FAST_BORROW increfs too until tagged
// stack references exist). Specialization (PEP 659) is a later step: the
// generic instructions have inline fast paths and the cache entries are kept.
#include "vm/eval.h"
#include <cstring>
#include "compiler/opcode_table.h"
#include "core/abstract.h"
#include "core/alloc.h"
#include "core/error.h"
#include "core/state.h"
#include "objects/bytes.h"
#include "objects/code.h"
#include "objects/dict.h"
#include "objects/dict_internal.h"  // attribute caches read instance dict entries
#include "objects/exceptions.h"
#include "objects/float.h"
#include "objects/function.h"
#include "objects/generator.h"
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
#include "vm/frame.h"
#include "vm/except_star.h"
#include "objects/typevar.h"

namespace pyxx {

// ---------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------

// Interned name strings used by the loop (immortal, created on first use).
#define PYXX_ID(var, text) \
  static Object* var = nullptr; \
  if (PYXX_UNLIKELY(!var)) var = str_intern_cstr(text)

static PYXX_ALWAYS_INLINE Object* localsplus_name(CodeObject* co, int i) { return tuple_get(co->co_localsplusnames, i); }

// The innermost handled exception (sys.exception()), borrowed or null.
static Object* topmost_handled_exception(ThreadState* ts) {
  for (ExcInfo* ei = ts->exc_info; ei; ei = ei->previous_item) {
    if (ei->exc_value && ei->exc_value != None) return ei->exc_value;
  }
  return nullptr;
}

// CPython's _PyErr_SetObject context chaining: `value` gets the handled
// exception as __context__, cutting any cycle that would result.
static void chain_handled_context(ThreadState* ts, Object* value) {
  Object* handled = topmost_handled_exception(ts);
  if (!handled || handled == value || !exception_instance_check(value)) return;
  Object* o = handled;
  Object* slow = handled;
  bool move_slow = false;
  for (;;) {
    Object* ctx = exception_get_context(o);
    if (!ctx) break;
    if (ctx == value) { exception_set_context(o, nullptr); break; }
    o = ctx;
    if (o == slow) break;  // pre-existing cycle: stop
    if (move_slow) slow = exception_get_context(slow);
    move_slow = !move_slow;
  }
  exception_set_context(value, new_ref(handled));
}

static void name_error(Object* name) {
  err_format(&exc::NameError, "name '%.200U' is not defined", name);
  Object* e = err_get_raised();
  if (e) {
    if (object_setattr_str(e, "name", name) < 0) err_clear();
    err_set_raised(e);
  }
}

static void unbound_local_error(CodeObject* co, int oparg) {
  if (err_occurred()) return;
  Object* name = localsplus_name(co, oparg);
  if (oparg < co->co_nlocalsplus - co->co_nfreevars) {
    err_format(&exc::UnboundLocalError, "cannot access local variable '%U' where it is not associated with a value", name);
  } else {
    err_format(&exc::NameError, "cannot access free variable '%U' where it is not associated with a value in enclosing scope", name);
  }
  if (err_exception_matches(&exc::NameError)) {
    Object* e = err_get_raised();
    if (object_setattr_str(e, "name", name) < 0) err_clear();
    err_set_raised(e);
  }
}

// _PyObject_FunctionStr: "module.qualname()" (module omitted for builtins).
static Object* function_str(Object* func) {
  PYXX_ID(s_qualname, "__qualname__");
  PYXX_ID(s_module, "__module__");
  Object* qualname = nullptr;
  if (object_lookup_attr(func, s_qualname, &qualname) <= 0) {
    err_clear();
    return object_str(func);
  }
  Ref<> q = steal(qualname);
  Object* module = nullptr;
  int r = object_lookup_attr(func, s_module, &module);
  if (r < 0) err_clear();
  Ref<> m = steal(module);
  if (m && m.get() != None && !(str_check(m.get()) && str_eq_cstr(m.get(), "builtins"))) {
    return str_from_format("%S.%S()", m.get(), q.get());
  }
  return str_from_format("%S()", q.get());
}

// Levenshtein-based "Did you mean" (CPython's _Py_CalculateSuggestions rules).
static ssize levenshtein(const char* a, ssize na, const char* b, ssize nb, ssize max_cost) {
  constexpr ssize kMove = 2, kMax = 40;  // MOVE_COST, MAX_STRING_SIZE (a case flip costs 1)
  if (na == nb && std::memcmp(a, b, size_t(na)) == 0) return 0;
  while (na && nb && a[0] == b[0]) { a++; b++; na--; nb--; }
  while (na && nb && a[na - 1] == b[nb - 1]) { na--; nb--; }
  if (na == 0 || nb == 0) return (na + nb) * kMove;
  if (na > kMax || nb > kMax) return max_cost + 1;
  if (nb < na) { std::swap(a, b); std::swap(na, nb); }
  if ((nb - na) * kMove > max_cost) return max_cost + 1;
  ssize buffer[kMax];
  for (ssize i = 0; i < na; i++) buffer[i] = (i + 1) * kMove;
  auto subst = [](char x, char y) -> ssize {
    if (x == y) return 0;
    auto lower = [](char c) { return (c >= 'A' && c <= 'Z') ? char(c + 32) : c; };
    if (lower(x) == lower(y)) return 1;
    return 2;
  };
  ssize result = 0;
  for (ssize bi = 0; bi < nb; bi++) {
    char code = b[bi];
    ssize distance = result = bi * kMove;
    ssize minimum = kSsizeMax;
    for (ssize ai = 0; ai < na; ai++) {
      ssize substitute = distance + subst(code, a[ai]);
      distance = buffer[ai];
      ssize insert_delete = (result < distance ? result : distance) + kMove;
      result = substitute < insert_delete ? substitute : insert_delete;
      buffer[ai] = result;
      if (result < minimum) minimum = result;
    }
    if (minimum > max_cost) return max_cost + 1;
  }
  return result;
}

static Object* calculate_suggestion(Object* const* names, ssize n, Object* name) {
  if (n >= 750) return nullptr;  // MAX_CANDIDATE_ITEMS
  ssize nlen = 0;
  const char* ns = str_as_utf8(name, &nlen);
  if (!ns) { err_clear(); return nullptr; }
  Object* best = nullptr;
  ssize best_distance = kSsizeMax;
  for (ssize i = 0; i < n; i++) {
    Object* item = names[i];
    if (!str_check(item) || str_eq(item, name)) continue;
    ssize ilen = 0;
    const char* is = str_as_utf8(item, &ilen);
    if (!is) { err_clear(); continue; }
    ssize max_distance = (nlen + ilen + 3) * 2 / 6;
    if (best_distance - 1 < max_distance) max_distance = best_distance - 1;
    ssize d = levenshtein(ns, nlen, is, ilen, max_distance);
    if (d > max_distance) continue;
    if (!best || d < best_distance) { best = item; best_distance = d; }
  }
  return best;
}

// ---------------------------------------------------------------------------
// Argument binding (CPython's initialize_locals), with its exact messages.
// ---------------------------------------------------------------------------

static void format_missing(Object* qualname, CodeObject* co, Object** localsplus, int start, int end, const char* kind) {
  Object* names[256];
  int missing = 0;
  for (int i = start; i < end && missing < 256; i++) {
    if (!localsplus[i]) names[missing++] = localsplus_name(co, i);
  }
  if (!missing) return;
  StrBuilder b;
  for (int i = 0; i < missing; i++) {
    Ref<> r = steal(object_repr(names[i]));
    if (!r) return;
    if (i > 0) {
      if (missing == 2) { if (!b.append_ascii(" and ")) return; }
      else if (i == missing - 1) { if (!b.append_ascii(", and ")) return; }
      else if (!b.append_ascii(", ")) return;
    }
    if (!b.append_str(r.get())) return;
  }
  Ref<> list = steal(b.finish());
  if (!list) return;
  err_format(&exc::TypeError, "%U() missing %i required %s argument%s: %U", qualname, missing, kind,
             missing == 1 ? "" : "s", list.get());
}

static void too_many_positional(Object* qualname, CodeObject* co, ssize given, Object* defaults, Object** localsplus) {
  int kwonly_given = 0;
  for (int i = co->co_argcount; i < co->co_argcount + co->co_kwonlyargcount; i++)
    if (localsplus[i]) kwonly_given++;
  ssize defcount = defaults ? tuple_size(defaults) : 0;
  bool plural = co->co_argcount != 1;
  Ref<> sig;
  if (defcount) {
    plural = true;
    sig = steal(str_from_format("from %zd to %zd", ssize(co->co_argcount) - defcount, ssize(co->co_argcount)));
  } else {
    sig = steal(str_from_format("%zd", ssize(co->co_argcount)));
  }
  if (!sig) return;
  Ref<> kwonly_sig;
  if (kwonly_given) {
    kwonly_sig = steal(str_from_format(" positional argument%s (and %d keyword-only argument%s)", given != 1 ? "s" : "",
                                       kwonly_given, kwonly_given != 1 ? "s" : ""));
  } else {
    kwonly_sig = steal(str_empty());
  }
  if (!kwonly_sig) return;
  err_format(&exc::TypeError, "%U() takes %U positional argument%s but %zd%U %s given", qualname, sig.get(),
             plural ? "s" : "", given, kwonly_sig.get(), (given == 1 && !kwonly_given) ? "was" : "were");
}

static bool posonly_passed_as_keyword(Object* qualname, CodeObject* co, Object* kwnames) {
  StrBuilder b;
  int count = 0;
  ssize nkw = tuple_size(kwnames);
  for (int k = 0; k < co->co_posonlyargcount; k++) {
    Object* posname = localsplus_name(co, k);
    for (ssize i = 0; i < nkw; i++) {
      Object* kw = tuple_get(kwnames, i);
      if (kw == posname || (str_check(kw) && str_eq(kw, posname))) {
        if (count++ && !b.append_ascii(", ")) return true;
        if (!b.append_str(posname)) return true;
        break;
      }
    }
  }
  if (!count) return false;
  Ref<> names = steal(b.finish());
  if (!names) return true;
  err_format(&exc::TypeError, "%U() got some positional-only arguments passed as keyword arguments: '%U'", qualname, names.get());
  return true;
}

// Binds args (borrowed) into localsplus (all null on entry). kwnames may be null.
// Returns 0, or -1 with an exception set (partially bound locals stay in
// localsplus and are released by frame_clear).
static int bind_arguments(FunctionObject* func, Object** localsplus, Object* const* args, ssize argcount, Object* kwnames) {
  auto* co = static_cast<CodeObject*>(func->func_code);
  const int total_args = co->co_argcount + co->co_kwonlyargcount;
  Object* kwdict = nullptr;
  if (co->co_flags & kCoVarkeywords) {
    kwdict = dict_new();
    if (!kwdict) return -1;
    int idx = total_args + ((co->co_flags & kCoVarargs) ? 1 : 0);
    localsplus[idx] = kwdict;
  }
  ssize n = argcount < co->co_argcount ? argcount : co->co_argcount;
  for (ssize j = 0; j < n; j++) localsplus[j] = new_ref(args[j]);
  if (co->co_flags & kCoVarargs) {
    Object* u = argcount > n ? tuple_from_array(args + n, argcount - n) : tuple_new(0);
    if (!u) return -1;
    localsplus[total_args] = u;
  }
  if (kwnames) {
    ssize nkw = tuple_size(kwnames);
    Object* const* kwvalues = args + argcount;
    for (ssize i = 0; i < nkw; i++) {
      Object* keyword = tuple_get(kwnames, i);
      Object* value = kwvalues[i];
      if (!str_check(keyword)) {
        err_format(&exc::TypeError, "%U() keywords must be strings", func->func_qualname);
        return -1;
      }
      int j = -1;
      // Identity first (names are interned), then equality.
      for (int k = co->co_posonlyargcount; k < total_args; k++) {
        if (localsplus_name(co, k) == keyword) { j = k; break; }
      }
      if (j < 0) {
        for (int k = co->co_posonlyargcount; k < total_args; k++) {
          if (str_eq(localsplus_name(co, k), keyword)) { j = k; break; }
        }
      }
      if (j < 0) {
        if (!kwdict) {
          if (co->co_posonlyargcount && posonly_passed_as_keyword(func->func_qualname, co, kwnames)) return -1;
          Object* suggestion = nullptr;
          if (total_args > co->co_posonlyargcount) {
            suggestion = calculate_suggestion(tuple_items(co->co_localsplusnames) + co->co_posonlyargcount,
                                              total_args - co->co_posonlyargcount, keyword);
          }
          if (suggestion) {
            err_format(&exc::TypeError, "%U() got an unexpected keyword argument '%S'. Did you mean '%S'?",
                       func->func_qualname, keyword, suggestion);
          } else {
            err_format(&exc::TypeError, "%U() got an unexpected keyword argument '%S'", func->func_qualname, keyword);
          }
          return -1;
        }
        if (dict_setitem(kwdict, keyword, value) < 0) return -1;
        continue;
      }
      if (localsplus[j]) {
        err_format(&exc::TypeError, "%U() got multiple values for argument '%S'", func->func_qualname, keyword);
        return -1;
      }
      localsplus[j] = new_ref(value);
    }
  }
  if (argcount > co->co_argcount && !(co->co_flags & kCoVarargs)) {
    too_many_positional(func->func_qualname, co, argcount, func->func_defaults, localsplus);
    return -1;
  }
  if (argcount < co->co_argcount) {
    ssize defcount = func->func_defaults ? tuple_size(func->func_defaults) : 0;
    ssize m = co->co_argcount - defcount;
    for (ssize i = argcount; i < m; i++) {
      if (!localsplus[i]) {
        format_missing(func->func_qualname, co, localsplus, int(argcount), int(m), "positional");
        return -1;
      }
    }
    if (defcount) {
      Object** defs = tuple_items(func->func_defaults);
      for (ssize i = (n > m ? n : m); i < co->co_argcount; i++) {
        if (!localsplus[i]) localsplus[i] = new_ref(defs[i - m]);
      }
    }
  }
  if (co->co_kwonlyargcount > 0) {
    int missing = 0;
    for (int i = co->co_argcount; i < total_args; i++) {
      if (localsplus[i]) continue;
      Object* name = localsplus_name(co, i);
      if (func->func_kwdefaults) {
        Object* def = dict_getitem(func->func_kwdefaults, name);
        if (def) { localsplus[i] = new_ref(def); continue; }
        if (err_occurred()) return -1;
      }
      missing++;
    }
    if (missing) {
      format_missing(func->func_qualname, co, localsplus, co->co_argcount, total_args, "keyword-only");
      return -1;
    }
  }
  return 0;
}

// CALL / CALL_KW stack layout [callable, self_or_null, args...]: includes
// self in the arguments, splitting a bound method into function + self so the
// call needs no method object (CPython's CALL_BOUND_METHOD_EXACT_ARGS idea).
static PYXX_ALWAYS_INLINE Object* call_target(Object** base, Object*** args, ssize* total) {
  Object* callable = base[0];
  if (base[1]) {
    --*args;
    ++*total;
  } else if (callable->type == &MethodType) {
    auto* m = static_cast<MethodObject*>(callable);
    base[1] = new_ref(m->im_self);
    base[0] = new_ref(m->im_func);
    decref(callable);
    callable = base[0];
    --*args;
    ++*total;
  }
  return callable;
}

static PYXX_ALWAYS_INLINE bool exact_positional(CodeObject* co, ssize nargs) {
  return co->co_argcount == nargs && co->co_kwonlyargcount == 0 &&
         !(co->co_flags & (kCoVarargs | kCoVarkeywords));
}

// Pushes a frame for func and binds arguments (borrowed). null + error on failure.
static InterpreterFrame* push_function_frame(ThreadState* ts, FunctionObject* func, Object* const* args,
                                             ssize nargs, Object* kwnames) {
  InterpreterFrame* f = frame_push(ts, func->func_code, func, func->func_globals, func->func_builtins, nullptr);
  if (!f) return nullptr;
  if (bind_arguments(func, f->localsplus, args, nargs, kwnames) < 0) {
    frame_clear(f);
    datastack_pop(ts, f);
    return nullptr;
  }
  return f;
}

// ---------------------------------------------------------------------------
// Exception table and tracebacks
// ---------------------------------------------------------------------------

static PYXX_ALWAYS_INLINE const uint8_t* read_varint(const uint8_t* p, int* out) {
  unsigned b = *p++;
  int v = int(b & 63);
  while (b & 64) {
    b = *p++;
    v = (v << 6) | int(b & 63);
  }
  *out = v;
  return p;
}

// Finds the handler covering instruction `index`: returns true with target,
// stack depth and push-lasti flag.
static bool find_exception_handler(CodeObject* co, int index, int* target, int* depth, bool* lasti) {
  Object* table = co->co_exceptiontable;
  if (!table) return false;
  auto* p = reinterpret_cast<const uint8_t*>(bytes_data(table));
  const uint8_t* end = p + bytes_size(table);
  while (p < end) {
    int start, length, tgt, dl;
    p = read_varint(p, &start);
    p = read_varint(p, &length);
    if (index < start) return false;  // entries are sorted by start
    p = read_varint(p, &tgt);
    p = read_varint(p, &dl);
    if (index < start + length) {
      *target = tgt;
      *depth = dl >> 1;
      *lasti = (dl & 1) != 0;
      return true;
    }
  }
  return false;
}

// PyTraceBack_Here: prepend a traceback entry for `frame` to the pending exception.
static void traceback_here(ThreadState* ts, InterpreterFrame* frame) {
  Object* e = ts->current_exception;
  if (!e) return;
  FrameObject* fo = frame_get_object(frame);
  if (!fo) return;  // MemoryError replaced the exception
  e = ts->current_exception;
  Object* tb = traceback_new(exception_get_traceback(e), fo, frame_lasti(frame) * 2, -1);
  if (!tb) { err_clear(); return; }
  exception_set_traceback(e, tb);
  decref(tb);
}

// ---------------------------------------------------------------------------
// Per-code VM data: LOAD_GLOBAL caches (indexed through the instruction's
// second inline cache unit, which holds entry index + 1).
// ---------------------------------------------------------------------------

struct GlobalCacheEntry {
  Object* globals;     // identity of the dicts the entry was filled from
  Object* builtins;
  uint64_t globals_version;
  uint64_t builtins_version;
  Object* value;       // borrowed from one of the dicts (valid while versions match)
};
// LOAD_ATTR / STORE_ATTR cache for instances of classes using the generic
// attribute protocol, guarded by the type's version tag (which changes on any
// change to the class or its bases).
enum AttrCacheKind : uint8_t {
  kAttrNone = 0,
  kAttrInstanceValue = 1,  // no class attribute: value lives in the instance dict (entry hint)
  kAttrMethod = 2,         // class has a method descriptor `descr`; instance dict must not shadow it
  kAttrStoreDict = 3,      // store: no class attribute, set in the instance dict
  kAttrMethodNoDict = 4,   // class has a method descriptor `descr`; instances have no __dict__
};
struct AttrCacheEntry {
  unsigned int type_version;  // 0 (never a valid tag) while empty
  uint8_t kind;
  int32_t hint;            // index into the instance dict's entries
  int32_t dictoffset;      // the type's tp_dictoffset (> 0; fixed for the type version)
  Object* descr;           // borrowed from the type (valid while the version matches)
};
struct CodeExtra {
  uint32_t nglobals;
  uint32_t nattrs;
  GlobalCacheEntry* globals;
  AttrCacheEntry* attrs;
};

void vm_code_extra_free(void* extra) { mem_free(extra); }

static PYXX_ALWAYS_INLINE uint16_t* cache_u16(CodeUnit* cache) { return reinterpret_cast<uint16_t*>(cache); }

static CodeExtra* code_extra_init(CodeObject* co) {
  CodeUnit* code = co->co_code_adaptive;
  ssize n = var_size(co);
  uint32_t nglobals = 0, nattrs = 0;
  for (ssize i = 0; i < n; i++) {
    int op = code[i].opcode;
    if (op == LOAD_GLOBAL) nglobals++;
    else if (op == LOAD_ATTR || op == STORE_ATTR) nattrs++;
    i += kOpcodeCaches[op];
  }
  if (nglobals > 0xFFFE) nglobals = 0xFFFE;
  if (nattrs > 0xFFFE) nattrs = 0xFFFE;
  size_t size = sizeof(CodeExtra) + sizeof(GlobalCacheEntry) * nglobals + sizeof(AttrCacheEntry) * nattrs;
  auto* extra = static_cast<CodeExtra*>(mem_calloc(1, size));
  if (!extra) return nullptr;
  extra->nglobals = nglobals;
  extra->nattrs = nattrs;
  extra->globals = reinterpret_cast<GlobalCacheEntry*>(extra + 1);
  extra->attrs = reinterpret_cast<AttrCacheEntry*>(extra->globals + nglobals);
  uint32_t kg = 0, ka = 0;
  for (ssize i = 0; i < n; i++) {
    int op = code[i].opcode;
    // The second cache unit holds the side-table index + 1 (0 = uncached).
    if (op == LOAD_GLOBAL && kg < nglobals) cache_u16(&code[i + 1])[1] = uint16_t(++kg);
    else if ((op == LOAD_ATTR || op == STORE_ATTR) && ka < nattrs) cache_u16(&code[i + 1])[1] = uint16_t(++ka);
    i += kOpcodeCaches[op];
  }
  co->co_extra = extra;
  return extra;
}

static PYXX_ALWAYS_INLINE AttrCacheEntry* attr_cache_entry(CodeObject* co, CodeUnit* this_instr) {
  auto* extra = static_cast<CodeExtra*>(co->co_extra);
  if (PYXX_UNLIKELY(!extra)) {
    extra = code_extra_init(co);
    if (!extra) { err_clear(); return nullptr; }
  }
  uint16_t idx = cache_u16(this_instr + 1)[1];
  return idx ? &extra->attrs[idx - 1] : nullptr;
}

// The instance dict of obj when its type keeps it at a fixed positive offset.
static PYXX_ALWAYS_INLINE Object* instance_dict_fixed(Object* obj) {
  ssize off = obj->type->tp_dictoffset;
  if (off <= 0) return nullptr;
  return *reinterpret_cast<Object**>(reinterpret_cast<char*>(obj) + off);
}

// Index of `name` (by identity) in a combined-table dict, or -1.
static int32_t dict_entry_hint(Object* d, Object* name) {
  DictObject* mp = as_dict(d);
  if (mp->values) return -1;
  DictKeys* k = mp->keys;
  DictEntry* e = dk_entries(k);
  ssize n = k->nentries < 0x7FFFFFFF ? k->nentries : 0x7FFFFFFF;
  for (ssize i = 0; i < n; i++)
    if (e[i].key == name) return int32_t(i);
  return -1;
}

// Fills a LOAD_ATTR cache entry after a successful generic lookup.
static void attr_cache_fill_load(AttrCacheEntry* e, Object* owner, Object* name, bool method, Object* meth) {
  Type* tp = owner->type;
  e->kind = kAttrNone;
  if (tp->tp_getattro != object_generic_getattr || !str_check_exact(name)) return;
  if (!type_assign_version_tag(tp)) return;
  Object* descr = type_lookup(tp, name);
  if (err_occurred()) { err_clear(); return; }
  if (method) {
    if (!descr || descr != meth || !type_has_flag(descr->type, kTpflagsMethodDescriptor)) return;
    if (tp->tp_dictoffset < 0) return;
    e->kind = tp->tp_dictoffset == 0 ? kAttrMethodNoDict : kAttrMethod;
    e->descr = descr;
    e->dictoffset = int32_t(tp->tp_dictoffset);
  } else {
    if (descr) return;
    Object* d = instance_dict_fixed(owner);
    if (!d || d->type != &DictType) return;
    int32_t hint = dict_entry_hint(d, name);
    if (hint < 0) return;
    e->kind = kAttrInstanceValue;
    e->hint = hint;
    e->dictoffset = int32_t(tp->tp_dictoffset);
  }
  e->type_version = tp->tp_version_tag;
}

static void attr_cache_fill_store(AttrCacheEntry* e, Object* owner, Object* name) {
  Type* tp = owner->type;
  e->kind = kAttrNone;
  if (tp->tp_setattro != object_generic_setattr || !str_check_exact(name)) return;
  if (!type_assign_version_tag(tp)) return;
  Object* descr = type_lookup(tp, name);
  if (err_occurred()) { err_clear(); return; }
  if (descr) return;
  Object* d = instance_dict_fixed(owner);
  if (!d || d->type != &DictType) return;
  e->kind = kAttrStoreDict;
  e->hint = dict_entry_hint(d, name);  // -1: stores go through dict_setitem
  e->dictoffset = int32_t(tp->tp_dictoffset);
  e->type_version = tp->tp_version_tag;
}

// 1 when the exact-str-keyed dict d certainly has no key equal to the interned
// str `name`, 0 when it has it, -1 when unknown (use dict_contains). Probes the
// small (int8-indexed) combined tables inline.
static PYXX_ALWAYS_INLINE int dict_lacks_str_key(Object* d, Object* name) {
  DictObject* mp = as_dict(d);
  DictKeys* k = mp->keys;
  if (mp->values || !k->all_str || k->log2_index_bytes != k->log2_size) return -1;
  Hash h = as_str(name)->hash;
  if (h == -1) return -1;
  size_t mask = (size_t(1) << k->log2_size) - 1;
  size_t perturb = size_t(h);
  size_t i = size_t(h) & mask;
  const int8_t* index = reinterpret_cast<const int8_t*>(k + 1);
  DictEntry* entries = dk_entries(k);
  for (;;) {
    int ix = index[i];
    if (ix == kDkixEmpty) return 1;
    if (ix >= 0) {
      if (entries[ix].key == name) return 0;
      if (entries[ix].hash == h) return -1;  // maybe an equal, non-identical key
    }
    perturb >>= 5;
    i = (i * 5 + perturb + 1) & mask;
  }
}

// The instance attribute a LOAD_ATTR (non-method form) at `instr` would load
// from `owner` through its cache entry (kAttrInstanceValue hit), borrowed; null
// when the cached path does not apply. Never raises.
static PYXX_ALWAYS_INLINE Object* load_attr_instance_hit(CodeObject* co, CodeUnit* instr, Object* owner) {
  int attr_oparg = instr->oparg;
  uint16_t idx = cache_u16(instr + 1)[1];
  if ((attr_oparg & 1) || !idx || !co->co_extra) return nullptr;
  AttrCacheEntry* ce = &static_cast<CodeExtra*>(co->co_extra)->attrs[idx - 1];
  if (owner->type->tp_version_tag != ce->type_version || ce->kind != kAttrInstanceValue) return nullptr;
  Object* d = *reinterpret_cast<Object**>(reinterpret_cast<char*>(owner) + ce->dictoffset);
  if (!d || d->type != &DictType) return nullptr;
  DictObject* mp = as_dict(d);
  DictKeys* k = mp->keys;
  if (mp->values || ce->hint >= k->nentries) return nullptr;
  DictEntry* e = dk_entries(k) + ce->hint;
  return e->key == tuple_get(co->co_names, attr_oparg >> 1) ? e->value : nullptr;
}

// Slow LOAD_GLOBAL lookup; fills the cache entry when both namespaces are exact dicts.
static Object* load_global_slow(Object* globals, Object* builtins, Object* name, GlobalCacheEntry* entry) {
  Object* v;
  if (dict_check_exact(globals) && dict_check_exact(builtins)) {
    uint64_t gv = dict_version(globals), bv = dict_version(builtins);
    v = dict_getitem(globals, name);
    if (!v) {
      if (err_occurred()) return nullptr;
      v = dict_getitem(builtins, name);
      if (!v) {
        if (!err_occurred()) name_error(name);
        return nullptr;
      }
    }
    if (entry) {
      entry->globals = globals;
      entry->builtins = builtins;
      entry->globals_version = gv;
      entry->builtins_version = bv;
      entry->value = v;
    }
    return new_ref(v);
  }
  int r = dict_getitem_ref(globals, name, &v);
  if (r < 0) return nullptr;
  if (r > 0) return v;
  v = object_getitem(builtins, name);
  if (!v && err_exception_matches(&exc::KeyError)) {
    err_clear();
    name_error(name);
  }
  return v;
}

// ---------------------------------------------------------------------------
// Instruction helpers (out of line: the slow or rare paths)
// ---------------------------------------------------------------------------

static Object* load_name(InterpreterFrame* frame, Object* name) {
  Object* locals = frame->f_locals;
  if (!locals) return err_format(&exc::SystemError, "no locals found when loading %R", name);
  Object* v;
  if (dict_check_exact(locals)) {
    int r = dict_getitem_ref(locals, name, &v);
    if (r < 0) return nullptr;
    if (r > 0) return v;
  } else {
    v = object_getitem(locals, name);
    if (v) return v;
    if (!err_exception_matches(&exc::KeyError)) return nullptr;
    err_clear();
  }
  int r = dict_getitem_ref(frame->f_globals, name, &v);
  if (r < 0) return nullptr;
  if (r > 0) return v;
  if (dict_check_exact(frame->f_builtins)) {
    r = dict_getitem_ref(frame->f_builtins, name, &v);
    if (r < 0) return nullptr;
    if (r > 0) return v;
    name_error(name);
    return nullptr;
  }
  v = object_getitem(frame->f_builtins, name);
  if (!v && err_exception_matches(&exc::KeyError)) { err_clear(); name_error(name); }
  return v;
}

// UNPACK_SEQUENCE / UNPACK_EX into dst[0..] in stack order (dst[0] = last item).
static int unpack_iterable(Object* v, int argcnt, int argcntafter, Object** sp_top) {
  // sp_top points one past the last slot to fill; slots are filled top-down
  // so that the first item ends on top of the stack.
  Ref<> it = steal(object_get_iter(v));
  if (!it) {
    if (err_exception_matches(&exc::TypeError) && !v->type->tp_iter && !sequence_check(v)) {
      err_clear();
      err_format(&exc::TypeError, "cannot unpack non-iterable %.200s object", type_name(v->type));
    }
    return -1;
  }
  Object** top = sp_top;
  // top[-1] is the first item.
  for (int i = 0; i < argcnt; i++) {
    Object* w = iter_next(it.get());
    if (!w) {
      if (!err_occurred()) {
        if (argcntafter < 0) err_format(&exc::ValueError, "not enough values to unpack (expected %d, got %d)", argcnt, i);
        else err_format(&exc::ValueError, "not enough values to unpack (expected at least %d, got %d)", argcnt + argcntafter, i);
      }
      for (int k = 0; k < i; k++) decref(top[-1 - k]);
      return -1;
    }
    top[-1 - i] = w;
  }
  if (argcntafter < 0) {
    Object* w = iter_next(it.get());
    if (!w) {
      if (!err_occurred()) return 0;
    } else {
      decref(w);
      if (list_check_exact(v) || tuple_check_exact(v) || dict_check_exact(v)) {
        ssize len = object_length(v);
        err_format(&exc::ValueError, "too many values to unpack (expected %d, got %zd)", argcnt, len);
      } else {
        err_format(&exc::ValueError, "too many values to unpack (expected %d)", argcnt);
      }
    }
    for (int k = 0; k < argcnt; k++) decref(top[-1 - k]);
    return -1;
  }
  Object* l = sequence_list(it.get());
  if (!l) {
    for (int k = 0; k < argcnt; k++) decref(top[-1 - k]);
    return -1;
  }
  top[-1 - argcnt] = l;
  ssize ll = list_size(l);
  if (ll < argcntafter) {
    err_format(&exc::ValueError, "not enough values to unpack (expected at least %d, got %zd)", argcnt + argcntafter,
               argcnt + ll);
    for (int k = 0; k <= argcnt; k++) decref(top[-1 - k]);
    return -1;
  }
  // Items after the star go below the list, the last one deepest.
  for (int j = 0; j < argcntafter; j++) top[-argcnt - 2 - j] = list_get(l, ll - argcntafter + j);
  static_cast<VarObject*>(l)->size = ll - argcntafter;
  return 0;
}

static int import_all_from(Object* locals, Object* v) {
  PYXX_ID(s_all, "__all__");
  PYXX_ID(s_dict, "__dict__");
  PYXX_ID(s_name, "__name__");
  Object* all = nullptr;
  if (object_lookup_attr(v, s_all, &all) < 0) return -1;
  bool skip_leading_underscores = false;
  if (!all) {
    Object* dict = nullptr;
    if (object_lookup_attr(v, s_dict, &dict) < 0) return -1;
    if (!dict) {
      err_set_string(&exc::ImportError, "from-import-* object has no __dict__ and no __all__");
      return -1;
    }
    all = mapping_keys(dict);
    decref(dict);
    if (!all) return -1;
    skip_leading_underscores = true;
  }
  Ref<> allr = steal(all);
  for (ssize pos = 0;; pos++) {
    Object* name = sequence_getitem(all, pos);
    if (!name) {
      if (!err_exception_matches(&exc::IndexError)) return -1;
      err_clear();
      break;
    }
    Ref<> namer = steal(name);
    if (!str_check(name)) {
      Ref<> modname = steal(object_getattr(v, s_name));
      if (!modname) return -1;
      if (!str_check(modname.get())) {
        err_format(&exc::TypeError, "module __name__ must be a string, not %.100s", type_name(modname->type));
      } else if (skip_leading_underscores) {
        err_format(&exc::TypeError, "Key in %U.__dict__ must be str, not %.100s", modname.get(), type_name(name->type));
      } else {
        err_format(&exc::TypeError, "Item in %U.__all__ must be str, not %.100s", modname.get(), type_name(name->type));
      }
      return -1;
    }
    if (skip_leading_underscores && str_length(name) > 0 && str_char_at(name, 0) == '_') continue;
    Ref<> value = steal(object_getattr(v, name));
    if (!value) return -1;
    int r = dict_check_exact(locals) ? dict_setitem(locals, name, value.get()) : object_setitem(locals, name, value.get());
    if (r < 0) return -1;
  }
  return 0;
}

static Object* import_from(Object* v, Object* name) {
  PYXX_ID(s_name, "__name__");
  PYXX_ID(s_file, "__file__");
  PYXX_ID(s_spec, "__spec__");
  PYXX_ID(s_initializing, "_initializing");
  Object* x = nullptr;
  int r = object_lookup_attr(v, name, &x);
  if (r != 0) return x;  // found or error
  // Fall back to sys.modules["pkg.name"] (circular relative imports).
  Ref<> pkgname;
  {
    Object* pn = nullptr;
    if (object_lookup_attr(v, s_name, &pn) < 0) return nullptr;
    pkgname = steal(pn);
  }
  if (pkgname && str_check(pkgname.get())) {
    Ref<> fullname = steal(str_from_format("%U.%U", pkgname.get(), name));
    if (!fullname) return nullptr;
    Object* modules = interp_get()->modules;
    if (modules) {
      Object* m = nullptr;
      int rr = dict_check(modules) ? dict_getitem_ref(modules, fullname.get(), &m) : 0;
      if (rr < 0) return nullptr;
      if (rr > 0) return m;
    }
  }
  Ref<> pkgpath;
  if (pkgname && str_check(pkgname.get())) {
    Object* pp = nullptr;
    if (object_lookup_attr(v, s_file, &pp) < 0) err_clear();
    if (pp && !str_check(pp)) { decref(pp); pp = nullptr; }
    pkgpath = steal(pp);
  }
  Object* shown_name = pkgname ? pkgname.get() : nullptr;
  bool initializing = false;
  if (pkgname) {
    Object* spec = nullptr;
    if (object_lookup_attr(v, s_spec, &spec) > 0 && spec != None) {
      Object* init = nullptr;
      if (object_lookup_attr(spec, s_initializing, &init) > 0) {
        initializing = object_is_true(init) == 1;
        decref(init);
      }
    }
    xdecref(spec);
    err_clear();
  }
  if (!shown_name) {
    err_format(&exc::ImportError, "cannot import name '%U' from '<unknown module name>' (unknown location)", name);
  } else if (initializing) {
    err_format(&exc::ImportError,
               "cannot import name %R from partially initialized module %R (most likely due to a circular import) (%S)",
               name, shown_name, pkgpath ? pkgpath.get() : static_cast<Object*>(nullptr));
  } else if (pkgpath) {
    err_format(&exc::ImportError, "cannot import name %R from %R (%S)", name, shown_name, pkgpath.get());
  } else {
    err_format(&exc::ImportError, "cannot import name %R from %R (unknown location)", name, shown_name);
  }
  Object* e = err_get_raised();
  if (e) {
    if (exception_instance_check(e)) {
      auto* ie = static_cast<ImportErrorObject*>(e);
      if (shown_name) xset_ref(ie->name, new_ref(shown_name));
      if (pkgpath) xset_ref(ie->path, new_ref(pkgpath.get()));
      xset_ref(ie->name_from, new_ref(name));
    }
    err_set_raised(e);
  }
  return nullptr;
}

static Object* import_name(InterpreterFrame* frame, Object* name, Object* fromlist, Object* level) {
  PYXX_ID(s_import, "__import__");
  Object* import_func = nullptr;
  int r = dict_check(frame->f_builtins) ? dict_getitem_ref(frame->f_builtins, s_import, &import_func) : 0;
  if (r < 0) return nullptr;
  if (r == 0) {
    if (dict_check(frame->f_builtins)) return err_string(&exc::ImportError, "__import__ not found");
    import_func = object_getitem(frame->f_builtins, s_import);
    if (!import_func) {
      if (err_exception_matches(&exc::KeyError)) { err_clear(); err_set_string(&exc::ImportError, "__import__ not found"); }
      return nullptr;
    }
  }
  Ref<> f = steal(import_func);
  Object* locals = frame->f_locals ? frame->f_locals : None;
  return call_args(f.get(), {name, frame->f_globals, locals, fromlist, level});
}

// RAISE_VARARGS with an exception (and optional cause); steals both.
// Returns 0 when a bare re-raise was done (no new traceback entry).
static void do_raise(ThreadState* ts, Object* exc, Object* cause) {
  Ref<> excr = steal(exc), causer = steal(cause);
  Ref<> value;
  if (exception_class_check(exc)) {
    value = steal(call_no_args(exc));
    if (!value) return;
    if (!exception_instance_check(value.get())) {
      err_format(&exc::TypeError, "calling %R should have returned an instance of BaseException, not %R", exc,
                 static_cast<Object*>(value->type));
      return;
    }
  } else if (exception_instance_check(exc)) {
    value = excr;
  } else {
    err_set_string(&exc::TypeError, "exceptions must derive from BaseException");
    return;
  }
  if (cause) {
    Object* fixed = nullptr;
    if (exception_class_check(cause)) {
      fixed = call_no_args(cause);
      if (!fixed) return;
      if (!exception_instance_check(fixed)) {
        err_format(&exc::TypeError, "calling %R should have returned an instance of BaseException, not %R", cause,
                   static_cast<Object*>(fixed->type));
        decref(fixed);
        return;
      }
    } else if (exception_instance_check(cause)) {
      fixed = new_ref(cause);
    } else if (cause == None) {
      fixed = nullptr;
    } else {
      err_set_string(&exc::TypeError, "exception causes must derive from BaseException");
      return;
    }
    exception_set_cause(value.get(), fixed);
  }
  chain_handled_context(ts, value.get());
  err_set_raised(value.release());
}

// DICT_MERGE failure messages (_PyEval_FormatKwargsError).
static void format_kwargs_error(Object* func, Object* kwargs) {
  if (err_exception_matches(&exc::AttributeError)) {
    err_clear();
    Ref<> fs = steal(function_str(func));
    if (fs) err_format(&exc::TypeError, "%U argument after ** must be a mapping, not %.200s", fs.get(), type_name(kwargs->type));
  } else if (err_exception_matches(&exc::KeyError)) {
    Object* e = err_get_raised();
    auto* be = static_cast<BaseExceptionObject*>(e);
    if (be->args && tuple_check(be->args) && tuple_size(be->args) == 1) {
      Object* key = tuple_get(be->args, 0);
      if (!str_check(key)) {
        err_set_string(&exc::TypeError, "keywords must be strings");
      } else {
        Ref<> fs = steal(function_str(func));
        if (fs) err_format(&exc::TypeError, "%U got multiple values for keyword argument '%S'", fs.get(), key);
      }
      decref(e);
    } else {
      err_set_raised(e);
    }
  }
}

static bool check_args_iterable(Object* func, Object* args) {
  if (args->type->tp_iter || sequence_check(args)) return true;
  Ref<> fs = steal(function_str(func));
  if (fs) err_format(&exc::TypeError, "%U argument after * must be an iterable, not %.200s", fs.get(), type_name(args->type));
  return false;
}

// LOAD_SPECIAL: looks a context-manager method up on the type.
// Returns 1 with *meth unbound (push self too), 0 with *meth bound, -1 error.
static int lookup_special(Object* owner, int which, Object** meth) {
  static const char* const names[4] = {"__enter__", "__exit__", "__aenter__", "__aexit__"};
  static Object* ids[4];
  if (!ids[which]) ids[which] = str_intern_cstr(names[which]);
  Object* descr = type_lookup(owner->type, ids[which]);
  if (!descr) {
    if (err_occurred()) return -1;
    bool async = which >= 2;
    // Suggest the other protocol when the object supports it.
    int other = async ? 0 : 2;
    if (!ids[other]) ids[other] = str_intern_cstr(names[other]);
    if (!ids[other + 1]) ids[other + 1] = str_intern_cstr(names[other + 1]);
    bool has_other = type_lookup(owner->type, ids[other]) && type_lookup(owner->type, ids[other + 1]);
    if (has_other) {
      err_format(&exc::TypeError,
                 async ? "'%.200s' object does not support the asynchronous context manager protocol (missed %s method) "
                         "but it supports the context manager protocol. Did you mean to use 'with'?"
                       : "'%.200s' object does not support the context manager protocol (missed %s method) but it "
                         "supports the asynchronous context manager protocol. Did you mean to use 'async with'?",
                 type_name(owner->type), names[which]);
    } else {
      err_format(&exc::TypeError,
                 async ? "'%.200s' object does not support the asynchronous context manager protocol (missed %s method)"
                       : "'%.200s' object does not support the context manager protocol (missed %s method)",
                 type_name(owner->type), names[which]);
    }
    return -1;
  }
  if (type_has_flag(descr->type, kTpflagsMethodDescriptor)) {
    *meth = new_ref(descr);
    return 1;
  }
  if (DescrGetFunc get = descr->type->tp_descr_get) {
    *meth = get(descr, owner, owner->type);
    return *meth ? 0 : -1;
  }
  *meth = new_ref(descr);
  return 0;
}

// CALL_INTRINSIC_1 STOPITERATION_ERROR: StopIteration escaping a generator.
static Object* stopiteration_error(InterpreterFrame* frame, Object* exc) {
  int flags = frame_code(frame)->co_flags;
  const char* msg = nullptr;
  if (type_is_subtype(exc->type, &exc::StopIteration)) {
    msg = (flags & kCoAsyncGenerator) ? "async generator raised StopIteration"
        : (flags & kCoCoroutine)     ? "coroutine raised StopIteration"
                                     : "generator raised StopIteration";
  } else if ((flags & kCoAsyncGenerator) && type_is_subtype(exc->type, &exc::StopAsyncIteration)) {
    msg = "async generator raised StopAsyncIteration";
  }
  if (!msg) return new_ref(exc);
  Ref<> m = steal(str_from_cstr(msg));
  if (!m) return nullptr;
  Ref<> args = steal(tuple_pack({m.get()}));
  if (!args) return nullptr;
  Object* err = exception_new(&exc::RuntimeError, args.get());
  if (!err) return nullptr;
  exception_set_cause(err, new_ref(exc));
  exception_set_context(err, new_ref(exc));
  return err;
}

static Object* print_expr(Object* v) {
  Interpreter* interp = interp_get();
  Object* hook = interp->sysdict ? dict_getitem_str(interp->sysdict, "displayhook") : nullptr;
  if (!hook) {
    if (!err_occurred()) err_set_string(&exc::RuntimeError, "lost sys.displayhook");
    return nullptr;
  }
  return call_one_arg(hook, v);
}

// CHECK_EXC_MATCH / CHECK_EG_MATCH operand validation.
static bool check_except_type_valid(Object* right) {
  auto valid = [](Object* t) { return exception_class_check(t); };
  if (tuple_check(right)) {
    for (ssize i = 0; i < tuple_size(right); i++) {
      if (!valid(tuple_get(right, i))) goto bad;
    }
    return true;
  }
  if (valid(right)) return true;
bad:
  err_set_string(&exc::TypeError, "catching classes that do not inherit from BaseException is not allowed");
  return false;
}

static bool check_except_star_type_valid(Object* right) {
  if (!check_except_type_valid(right)) return false;
  auto is_group = [](Object* t) { return type_is_subtype(static_cast<Type*>(t), &exc::BaseExceptionGroup); };
  bool bad = false;
  if (tuple_check(right)) {
    for (ssize i = 0; i < tuple_size(right); i++) bad |= is_group(tuple_get(right, i));
  } else {
    bad = is_group(right);
  }
  if (bad) {
    err_set_string(&exc::TypeError, "catching ExceptionGroup with except* is not allowed. Use except instead.");
    return false;
  }
  return true;
}

// CHECK_EG_MATCH: splits exc_value by match_type into (match, rest).
static int exception_group_match(Object* exc_value, Object* match_type, Object** match, Object** rest) {
  if (exc_value == None) { *match = new_ref(None); *rest = new_ref(None); return 0; }
  if (err_given_exception_matches(exc_value, match_type)) {
    if (type_is_subtype(exc_value->type, &exc::BaseExceptionGroup)) {
      *match = new_ref(exc_value);
    } else {
      Ref<> excs = steal(tuple_pack({exc_value}));
      Ref<> msg = steal(str_empty());
      if (!excs || !msg) return -1;
      Object* wrapped = call_args(&exc::BaseExceptionGroup, {msg.get(), excs.get()});
      if (!wrapped) return -1;
      if (Object* tb = exception_get_traceback(exc_value)) exception_set_traceback(wrapped, tb);
      *match = wrapped;
    }
    *rest = new_ref(None);
    return 0;
  }
  if (type_is_subtype(exc_value->type, &exc::BaseExceptionGroup)) {
    Ref<> pair = steal(call_method_str(exc_value, "split", {match_type}));
    if (!pair) return -1;
    if (!tuple_check_exact(pair.get())) {
      err_format(&exc::TypeError, "%.200s.split must return a tuple, not %.200s", type_name(exc_value->type),
                 type_name(pair->type));
      return -1;
    }
    if (tuple_size(pair.get()) < 2) {  // longer tuples allowed, as CPython
      err_format(&exc::TypeError, "%.200s.split must return a 2-tuple, got tuple of size %zd", type_name(exc_value->type),
                 tuple_size(pair.get()));
      return -1;
    }
    *match = new_ref(tuple_get(pair.get(), 0));
    *rest = new_ref(tuple_get(pair.get(), 1));
    return 0;
  }
  *match = new_ref(None);
  *rest = new_ref(exc_value);  // no match: the whole exception is the rest
  return 0;
}

// MATCH_KEYS: tuple of values for keys, or None when some key is missing.
static Object* match_keys(Object* subject, Object* keys) {
  ssize nkeys = tuple_size(keys);
  if (nkeys == 0) return tuple_new(0);
  Ref<> get = steal(object_getattr_str(subject, "get"));
  if (!get) return nullptr;
  Ref<> dummy = steal(object_alloc_zeroed(&ObjectType, sizeof(Object)));
  if (!dummy) return nullptr;
  Ref<> seen = steal(set_new(nullptr));
  Ref<> values = steal(list_new(0));
  if (!seen || !values) return nullptr;
  for (ssize i = 0; i < nkeys; i++) {
    Object* key = tuple_get(keys, i);
    int c = set_contains(seen.get(), key);
    if (c < 0) return nullptr;
    if (c) return err_format(&exc::ValueError, "mapping pattern checks duplicate key (%R)", key);
    if (set_add(seen.get(), key) < 0) return nullptr;
    Ref<> v = steal(call_args(get.get(), {key, dummy.get()}));
    if (!v) return nullptr;
    if (v.get() == dummy.get()) return new_ref(None);
    if (list_append(values.get(), v.get()) < 0) return nullptr;
  }
  return list_as_tuple(values.get());
}

// MATCH_CLASS: tuple of extracted attributes, or None.
static Object* match_class_attr(Object* subject, Object* type, Object* name, Object* seen) {
  int c = set_contains(seen, name);
  if (c < 0) return nullptr;
  if (c) return err_format(&exc::TypeError, "%s() got multiple sub-patterns for attribute %R", static_cast<Type*>(type)->tp_name, name);
  if (set_add(seen, name) < 0) return nullptr;
  Object* attr = nullptr;
  if (object_lookup_attr(subject, name, &attr) < 0) return nullptr;
  return attr;  // may be null (no error) -> no match
}

static Object* match_class(Object* subject, Object* type, ssize nargs, Object* kwargs) {
  if (!type_check(type)) return err_format(&exc::TypeError, "called match pattern must be a class");
  int r = object_isinstance(subject, type);
  if (r < 0) return nullptr;
  if (!r) return new_ref(None);
  Ref<> seen = steal(set_new(nullptr));
  Ref<> attrs = steal(list_new(0));
  if (!seen || !attrs) return nullptr;
  Ref<> match_args;
  bool match_self = false;
  if (nargs) {
    Object* ma = nullptr;
    PYXX_ID(s_match_args, "__match_args__");
    if (object_lookup_attr(type, s_match_args, &ma) < 0) return nullptr;
    if (ma) {
      match_args = steal(ma);
      if (!tuple_check(ma))
        return err_format(&exc::TypeError, "%s.__match_args__ must be a tuple (got %s)", static_cast<Type*>(type)->tp_name,
                          type_name(ma->type));
    } else {
      match_self = type_has_flag(static_cast<Type*>(type), kTpflagsMatchSelf);
      match_args = steal(tuple_new(0));
      if (!match_args) return nullptr;
    }
    ssize allowed = match_self ? 1 : tuple_size(match_args.get());
    if (allowed < nargs) {
      return err_format(&exc::TypeError, "%s() accepts %zd positional sub-pattern%s (%zd given)",
                        static_cast<Type*>(type)->tp_name, allowed, allowed == 1 ? "" : "s", nargs);
    }
    if (match_self) {
      if (list_append(attrs.get(), subject) < 0) return nullptr;
    } else {
      for (ssize i = 0; i < nargs; i++) {
        Object* name = tuple_get(match_args.get(), i);
        if (!str_check(name))
          return err_format(&exc::TypeError, "__match_args__ elements must be strings (got %s)", type_name(name->type));
        Object* attr = match_class_attr(subject, type, name, seen.get());
        if (!attr) return err_occurred() ? nullptr : new_ref(None);
        if (list_append_steal(attrs.get(), attr) < 0) return nullptr;
      }
    }
  }
  for (ssize i = 0; i < tuple_size(kwargs); i++) {
    Object* attr = match_class_attr(subject, type, tuple_get(kwargs, i), seen.get());
    if (!attr) return err_occurred() ? nullptr : new_ref(None);
    if (list_append_steal(attrs.get(), attr) < 0) return nullptr;
  }
  return list_as_tuple(attrs.get());
}

// GET_AWAITABLE (basic): coroutine objects are their own awaitables; others
// need __await__ returning an iterator.
static Object* get_awaitable(Object* iterable, int oparg) {
  if (coro_check_exact(iterable)) {
    GenObject* g = static_cast<GenObject*>(iterable);
    if (g->gi_frame_state == kFrameSuspendedYieldFrom) return err_string(&exc::RuntimeError, "coroutine is being awaited already");
    return new_ref(iterable);
  }
  if (gen_check_exact(iterable) && (frame_code(&static_cast<GenObject*>(iterable)->gi_iframe)->co_flags & kCoIterableCoroutine))
    return new_ref(iterable);
  PYXX_ID(s_await, "__await__");
  Object* meth = type_lookup(iterable->type, s_await);
  if (!meth) {
    if (oparg == 1)
      return err_format(&exc::TypeError, "'async with' received an object from __aenter__ that does not implement __await__: %.100s", type_name(iterable->type));
    if (oparg == 2)
      return err_format(&exc::TypeError, "'async with' received an object from __aexit__ that does not implement __await__: %.100s", type_name(iterable->type));
    return err_format(&exc::TypeError, "'%.100s' object can't be awaited", type_name(iterable->type));
  }
  Object* res = call_special_method(iterable, s_await);
  if (!res) return nullptr;
  if (coro_check_exact(res) || (gen_check_exact(res) && (frame_code(&static_cast<GenObject*>(res)->gi_iframe)->co_flags & kCoIterableCoroutine))) {
    decref(res);
    return err_string(&exc::TypeError, "__await__() returned a coroutine");
  }
  if (!iter_check(res)) {
    err_format(&exc::TypeError, "__await__() returned non-iterator of type '%.100s'", type_name(res->type));
    decref(res);
    return nullptr;
  }
  return res;
}

Object* eval_builtins_from_globals(Object* globals) {
  PYXX_ID(s_builtins, "__builtins__");
  if (globals && dict_check(globals)) {
    Object* b = dict_getitem(globals, s_builtins);
    if (b) {
      if (module_check(b)) return module_dict(b);
      return b;
    }
    if (err_occurred()) return nullptr;
  }
  ThreadState* ts = tstate_fast();
  if (ts && ts->current_frame && ts->current_frame->f_builtins) return ts->current_frame->f_builtins;
  Object* b = interp_get()->builtins;
  if (!b) return err_string(&exc::SystemError, "no builtins");
  return b;
}

void eval_request_break(ThreadState* ts) { ts->eval_breaker = 1; }

static int handle_eval_breaker(ThreadState* ts) {
  ts->eval_breaker = 0;
  return 0;  // signal handlers / pending calls / GIL drop hook in here later
}

static int check_recursion_py(ThreadState* ts) {
  if (ts->recursion_headroom) {
    if (ts->py_recursion_remaining < -50) {
      err_set_string(&exc::RecursionError, "maximum recursion depth exceeded");  // CPython aborts here
      return -1;
    }
    return 0;
  }
  if (ts->py_recursion_remaining <= 0) {
    ts->recursion_headroom++;
    err_set_string(&exc::RecursionError, "maximum recursion depth exceeded");
    ts->recursion_headroom--;
    return -1;
  }
  return 0;
}

// ---------------------------------------------------------------------------
// The dispatch loop
// ---------------------------------------------------------------------------

// The immortal small ints (-5..256), copied from int_from_i64 at the first
// eval_frame call so the loop can index them without a call.
static Object* g_small_ints[kSmallIntMax - kSmallIntMin + 1];

static PYXX_ALWAYS_INLINE Object* small_int_or_alloc(int64_t v) {
  uint64_t i = uint64_t(v) - uint64_t(int64_t(kSmallIntMin));
  if (i <= uint64_t(kSmallIntMax - kSmallIntMin)) return g_small_ints[i];
  return int_from_i64(v);
}

static PYXX_ALWAYS_INLINE bool both_compact_ints(Object* a, Object* b) {
  return a->type == &IntType && b->type == &IntType && int_is_compact(a) && int_is_compact(b);
}

// Fast BINARY_OP for exact compact ints / floats; returns null (no error) to fall back.
static PYXX_ALWAYS_INLINE Object* binary_op_fast(int op, Object* l, Object* r) {
  if (both_compact_ints(l, r)) {
    int64_t a = int_compact_value(l), b = int_compact_value(r), res;
    switch (op) {
      case kNbAdd: case kNbInplaceAdd:
        if (!__builtin_add_overflow(a, b, &res)) return small_int_or_alloc(res);
        break;
      case kNbSubtract: case kNbInplaceSubtract:
        if (!__builtin_sub_overflow(a, b, &res)) return small_int_or_alloc(res);
        break;
      case kNbMultiply: case kNbInplaceMultiply:
        if (!__builtin_mul_overflow(a, b, &res)) return small_int_or_alloc(res);
        break;
      case kNbAnd: case kNbInplaceAnd: return small_int_or_alloc(a & b);
      case kNbOr: case kNbInplaceOr: return small_int_or_alloc(a | b);
      case kNbXor: case kNbInplaceXor: return small_int_or_alloc(a ^ b);
      case kNbFloorDivide: case kNbInplaceFloorDivide:
        if (b != 0 && !(a == INT64_MIN && b == -1)) {
          int64_t q = a / b;
          if ((a % b != 0) && ((a < 0) != (b < 0))) q--;
          return small_int_or_alloc(q);
        }
        break;
      case kNbRemainder: case kNbInplaceRemainder:
        if (b != 0 && !(a == INT64_MIN && b == -1)) {
          int64_t m = a % b;
          if (m != 0 && ((m < 0) != (b < 0))) m += b;
          return small_int_or_alloc(m);
        }
        break;
      case kNbSubscr: break;
      default: break;
    }
    return nullptr;
  }
  if (l->type == &FloatType && r->type == &FloatType) {
    double a = float_value(l), b = float_value(r);
    switch (op) {
      case kNbAdd: case kNbInplaceAdd: return float_from_double(a + b);
      case kNbSubtract: case kNbInplaceSubtract: return float_from_double(a - b);
      case kNbMultiply: case kNbInplaceMultiply: return float_from_double(a * b);
      case kNbTrueDivide: case kNbInplaceTrueDivide:
        if (b != 0.0) return float_from_double(a / b);
        break;
      default: break;
    }
    return nullptr;
  }
  if (op == kNbSubscr) {
    if (r->type == &IntType && int_is_compact(r)) {
      int64_t i = int_compact_value(r);
      if (l->type == &ListType) {
        ssize n = list_size(l);
        if (i < 0) i += n;
        if (i >= 0 && i < n) return new_ref(list_get(l, i));
      } else if (l->type == &TupleType) {
        ssize n = tuple_size(l);
        if (i < 0) i += n;
        if (i >= 0 && i < n) return new_ref(tuple_get(l, i));
      }
    } else if (l->type == &DictType) {
      Object* v = nullptr;
      int found = dict_getitem_ref(l, r, &v);
      if (found > 0) return v;
      if (found < 0) return nullptr;  // error set: caller checks err_occurred
    }
    return nullptr;
  }
  if ((op == kNbAdd || op == kNbInplaceAdd) && l->type == &StrType && r->type == &StrType) return str_concat(l, r);
  return nullptr;
}

static PYXX_ALWAYS_INLINE int compare_ints(int64_t a, int64_t b, int op) {
  switch (op) {
    case kLT: return a < b;
    case kLE: return a <= b;
    case kEQ: return a == b;
    case kNE: return a != b;
    case kGT: return a > b;
    default: return a >= b;
  }
}

// GCC's advice for computed-goto interpreters: global CSE hurts the dispatch
// code (about -4% instructions without it; docs/vm.md "Performance").
#if defined(__GNUC__) && !defined(__clang__)
#define PYXX_EVAL_ATTRS __attribute__((optimize("no-gcse")))
#else
#define PYXX_EVAL_ATTRS
#endif
PYXX_EVAL_ATTRS Object* eval_frame(ThreadState* ts, InterpreterFrame* frame, int throwflag) {
  // Dispatch table: one label per opcode number; unknown ones -> SystemError.
  static void* dispatch_table[256];
  static bool table_ready = false;
  if (PYXX_UNLIKELY(!table_ready)) {
    for (auto& e : dispatch_table) e = &&unknown_opcode;
#define PYXX_OP(name) dispatch_table[name] = &&L_##name;
#include "vm/eval_ops.inc"
#undef PYXX_OP
    for (int v = kSmallIntMin; v <= kSmallIntMax; v++) g_small_ints[v - kSmallIntMin] = int_from_i64(v);
    table_ready = true;
  }

  if (!ts->exc_info) ts->exc_info = &ts->base_exc_info;
  frame->is_entry = 1;
  frame->previous = ts->current_frame;
  ts->current_frame = frame;

  CodeUnit* next_instr;
  CodeUnit* this_instr = nullptr;
  Object** sp;
  Object* const* consts;
  CodeObject* co;
  int oparg;
  // The frame's locals: derived from `frame` so the loop keeps one register for both.
#define LOCALS (frame->localsplus)

#define LOAD_FRAME_STATE()                                 \
  do {                                                     \
    co = frame_code(frame);                                \
    consts = tuple_items(co->co_consts);                   \
    sp = LOCALS + frame->stackpointer;                 \
  } while (0)
#define SAVE_SP() (frame->stackpointer = int(sp - LOCALS))
#define DISPATCH()                          \
  do {                                      \
    oparg = next_instr->oparg;              \
    goto *dispatch_table[next_instr->opcode]; \
  } while (0)
#define TARGET(op)              \
  L_##op:                       \
  this_instr = next_instr;      \
  frame->instr_ptr = this_instr; \
  next_instr++;
#define SKIP_CACHES(op) (next_instr += kOpcodeCaches[op])
#define PUSH(v) (*sp++ = (v))
#define POP() (*--sp)
#define TOP() (sp[-1])
#define SECOND() (sp[-2])
#define PEEK(n) (sp[-(n)])
#define NAME(i) tuple_get(co->co_names, (i))
#define ERROR_IF(cond) do { if (PYXX_UNLIKELY(cond)) goto error; } while (0)

  // C-stack guard on every C-level entry (CPython checks the C stack at the
  // top of _PyEval_EvalFrameDefault too): C recursion through slots, e.g.
  // __getattr__ calling getattr(), re-enters here, and with a high
  // sys.setrecursionlimit() the Python-depth check alone let the C stack
  // overflow (SIGSEGV; docs/fuzzing.md). exit_unwind gives the count back.
  if (PYXX_UNLIKELY(enter_recursive_call("") < 0)) {
    ts->py_recursion_remaining--;
    LOAD_FRAME_STATE();
    goto exit_unwind;
  }

  if (throwflag) {
    if (ts->py_recursion_remaining-- <= 0 && check_recursion_py(ts) < 0) {
      LOAD_FRAME_STATE();
      goto exit_unwind;
    }
    LOAD_FRAME_STATE();
    next_instr = frame->instr_ptr;
    this_instr = next_instr - 1;  // the handler search uses the yield point
    goto error;
  }

start_frame:
  if (ts->py_recursion_remaining-- <= 0 && check_recursion_py(ts) < 0) {
    LOAD_FRAME_STATE();
    goto exit_unwind;
  }
  LOAD_FRAME_STATE();
  next_instr = frame->instr_ptr;
  DISPATCH();

  // ----- simple stack / constant instructions -----
  TARGET(NOP) { DISPATCH(); }
  TARGET(NOT_TAKEN) { DISPATCH(); }
  TARGET(RESUME) {
    if (PYXX_UNLIKELY(ts->eval_breaker) && oparg < 2) { ERROR_IF(handle_eval_breaker(ts) < 0); }
    DISPATCH();
  }
  TARGET(CACHE) {
    err_set_string(&exc::SystemError, "executing a CACHE entry");
    goto error;
  }
  TARGET(EXTENDED_ARG) {
    oparg = (oparg << 8) | next_instr->oparg;
    goto *dispatch_table[next_instr->opcode];
  }
  TARGET(LOAD_CONST) { PUSH(new_ref(consts[oparg])); DISPATCH(); }
  TARGET(LOAD_SMALL_INT) {
    PUSH(small_int_or_alloc(oparg));  // oparg < 256: always the immortal cache
    DISPATCH();
  }
  TARGET(LOAD_FAST) { PUSH(new_ref(LOCALS[oparg])); DISPATCH(); }
  TARGET(LOAD_FAST_BORROW) {
    Object* v = LOCALS[oparg];
    if (next_instr->opcode == LOAD_ATTR) {
      // `local.attr` with a cached instance value: run both instructions here,
      // without touching the owner's count (the local keeps it alive).
      if (Object* attr = load_attr_instance_hit(co, next_instr, v)) {
        PUSH(new_ref(attr));
        next_instr += 1 + kOpcodeCaches[LOAD_ATTR];
        DISPATCH();
      }
    }
    PUSH(new_ref(v));
    DISPATCH();
  }
  TARGET(LOAD_FAST_CHECK) {
    Object* v = LOCALS[oparg];
    if (PYXX_UNLIKELY(!v)) { unbound_local_error(co, oparg); goto error; }
    PUSH(new_ref(v));
    DISPATCH();
  }
  TARGET(LOAD_FAST_AND_CLEAR) {
    PUSH(LOCALS[oparg]);
    LOCALS[oparg] = nullptr;
    DISPATCH();
  }
  TARGET(LOAD_FAST_LOAD_FAST) {
    PUSH(new_ref(LOCALS[oparg >> 4]));
    PUSH(new_ref(LOCALS[oparg & 15]));
    DISPATCH();
  }
  TARGET(LOAD_FAST_BORROW_LOAD_FAST_BORROW) {
    PUSH(new_ref(LOCALS[oparg >> 4]));
    PUSH(new_ref(LOCALS[oparg & 15]));
    DISPATCH();
  }
  TARGET(STORE_FAST) {
    Object* v = POP();
    xset_ref(LOCALS[oparg], v);
    DISPATCH();
  }
  TARGET(STORE_FAST_LOAD_FAST) {
    Object* v = POP();
    xset_ref(LOCALS[oparg >> 4], v);
    PUSH(new_ref(LOCALS[oparg & 15]));
    DISPATCH();
  }
  TARGET(STORE_FAST_STORE_FAST) {
    Object* v1 = POP();
    Object* v2 = POP();
    xset_ref(LOCALS[oparg >> 4], v1);
    xset_ref(LOCALS[oparg & 15], v2);
    DISPATCH();
  }
  TARGET(DELETE_FAST) {
    if (PYXX_UNLIKELY(!LOCALS[oparg])) { unbound_local_error(co, oparg); goto error; }
    clear_ref(LOCALS[oparg]);
    DISPATCH();
  }
  TARGET(POP_TOP) { xdecref(POP()); DISPATCH(); }
  TARGET(PUSH_NULL) { PUSH(nullptr); DISPATCH(); }
  TARGET(COPY) {
    Object* v = PEEK(oparg);
    if (oparg == 1 && next_instr->opcode == LOAD_ATTR && v) {
      // `obj.a += ...` starts with COPY 1; LOAD_ATTR a: with a cached instance
      // value push the attribute directly (the copied slot keeps obj alive).
      if (Object* attr = load_attr_instance_hit(co, next_instr, v)) {
        PUSH(new_ref(attr));
        next_instr += 1 + kOpcodeCaches[LOAD_ATTR];
        DISPATCH();
      }
    }
    PUSH(xnew_ref(v));
    DISPATCH();
  }
  TARGET(SWAP) {
    Object* t = TOP();
    TOP() = PEEK(oparg);
    PEEK(oparg) = t;
    DISPATCH();
  }
  TARGET(END_FOR) { xdecref(POP()); DISPATCH(); }
  TARGET(POP_ITER) { xdecref(POP()); DISPATCH(); }
  TARGET(END_SEND) {
    Object* v = POP();
    decref(POP());
    PUSH(v);
    DISPATCH();
  }

  // ----- cells and free variables -----
  TARGET(MAKE_CELL) {
    Object* init = LOCALS[oparg];
    Object* cell = cell_new(init);
    ERROR_IF(!cell);
    xdecref(init);
    LOCALS[oparg] = cell;
    DISPATCH();
  }
  TARGET(COPY_FREE_VARS) {
    Object* closure = static_cast<FunctionObject*>(frame->f_funcobj)->func_closure;
    int offset = co->co_nlocalsplus - oparg;
    for (int i = 0; i < oparg; i++) LOCALS[offset + i] = new_ref(tuple_get(closure, i));
    DISPATCH();
  }
  TARGET(LOAD_DEREF) {
    Object* v = static_cast<CellObject*>(LOCALS[oparg])->ref;
    if (PYXX_UNLIKELY(!v)) { unbound_local_error(co, oparg); goto error; }
    PUSH(new_ref(v));
    DISPATCH();
  }
  TARGET(STORE_DEREF) {
    Object* v = POP();
    auto* cell = static_cast<CellObject*>(LOCALS[oparg]);
    xset_ref(cell->ref, v);
    DISPATCH();
  }
  TARGET(DELETE_DEREF) {
    auto* cell = static_cast<CellObject*>(LOCALS[oparg]);
    if (!cell->ref) { unbound_local_error(co, oparg); goto error; }
    clear_ref(cell->ref);
    DISPATCH();
  }
  TARGET(LOAD_FROM_DICT_OR_DEREF) {
    Object* mapping = TOP();
    Object* name = localsplus_name(co, oparg);
    Object* v = nullptr;
    if (dict_check_exact(mapping)) {
      if (dict_getitem_ref(mapping, name, &v) < 0) goto error;
    } else {
      v = object_getitem(mapping, name);
      if (!v) {
        if (!err_exception_matches(&exc::KeyError)) goto error;
        err_clear();
      }
    }
    if (!v) {
      v = xnew_ref(static_cast<CellObject*>(LOCALS[oparg])->ref);
      if (!v) { unbound_local_error(co, oparg); goto error; }
    }
    decref(mapping);
    TOP() = v;
    DISPATCH();
  }
  TARGET(LOAD_FROM_DICT_OR_GLOBALS) {
    Object* mapping = TOP();
    Object* name = NAME(oparg);
    Object* v = nullptr;
    if (dict_check_exact(mapping)) {
      if (dict_getitem_ref(mapping, name, &v) < 0) goto error;
    } else {
      v = object_getitem(mapping, name);
      if (!v) {
        if (!err_exception_matches(&exc::KeyError)) goto error;
        err_clear();
      }
    }
    if (!v) {
      v = load_global_slow(frame->f_globals, frame->f_builtins, name, nullptr);
      ERROR_IF(!v);
    }
    decref(mapping);
    TOP() = v;
    DISPATCH();
  }
  TARGET(LOAD_LOCALS) {
    if (!frame->f_locals) { err_set_string(&exc::SystemError, "no locals found"); goto error; }
    PUSH(new_ref(frame->f_locals));
    DISPATCH();
  }

  // ----- names and globals -----
  TARGET(LOAD_NAME) {
    Object* v = load_name(frame, NAME(oparg));
    ERROR_IF(!v);
    PUSH(v);
    DISPATCH();
  }
  TARGET(STORE_NAME) {
    Object* name = NAME(oparg);
    Object* v = POP();
    Object* locals = frame->f_locals;
    if (!locals) {
      err_format(&exc::SystemError, "no locals found when storing %R", name);
      decref(v);
      goto error;
    }
    int r = dict_check_exact(locals) ? dict_setitem(locals, name, v) : object_setitem(locals, name, v);
    decref(v);
    ERROR_IF(r < 0);
    DISPATCH();
  }
  TARGET(DELETE_NAME) {
    Object* name = NAME(oparg);
    Object* locals = frame->f_locals;
    if (!locals) { err_format(&exc::SystemError, "no locals when deleting %R", name); goto error; }
    int r = dict_check_exact(locals) ? dict_delitem(locals, name) : object_delitem(locals, name);
    if (r < 0) {
      if (err_exception_matches(&exc::KeyError)) { err_clear(); name_error(name); }
      goto error;
    }
    DISPATCH();
  }
  TARGET(STORE_GLOBAL) {
    Object* v = POP();
    int r = dict_setitem(frame->f_globals, NAME(oparg), v);
    decref(v);
    ERROR_IF(r < 0);
    DISPATCH();
  }
  TARGET(DELETE_GLOBAL) {
    Object* name = NAME(oparg);
    if (dict_delitem(frame->f_globals, name) < 0) {
      if (err_exception_matches(&exc::KeyError)) { err_clear(); name_error(name); }
      goto error;
    }
    DISPATCH();
  }
  TARGET(LOAD_GLOBAL) {
    SKIP_CACHES(LOAD_GLOBAL);
    Object* name = NAME(oparg >> 1);
    Object* v;
    auto* extra = static_cast<CodeExtra*>(co->co_extra);
    if (PYXX_UNLIKELY(!extra)) {
      extra = code_extra_init(co);
      if (!extra) err_clear();
    }
    uint16_t idx = cache_u16(this_instr + 1)[1];
    GlobalCacheEntry* entry = (extra && idx) ? &extra->globals[idx - 1] : nullptr;
    Object* g = frame->f_globals;
    Object* b = frame->f_builtins;
    if (entry && entry->globals == g && entry->builtins == b && entry->globals_version == as_dict(g)->version &&
        entry->builtins_version == as_dict(b)->version) {
      v = new_ref(entry->value);
    } else {
      v = load_global_slow(g, b, name, entry);
      ERROR_IF(!v);
    }
    PUSH(v);
    if (oparg & 1) PUSH(nullptr);
    DISPATCH();
  }
  TARGET(LOAD_BUILD_CLASS) {
    PYXX_ID(s_build_class, "__build_class__");
    Object* v = nullptr;
    if (dict_check(frame->f_builtins)) {
      if (dict_getitem_ref(frame->f_builtins, s_build_class, &v) < 0) goto error;
    } else {
      v = object_getitem(frame->f_builtins, s_build_class);
      if (!v && err_exception_matches(&exc::KeyError)) err_clear();
      else if (!v) goto error;
    }
    if (!v) { err_set_string(&exc::NameError, "__build_class__ not found"); goto error; }
    PUSH(v);
    DISPATCH();
  }
  TARGET(LOAD_COMMON_CONSTANT) {
    Object* v = nullptr;
    switch (oparg) {
      case CONSTANT_ASSERTIONERROR: v = &exc::AssertionError; break;
      case CONSTANT_NOTIMPLEMENTEDERROR: v = &exc::NotImplementedError; break;
      case CONSTANT_BUILTIN_TUPLE: v = &TupleType; break;
      case CONSTANT_BUILTIN_ALL: v = dict_getitem_str(interp_get()->builtins, "all"); break;
      case CONSTANT_BUILTIN_ANY: v = dict_getitem_str(interp_get()->builtins, "any"); break;
    }
    if (!v) { err_format(&exc::SystemError, "bad LOAD_COMMON_CONSTANT oparg %d", oparg); goto error; }
    PUSH(new_ref(v));
    DISPATCH();
  }
  TARGET(SETUP_ANNOTATIONS) {
    PYXX_ID(s_annotations, "__annotations__");
    Object* locals = frame->f_locals;
    if (!locals) { err_set_string(&exc::SystemError, "no locals found when setting up annotations"); goto error; }
    if (dict_check_exact(locals)) {
      int r = dict_contains(locals, s_annotations);
      ERROR_IF(r < 0);
      if (!r) {
        Object* d = dict_new();
        ERROR_IF(!d);
        r = dict_setitem(locals, s_annotations, d);
        decref(d);
        ERROR_IF(r < 0);
      }
    } else {
      Object* ann = object_getitem(locals, s_annotations);
      if (ann) {
        decref(ann);
      } else {
        if (!err_exception_matches(&exc::KeyError)) goto error;
        err_clear();
        Object* d = dict_new();
        ERROR_IF(!d);
        int r = object_setitem(locals, s_annotations, d);
        decref(d);
        ERROR_IF(r < 0);
      }
    }
    DISPATCH();
  }

  // ----- attributes -----
  TARGET(LOAD_ATTR) {
    SKIP_CACHES(LOAD_ATTR);
    Object* name = NAME(oparg >> 1);
    Object* owner = TOP();
    AttrCacheEntry* ce;
    if (uint16_t idx = cache_u16(this_instr + 1)[1]; PYXX_LIKELY(idx && co->co_extra)) {
      ce = &static_cast<CodeExtra*>(co->co_extra)->attrs[idx - 1];
    } else {
      ce = attr_cache_entry(co, this_instr);  // first execution: allocates the side table
    }
    // Entries are filled per instruction, so the kind implies oparg's method bit.
    if (ce && owner->type->tp_version_tag == ce->type_version) {
      if (ce->kind == kAttrInstanceValue) {
        Object* d = *reinterpret_cast<Object**>(reinterpret_cast<char*>(owner) + ce->dictoffset);
        if (d && d->type == &DictType) {
          DictObject* mp = as_dict(d);
          DictKeys* k = mp->keys;
          if (!mp->values && ce->hint < k->nentries) {
            DictEntry* e = dk_entries(k) + ce->hint;
            if (e->key == name && e->value) {
              TOP() = new_ref(e->value);
              decref(owner);
              DISPATCH();
            }
          }
        }
      } else if (ce->kind == kAttrMethodNoDict) {
        TOP() = new_ref(ce->descr);  // [meth, self]
        PUSH(owner);
        DISPATCH();
      } else if (ce->kind == kAttrMethod) {
        Object* d = *reinterpret_cast<Object**>(reinterpret_cast<char*>(owner) + ce->dictoffset);
        int shadowed = 0;
        if (d && as_dict(d)->used > 0) {
          if (!dict_check_exact(d)) {
            shadowed = 1;
          } else {
            int lacks = dict_lacks_str_key(d, name);
            shadowed = lacks >= 0 ? !lacks : dict_contains(d, name);
          }
        }
        if (shadowed == 0) {
          TOP() = new_ref(ce->descr);  // [meth, self]
          PUSH(owner);
          DISPATCH();
        }
        if (shadowed < 0) err_clear();
      }
    }
    if (oparg & 1) {
      Object* meth = nullptr;
      int r = object_get_method(owner, name, &meth);
      if (r > 0) {
        if (ce) attr_cache_fill_load(ce, owner, name, true, meth);
        TOP() = meth;     // [meth, self]
        PUSH(owner);
      } else {
        decref(owner);
        if (r < 0) { --sp; goto error; }
        TOP() = meth;     // [attr, NULL]
        PUSH(nullptr);
      }
    } else {
      Object* v = object_getattr(owner, name);
      ERROR_IF(!v);
      if (ce) attr_cache_fill_load(ce, owner, name, false, nullptr);
      decref(owner);
      TOP() = v;
    }
    DISPATCH();
  }
  TARGET(STORE_ATTR) {
    SKIP_CACHES(STORE_ATTR);
    Object* owner = POP();
    Object* v = POP();
    Object* name = NAME(oparg);
    AttrCacheEntry* ce;
    if (uint16_t idx = cache_u16(this_instr + 1)[1]; PYXX_LIKELY(idx && co->co_extra)) {
      ce = &static_cast<CodeExtra*>(co->co_extra)->attrs[idx - 1];
    } else {
      ce = attr_cache_entry(co, this_instr);
    }
    int r;
    if (ce && owner->type->tp_version_tag == ce->type_version && ce->kind == kAttrStoreDict) {
      Object* d = *reinterpret_cast<Object**>(reinterpret_cast<char*>(owner) + ce->dictoffset);
      if (d && d->type == &DictType) {
        // Replacing an existing value: write the entry found through the hint.
        DictObject* mp = as_dict(d);
        DictKeys* k = mp->keys;
        int32_t hint = ce->hint;
        if (!mp->values && hint >= 0 && hint < k->nentries) {
          DictEntry* e = dk_entries(k) + hint;
          if (e->key == name && e->value) {
            Object* old = e->value;
            e->value = v;  // the stack's reference moves into the dict
            dict_bump_version(mp);
            decref(old);
            decref(owner);
            DISPATCH();
          }
        }
        r = dict_setitem(d, name, v);
        decref(v);
        decref(owner);
        ERROR_IF(r < 0);
        DISPATCH();
      }
    }
    r = object_setattr(owner, name, v);
    if (r == 0 && ce) attr_cache_fill_store(ce, owner, name);
    decref(v);
    decref(owner);
    ERROR_IF(r < 0);
    DISPATCH();
  }
  TARGET(DELETE_ATTR) {
    Object* owner = POP();
    int r = object_delattr(owner, NAME(oparg));
    decref(owner);
    ERROR_IF(r < 0);
    DISPATCH();
  }
  TARGET(LOAD_SUPER_ATTR) {
    SKIP_CACHES(LOAD_SUPER_ATTR);
    Object* self = PEEK(1);
    Object* cls = PEEK(2);
    Object* global_super = PEEK(3);
    int method_found = 0;
    Object* attr = super_lookup_attr(global_super, cls, self, NAME(oparg >> 2), (oparg & 1) ? &method_found : nullptr);
    ERROR_IF(!attr);
    sp -= 3;
    decref(global_super);
    decref(cls);
    PUSH(attr);
    if (oparg & 1) {
      if (method_found) {
        PUSH(self);  // [meth, self]
      } else {
        decref(self);
        PUSH(nullptr);
      }
    } else {
      decref(self);
    }
    DISPATCH();
  }

  // ----- operators -----
  TARGET(BINARY_OP) {
    SKIP_CACHES(BINARY_OP);
    Object* r = POP();
    Object* l = TOP();
    if (l->type == &StrType && r->type == &StrType && (oparg == kNbAdd || oparg == kNbInplaceAdd) &&
        next_instr->opcode == STORE_FAST && LOCALS[next_instr->oparg] == l) {
      // `s = s + x` / `s += x` on a local (CPython's BINARY_OP_INPLACE_ADD_UNICODE):
      // give up the stack's and the local's references so that the string can
      // be resized in place, then do the STORE_FAST here.
      Object** target = &LOCALS[next_instr->oparg];
      decref(l);  // the local still holds it
      *target = nullptr;
      Object* res = str_concat_steal_left(l, r);
      decref(r);
      --sp;
      ERROR_IF(!res);
      *target = res;
      next_instr++;
      DISPATCH();
    }
    Object* res = binary_op_fast(oparg, l, r);
    if (!res) {
      if (PYXX_UNLIKELY(err_occurred())) { PUSH(r); goto error; }
      res = number_binary_op(l, r, oparg);
      if (!res) { PUSH(r); goto error; }
    }
    decref(l);
    decref(r);
    TOP() = res;
    DISPATCH();
  }
  TARGET(BINARY_SLICE) {
    Object* stop = POP();
    Object* start = POP();
    Object* container = TOP();
    Object* slice = slice_new(start, stop, nullptr);
    decref(start);
    decref(stop);
    ERROR_IF(!slice);
    Object* res = object_getitem(container, slice);
    decref(slice);
    ERROR_IF(!res);
    decref(container);
    TOP() = res;
    DISPATCH();
  }
  TARGET(STORE_SLICE) {
    Object* stop = POP();
    Object* start = POP();
    Object* container = POP();
    Object* v = POP();
    Object* slice = slice_new(start, stop, nullptr);
    decref(start);
    decref(stop);
    int r = slice ? object_setitem(container, slice, v) : -1;
    xdecref(slice);
    decref(container);
    decref(v);
    ERROR_IF(r < 0);
    DISPATCH();
  }
  TARGET(STORE_SUBSCR) {
    SKIP_CACHES(STORE_SUBSCR);
    Object* sub = POP();
    Object* container = POP();
    Object* v = POP();
    int r;
    if (container->type == &ListType && sub->type == &IntType && int_is_compact(sub)) {
      int64_t i = int_compact_value(sub);
      ssize n = list_size(container);
      if (i < 0) i += n;
      if (i >= 0 && i < n) {
        Object** items = list_items(container);
        Object* old = items[i];
        items[i] = v;
        decref(old);
        decref(container);
        decref(sub);
        DISPATCH();
      }
      r = object_setitem(container, sub, v);
    } else if (container->type == &DictType) {
      r = dict_setitem(container, sub, v);
    } else {
      r = object_setitem(container, sub, v);
    }
    decref(v);
    decref(container);
    decref(sub);
    ERROR_IF(r < 0);
    DISPATCH();
  }
  TARGET(DELETE_SUBSCR) {
    Object* sub = POP();
    Object* container = POP();
    int r = object_delitem(container, sub);
    decref(container);
    decref(sub);
    ERROR_IF(r < 0);
    DISPATCH();
  }
  TARGET(UNARY_NEGATIVE) {
    Object* v = TOP();
    Object* res;
    if (v->type == &IntType && int_is_compact(v) && int_compact_value(v) != INT64_MIN) res = int_from_i64(-int_compact_value(v));
    else if (v->type == &FloatType) res = float_from_double(-float_value(v));
    else res = number_negative(v);
    ERROR_IF(!res);
    decref(v);
    TOP() = res;
    DISPATCH();
  }
  TARGET(UNARY_INVERT) {
    Object* v = TOP();
    Object* res = number_invert(v);
    ERROR_IF(!res);
    decref(v);
    TOP() = res;
    DISPATCH();
  }
  TARGET(UNARY_NOT) {
    Object* v = TOP();
    int t;
    if (v == True) t = 1;
    else if (v == False) t = 0;
    else { t = object_is_true(v); ERROR_IF(t < 0); }
    decref(v);
    TOP() = t ? False : True;
    DISPATCH();
  }
  TARGET(TO_BOOL) {
    SKIP_CACHES(TO_BOOL);
    Object* v = TOP();
    if (v->type == &BoolType) DISPATCH();
    int t;
    if (v == None) t = 0;
    else if (v->type == &IntType && int_is_compact(v)) t = int_compact_value(v) != 0;
    else if (v->type == &ListType) t = list_size(v) != 0;
    else if (v->type == &StrType) t = str_length(v) != 0;
    else { t = object_is_true(v); ERROR_IF(t < 0); }
    decref(v);
    TOP() = t ? True : False;
    DISPATCH();
  }
  TARGET(COMPARE_OP) {
    SKIP_CACHES(COMPARE_OP);
    Object* r = POP();
    Object* l = TOP();
    int op = oparg >> 5;
    Object* res;
    if (both_compact_ints(l, r)) {
      bool t = compare_ints(int_compact_value(l), int_compact_value(r), op);
      int next_op = next_instr->opcode;
      if (next_op == POP_JUMP_IF_FALSE || next_op == POP_JUMP_IF_TRUE) {
        // Compare-and-branch: do the conditional jump here (no bool on the
        // stack, one dispatch less). Its NOT_TAKEN (a no-op) is skipped too.
        decref(l);
        decref(r);
        --sp;
        CodeUnit* jump = next_instr;
        next_instr = jump + 1 + kOpcodeCaches[POP_JUMP_IF_FALSE];
        if (t == (next_op == POP_JUMP_IF_TRUE)) next_instr += jump->oparg;
        else if (next_instr->opcode == NOT_TAKEN) next_instr++;
        DISPATCH();
      }
      res = t ? True : False;
    } else if (l->type == &FloatType && r->type == &FloatType) {
      double a = float_value(l), b = float_value(r);
      bool t = op == kLT ? a < b : op == kLE ? a <= b : op == kEQ ? a == b : op == kNE ? a != b : op == kGT ? a > b : a >= b;
      res = t ? True : False;
    } else if ((op == kEQ || op == kNE) && l->type == &StrType && r->type == &StrType) {
      res = (str_eq(l, r) == (op == kEQ)) ? True : False;
    } else {
      res = object_richcompare(l, r, op);
      if (!res) { PUSH(r); goto error; }
      if ((oparg & 16) && res->type != &BoolType) {
        int t = object_is_true(res);
        decref(res);
        if (t < 0) { PUSH(r); goto error; }
        res = t ? True : False;
      }
    }
    decref(l);
    decref(r);
    TOP() = res;
    DISPATCH();
  }
  TARGET(IS_OP) {
    Object* r = POP();
    Object* l = TOP();
    bool t = (l == r) ^ (oparg != 0);
    decref(l);
    decref(r);
    TOP() = t ? True : False;
    DISPATCH();
  }
  TARGET(CONTAINS_OP) {
    SKIP_CACHES(CONTAINS_OP);
    Object* r = POP();
    Object* l = TOP();
    int t;
    if (r->type == &DictType) t = dict_contains(r, l);
    else if (r->type == &SetType || r->type == &FrozenSetType) t = set_contains(r, l);
    else t = sequence_contains(r, l);
    if (t < 0) { PUSH(r); goto error; }
    decref(l);
    decref(r);
    TOP() = (t ^ oparg) ? True : False;
    DISPATCH();
  }
  TARGET(CHECK_EXC_MATCH) {
    Object* right = TOP();
    Object* left = SECOND();
    if (!check_except_type_valid(right)) goto error;
    bool t = err_given_exception_matches(left, right);
    decref(right);
    TOP() = t ? True : False;
    DISPATCH();
  }
  TARGET(CHECK_EG_MATCH) {
    Object* match_type = TOP();
    Object* exc_value = SECOND();
    if (!check_except_star_type_valid(match_type)) goto error;
    Object* match = nullptr;
    Object* rest = nullptr;
    if (exception_group_match(exc_value, match_type, &match, &rest) < 0) goto error;
    decref(match_type);
    decref(exc_value);
    SECOND() = rest;
    TOP() = match;
    if (match != None) {
      ExcInfo* ei = ts->exc_info;
      xset_ref(ei->exc_value, new_ref(match));
    }
    DISPATCH();
  }

  // ----- jumps -----
  TARGET(JUMP_FORWARD) { next_instr += oparg; DISPATCH(); }
  TARGET(JUMP_BACKWARD) {
    SKIP_CACHES(JUMP_BACKWARD);
    next_instr -= oparg;
    if (PYXX_UNLIKELY(ts->eval_breaker)) { ERROR_IF(handle_eval_breaker(ts) < 0); }
    DISPATCH();
  }
  TARGET(JUMP_BACKWARD_NO_INTERRUPT) { next_instr -= oparg; DISPATCH(); }
  TARGET(POP_JUMP_IF_FALSE) {
    SKIP_CACHES(POP_JUMP_IF_FALSE);
    Object* v = POP();
    if (v == False) { next_instr += oparg; DISPATCH(); }
    if (v == True) DISPATCH();
    int t = object_is_true(v);
    decref(v);
    ERROR_IF(t < 0);
    if (!t) next_instr += oparg;
    DISPATCH();
  }
  TARGET(POP_JUMP_IF_TRUE) {
    SKIP_CACHES(POP_JUMP_IF_TRUE);
    Object* v = POP();
    if (v == True) { next_instr += oparg; DISPATCH(); }
    if (v == False) DISPATCH();
    int t = object_is_true(v);
    decref(v);
    ERROR_IF(t < 0);
    if (t) next_instr += oparg;
    DISPATCH();
  }
  TARGET(POP_JUMP_IF_NONE) {
    SKIP_CACHES(POP_JUMP_IF_NONE);
    Object* v = POP();
    if (v == None) next_instr += oparg;
    else decref(v);
    DISPATCH();
  }
  TARGET(POP_JUMP_IF_NOT_NONE) {
    SKIP_CACHES(POP_JUMP_IF_NOT_NONE);
    Object* v = POP();
    if (v != None) { decref(v); next_instr += oparg; }
    DISPATCH();
  }

  // ----- iteration -----
  TARGET(GET_ITER) {
    Object* v = TOP();
    Object* it = object_get_iter(v);
    ERROR_IF(!it);
    decref(v);
    TOP() = it;
    DISPATCH();
  }
  TARGET(FOR_ITER) {
    SKIP_CACHES(FOR_ITER);
    Object* it = TOP();
    Object* v;
    Type* itype = it->type;
    if (itype == &RangeIterType) {
      long value;
      if (range_iter_next_inline(it, &value)) {
        v = small_int_or_alloc(value);
        ERROR_IF(!v);
        PUSH(v);
        DISPATCH();
      }
      next_instr += oparg + 1;  // past the END_FOR at the target
      DISPATCH();
    }
    if (itype == &ListIterType) {
      v = list_iter_next_inline(it);
    } else if (itype == &TupleIterType) {
      v = tuple_iter_next_inline(it);
    } else {
      IterNextFunc next = itype->tp_iternext;
      v = next ? next(it) : iter_next(it);
    }
    if (PYXX_UNLIKELY(!v)) {
      if (err_occurred()) {
        if (!err_exception_matches(&exc::StopIteration)) goto error;
        err_clear();
      }
      next_instr += oparg + 1;  // past the END_FOR at the target
      DISPATCH();
    }
    PUSH(v);
    DISPATCH();
  }
  TARGET(GET_YIELD_FROM_ITER) {
    Object* v = TOP();
    if (coro_check_exact(v)) {
      if (!(co->co_flags & (kCoCoroutine | kCoIterableCoroutine))) {
        err_set_string(&exc::TypeError, "cannot 'yield from' a coroutine object in a non-coroutine generator");
        goto error;
      }
    } else if (!gen_check_exact(v)) {
      Object* it = object_get_iter(v);
      ERROR_IF(!it);
      decref(v);
      TOP() = it;
    }
    DISPATCH();
  }
  TARGET(GET_LEN) {
    ssize n = object_length(TOP());
    ERROR_IF(n < 0);
    Object* v = int_from_ssize(n);
    ERROR_IF(!v);
    PUSH(v);
    DISPATCH();
  }

  // ----- building containers -----
  TARGET(BUILD_TUPLE) {
    Object* t = tuple_from_array_steal(sp - oparg, oparg);
    ERROR_IF(!t);
    sp -= oparg;
    PUSH(t);
    DISPATCH();
  }
  TARGET(BUILD_LIST) {
    Object* l = list_new(oparg);
    ERROR_IF(!l);
    sp -= oparg;
    for (int i = 0; i < oparg; i++) list_init_item(l, i, sp[i]);
    PUSH(l);
    DISPATCH();
  }
  TARGET(BUILD_SET) {
    Object* s = set_new(nullptr);
    ERROR_IF(!s);
    int err = 0;
    Object** items = sp - oparg;
    for (int i = 0; i < oparg; i++) {
      if (!err && set_add(s, items[i]) < 0) err = 1;
      decref(items[i]);
    }
    sp -= oparg;
    if (err) { decref(s); goto error; }
    PUSH(s);
    DISPATCH();
  }
  TARGET(BUILD_MAP) {
    Object* d = dict_new_presized(oparg);
    ERROR_IF(!d);
    Object** items = sp - 2 * oparg;
    int err = 0;
    for (int i = 0; i < oparg; i++) {
      if (!err && dict_setitem(d, items[2 * i], items[2 * i + 1]) < 0) err = 1;
      decref(items[2 * i]);
      decref(items[2 * i + 1]);
    }
    sp -= 2 * oparg;
    if (err) { decref(d); goto error; }
    PUSH(d);
    DISPATCH();
  }
  TARGET(BUILD_SLICE) {
    Object* step = oparg == 3 ? POP() : nullptr;
    Object* stop = POP();
    Object* start = POP();
    Object* s = slice_new(start, stop, step);
    decref(start);
    decref(stop);
    xdecref(step);
    ERROR_IF(!s);
    PUSH(s);
    DISPATCH();
  }
  TARGET(BUILD_STRING) {
    Object** items = sp - oparg;
    Object* res = str_join_array(nullptr, items, oparg);  // one allocation, memcpy per piece
    for (int i = 0; i < oparg; i++) decref(items[i]);
    sp -= oparg;
    ERROR_IF(!res);
    PUSH(res);
    DISPATCH();
  }
  TARGET(LIST_APPEND) {
    Object* v = POP();
    ERROR_IF(list_append_steal(PEEK(oparg), v) < 0);
    DISPATCH();
  }
  TARGET(SET_ADD) {
    Object* v = POP();
    int r = set_add(PEEK(oparg), v);
    decref(v);
    ERROR_IF(r < 0);
    DISPATCH();
  }
  TARGET(MAP_ADD) {
    Object* value = POP();
    Object* key = POP();
    int r = dict_setitem(PEEK(oparg), key, value);
    decref(key);
    decref(value);
    ERROR_IF(r < 0);
    DISPATCH();
  }
  TARGET(LIST_EXTEND) {
    Object* iterable = POP();
    Object* list = PEEK(oparg);
    if (list_extend(list, iterable) < 0) {
      if (err_exception_matches(&exc::TypeError) && !iterable->type->tp_iter && !sequence_check(iterable)) {
        err_clear();
        err_format(&exc::TypeError, "Value after * must be an iterable, not %.200s", type_name(iterable->type));
      }
      decref(iterable);
      goto error;
    }
    decref(iterable);
    DISPATCH();
  }
  TARGET(SET_UPDATE) {
    Object* iterable = POP();
    int r = set_update(PEEK(oparg), iterable);
    decref(iterable);
    ERROR_IF(r < 0);
    DISPATCH();
  }
  TARGET(DICT_UPDATE) {
    Object* update = POP();
    if (dict_merge(PEEK(oparg), update, 1) < 0) {  // mapping only, as PyDict_Update
      if (err_exception_matches(&exc::AttributeError)) {
        err_clear();
        err_format(&exc::TypeError, "'%.200s' object is not a mapping", type_name(update->type));
      }
      decref(update);
      goto error;
    }
    decref(update);
    DISPATCH();
  }
  TARGET(DICT_MERGE) {
    Object* update = POP();
    Object* dict = PEEK(oparg);
    Object* callee = PEEK(oparg + 3);
    if (dict_merge(dict, update, 2) < 0) {
      format_kwargs_error(callee, update);
      decref(update);
      goto error;
    }
    decref(update);
    DISPATCH();
  }
  TARGET(UNPACK_SEQUENCE) {
    SKIP_CACHES(UNPACK_SEQUENCE);
    Object* seq = POP();
    Object** items = nullptr;
    ssize n = -1;
    if (seq->type == &TupleType) { items = tuple_items(seq); n = tuple_size(seq); }
    else if (seq->type == &ListType) { items = list_items(seq); n = list_size(seq); }
    if (items) {
      if (n != oparg) {
        if (n < oparg) err_format(&exc::ValueError, "not enough values to unpack (expected %d, got %zd)", oparg, n);
        else err_format(&exc::ValueError, "too many values to unpack (expected %d, got %zd)", oparg, n);
        decref(seq);
        goto error;
      }
      for (int i = 0; i < oparg; i++) sp[oparg - 1 - i] = new_ref(items[i]);
      sp += oparg;
      decref(seq);
      DISPATCH();
    }
    if (unpack_iterable(seq, oparg, -1, sp + oparg) < 0) { decref(seq); goto error; }
    sp += oparg;
    decref(seq);
    DISPATCH();
  }
  TARGET(UNPACK_EX) {
    Object* seq = POP();
    int before = oparg & 0xFF, after = oparg >> 8;
    int total = before + 1 + after;
    if (unpack_iterable(seq, before, after, sp + total) < 0) { decref(seq); goto error; }
    sp += total;
    decref(seq);
    DISPATCH();
  }

  // ----- calls -----
  TARGET(CALL) {
    SKIP_CACHES(CALL);
    Object** base = sp - oparg - 2;
    Object** args = base + 2;
    ssize total = oparg;
    Object* callable = call_target(base, &args, &total);
    if (callable->type == &FunctionType) {
      auto* fn = static_cast<FunctionObject*>(callable);
      auto* fco = static_cast<CodeObject*>(fn->func_code);
      InterpreterFrame* nf;
      if (exact_positional(fco, total)) {
        nf = datastack_push(ts, frame_slots_needed(fco));
        ERROR_IF(!nf);
        nf->f_code = new_ref(static_cast<Object*>(fco));
        nf->previous = nullptr;
        nf->f_funcobj = callable;  // the stack's reference moves into the frame
        nf->f_globals = new_ref(fn->func_globals);
        nf->f_builtins = new_ref(fn->func_builtins);
        nf->f_locals = nullptr;
        nf->frame_obj = nullptr;
        nf->instr_ptr = fco->co_code_adaptive;
        nf->stackpointer = fco->co_nlocalsplus;
        nf->return_offset = 0;
        nf->owner = kFrameOwnedByThread;
        nf->is_entry = 0;
        Object** dst = nf->localsplus;
        for (ssize i = 0; i < total; i++) dst[i] = args[i];
        for (int i = int(total); i < fco->co_nlocalsplus; i++) dst[i] = nullptr;
      } else {
        nf = push_function_frame(ts, fn, args, total, nullptr);
        for (ssize i = 0; i < total; i++) decref(args[i]);
        decref(callable);
      }
      sp = base;
      ERROR_IF(!nf);
      SAVE_SP();
      frame->return_offset = uint16_t(next_instr - this_instr);
      nf->previous = frame;
      ts->current_frame = nf;
      frame = nf;
      goto start_frame;
    }
    Object* res = vectorcall(callable, args, size_t(total) | kVectorcallArgumentsOffset, nullptr);
    for (ssize i = 0; i < total; i++) decref(args[i]);
    decref(callable);
    sp = base;
    ERROR_IF(!res);
    PUSH(res);
    DISPATCH();
  }
  TARGET(CALL_KW) {
    SKIP_CACHES(CALL_KW);
    Object* kwnames = POP();
    Object** base = sp - oparg - 2;
    Object** args = base + 2;
    ssize total = oparg;
    Object* callable = call_target(base, &args, &total);
    ssize npos = total - tuple_size(kwnames);
    if (callable->type == &FunctionType) {
      InterpreterFrame* nf = push_function_frame(ts, static_cast<FunctionObject*>(callable), args, npos, kwnames);
      for (ssize i = 0; i < total; i++) decref(args[i]);
      decref(callable);
      decref(kwnames);
      sp = base;
      ERROR_IF(!nf);
      SAVE_SP();
      frame->return_offset = uint16_t(next_instr - this_instr);
      nf->previous = frame;
      ts->current_frame = nf;
      frame = nf;
      goto start_frame;
    }
    Object* res = vectorcall(callable, args, size_t(npos) | kVectorcallArgumentsOffset, kwnames);
    for (ssize i = 0; i < total; i++) decref(args[i]);
    decref(callable);
    decref(kwnames);
    sp = base;
    ERROR_IF(!res);
    PUSH(res);
    DISPATCH();
  }
  TARGET(CALL_FUNCTION_EX) {
    Object* kwargs = POP();
    Object* callargs = POP();
    xdecref(POP());  // the NULL slot
    Object* func = TOP();
    if (!tuple_check_exact(callargs)) {
      if (!check_args_iterable(func, callargs)) {
        decref(callargs);
        xdecref(kwargs);
        goto error;
      }
      Object* t = sequence_tuple(callargs);
      decref(callargs);
      if (!t) { xdecref(kwargs); goto error; }
      callargs = t;
    }
    if (kwargs && !dict_check_exact(kwargs)) {
      Object* d = dict_new();
      if (!d || dict_merge(d, kwargs, 2) < 0) {
        if (d) format_kwargs_error(func, kwargs);
        xdecref(d);
        decref(kwargs);
        decref(callargs);
        goto error;
      }
      decref(kwargs);
      kwargs = d;
    }
    if (func->type == &FunctionType && (!kwargs || dict_size(kwargs) == 0)) {
      InterpreterFrame* nf = push_function_frame(ts, static_cast<FunctionObject*>(func), tuple_items(callargs),
                                                 tuple_size(callargs), nullptr);
      decref(callargs);
      xdecref(kwargs);
      decref(POP());
      ERROR_IF(!nf);
      SAVE_SP();
      frame->return_offset = uint16_t(next_instr - this_instr);
      nf->previous = frame;
      ts->current_frame = nf;
      frame = nf;
      goto start_frame;
    }
    Object* res = object_call(func, callargs, kwargs);
    decref(callargs);
    xdecref(kwargs);
    ERROR_IF(!res);
    decref(func);
    TOP() = res;
    DISPATCH();
  }
  TARGET(CALL_INTRINSIC_1) {
    Object* v = TOP();
    Object* res = nullptr;
    switch (oparg) {
      case INTRINSIC_PRINT: res = print_expr(v); break;
      case INTRINSIC_IMPORT_STAR:
        if (!frame->f_locals) {
          err_set_string(&exc::SystemError, "no locals found during 'import *'");
        } else if (import_all_from(frame->f_locals, v) == 0) {
          res = new_ref(None);
        }
        break;
      case INTRINSIC_STOPITERATION_ERROR: res = stopiteration_error(frame, v); break;
      case INTRINSIC_ASYNC_GEN_WRAP: res = async_gen_wrap_value(v); break;
      case INTRINSIC_UNARY_POSITIVE: res = number_positive(v); break;
      case INTRINSIC_LIST_TO_TUPLE: res = list_as_tuple(v); break;
      case INTRINSIC_TYPEVAR: res = intrinsic_typevar(v); break;  // PEP 695 (objects/typevar.cpp)
      case INTRINSIC_PARAMSPEC: res = intrinsic_paramspec(v); break;
      case INTRINSIC_TYPEVARTUPLE: res = intrinsic_typevartuple(v); break;
      case INTRINSIC_SUBSCRIPT_GENERIC: res = intrinsic_subscript_generic(v); break;
      case INTRINSIC_TYPEALIAS: res = intrinsic_typealias(v); break;
      default: err_format(&exc::SystemError, "intrinsic %d is not supported yet", oparg); break;
    }
    ERROR_IF(!res);
    decref(v);
    TOP() = res;
    DISPATCH();
  }
  TARGET(CALL_INTRINSIC_2) {
    Object* v1 = TOP();
    Object* v2 = SECOND();
    Object* res = nullptr;
    switch (oparg) {
      case INTRINSIC_PREP_RERAISE_STAR: res = exc_prep_reraise_star(v2, v1); break;
      case INTRINSIC_SET_FUNCTION_TYPE_PARAMS:
        if (v2->type == &FunctionType) {
          xset_ref(static_cast<FunctionObject*>(v2)->func_typeparams, new_ref(v1));
          res = new_ref(v2);
        } else {
          err_set_string(&exc::SystemError, "SET_FUNCTION_TYPE_PARAMS on a non-function");
        }
        break;
      case INTRINSIC_TYPEVAR_WITH_BOUND: res = intrinsic_typevar_with_bound(v2, v1); break;  // PEP 695
      case INTRINSIC_TYPEVAR_WITH_CONSTRAINTS: res = intrinsic_typevar_with_constraints(v2, v1); break;
      case INTRINSIC_SET_TYPEPARAM_DEFAULT: res = intrinsic_set_typeparam_default(v2, v1); break;
      default: err_format(&exc::SystemError, "intrinsic %d is not supported yet", oparg); break;
    }
    ERROR_IF(!res);
    decref(POP());
    decref(TOP());
    TOP() = res;
    DISPATCH();
  }
  TARGET(EXIT_INIT_CHECK) {
    Object* v = POP();
    if (v != None) {
      err_format(&exc::TypeError, "__init__() should return None, not '%.200s'", type_name(v->type));
      decref(v);
      goto error;
    }
    DISPATCH();
  }

  // ----- functions and frames -----
  TARGET(MAKE_FUNCTION) {
    Object* code = TOP();
    Object* f = function_new(code, frame->f_globals);
    ERROR_IF(!f);
    decref(code);
    TOP() = f;
    DISPATCH();
  }
  TARGET(SET_FUNCTION_ATTRIBUTE) {
    auto* f = static_cast<FunctionObject*>(POP());
    Object* attr = POP();
    switch (oparg) {
      case 1: xset_ref(f->func_defaults, attr); break;
      case 2: xset_ref(f->func_kwdefaults, attr); break;
      case 4: xset_ref(f->func_annotations, attr); break;
      case 8: xset_ref(f->func_closure, attr); break;
      case 16: xset_ref(f->func_annotate, attr); break;
      default:
        decref(attr);
        PUSH(f);
        err_format(&exc::SystemError, "bad SET_FUNCTION_ATTRIBUTE oparg %d", oparg);
        goto error;
    }
    PUSH(f);
    DISPATCH();
  }
  TARGET(RETURN_VALUE) {
    Object* retval = POP();
    SAVE_SP();
    ts->py_recursion_remaining++;
    InterpreterFrame* prev = frame->previous;
    ts->current_frame = prev;
    bool entry = frame->is_entry;
    frame->is_entry = 0;
    if (frame->owner == kFrameOwnedByGenerator) {
      gen_from_frame(frame)->gi_frame_state = kFrameCompleted;
      frame_clear_except_code(frame);
    } else if (PYXX_LIKELY(!frame->frame_obj && !frame->f_locals)) {
      // Common case inline: drop the locals and the header references.
      for (Object** p = LOCALS, **end = sp; p < end; p++) xdecref(*p);
      xdecref(frame->f_funcobj);
      decref(frame->f_globals);
      decref(frame->f_builtins);
      decref(frame->f_code);
      datastack_pop(ts, frame);
    } else {
      frame_clear(frame);
      datastack_pop(ts, frame);
    }
    if (entry) return retval;
    frame = prev;
    LOAD_FRAME_STATE();
    next_instr = frame->instr_ptr + frame->return_offset;
    PUSH(retval);
    DISPATCH();
  }
  TARGET(RETURN_GENERATOR) {
    SAVE_SP();
    frame->instr_ptr = next_instr;
    Object* gen = gen_new_from_frame(frame->f_funcobj, frame);
    ERROR_IF(!gen);
    // The frame's references now belong to the generator's embedded frame.
    ts->py_recursion_remaining++;
    InterpreterFrame* prev = frame->previous;
    ts->current_frame = prev;
    bool entry = frame->is_entry;
    datastack_pop(ts, frame);
    if (entry) return gen;
    frame = prev;
    LOAD_FRAME_STATE();
    next_instr = frame->instr_ptr + frame->return_offset;
    PUSH(gen);
    DISPATCH();
  }
  TARGET(YIELD_VALUE) {
    Object* retval = POP();
    SAVE_SP();
    frame->instr_ptr = next_instr;
    gen_from_frame(frame)->gi_frame_state = oparg ? kFrameSuspendedYieldFrom : kFrameSuspended;
    ts->py_recursion_remaining++;
    InterpreterFrame* prev = frame->previous;
    ts->current_frame = prev;
    frame->previous = nullptr;
    bool entry = frame->is_entry;
    frame->is_entry = 0;
    if (entry) return retval;
    frame = prev;
    LOAD_FRAME_STATE();
    next_instr = frame->instr_ptr + frame->return_offset;
    PUSH(retval);
    DISPATCH();
  }
  TARGET(SEND) {
    SKIP_CACHES(SEND);
    Object* v = POP();
    Object* receiver = TOP();
    Object* retval = nullptr;
    if (gen_check_exact(receiver) || coro_check_exact(receiver)) {
      SAVE_SP();
      int r = gen_send_ex(static_cast<GenObject*>(receiver), v, &retval, 0);
      decref(v);
      ERROR_IF(r < 0);
      PUSH(retval);
      if (r == 0) next_instr += oparg;
      DISPATCH();
    }
    if (v == None && receiver->type->tp_iternext) retval = receiver->type->tp_iternext(receiver);
    else retval = call_method_str(receiver, "send", {v});
    decref(v);
    if (!retval) {
      if (err_occurred()) {
        if (!err_exception_matches(&exc::StopIteration)) goto error;
        Object* e = err_get_raised();
        retval = stop_iteration_value(e);
        decref(e);
        ERROR_IF(!retval);
      } else {
        retval = new_ref(None);
      }
      PUSH(retval);
      next_instr += oparg;
      DISPATCH();
    }
    PUSH(retval);
    DISPATCH();
  }
  TARGET(CLEANUP_THROW) {
    Object* exc_value = TOP();
    if (type_is_subtype(exc_value->type, &exc::StopIteration)) {
      Object* value = static_cast<StopIterationObject*>(exc_value)->value;
      value = new_ref(value ? value : None);
      decref(POP());
      decref(POP());
      decref(POP());
      PUSH(new_ref(None));
      PUSH(value);
      DISPATCH();
    }
    err_set_raised(new_ref(exc_value));
    goto exception_unwind;
  }

  // ----- exceptions -----
  TARGET(RAISE_VARARGS) {
    Object* cause = nullptr;
    switch (oparg) {
      case 2: cause = POP(); [[fallthrough]];
      case 1: {
        Object* e = POP();
        do_raise(ts, e, cause);
        goto error;
      }
      case 0: {
        Object* e = topmost_handled_exception(ts);
        if (!e) {
          err_set_string(&exc::RuntimeError, "No active exception to reraise");
          goto error;
        }
        err_set_raised(new_ref(e));
        goto exception_unwind;
      }
      default:
        err_set_string(&exc::SystemError, "bad RAISE_VARARGS oparg");
        goto error;
    }
  }
  TARGET(RERAISE) {
    Object* e = POP();
    if (oparg) {
      Object* lasti = PEEK(oparg);
      if (lasti && lasti->type == &IntType) frame->instr_ptr = co->co_code_adaptive + int_compact_value(lasti);
    }
    err_set_raised(e);
    goto exception_unwind;
  }
  TARGET(PUSH_EXC_INFO) {
    Object* e = TOP();
    ExcInfo* ei = ts->exc_info;
    Object* prev = ei->exc_value;
    TOP() = prev ? prev : new_ref(None);
    ei->exc_value = new_ref(e);
    PUSH(e);
    DISPATCH();
  }
  TARGET(POP_EXCEPT) {
    Object* v = POP();
    ExcInfo* ei = ts->exc_info;
    if (v == None) { decref(v); v = nullptr; }
    xset_ref(ei->exc_value, v);
    DISPATCH();
  }
  TARGET(WITH_EXCEPT_START) {
    Object* val = TOP();
    Object* exit_self = PEEK(4);
    Object* exit_func = PEEK(5);
    Object* tb = exception_get_traceback(val);
    Object* stack[5] = {nullptr, exit_self, static_cast<Object*>(val->type), val, tb ? tb : None};
    int has_self = exit_self != nullptr;
    Object* res = vectorcall(exit_func, stack + 2 - has_self, size_t(3 + has_self) | kVectorcallArgumentsOffset, nullptr);
    ERROR_IF(!res);
    PUSH(res);
    DISPATCH();
  }
  TARGET(LOAD_SPECIAL) {
    Object* owner = TOP();
    Object* meth = nullptr;
    int r = lookup_special(owner, oparg, &meth);
    ERROR_IF(r < 0);
    if (r > 0) {
      TOP() = meth;
      PUSH(owner);
    } else {
      decref(owner);
      TOP() = meth;
      PUSH(nullptr);
    }
    DISPATCH();
  }

  // ----- imports -----
  TARGET(IMPORT_NAME) {
    Object* fromlist = POP();
    Object* level = TOP();
    Object* res = import_name(frame, NAME(oparg), fromlist, level);
    decref(fromlist);
    ERROR_IF(!res);
    decref(level);
    TOP() = res;
    DISPATCH();
  }
  TARGET(IMPORT_FROM) {
    Object* res = import_from(TOP(), NAME(oparg));
    ERROR_IF(!res);
    PUSH(res);
    DISPATCH();
  }

  // ----- formatting -----
  TARGET(FORMAT_SIMPLE) {
    Object* v = TOP();
    if (v->type != &StrType) {
      Object* res = object_format(v, nullptr);
      ERROR_IF(!res);
      decref(v);
      TOP() = res;
    }
    DISPATCH();
  }
  TARGET(FORMAT_WITH_SPEC) {
    Object* spec = POP();
    Object* v = TOP();
    Object* res = object_format(v, spec);
    decref(spec);
    ERROR_IF(!res);
    decref(v);
    TOP() = res;
    DISPATCH();
  }
  TARGET(CONVERT_VALUE) {
    Object* v = TOP();
    Object* res;
    switch (oparg) {
      case 1: res = object_str(v); break;
      case 2: res = object_repr(v); break;
      case 3: res = object_ascii(v); break;
      default: err_set_string(&exc::SystemError, "bad CONVERT_VALUE oparg"); res = nullptr; break;
    }
    ERROR_IF(!res);
    decref(v);
    TOP() = res;
    DISPATCH();
  }
  TARGET(BUILD_TEMPLATE) {
    err_set_string(&exc::SystemError, "template strings are not supported yet");
    goto error;
  }
  TARGET(BUILD_INTERPOLATION) {
    err_set_string(&exc::SystemError, "template strings are not supported yet");
    goto error;
  }

  // ----- pattern matching -----
  TARGET(MATCH_MAPPING) {
    Object* res = type_has_flag(TOP()->type, kTpflagsMapping) ? True : False;
    PUSH(res);
    DISPATCH();
  }
  TARGET(MATCH_SEQUENCE) {
    Object* res = type_has_flag(TOP()->type, kTpflagsSequence) ? True : False;
    PUSH(res);
    DISPATCH();
  }
  TARGET(MATCH_KEYS) {
    Object* res = match_keys(SECOND(), TOP());
    ERROR_IF(!res);
    PUSH(res);
    DISPATCH();
  }
  TARGET(MATCH_CLASS) {
    Object* names = POP();
    Object* type = POP();
    Object* subject = TOP();
    Object* res = match_class(subject, type, oparg, names);
    decref(names);
    decref(type);
    ERROR_IF(!res);
    decref(subject);
    TOP() = res;
    DISPATCH();
  }

  // ----- coroutines (basic) -----
  TARGET(GET_AWAITABLE) {
    Object* v = TOP();
    Object* res = get_awaitable(v, oparg);
    ERROR_IF(!res);
    decref(v);
    TOP() = res;
    DISPATCH();
  }
  TARGET(GET_AITER) {
    Object* obj = TOP();
    AsyncMethods* am = obj->type->tp_as_async;
    if (!am || !am->am_aiter) {
      err_format(&exc::TypeError, "'async for' requires an object with __aiter__ method, got %.100s", type_name(obj->type));
      goto error;
    }
    Object* it = am->am_aiter(obj);
    ERROR_IF(!it);
    if (!it->type->tp_as_async || !it->type->tp_as_async->am_anext) {
      err_format(&exc::TypeError, "'async for' received an object from __aiter__ that does not implement __anext__: %.100s",
                 type_name(it->type));
      decref(it);
      goto error;
    }
    decref(obj);
    TOP() = it;
    DISPATCH();
  }
  TARGET(GET_ANEXT) {
    Object* aiter = TOP();
    AsyncMethods* am = aiter->type->tp_as_async;
    if (!am || !am->am_anext) {
      err_format(&exc::TypeError, "'async for' requires an iterator with __anext__ method, got %.100s", type_name(aiter->type));
      goto error;
    }
    Object* next = am->am_anext(aiter);
    ERROR_IF(!next);
    Object* awaitable = get_awaitable(next, 0);
    decref(next);
    if (!awaitable) {
      if (err_exception_matches(&exc::TypeError)) {
        err_clear();
        err_format(&exc::TypeError, "'async for' received an invalid object from __anext__: %.100s", type_name(next->type));
      }
      goto error;
    }
    PUSH(awaitable);
    DISPATCH();
  }
  TARGET(END_ASYNC_FOR) {
    Object* e = TOP();
    if (type_is_subtype(e->type, &exc::StopAsyncIteration)) {
      decref(POP());
      decref(POP());
      DISPATCH();
    }
    err_set_raised(new_ref(e));
    goto exception_unwind;
  }
  TARGET(INTERPRETER_EXIT) {
    Object* v = POP();
    SAVE_SP();
    ts->current_frame = frame->previous;
    return v;
  }

unknown_opcode:
  this_instr = next_instr;
  frame->instr_ptr = this_instr;
  next_instr++;
  err_format(&exc::SystemError, "%U:%d: unknown opcode %d", co->co_filename, frame_get_lineno(frame),
             int(this_instr->opcode));
  goto error;

  // ----- error handling -----
error:
  if (Object* e = ts->current_exception) {
    if (!exception_get_context(e)) chain_handled_context(ts, e);
    traceback_here(ts, frame);
  } else {
    err_set_string(&exc::SystemError, "error return without exception set");
    traceback_here(ts, frame);
  }
exception_unwind: {
    int offset = int(this_instr - co->co_code_adaptive);
    int target, depth;
    bool push_lasti;
    if (find_exception_handler(co, offset, &target, &depth, &push_lasti)) {
      Object** level = LOCALS + co->co_nlocalsplus + depth;
      while (sp > level) xdecref(POP());
      if (push_lasti) {
        Object* l = int_from_i64(frame_lasti(frame));
        if (!l) goto exit_unwind;
        PUSH(l);
      }
      PUSH(err_get_raised());
      next_instr = co->co_code_adaptive + target;
      DISPATCH();
    }
  }
exit_unwind: {
    while (sp > LOCALS + co->co_nlocalsplus) xdecref(POP());
    SAVE_SP();
    ts->py_recursion_remaining++;
    InterpreterFrame* prev = frame->previous;
    ts->current_frame = prev;
    bool entry = frame->is_entry;
    frame->is_entry = 0;
    if (frame->owner == kFrameOwnedByGenerator) {
      frame->previous = nullptr;
      gen_from_frame(frame)->gi_frame_state = kFrameCompleted;
      frame_clear_except_code(frame);
    } else {
      frame_clear(frame);
      datastack_pop(ts, frame);
    }
    if (entry) return nullptr;
    frame = prev;
    LOAD_FRAME_STATE();
    this_instr = frame->instr_ptr;
    next_instr = this_instr + 1;
    goto error;
  }
#undef LOAD_FRAME_STATE
#undef LOCALS
#undef SAVE_SP
#undef DISPATCH
#undef TARGET
#undef SKIP_CACHES
#undef PUSH
#undef POP
#undef TOP
#undef SECOND
#undef PEEK
#undef NAME
#undef ERROR_IF
}

// ---------------------------------------------------------------------------
// Entry points
// ---------------------------------------------------------------------------

Object* function_vectorcall(Object* func, Object* const* args, size_t nargsf, Object* kwnames) {
  ThreadState* ts = tstate_fast();
  auto* fn = static_cast<FunctionObject*>(func);
  ssize nargs = vectorcall_nargs(nargsf);
  if (kwnames && tuple_size(kwnames) == 0) kwnames = nullptr;
  InterpreterFrame* f;
  auto* co = static_cast<CodeObject*>(fn->func_code);
  if (!kwnames && exact_positional(co, nargs)) {
    f = frame_push(ts, co, func, fn->func_globals, fn->func_builtins, nullptr);
    if (!f) return nullptr;
    for (ssize i = 0; i < nargs; i++) f->localsplus[i] = new_ref(args[i]);
  } else {
    f = push_function_frame(ts, fn, args, nargs, kwnames);
    if (!f) return nullptr;
  }
  return eval_frame(ts, f, 0);
}

Object* eval_code(Object* code, Object* globals, Object* locals) {
  ThreadState* ts = tstate_fast();
  if (!code_check(code)) return err_string(&exc::SystemError, "eval_code: expected a code object");
  if (!globals || !dict_check(globals)) return err_string(&exc::SystemError, "eval_code: globals must be a dict");
  auto* co = static_cast<CodeObject*>(code);
  if (co->co_nfreevars) return err_string(&exc::TypeError, "code object passed to exec() may not contain free variables");
  Object* builtins = eval_builtins_from_globals(globals);
  if (!builtins) return nullptr;
  if (locals == None) locals = nullptr;
  InterpreterFrame* f = frame_push(ts, code, nullptr, globals, builtins, locals ? locals : globals);
  if (!f) return nullptr;
  if (co->co_flags & kCoOptimized) clear_ref(f->f_locals);
  return eval_frame(ts, f, 0);
}

Object* eval_function_with_locals(Object* func, Object* locals) {
  ThreadState* ts = tstate_fast();
  auto* fn = static_cast<FunctionObject*>(func);
  InterpreterFrame* f = frame_push(ts, fn->func_code, func, fn->func_globals, fn->func_builtins, locals);
  if (!f) return nullptr;
  return eval_frame(ts, f, 0);
}

Object* eval_get_globals() {
  ThreadState* ts = tstate_fast();
  return ts && ts->current_frame ? ts->current_frame->f_globals : nullptr;
}

Object* eval_get_builtins() {
  ThreadState* ts = tstate_fast();
  if (ts && ts->current_frame) return ts->current_frame->f_builtins;
  return interp_get()->builtins;
}

// Returns a new reference (locals() semantics of 3.13+: a snapshot dict for
// optimized frames, the real mapping otherwise); null + error, or null without
// error when no frame runs.
Object* eval_get_locals() {
  ThreadState* ts = tstate_fast();
  if (!ts || !ts->current_frame) return err_string(&exc::SystemError, "frame does not exist");
  return frame_get_locals(ts->current_frame);
}

Object* eval_get_frame() {
  ThreadState* ts = tstate_fast();
  if (!ts || !ts->current_frame) return nullptr;
  return frame_get_object(ts->current_frame);
}

Object* vm_getframe(int depth) {
  ThreadState* ts = tstate_fast();
  InterpreterFrame* f = ts->current_frame;
  while (depth > 0 && f) {
    f = f->previous;
    depth--;
  }
  if (!f) return err_string(&exc::ValueError, "call stack is not deep enough");
  FrameObject* fo = frame_get_object(f);
  if (!fo) return nullptr;
  return new_ref(static_cast<Object*>(fo));
}

}  // namespace pyxx
