// The marshal module (modules/marshal.cpp): CPython 3.14's serialization
// format, byte for byte, for .pyc files and marshal.dumps/loads.
#pragma once
#include "core/object.h"

namespace pyxx {

struct ModuleDef;

constexpr int kMarshalVersion = 5;  // Py_MARSHAL_VERSION

// marshal.dumps(value, version): a new bytes object, or nullptr with
// ValueError ("unmarshallable object", "object too deeply nested to marshal").
[[nodiscard]] Object* marshal_dumps(Object* value, int version);
[[nodiscard]] Object* marshal_dumps_ex(Object* value, int version, bool allow_code);
// marshal.loads over a byte range: the object, or nullptr with EOFError,
// ValueError or TypeError. Extra bytes after the object are ignored.
[[nodiscard]] Object* marshal_loads(const char* data, ssize len);
// As marshal_loads; *consumed (may be null) receives the bytes read.
[[nodiscard]] Object* marshal_loads_ex(const char* data, ssize len, bool allow_code, ssize* consumed);

extern const ModuleDef marshal_module_def;  // registered in runtime/native_modules.cpp

}  // namespace pyxx
