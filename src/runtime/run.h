// Running programs: a file, a -c command, or standard input (runtime/run.cpp).
#pragma once
#include <string>
#include "core/object.h"

namespace pyxx {
// Each returns the process exit status (0, 1 for an uncaught exception, or
// the SystemExit code), having printed any traceback.
int run_file(const std::string& path, const std::string& display_path);
int run_command(const std::string& command);
int run_stdin();
// Handles a pending exception at top level: SystemExit -> its exit status,
// anything else -> traceback printed, 1.
int handle_uncaught_exception();
// True once handle_uncaught_exception() saw an uncaught exception of exact
// type KeyboardInterrupt: the process must then die by SIGINT after
// finalization (CPython's unhandled_keyboard_interrupt / exit_sigint).
bool unhandled_keyboard_interrupt();
// Source text registered for a pseudo-file (e.g. "<string>" for -c) so
// tracebacks can show lines, as CPython 3.13+ does via linecache.
void register_source_text(const std::string& filename, const std::string& text);
// The line `lineno` (1-based) of a file or registered source, without the
// trailing newline; false if unavailable.
bool get_source_line(const std::string& filename, int lineno, std::string* line);
}  // namespace pyxx
