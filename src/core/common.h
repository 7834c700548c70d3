// Basic scalar types, attributes and forward declarations shared by every layer.
#pragma once
#include <cstddef>
#include <cstdint>

namespace pyxx {

using ssize = std::ptrdiff_t;   // Py_ssize_t
using Hash = std::ptrdiff_t;    // Py_hash_t; -1 means "error"

#define PYXX_LIKELY(x) __builtin_expect(!!(x), 1)
#define PYXX_UNLIKELY(x) __builtin_expect(!!(x), 0)
#define PYXX_ALWAYS_INLINE inline __attribute__((always_inline))
#define PYXX_NOINLINE __attribute__((noinline))

constexpr ssize kSsizeMax = PTRDIFF_MAX;
constexpr ssize kSsizeMin = PTRDIFF_MIN;

struct Object;
struct VarObject;
struct Type;
struct ThreadState;
struct Interpreter;
struct Runtime;

// Rich comparison operators: same numbering as CPython's Py_LT..Py_GE.
enum CompareOp : int { kLT = 0, kLE = 1, kEQ = 2, kNE = 3, kGT = 4, kGE = 5 };

}  // namespace pyxx
