// Front-end entry points: source text -> AST (parser/parser.cpp).
// On bad input the parser raises SyntaxError / IndentationError / TabError
// with CPython's message, filename, lineno, offset, text, end_lineno, end_offset.
#pragma once
#include <string_view>
#include "core/object.h"

namespace pyxx {
namespace ast { struct Mod; class Arena; }

enum class ParseMode { File, Eval, Single, FuncType };  // "exec", "eval", "single", "func_type"

// Parses `source` (UTF-8, already decoded; PEP 263 cookies are honoured by the
// caller that decodes bytes) into an AST allocated in `arena`. Returns nullptr
// with an exception set on error. `flags` are compile() PyCF_* flags.
[[nodiscard]] ast::Mod* parse_source(std::string_view source, Object* filename, ParseMode mode,
                                     int flags, ast::Arena& arena);
}  // namespace pyxx

namespace pyxx {
// SyntaxWarnings found while tokenizing/parsing (invalid escape sequences,
// "invalid decimal literal" before a keyword, ...) are reported through this
// hook, installed by the warnings layer (warnings.warn_explicit(SyntaxWarning,
// message, filename, lineno)). Return 0 when handled, 1 when the filters turned
// the warning into an error (no exception set: the parser then raises
// SyntaxError with the message at CPython's location), -1 on another error
// (exception set). Without a hook, warnings are dropped.
using SyntaxWarningHook = int (*)(Object* filename, int lineno, const char* message);
void set_syntax_warning_hook(SyntaxWarningHook hook);
SyntaxWarningHook syntax_warning_hook();
}  // namespace pyxx
