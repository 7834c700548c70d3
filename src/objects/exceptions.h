// The built-in exception hierarchy (objects/exceptions.cpp). Each class is an
// immortal static Type in namespace pyxx::exc, e.g. `err_set_string(&exc::TypeError, "...")`.
#pragma once
#include "core/type.h"

namespace pyxx {

struct BaseExceptionObject : Object {
  Object* dict;
  Object* args;        // tuple
  Object* notes;       // list or null
  Object* traceback;   // traceback object or null
  Object* context;
  Object* cause;
  char suppress_context;
};
struct StopIterationObject : BaseExceptionObject { Object* value; };
struct SystemExitObject : BaseExceptionObject { Object* code; };
struct ImportErrorObject : BaseExceptionObject { Object* msg; Object* name; Object* path; Object* name_from; };
struct NameErrorObject : BaseExceptionObject { Object* name; };
struct AttributeErrorObject : BaseExceptionObject { Object* obj; Object* name; };
struct SyntaxErrorObject : BaseExceptionObject {
  Object* msg; Object* filename; Object* lineno; Object* offset; Object* text;
  Object* end_lineno; Object* end_offset; Object* print_file_and_line;
};
struct OSErrorObject : BaseExceptionObject {
  Object* myerrno; Object* strerror; Object* filename; Object* filename2; ssize written;
};
struct UnicodeErrorObject : BaseExceptionObject {
  Object* encoding; Object* object; ssize start; ssize end; Object* reason;
};
struct BaseExceptionGroupObject : BaseExceptionObject { Object* msg; Object* excs; };

// X(Name, Base, Struct): every built-in exception class, parents first.
#define PYXX_EXCEPTION_TYPES(X)                                        \
  X(BaseException, ObjectType, BaseExceptionObject)                    \
  X(BaseExceptionGroup, BaseException, BaseExceptionGroupObject)       \
  X(GeneratorExit, BaseException, BaseExceptionObject)                 \
  X(KeyboardInterrupt, BaseException, BaseExceptionObject)             \
  X(SystemExit, BaseException, SystemExitObject)                       \
  X(Exception, BaseException, BaseExceptionObject)                     \
  X(ArithmeticError, Exception, BaseExceptionObject)                   \
  X(FloatingPointError, ArithmeticError, BaseExceptionObject)          \
  X(OverflowError, ArithmeticError, BaseExceptionObject)               \
  X(ZeroDivisionError, ArithmeticError, BaseExceptionObject)           \
  X(AssertionError, Exception, BaseExceptionObject)                    \
  X(AttributeError, Exception, AttributeErrorObject)                   \
  X(BufferError, Exception, BaseExceptionObject)                       \
  X(EOFError, Exception, BaseExceptionObject)                          \
  X(ImportError, Exception, ImportErrorObject)                         \
  X(ModuleNotFoundError, ImportError, ImportErrorObject)               \
  X(LookupError, Exception, BaseExceptionObject)                       \
  X(IndexError, LookupError, BaseExceptionObject)                      \
  X(KeyError, LookupError, BaseExceptionObject)                        \
  X(MemoryError, Exception, BaseExceptionObject)                       \
  X(NameError, Exception, NameErrorObject)                             \
  X(UnboundLocalError, NameError, NameErrorObject)                     \
  X(OSError, Exception, OSErrorObject)                                 \
  X(BlockingIOError, OSError, OSErrorObject)                           \
  X(ChildProcessError, OSError, OSErrorObject)                         \
  X(ConnectionError, OSError, OSErrorObject)                           \
  X(BrokenPipeError, ConnectionError, OSErrorObject)                   \
  X(ConnectionAbortedError, ConnectionError, OSErrorObject)            \
  X(ConnectionRefusedError, ConnectionError, OSErrorObject)            \
  X(ConnectionResetError, ConnectionError, OSErrorObject)              \
  X(FileExistsError, OSError, OSErrorObject)                           \
  X(FileNotFoundError, OSError, OSErrorObject)                         \
  X(InterruptedError, OSError, OSErrorObject)                          \
  X(IsADirectoryError, OSError, OSErrorObject)                         \
  X(NotADirectoryError, OSError, OSErrorObject)                        \
  X(PermissionError, OSError, OSErrorObject)                           \
  X(ProcessLookupError, OSError, OSErrorObject)                        \
  X(TimeoutError, OSError, OSErrorObject)                              \
  X(ReferenceError, Exception, BaseExceptionObject)                    \
  X(RuntimeError, Exception, BaseExceptionObject)                      \
  X(NotImplementedError, RuntimeError, BaseExceptionObject)            \
  X(PythonFinalizationError, RuntimeError, BaseExceptionObject)        \
  X(RecursionError, RuntimeError, BaseExceptionObject)                 \
  X(StopAsyncIteration, Exception, BaseExceptionObject)                \
  X(StopIteration, Exception, StopIterationObject)                     \
  X(SyntaxError, Exception, SyntaxErrorObject)                         \
  X(IndentationError, SyntaxError, SyntaxErrorObject)                  \
  X(TabError, IndentationError, SyntaxErrorObject)                     \
  X(_IncompleteInputError, SyntaxError, SyntaxErrorObject)             \
  X(SystemError, Exception, BaseExceptionObject)                       \
  X(TypeError, Exception, BaseExceptionObject)                         \
  X(ValueError, Exception, BaseExceptionObject)                        \
  X(UnicodeError, ValueError, BaseExceptionObject)                     \
  X(UnicodeDecodeError, UnicodeError, UnicodeErrorObject)              \
  X(UnicodeEncodeError, UnicodeError, UnicodeErrorObject)              \
  X(UnicodeTranslateError, UnicodeError, UnicodeErrorObject)           \
  X(Warning, Exception, BaseExceptionObject)                           \
  X(BytesWarning, Warning, BaseExceptionObject)                        \
  X(DeprecationWarning, Warning, BaseExceptionObject)                  \
  X(EncodingWarning, Warning, BaseExceptionObject)                     \
  X(FutureWarning, Warning, BaseExceptionObject)                       \
  X(ImportWarning, Warning, BaseExceptionObject)                       \
  X(PendingDeprecationWarning, Warning, BaseExceptionObject)           \
  X(ResourceWarning, Warning, BaseExceptionObject)                     \
  X(RuntimeWarning, Warning, BaseExceptionObject)                      \
  X(SyntaxWarning, Warning, BaseExceptionObject)                       \
  X(UnicodeWarning, Warning, BaseExceptionObject)                      \
  X(UserWarning, Warning, BaseExceptionObject)

namespace exc {
#define PYXX_DECLARE_EXC(Name, Base, Struct) extern Type Name;
PYXX_EXCEPTION_TYPES(PYXX_DECLARE_EXC)
#undef PYXX_DECLARE_EXC
}  // namespace exc

// ExceptionGroup derives from both BaseExceptionGroup and Exception.
namespace exc { extern Type ExceptionGroup; }

// --- added by the numbers/exceptions area ---
void init_exception_types();  // every class above plus ExceptionGroup (objects/exceptions.cpp)
void init_exception_group_bases();  // sets ExceptionGroup.tp_bases; must run after init_tuple_types

PYXX_ALWAYS_INLINE bool exception_instance_check(const Object* o) { return type_has_flag(o->type, kTpflagsBaseExcSubclass); }
inline bool exception_class_check(const Object* o) {
  return type_has_flag(o->type, kTpflagsTypeSubclass) && type_has_flag(static_cast<const Type*>(o), kTpflagsBaseExcSubclass);
}
// Creates an instance: type(*args).
[[nodiscard]] Object* exception_new(Type* type, Object* args_tuple);
// Accessors (borrowed / new as CPython's PyException_*).
Object* exception_get_traceback(Object* e);               // borrowed or null
void exception_set_traceback(Object* e, Object* tb);       // tb may be null/None
Object* exception_get_context(Object* e);                  // borrowed
void exception_set_context(Object* e, Object* ctx_steal);
Object* exception_get_cause(Object* e);                    // borrowed
void exception_set_cause(Object* e, Object* cause_steal);  // also sets __suppress_context__
// StopIteration.value of a pending StopIteration (used by yield from / generators).
[[nodiscard]] Object* stop_iteration_value(Object* e);

// Traceback objects (objects/traceback.cpp): one per frame the exception
// passed through, newest last in the tb_next chain.
struct TracebackObject : Object {
  TracebackObject* tb_next;
  Object* tb_frame;   // frame object
  int tb_lasti;       // byte offset into co_code
  int tb_lineno;      // -1 = compute lazily
};
extern Type TracebackType;
[[nodiscard]] Object* traceback_new(Object* next, Object* frame, int lasti, int lineno);
}  // namespace pyxx
