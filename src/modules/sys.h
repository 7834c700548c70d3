// The sys module (modules/sys.cpp) and the standard streams (modules/stdio.cpp).
#pragma once
#include "core/object.h"

namespace pyxx {
struct Config;
[[nodiscard]] Object* sys_module_create(const Config& config);
// sys.<name> (borrowed), or nullptr without an exception when missing.
Object* sys_get_object(const char* name);
[[nodiscard]] int sys_set_object(const char* name, Object* value);
// Writes a str to a file-like object (fast path for the built-in std streams).
[[nodiscard]] int sys_write_str(Object* file, Object* s);
[[nodiscard]] int sys_write_cstr(Object* file, const char* utf8);
void sys_flush_std_streams();

// The built-in text streams behind sys.stdin/stdout/stderr until the io
// module exists: UTF-8, buffered like CPython's (line-buffered on a tty or for
// stderr, block-buffered otherwise, write-through with -u).
extern Type StdStreamType;
void init_stdio_types();
[[nodiscard]] Object* std_stream_new(int fd, const char* name, const char* mode, bool line_buffered,
                                     bool write_through, const char* errors);
}  // namespace pyxx
