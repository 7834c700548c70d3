// The built-in exception hierarchy with CPython 3.14's behaviour
// (Objects/exceptions.c): args storage, str/repr rules, chaining attributes,
// notes, and the per-class extras (StopIteration.value, SystemExit.code,
// ImportError/AttributeError/NameError keywords, OSError's errno mapping,
// SyntaxError details, Unicode*Error, BaseExceptionGroup split/subgroup).
#include "objects/exceptions.h"

#include <cerrno>
#include <cstring>
#include <type_traits>

#include "core/abstract.h"
#include "core/alloc.h"
#include "core/error.h"
#include "core/state.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/method.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"

namespace pyxx {

namespace exc {
#define PYXX_DEFINE_EXC(Name, Base, Struct) Type Name;
PYXX_EXCEPTION_TYPES(PYXX_DEFINE_EXC)
#undef PYXX_DEFINE_EXC
Type ExceptionGroup;
}  // namespace exc

static inline BaseExceptionObject* be(Object* o) { return static_cast<BaseExceptionObject*>(o); }

// Short type name for messages ("ValueError() takes no keyword arguments").
static const char* short_name(Object* o) { return type_name(o->type); }

// ---------------------------------------------------------------- GC support
// Visits the Object* fields a struct adds after BaseExceptionObject.
template <class S, class F>
static void for_extra(S* s, F f) {
  if constexpr (std::is_same_v<S, StopIterationObject>) { f(s->value); }
  else if constexpr (std::is_same_v<S, SystemExitObject>) { f(s->code); }
  else if constexpr (std::is_same_v<S, ImportErrorObject>) { f(s->msg); f(s->name); f(s->path); f(s->name_from); }
  else if constexpr (std::is_same_v<S, NameErrorObject>) { f(s->name); }
  else if constexpr (std::is_same_v<S, AttributeErrorObject>) { f(s->obj); f(s->name); }
  else if constexpr (std::is_same_v<S, SyntaxErrorObject>) {
    f(s->msg); f(s->filename); f(s->lineno); f(s->offset); f(s->text);
    f(s->end_lineno); f(s->end_offset); f(s->print_file_and_line);
  }
  else if constexpr (std::is_same_v<S, OSErrorObject>) { f(s->myerrno); f(s->strerror); f(s->filename); f(s->filename2); }
  else if constexpr (std::is_same_v<S, UnicodeErrorObject>) { f(s->encoding); f(s->object); f(s->reason); }
  else if constexpr (std::is_same_v<S, BaseExceptionGroupObject>) { f(s->msg); f(s->excs); }
}

template <class S>
static int exc_traverse(Object* op, VisitProc visit, void* arg) {
  S* s = static_cast<S*>(op);
  int r = 0;
  auto v = [&](Object* x) { if (!r && x) r = visit(x, arg); };
  v(s->dict); v(s->args); v(s->notes); v(s->traceback); v(s->context); v(s->cause);
  for_extra(s, [&](Object*& x) { v(x); });
  return r;
}

template <class S>
static int exc_clear(Object* op) {
  S* s = static_cast<S*>(op);
  clear_ref(s->dict); clear_ref(s->args); clear_ref(s->notes);
  clear_ref(s->traceback); clear_ref(s->context); clear_ref(s->cause);
  for_extra(s, [&](Object*& x) { clear_ref(x); });
  return 0;
}

template <class S>
static void exc_dealloc(Object* op) {
  if (gc_is_tracked(op)) gc_untrack(op);
  exc_clear<S>(op);
  Type* t = op->type;
  if (t->tp_free) t->tp_free(op); else object_free(op);
}

// ---------------------------------------------------------------- BaseException
static Object* BaseException_new(Type* type, Object* args, Object* kwds) {
  Object* self = type->tp_alloc ? type->tp_alloc(type, 0) : type_generic_alloc(type, 0);
  if (!self) return nullptr;
  be(self)->args = args ? new_ref(args) : tuple_new(0);
  if (!be(self)->args) { decref(self); return nullptr; }
  return self;
}

static bool no_keywords(Object* self, Object* kwds) {
  if (kwds && dict_size(kwds) > 0) {
    err_format(&exc::TypeError, "%s() takes no keyword arguments", short_name(self));
    return false;
  }
  return true;
}

static int BaseException_init(Object* self, Object* args, Object* kwds) {
  if (!no_keywords(self, kwds)) return -1;
  set_ref(be(self)->args, args ? new_ref(args) : tuple_new(0));
  return be(self)->args ? 0 : -1;
}

// Generic vectorcall for the static exception classes: tp_new then tp_init.
static Object* exc_vectorcall(Object* callable, Object* const* args, size_t nargsf, Object* kwnames) {
  Type* type = static_cast<Type*>(callable);
  ssize n = vectorcall_nargs(nargsf);
  Ref<> tup = steal(tuple_from_array(args, n));
  if (!tup) return nullptr;
  Ref<> kw;
  if (kwnames && tuple_size(kwnames) > 0) {
    kw = steal(dict_new());
    if (!kw) return nullptr;
    for (ssize i = 0; i < tuple_size(kwnames); ++i)
      if (dict_setitem(kw.get(), tuple_get(kwnames, i), args[n + i]) < 0) return nullptr;
  }
  Ref<> self = steal(type->tp_new(type, tup.get(), kw.get()));
  if (!self) return nullptr;
  if (type_is_subtype(self->type, type) && self->type->tp_init &&
      self->type->tp_init(self.get(), tup.get(), kw.get()) < 0)
    return nullptr;
  return self.release();
}

static Object* BaseException_str(Object* self) {
  Object* args = be(self)->args;
  ssize n = args ? tuple_size(args) : 0;
  if (n == 0) return str_empty();
  if (n == 1) return object_str(tuple_get(args, 0));
  return object_str(args);
}

static Object* BaseException_repr(Object* self) {
  Object* args = be(self)->args;
  const char* name = short_name(self);
  if (args && tuple_size(args) == 1) return str_from_format("%s(%R)", name, tuple_get(args, 0));
  if (!args) return str_from_format("%s()", name);
  return str_from_format("%s%R", name, args);
}

static Object* BaseException_reduce(Object* self, Object*) {
  Object* args = be(self)->args ? be(self)->args : nullptr;
  Ref<> a = args ? borrow(args) : steal(tuple_new(0));
  if (!a) return nullptr;
  if (be(self)->dict && dict_size(be(self)->dict) > 0)
    return tuple_pack({reinterpret_cast<Object*>(self->type), a.get(), be(self)->dict});
  return tuple_pack({reinterpret_cast<Object*>(self->type), a.get()});
}

static Object* BaseException_setstate(Object* self, Object* state) {
  if (state != None) {
    if (!dict_check(state)) return err_string(&exc::TypeError, "state is not a dictionary");
    ssize pos = 0;
    Object *k, *v;
    while (dict_next(state, &pos, &k, &v)) {
      Ref<> kk = borrow(k), vv = borrow(v);
      if (object_setattr(self, kk.get(), vv.get()) < 0) return nullptr;
    }
  }
  return new_ref(None);
}

static int set_traceback_checked(Object* self, Object* tb) {
  if (!tb) { err_set_string(&exc::TypeError, "__traceback__ may not be deleted"); return -1; }
  if (tb == None) { clear_ref(be(self)->traceback); return 0; }
  if (tb->type != &TracebackType) { err_set_string(&exc::TypeError, "__traceback__ must be a traceback or None"); return -1; }
  xset_ref(be(self)->traceback, new_ref(tb));
  return 0;
}

static Object* BaseException_with_traceback(Object* self, Object* tb) {
  if (set_traceback_checked(self, tb) < 0) return nullptr;
  return new_ref(self);
}

static Object* BaseException_add_note(Object* self, Object* note) {
  if (!str_check(note))
    return err_format(&exc::TypeError, "add_note() argument must be str, not %.200s", type_name(note->type));
  Ref<> name = steal(str_intern_cstr("__notes__"));
  if (!name) return nullptr;
  Object* notes = nullptr;
  int r = object_lookup_attr(self, name.get(), &notes);
  if (r < 0) return nullptr;
  Ref<> keep = steal(notes);
  if (r == 0) {
    keep = steal(list_new(0));
    if (!keep || object_setattr(self, name.get(), keep.get()) < 0) return nullptr;
  } else if (!list_check(keep.get())) {
    return err_string(&exc::TypeError, "Cannot add note: __notes__ is not a list");
  }
  if (list_append(keep.get(), note) < 0) return nullptr;
  return new_ref(None);
}

static Object* get_args(Object* self, void*) {
  if (!be(self)->args) return new_ref(None);
  return new_ref(be(self)->args);
}
static int set_args(Object* self, Object* value, void*) {
  if (!value) { err_set_string(&exc::TypeError, "args may not be deleted"); return -1; }
  Object* t = sequence_tuple(value);
  if (!t) return -1;
  xset_ref(be(self)->args, t);
  return 0;
}
static Object* get_tb(Object* self, void*) { return new_ref(be(self)->traceback ? be(self)->traceback : None); }
static int set_tb(Object* self, Object* v, void*) { return set_traceback_checked(self, v); }
static Object* get_context(Object* self, void*) { return new_ref(be(self)->context ? be(self)->context : None); }
static int set_context(Object* self, Object* v, void*) {
  if (!v) { err_set_string(&exc::TypeError, "__context__ may not be deleted"); return -1; }
  if (v == None) { clear_ref(be(self)->context); return 0; }
  if (!exception_instance_check(v)) {
    err_set_string(&exc::TypeError, "exception context must be None or derive from BaseException");
    return -1;
  }
  xset_ref(be(self)->context, new_ref(v));
  return 0;
}
static Object* get_cause(Object* self, void*) { return new_ref(be(self)->cause ? be(self)->cause : None); }
static int set_cause(Object* self, Object* v, void*) {
  if (!v) { err_set_string(&exc::TypeError, "__cause__ may not be deleted"); return -1; }
  if (v == None) { clear_ref(be(self)->cause); be(self)->suppress_context = 1; return 0; }
  if (!exception_instance_check(v)) {
    err_set_string(&exc::TypeError, "exception cause must be None or derive from BaseException");
    return -1;
  }
  xset_ref(be(self)->cause, new_ref(v));
  be(self)->suppress_context = 1;
  return 0;
}
static Object* get_dict(Object* self, void*) {
  if (!be(self)->dict && !(be(self)->dict = dict_new())) return nullptr;
  return new_ref(be(self)->dict);
}
static int set_dict(Object* self, Object* v, void*) {
  if (!v) { err_set_string(&exc::TypeError, "__dict__ may not be deleted"); return -1; }
  if (!dict_check(v)) { err_set_string(&exc::TypeError, "__dict__ must be set to a dictionary"); return -1; }
  xset_ref(be(self)->dict, new_ref(v));
  return 0;
}

static const MethodDef BaseException_methods[] = {
    {"__reduce__", (void*)BaseException_reduce, kMethNoArgs, nullptr},
    {"__setstate__", (void*)BaseException_setstate, kMethO, nullptr},
    {"with_traceback", (void*)BaseException_with_traceback, kMethO,
     "Set self.__traceback__ to tb and return self."},
    {"add_note", (void*)BaseException_add_note, kMethO, "Add a note to the exception"},
    {nullptr, nullptr, 0, nullptr}};
static const MemberDef BaseException_members[] = {
    {"__suppress_context__", MemberKind::Bool, ssize(offsetof(BaseExceptionObject, suppress_context)), 0, nullptr},
    {nullptr, MemberKind::Object, 0, 0, nullptr}};
static const GetSetDef BaseException_getset[] = {
    {"__dict__", get_dict, set_dict, nullptr, nullptr},
    {"args", get_args, set_args, nullptr, nullptr},
    {"__traceback__", get_tb, set_tb, nullptr, nullptr},
    {"__context__", get_context, set_context, "exception context", nullptr},
    {"__cause__", get_cause, set_cause, "exception cause", nullptr},
    {nullptr, nullptr, nullptr, nullptr, nullptr}};

// ---------------------------------------------------------------- StopIteration / SystemExit
static int StopIteration_init(Object* self, Object* args, Object* kwds) {
  if (BaseException_init(self, args, kwds) < 0) return -1;
  ssize n = tuple_size(args);
  set_ref(static_cast<StopIterationObject*>(self)->value, new_ref(n > 0 ? tuple_get(args, 0) : None));
  return 0;
}
static const MemberDef StopIteration_members[] = {
    {"value", MemberKind::Object, ssize(offsetof(StopIterationObject, value)), 0, "generator return value"},
    {nullptr, MemberKind::Object, 0, 0, nullptr}};

static int SystemExit_init(Object* self, Object* args, Object* kwds) {
  if (BaseException_init(self, args, kwds) < 0) return -1;
  ssize n = tuple_size(args);
  Object* code = n == 0 ? None : n == 1 ? tuple_get(args, 0) : args;
  xset_ref(static_cast<SystemExitObject*>(self)->code, new_ref(code));
  return 0;
}
static const MemberDef SystemExit_members[] = {
    {"code", MemberKind::Object, ssize(offsetof(SystemExitObject, code)), 0, "exception code"},
    {nullptr, MemberKind::Object, 0, 0, nullptr}};

// ---------------------------------------------------------------- keyword-taking errors
// Binds allowed keywords into slots (by name); other keywords raise TypeError.
static bool bind_keywords(Object* self, Object* kwds, const char* const* names, Object** const* slots, int n) {
  if (!kwds) return true;
  ssize pos = 0;
  Object *k, *v;
  while (dict_next(kwds, &pos, &k, &v)) {
    int found = -1;
    for (int i = 0; i < n; ++i)
      if (str_check(k) && str_eq_cstr(k, names[i])) { found = i; break; }
    if (found < 0) {
      err_format(&exc::TypeError, "%s() got an unexpected keyword argument '%S'", short_name(self), k);
      return false;
    }
    xset_ref(*slots[found], new_ref(v));
  }
  return true;
}

static int ImportError_init(Object* self, Object* args, Object* kwds) {
  auto* s = static_cast<ImportErrorObject*>(self);
  static const char* const names[] = {"name", "path", "name_from"};
  Object** const slots[] = {&s->name, &s->path, &s->name_from};
  if (!bind_keywords(self, kwds, names, slots, 3)) return -1;
  if (BaseException_init(self, args, nullptr) < 0) return -1;
  xset_ref(s->msg, tuple_size(args) == 1 ? new_ref(tuple_get(args, 0)) : nullptr);
  return 0;
}
static Object* ImportError_str(Object* self) {
  auto* s = static_cast<ImportErrorObject*>(self);
  if (s->msg && str_check_exact(s->msg)) return new_ref(s->msg);
  return BaseException_str(self);
}
static Object* ImportError_reduce(Object* self, Object*) {
  auto* s = static_cast<ImportErrorObject*>(self);
  Ref<> state;
  if (s->name || s->path || s->name_from || (s->dict && dict_size(s->dict) > 0)) {
    state = steal(s->dict ? dict_copy(s->dict) : dict_new());
    if (!state) return nullptr;
    if (s->name && s->name != None && dict_setitem_str(state.get(), "name", s->name) < 0) return nullptr;
    if (s->path && s->path != None && dict_setitem_str(state.get(), "path", s->path) < 0) return nullptr;
    if (s->name_from && s->name_from != None && dict_setitem_str(state.get(), "name_from", s->name_from) < 0) return nullptr;
    if (dict_size(state.get()) == 0) state = nullptr;
  }
  if (state) return tuple_pack({reinterpret_cast<Object*>(self->type), s->args, state.get()});
  return tuple_pack({reinterpret_cast<Object*>(self->type), s->args});
}
static const MemberDef ImportError_members[] = {
    {"msg", MemberKind::Object, ssize(offsetof(ImportErrorObject, msg)), 0, "exception message"},
    {"name", MemberKind::Object, ssize(offsetof(ImportErrorObject, name)), 0, "module name"},
    {"path", MemberKind::Object, ssize(offsetof(ImportErrorObject, path)), 0, "module path"},
    {"name_from", MemberKind::Object, ssize(offsetof(ImportErrorObject, name_from)), 0, "name imported from module"},
    {nullptr, MemberKind::Object, 0, 0, nullptr}};
static const MethodDef ImportError_methods[] = {
    {"__reduce__", (void*)ImportError_reduce, kMethNoArgs, nullptr}, {nullptr, nullptr, 0, nullptr}};

static int NameError_init(Object* self, Object* args, Object* kwds) {
  auto* s = static_cast<NameErrorObject*>(self);
  static const char* const names[] = {"name"};
  Object** const slots[] = {&s->name};
  if (!bind_keywords(self, kwds, names, slots, 1)) return -1;
  return BaseException_init(self, args, nullptr);
}
static const MemberDef NameError_members[] = {
    {"name", MemberKind::Object, ssize(offsetof(NameErrorObject, name)), 0, "name"},
    {nullptr, MemberKind::Object, 0, 0, nullptr}};

static int AttributeError_init(Object* self, Object* args, Object* kwds) {
  auto* s = static_cast<AttributeErrorObject*>(self);
  static const char* const names[] = {"name", "obj"};
  Object** const slots[] = {&s->name, &s->obj};
  if (!bind_keywords(self, kwds, names, slots, 2)) return -1;
  return BaseException_init(self, args, nullptr);
}
static Object* AttributeError_getstate(Object* self, Object*) {
  auto* s = static_cast<AttributeErrorObject*>(self);
  Ref<> state = steal(s->dict ? dict_copy(s->dict) : dict_new());
  if (!state) return nullptr;
  if (s->name && dict_setitem_str(state.get(), "name", s->name) < 0) return nullptr;
  if (dict_setitem_str(state.get(), "args", s->args) < 0) return nullptr;
  return state.release();
}
static Object* AttributeError_reduce(Object* self, Object*) {
  Ref<> state = steal(AttributeError_getstate(self, nullptr));
  if (!state) return nullptr;
  return tuple_pack({reinterpret_cast<Object*>(self->type), be(self)->args, state.get()});
}
static const MemberDef AttributeError_members[] = {
    {"name", MemberKind::Object, ssize(offsetof(AttributeErrorObject, name)), 0, "attribute name"},
    {"obj", MemberKind::Object, ssize(offsetof(AttributeErrorObject, obj)), 0, "object"},
    {nullptr, MemberKind::Object, 0, 0, nullptr}};
static const MethodDef AttributeError_methods[] = {
    {"__getstate__", (void*)AttributeError_getstate, kMethNoArgs, nullptr},
    {"__reduce__", (void*)AttributeError_reduce, kMethNoArgs, nullptr},
    {nullptr, nullptr, 0, nullptr}};

// ---------------------------------------------------------------- KeyError
static Object* KeyError_str(Object* self) {
  Object* args = be(self)->args;
  if (args && tuple_size(args) == 1) return object_repr(tuple_get(args, 0));
  return BaseException_str(self);
}

// ---------------------------------------------------------------- OSError
static Type* errno_to_type(int e) {
  switch (e) {
    case EAGAIN: case EALREADY: case EINPROGRESS: return &exc::BlockingIOError;
#if EWOULDBLOCK != EAGAIN
    case EWOULDBLOCK: return &exc::BlockingIOError;
#endif
    case ECHILD: return &exc::ChildProcessError;
    case EPIPE: case ESHUTDOWN: return &exc::BrokenPipeError;
    case ECONNABORTED: return &exc::ConnectionAbortedError;
    case ECONNREFUSED: return &exc::ConnectionRefusedError;
    case ECONNRESET: return &exc::ConnectionResetError;
    case EEXIST: return &exc::FileExistsError;
    case ENOENT: return &exc::FileNotFoundError;
    case EISDIR: return &exc::IsADirectoryError;
    case ENOTDIR: return &exc::NotADirectoryError;
    case EINTR: return &exc::InterruptedError;
    case EACCES: case EPERM: return &exc::PermissionError;
#ifdef ENOTCAPABLE
    case ENOTCAPABLE: return &exc::PermissionError;
#endif
    case ESRCH: return &exc::ProcessLookupError;
    case ETIMEDOUT: return &exc::TimeoutError;
    default: return nullptr;
  }
}

static int OSError_init(Object* self, Object* args, Object* kwds);

// Whether argument parsing happens in __init__ (a subclass overrides __init__
// but not __new__) instead of __new__, as CPython's oserror_use_init.
static bool oserror_use_init(Type* type) { return type->tp_init != OSError_init; }

// Fills the OSError fields from args; may trim *args to (errno, strerror).
static int oserror_parse(Object* self, Object** args_io) {
  auto* s = static_cast<OSErrorObject*>(self);
  Object* args = *args_io;
  ssize n = tuple_size(args);
  s->written = -1;
  if (n < 2 || n > 5) return 0;
  xset_ref(s->myerrno, new_ref(tuple_get(args, 0)));
  xset_ref(s->strerror, new_ref(tuple_get(args, 1)));
  Object* filename = n >= 3 ? tuple_get(args, 2) : nullptr;
  Object* filename2 = n >= 5 ? tuple_get(args, 4) : nullptr;
  if (filename && filename != None) {
    if (self->type == &exc::BlockingIOError && index_check(filename)) {
      s->written = number_as_ssize(filename, &exc::ValueError);
      if (s->written == -1 && err_occurred()) return -1;
    } else {
      xset_ref(s->filename, new_ref(filename));
      if (filename2 && filename2 != None) xset_ref(s->filename2, new_ref(filename2));
      Object* sub = tuple_slice(args, 0, 2);
      if (!sub) return -1;
      *args_io = sub;  // new reference owned by the caller
      return 1;
    }
  }
  return 0;
}

static Object* OSError_new(Type* type, Object* args, Object* kwds) {
  Type* newtype = type;
  ssize n = args ? tuple_size(args) : 0;
  if (type == &exc::OSError && n >= 2 && n <= 5 && int_check(tuple_get(args, 0))) {
    int overflow;
    int64_t e = int_as_i64_overflow(tuple_get(args, 0), &overflow);
    if (!overflow) {
      Type* t = errno_to_type(int(e));
      if (t) newtype = t;
    }
  }
  bool use_init = oserror_use_init(newtype);
  if (!use_init && kwds && dict_size(kwds) > 0)
    return err_format(&exc::TypeError, "%s() takes no keyword arguments", newtype->tp_name);
  Object* self = newtype->tp_alloc ? newtype->tp_alloc(newtype, 0) : type_generic_alloc(newtype, 0);
  if (!self) return nullptr;
  static_cast<OSErrorObject*>(self)->written = -1;
  Ref<> a = args ? borrow(args) : steal(tuple_new(0));
  if (!a) { decref(self); return nullptr; }
  if (!use_init) {
    Object* trimmed = a.get();
    int r = oserror_parse(self, &trimmed);
    if (r < 0) { decref(self); return nullptr; }
    if (r == 1) a = steal(trimmed);
  }
  be(self)->args = a.release();
  return self;
}

static int OSError_init(Object* self, Object* args, Object* kwds) {
  if (!oserror_use_init(self->type)) return 0;
  if (!no_keywords(self, kwds)) return -1;
  Object* trimmed = args;
  int r = oserror_parse(self, &trimmed);
  if (r < 0) return -1;
  set_ref(be(self)->args, r == 1 ? trimmed : new_ref(args));
  return 0;
}

static Object* OSError_str(Object* self) {
  auto* s = static_cast<OSErrorObject*>(self);
  if (s->filename) {
    if (s->filename2)
      return str_from_format("[Errno %S] %S: %R -> %R", s->myerrno ? s->myerrno : None,
                             s->strerror ? s->strerror : None, s->filename, s->filename2);
    return str_from_format("[Errno %S] %S: %R", s->myerrno ? s->myerrno : None, s->strerror ? s->strerror : None,
                           s->filename);
  }
  if (s->myerrno && s->strerror) return str_from_format("[Errno %S] %S", s->myerrno, s->strerror);
  return BaseException_str(self);
}

static Object* OSError_reduce(Object* self, Object*) {
  auto* s = static_cast<OSErrorObject*>(self);
  Ref<> args = borrow(s->args);
  if (tuple_size(s->args) == 2 && s->filename) {
    if (s->filename2)
      args = steal(tuple_pack({tuple_get(s->args, 0), tuple_get(s->args, 1), s->filename, None, s->filename2}));
    else
      args = steal(tuple_pack({tuple_get(s->args, 0), tuple_get(s->args, 1), s->filename}));
    if (!args) return nullptr;
  }
  if (s->dict && dict_size(s->dict) > 0)
    return tuple_pack({reinterpret_cast<Object*>(self->type), args.get(), s->dict});
  return tuple_pack({reinterpret_cast<Object*>(self->type), args.get()});
}

static Object* OSError_get_written(Object* self, void*) {
  auto* s = static_cast<OSErrorObject*>(self);
  if (s->written == -1) return err_string(&exc::AttributeError, "characters_written");
  return int_from_ssize(s->written);
}
static int OSError_set_written(Object* self, Object* v, void*) {
  auto* s = static_cast<OSErrorObject*>(self);
  if (!v) {
    if (s->written == -1) { err_set_string(&exc::AttributeError, "characters_written"); return -1; }
    s->written = -1;
    return 0;
  }
  ssize n = number_as_ssize(v, &exc::ValueError);
  if (n == -1 && err_occurred()) return -1;
  s->written = n;
  return 0;
}

static const MemberDef OSError_members[] = {
    {"errno", MemberKind::Object, ssize(offsetof(OSErrorObject, myerrno)), 0, "POSIX exception code"},
    {"strerror", MemberKind::Object, ssize(offsetof(OSErrorObject, strerror)), 0, "exception strerror"},
    {"filename", MemberKind::Object, ssize(offsetof(OSErrorObject, filename)), 0, "exception filename"},
    {"filename2", MemberKind::Object, ssize(offsetof(OSErrorObject, filename2)), 0, "second exception filename"},
    {nullptr, MemberKind::Object, 0, 0, nullptr}};
static const GetSetDef OSError_getset[] = {
    {"characters_written", OSError_get_written, OSError_set_written, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr, nullptr}};
static const MethodDef OSError_methods[] = {
    {"__reduce__", (void*)OSError_reduce, kMethNoArgs, nullptr}, {nullptr, nullptr, 0, nullptr}};

// ---------------------------------------------------------------- SyntaxError
static int SyntaxError_init(Object* self, Object* args, Object* kwds) {
  if (BaseException_init(self, args, kwds) < 0) return -1;
  auto* s = static_cast<SyntaxErrorObject*>(self);
  ssize n = tuple_size(args);
  if (n >= 1) xset_ref(s->msg, new_ref(tuple_get(args, 0)));
  if (n == 2) {
    Ref<> info = steal(sequence_tuple(tuple_get(args, 1)));
    if (!info) return -1;
    ssize k = tuple_size(info.get());
    if (k < 4) {
      err_format(&exc::TypeError, "function takes at least 4 arguments (%zd given)", k);
      return -1;
    }
    if (k > 7) {
      err_format(&exc::TypeError, "function takes at most 7 arguments (%zd given)", k);
      return -1;
    }
    Object** slots[] = {&s->filename, &s->lineno, &s->offset, &s->text, &s->end_lineno, &s->end_offset};
    for (ssize i = 0; i < 6; ++i)
      xset_ref(*slots[i], i < k ? new_ref(tuple_get(info.get(), i)) : nullptr);
  }
  return 0;
}

static Object* SyntaxError_str(Object* self) {
  auto* s = static_cast<SyntaxErrorObject*>(self);
  Ref<> base;
  if (s->filename && str_check(s->filename)) {
    ssize len = str_length(s->filename), i = len;
    while (i > 0 && str_char_at(s->filename, i - 1) != '/') --i;
    base = steal(str_substring(s->filename, i, len));
    if (!base) return nullptr;
  }
  bool have_lineno = s->lineno && int_check_exact(s->lineno);
  Object* msg = s->msg ? s->msg : None;
  if (base && have_lineno) {
    int overflow;
    int64_t ln = int_as_i64_overflow(s->lineno, &overflow);
    return str_from_format("%S (%U, line %ld)", msg, base.get(), long(ln));
  }
  if (base) return str_from_format("%S (%U)", msg, base.get());
  if (have_lineno) {
    int overflow;
    int64_t ln = int_as_i64_overflow(s->lineno, &overflow);
    return str_from_format("%S (line %ld)", msg, long(ln));
  }
  return object_str(msg);
}

static const MemberDef SyntaxError_members[] = {
    {"msg", MemberKind::Object, ssize(offsetof(SyntaxErrorObject, msg)), 0, "exception msg"},
    {"filename", MemberKind::Object, ssize(offsetof(SyntaxErrorObject, filename)), 0, "exception filename"},
    {"lineno", MemberKind::Object, ssize(offsetof(SyntaxErrorObject, lineno)), 0, "exception lineno"},
    {"offset", MemberKind::Object, ssize(offsetof(SyntaxErrorObject, offset)), 0, "exception offset"},
    {"text", MemberKind::Object, ssize(offsetof(SyntaxErrorObject, text)), 0, "exception text"},
    {"end_lineno", MemberKind::Object, ssize(offsetof(SyntaxErrorObject, end_lineno)), 0, "exception end lineno"},
    {"end_offset", MemberKind::Object, ssize(offsetof(SyntaxErrorObject, end_offset)), 0, "exception end offset"},
    {"print_file_and_line", MemberKind::Object, ssize(offsetof(SyntaxErrorObject, print_file_and_line)), 0,
     "exception print_file_and_line"},
    {nullptr, MemberKind::Object, 0, 0, nullptr}};

// ---------------------------------------------------------------- Unicode errors
static bool unicode_arg_str(Object* o, int pos, Object** slot) {
  if (!str_check(o)) {
    err_format(&exc::TypeError, "argument %d must be str, not %.50s", pos, type_name(o->type));
    return false;
  }
  xset_ref(*slot, new_ref(o));
  return true;
}
static bool unicode_arg_ssize(Object* o, ssize* out) {
  *out = number_as_ssize(o, &exc::OverflowError);
  return !(*out == -1 && err_occurred());
}

static int UnicodeEncodeError_init(Object* self, Object* args, Object* kwds) {
  if (BaseException_init(self, args, kwds) < 0) return -1;
  auto* s = static_cast<UnicodeErrorObject*>(self);
  ssize n = tuple_size(args);
  if (n != 5) { err_format(&exc::TypeError, "function takes exactly 5 arguments (%zd given)", n); return -1; }
  if (!unicode_arg_str(tuple_get(args, 0), 1, &s->encoding) || !unicode_arg_str(tuple_get(args, 1), 2, &s->object) ||
      !unicode_arg_ssize(tuple_get(args, 2), &s->start) || !unicode_arg_ssize(tuple_get(args, 3), &s->end) ||
      !unicode_arg_str(tuple_get(args, 4), 5, &s->reason))
    return -1;
  return 0;
}

static int UnicodeDecodeError_init(Object* self, Object* args, Object* kwds) {
  if (BaseException_init(self, args, kwds) < 0) return -1;
  auto* s = static_cast<UnicodeErrorObject*>(self);
  ssize n = tuple_size(args);
  if (n != 5) { err_format(&exc::TypeError, "function takes exactly 5 arguments (%zd given)", n); return -1; }
  if (!unicode_arg_str(tuple_get(args, 0), 1, &s->encoding)) return -1;
  Object* obj = tuple_get(args, 1);
  if (bytes_check(obj)) {
    xset_ref(s->object, new_ref(obj));
  } else {
    if (str_check(obj) || int_check(obj) || obj == None || !obj->type->tp_as_sequence) {
      err_format(&exc::TypeError, "a bytes-like object is required, not '%.100s'", type_name(obj->type));
      return -1;
    }
    Object* b = call_one_arg(&BytesType, obj);
    if (!b) return -1;
    xset_ref(s->object, b);
  }
  if (!unicode_arg_ssize(tuple_get(args, 2), &s->start) || !unicode_arg_ssize(tuple_get(args, 3), &s->end) ||
      !unicode_arg_str(tuple_get(args, 4), 5, &s->reason))
    return -1;
  return 0;
}

static int UnicodeTranslateError_init(Object* self, Object* args, Object* kwds) {
  if (BaseException_init(self, args, kwds) < 0) return -1;
  auto* s = static_cast<UnicodeErrorObject*>(self);
  ssize n = tuple_size(args);
  if (n != 4) { err_format(&exc::TypeError, "function takes exactly 4 arguments (%zd given)", n); return -1; }
  if (!unicode_arg_str(tuple_get(args, 0), 1, &s->object) || !unicode_arg_ssize(tuple_get(args, 1), &s->start) ||
      !unicode_arg_ssize(tuple_get(args, 2), &s->end) || !unicode_arg_str(tuple_get(args, 3), 4, &s->reason))
    return -1;
  return 0;
}

// __str__ uses the raw start/end (3.14): the single-character form only when
// start is inside the object and end == start + 1.
static void unicode_bounds(UnicodeErrorObject* s, ssize len, ssize* start, ssize* end) {
  (void)len;
  *start = s->start;
  *end = s->end;
}

static Object* char_escape(uint32_t ch) {
  if (ch <= 0xff) return str_from_format("\\x%02x", unsigned(ch));
  if (ch <= 0xffff) return str_from_format("\\u%04x", unsigned(ch));
  return str_from_format("\\U%08x", unsigned(ch));
}

static Object* UnicodeEncodeError_str(Object* self) {
  auto* s = static_cast<UnicodeErrorObject*>(self);
  if (!s->object || !s->encoding || !s->reason) return str_empty();
  Ref<> reason = steal(object_str(s->reason));
  Ref<> enc = steal(object_str(s->encoding));
  if (!reason || !enc) return nullptr;
  ssize len = str_length(s->object), st, en;
  unicode_bounds(s, len, &st, &en);
  if (st >= 0 && st < len && en == st + 1) {
    Ref<> esc = steal(char_escape(str_char_at(s->object, st)));
    if (!esc) return nullptr;
    return str_from_format("'%U' codec can't encode character '%U' in position %zd: %U", enc.get(), esc.get(), st,
                           reason.get());
  }
  return str_from_format("'%U' codec can't encode characters in position %zd-%zd: %U", enc.get(), st, en - 1,
                         reason.get());
}

static Object* UnicodeDecodeError_str(Object* self) {
  auto* s = static_cast<UnicodeErrorObject*>(self);
  if (!s->object || !s->encoding || !s->reason) return str_empty();
  Ref<> reason = steal(object_str(s->reason));
  Ref<> enc = steal(object_str(s->encoding));
  if (!reason || !enc) return nullptr;
  ssize len = bytes_size(s->object), st, en;
  unicode_bounds(s, len, &st, &en);
  if (st >= 0 && st < len && en == st + 1) {
    unsigned byte = (unsigned char)bytes_data(s->object)[st];
    return str_from_format("'%U' codec can't decode byte 0x%02x in position %zd: %U", enc.get(), byte, st,
                           reason.get());
  }
  return str_from_format("'%U' codec can't decode bytes in position %zd-%zd: %U", enc.get(), st, en - 1,
                         reason.get());
}

static Object* UnicodeTranslateError_str(Object* self) {
  auto* s = static_cast<UnicodeErrorObject*>(self);
  if (!s->object || !s->reason) return str_empty();
  Ref<> reason = steal(object_str(s->reason));
  if (!reason) return nullptr;
  ssize len = str_length(s->object), st, en;
  unicode_bounds(s, len, &st, &en);
  if (st >= 0 && st < len && en == st + 1) {
    Ref<> esc = steal(char_escape(str_char_at(s->object, st)));
    if (!esc) return nullptr;
    return str_from_format("can't translate character '%U' in position %zd: %U", esc.get(), st, reason.get());
  }
  return str_from_format("can't translate characters in position %zd-%zd: %U", st, en - 1, reason.get());
}

static const MemberDef UnicodeError_members[] = {
    {"encoding", MemberKind::Object, ssize(offsetof(UnicodeErrorObject, encoding)), 0, "exception encoding"},
    {"object", MemberKind::Object, ssize(offsetof(UnicodeErrorObject, object)), 0, "exception object"},
    {"start", MemberKind::Ssize, ssize(offsetof(UnicodeErrorObject, start)), 0, "exception start"},
    {"end", MemberKind::Ssize, ssize(offsetof(UnicodeErrorObject, end)), 0, "exception end"},
    {"reason", MemberKind::Object, ssize(offsetof(UnicodeErrorObject, reason)), 0, "exception reason"},
    {nullptr, MemberKind::Object, 0, 0, nullptr}};

// ---------------------------------------------------------------- exception groups
static inline BaseExceptionGroupObject* beg(Object* o) { return static_cast<BaseExceptionGroupObject*>(o); }

static Object* BaseExceptionGroup_new(Type* type, Object* args, Object* kwds) {
  if (kwds && dict_size(kwds) > 0)
    return err_format(&exc::TypeError, "BaseExceptionGroup.__new__() takes no keyword arguments");
  ssize n = args ? tuple_size(args) : 0;
  if (n != 2)
    return err_format(&exc::TypeError, "BaseExceptionGroup.__new__() takes exactly 2 arguments (%zd given)", n);
  Object* message = tuple_get(args, 0);
  Object* excs = tuple_get(args, 1);
  if (!str_check(message))
    return err_format(&exc::TypeError, "BaseExceptionGroup.__new__() argument 1 must be str, not %.50s",
                      type_name(message->type));
  if (!sequence_check(excs)) return err_string(&exc::TypeError, "second argument (exceptions) must be a sequence");
  Ref<> t = steal(sequence_tuple(excs));
  if (!t) return nullptr;
  ssize k = tuple_size(t.get());
  if (k == 0) return err_string(&exc::ValueError, "second argument (exceptions) must be a non-empty sequence");
  bool nested_base = false;
  for (ssize i = 0; i < k; ++i) {
    Object* e = tuple_get(t.get(), i);
    if (!exception_instance_check(e))
      return err_format(&exc::ValueError, "Item %zd of second argument (exceptions) is not an exception", i);
    if (!type_is_subtype(e->type, &exc::Exception)) nested_base = true;
  }
  Type* cls = type;
  if (type == &exc::BaseExceptionGroup) {
    if (!nested_base) cls = &exc::ExceptionGroup;
  } else if (type == &exc::ExceptionGroup) {
    if (nested_base) return err_string(&exc::TypeError, "Cannot nest BaseExceptions in an ExceptionGroup");
  } else if (nested_base && type_is_subtype(type, &exc::Exception)) {
    return err_format(&exc::TypeError, "Cannot nest BaseExceptions in '%.200s'", type->tp_name);
  }
  Object* self = BaseException_new(cls, args, nullptr);
  if (!self) return nullptr;
  beg(self)->msg = new_ref(message);
  beg(self)->excs = t.release();
  return self;
}

static int BaseExceptionGroup_init(Object* self, Object* args, Object* kwds) {
  if (!no_keywords(self, kwds)) return -1;
  return BaseException_init(self, args, nullptr);
}

static Object* BaseExceptionGroup_str(Object* self) {
  ssize n = beg(self)->excs ? tuple_size(beg(self)->excs) : 0;
  return str_from_format("%S (%zd sub-exception%s)", beg(self)->msg ? beg(self)->msg : None, n, n > 1 ? "s" : "");
}

static Object* BaseExceptionGroup_repr(Object* self) {
  Object* args = be(self)->args;
  Object* excs = beg(self)->excs;
  if (!excs || !beg(self)->msg) return BaseException_repr(self);
  Ref<> shown;
  if (args && tuple_size(args) >= 2 && list_check(tuple_get(args, 1))) {
    shown = steal(sequence_list(excs));
    if (!shown) return nullptr;
  } else {
    shown = borrow(excs);
  }
  return str_from_format("%s(%R, %R)", short_name(self), beg(self)->msg, shown.get());
}

static Object* BaseExceptionGroup_derive(Object* self, Object* excs) {
  return call_args(reinterpret_cast<Object*>(&exc::BaseExceptionGroup), {beg(self)->msg, excs});
}

// The split condition: an exception type, a tuple of them, or a predicate.
enum class MatcherKind { Type, Predicate };
static int get_matcher(Object* value, MatcherKind* kind) {
  if (exception_class_check(value)) { *kind = MatcherKind::Type; return 0; }
  if (tuple_check(value)) {
    bool ok = true;
    for (ssize i = 0; i < tuple_size(value); ++i)
      if (!exception_class_check(tuple_get(value, i))) { ok = false; break; }
    if (ok) { *kind = MatcherKind::Type; return 0; }
  }
  if (!type_check(value) && value->type->tp_call) { *kind = MatcherKind::Predicate; return 0; }
  err_set_string(&exc::TypeError,
                 "expected an exception type, a tuple of exception types, or a callable (other than a class)");
  return -1;
}

static int matcher_matches(MatcherKind kind, Object* value, Object* exc_obj) {
  if (kind == MatcherKind::Type) return err_given_exception_matches(exc_obj, value) ? 1 : 0;
  Ref<> r = steal(call_one_arg(value, exc_obj));
  if (!r) return -1;
  return object_is_true(r.get());
}

static int copy_group_metadata(Object* src, Object* dst) {
  xset_ref(be(dst)->traceback, xnew_ref(be(src)->traceback));
  xset_ref(be(dst)->cause, xnew_ref(be(src)->cause));
  xset_ref(be(dst)->context, xnew_ref(be(src)->context));
  be(dst)->suppress_context = be(src)->suppress_context;
  Ref<> name = steal(str_intern_cstr("__notes__"));
  Object* notes = nullptr;
  int r = object_lookup_attr(src, name.get(), &notes);
  if (r < 0) return -1;
  if (r > 0) {
    Ref<> keep = steal(notes);
    if (sequence_check(notes)) {
      Ref<> copy = steal(sequence_list(notes));
      if (!copy || object_setattr(dst, name.get(), copy.get()) < 0) return -1;
    }
  }
  return 0;
}

static Object* derive_and_copy(Object* group, Object* excs_list) {
  Ref<> eg = steal(call_method_str(group, "derive", {excs_list}));
  if (!eg) return nullptr;
  if (!type_is_subtype(eg->type, &exc::BaseExceptionGroup))
    return err_string(&exc::TypeError, "derive must return an instance of BaseExceptionGroup");
  if (copy_group_metadata(group, eg.get()) < 0) return nullptr;
  return eg.release();
}

// (match, rest) for exc; either may be null meaning None.
static int split_recursive(Object* e, MatcherKind kind, Object* value, bool construct_rest, Object** match,
                           Object** rest) {
  *match = *rest = nullptr;
  int m = matcher_matches(kind, value, e);
  if (m < 0) return -1;
  if (m) { *match = new_ref(e); return 0; }
  if (!type_is_subtype(e->type, &exc::BaseExceptionGroup)) {
    if (construct_rest) *rest = new_ref(e);
    return 0;
  }
  Ref<> mlist = steal(list_new(0));
  Ref<> rlist = steal(list_new(0));
  if (!mlist || !rlist) return -1;
  Object* excs = beg(e)->excs;
  for (ssize i = 0; i < tuple_size(excs); ++i) {
    Object *sm, *sr;
    if (enter_recursive_call(" in exceptiongroup_split_recursive") < 0) return -1;
    int r = split_recursive(tuple_get(excs, i), kind, value, construct_rest, &sm, &sr);
    leave_recursive_call();
    if (r < 0) return -1;
    if (sm && list_append_steal(mlist.get(), sm) < 0) { xdecref(sr); return -1; }
    if (sr && list_append_steal(rlist.get(), sr) < 0) return -1;
  }
  if (list_size(mlist.get()) > 0 && !(*match = derive_and_copy(e, mlist.get()))) return -1;
  if (construct_rest && list_size(rlist.get()) > 0 && !(*rest = derive_and_copy(e, rlist.get()))) {
    clear_ref(*match);
    return -1;
  }
  return 0;
}

static Object* BaseExceptionGroup_split(Object* self, Object* cond) {
  MatcherKind kind;
  if (get_matcher(cond, &kind) < 0) return nullptr;
  Object *m, *r;
  if (split_recursive(self, kind, cond, true, &m, &r) < 0) return nullptr;
  Object* t = tuple_new(2);
  if (!t) { xdecref(m); xdecref(r); return nullptr; }
  tuple_init_item(t, 0, m ? m : new_ref(None));
  tuple_init_item(t, 1, r ? r : new_ref(None));
  return t;
}

static Object* BaseExceptionGroup_subgroup(Object* self, Object* cond) {
  MatcherKind kind;
  if (get_matcher(cond, &kind) < 0) return nullptr;
  Object *m, *r;
  if (split_recursive(self, kind, cond, false, &m, &r) < 0) return nullptr;
  xdecref(r);
  return m ? m : new_ref(None);
}

static Object* BaseExceptionGroup_class_getitem(Object* cls, Object*) { return new_ref(cls); }

static const MemberDef BaseExceptionGroup_members[] = {
    {"message", MemberKind::Object, ssize(offsetof(BaseExceptionGroupObject, msg)), kMemberReadonly, "exception message"},
    {"exceptions", MemberKind::Object, ssize(offsetof(BaseExceptionGroupObject, excs)), kMemberReadonly,
     "nested exceptions"},
    {nullptr, MemberKind::Object, 0, 0, nullptr}};
static const MethodDef BaseExceptionGroup_methods[] = {
    {"__class_getitem__", (void*)BaseExceptionGroup_class_getitem, kMethO | kMethClass,
     "See PEP 585"},
    {"derive", (void*)BaseExceptionGroup_derive, kMethO, nullptr},
    {"split", (void*)BaseExceptionGroup_split, kMethO, nullptr},
    {"subgroup", (void*)BaseExceptionGroup_subgroup, kMethO, nullptr},
    {nullptr, nullptr, 0, nullptr}};

// ---------------------------------------------------------------- helpers
Object* exception_new(Type* type, Object* args_tuple) {
  if (!args_tuple) {
    Ref<> empty = steal(tuple_new(0));
    if (!empty) return nullptr;
    return object_call(reinterpret_cast<Object*>(type), empty.get(), nullptr);
  }
  return object_call(reinterpret_cast<Object*>(type), args_tuple, nullptr);
}
Object* exception_get_traceback(Object* e) { return be(e)->traceback; }
void exception_set_traceback(Object* e, Object* tb) {
  xset_ref(be(e)->traceback, (tb && tb != None) ? new_ref(tb) : nullptr);
}
Object* exception_get_context(Object* e) { return be(e)->context; }
void exception_set_context(Object* e, Object* ctx) {
  if (ctx == None) { decref(ctx); ctx = nullptr; }
  xset_ref(be(e)->context, ctx);
}
Object* exception_get_cause(Object* e) { return be(e)->cause; }
void exception_set_cause(Object* e, Object* cause) {
  be(e)->suppress_context = 1;
  if (cause == None) { decref(cause); cause = nullptr; }
  xset_ref(be(e)->cause, cause);
}
Object* stop_iteration_value(Object* e) {
  if (e && type_is_subtype(e->type, &exc::StopIteration)) {
    Object* v = static_cast<StopIterationObject*>(e)->value;
    return new_ref(v ? v : None);
  }
  return new_ref(None);
}

// ---------------------------------------------------------------- type setup
struct ExcDoc { const char* name; const char* doc; };
static const ExcDoc kDocs[] = {
#include "objects/exceptions_doc.inc"
};

static const char* doc_for(const char* name) {
  for (const auto& d : kDocs)
    if (std::strcmp(d.name, name) == 0) return d.doc;
  return nullptr;
}

template <class S>
static void setup(Type& t, const char* name, Type* base) {
  t.tp_name = name;
  t.tp_basicsize = sizeof(S);
  t.tp_dealloc = exc_dealloc<S>;
  t.tp_traverse = exc_traverse<S>;
  t.tp_clear = exc_clear<S>;
  t.tp_flags = kTpflagsDefault | kTpflagsBaseType | kTpflagsHaveGC | kTpflagsBaseExcSubclass;
  t.tp_dictoffset = ssize(offsetof(BaseExceptionObject, dict));
  t.tp_base = base;
  t.tp_doc = doc_for(name);
  t.tp_new = base == &ObjectType ? BaseException_new : base->tp_new;
  t.tp_init = base == &ObjectType ? BaseException_init : base->tp_init;
  t.tp_str = base == &ObjectType ? BaseException_str : base->tp_str;
  t.tp_repr = base == &ObjectType ? BaseException_repr : base->tp_repr;
  t.tp_getattro = base == &ObjectType ? nullptr : base->tp_getattro;
  t.tp_free = object_free;
}

void init_exception_types() {
#define PYXX_SETUP_EXC(Name, Base, Struct) setup<Struct>(exc::Name, #Name, &Base);
  using namespace exc;
  PYXX_EXCEPTION_TYPES(PYXX_SETUP_EXC)
#undef PYXX_SETUP_EXC
  // Parents are set up before children (table order), so children inherited the
  // defaults above; now install the specialised slots and re-propagate.
  exc::BaseException.tp_methods = BaseException_methods;
  exc::BaseException.tp_members = BaseException_members;
  exc::BaseException.tp_getset = BaseException_getset;

  exc::StopIteration.tp_init = StopIteration_init;
  exc::StopIteration.tp_members = StopIteration_members;
  exc::SystemExit.tp_init = SystemExit_init;
  exc::SystemExit.tp_members = SystemExit_members;
  for (Type* t : {&exc::ImportError, &exc::ModuleNotFoundError}) {
    t->tp_init = ImportError_init;
    t->tp_str = ImportError_str;
  }
  exc::ImportError.tp_members = ImportError_members;
  exc::ImportError.tp_methods = ImportError_methods;
  for (Type* t : {&exc::NameError, &exc::UnboundLocalError}) t->tp_init = NameError_init;
  exc::NameError.tp_members = NameError_members;
  exc::AttributeError.tp_init = AttributeError_init;
  exc::AttributeError.tp_members = AttributeError_members;
  exc::AttributeError.tp_methods = AttributeError_methods;
  exc::KeyError.tp_str = KeyError_str;

  for (Type* t : {&exc::OSError, &exc::BlockingIOError, &exc::ChildProcessError, &exc::ConnectionError,
                  &exc::BrokenPipeError, &exc::ConnectionAbortedError, &exc::ConnectionRefusedError,
                  &exc::ConnectionResetError, &exc::FileExistsError, &exc::FileNotFoundError,
                  &exc::InterruptedError, &exc::IsADirectoryError, &exc::NotADirectoryError,
                  &exc::PermissionError, &exc::ProcessLookupError, &exc::TimeoutError}) {
    t->tp_new = OSError_new;
    t->tp_init = OSError_init;
    t->tp_str = OSError_str;
  }
  exc::OSError.tp_members = OSError_members;
  exc::OSError.tp_getset = OSError_getset;
  exc::OSError.tp_methods = OSError_methods;

  for (Type* t : {&exc::SyntaxError, &exc::IndentationError, &exc::TabError, &exc::_IncompleteInputError}) {
    t->tp_init = SyntaxError_init;
    t->tp_str = SyntaxError_str;
  }
  exc::SyntaxError.tp_members = SyntaxError_members;
  exc::_IncompleteInputError.tp_name = "_IncompleteInputError";

  exc::UnicodeEncodeError.tp_init = UnicodeEncodeError_init;
  exc::UnicodeEncodeError.tp_str = UnicodeEncodeError_str;
  exc::UnicodeDecodeError.tp_init = UnicodeDecodeError_init;
  exc::UnicodeDecodeError.tp_str = UnicodeDecodeError_str;
  exc::UnicodeTranslateError.tp_init = UnicodeTranslateError_init;
  exc::UnicodeTranslateError.tp_str = UnicodeTranslateError_str;
  for (Type* t : {&exc::UnicodeEncodeError, &exc::UnicodeDecodeError, &exc::UnicodeTranslateError})
    t->tp_members = UnicodeError_members;

  Type& g = exc::BaseExceptionGroup;
  g.tp_new = BaseExceptionGroup_new;
  g.tp_init = BaseExceptionGroup_init;
  g.tp_str = BaseExceptionGroup_str;
  g.tp_repr = BaseExceptionGroup_repr;
  g.tp_members = BaseExceptionGroup_members;
  g.tp_methods = BaseExceptionGroup_methods;

  setup<BaseExceptionGroupObject>(exc::ExceptionGroup, "ExceptionGroup", &exc::BaseExceptionGroup);
  exc::ExceptionGroup.tp_doc = nullptr;

  // Calling the class goes through tp_new + tp_init without building a kwargs dict.
#define PYXX_SET_VECTORCALL(Name, Base, Struct) exc::Name.tp_vectorcall = exc_vectorcall;
  PYXX_EXCEPTION_TYPES(PYXX_SET_VECTORCALL)
#undef PYXX_SET_VECTORCALL
  exc::ExceptionGroup.tp_vectorcall = exc_vectorcall;
}

// ExceptionGroup has two bases as in CPython: (BaseExceptionGroup, Exception);
// type_ready computes the MRO from tp_bases. Registered after the tuple type's
// init function in static_types.inc, because it allocates a tuple.
void init_exception_group_bases() {
  if (!exc::ExceptionGroup.tp_bases)
    exc::ExceptionGroup.tp_bases = tuple_pack({reinterpret_cast<Object*>(&exc::BaseExceptionGroup),
                                               reinterpret_cast<Object*>(&exc::Exception)});
}

}  // namespace pyxx
