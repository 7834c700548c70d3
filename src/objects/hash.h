// String/bytes hashing: SipHash-1-3 keyed by the interpreter's hash secret,
// reproducing CPython 3.14's Python/pyhash.c (Py_HASH_CUTOFF 0, siphash13),
// and the secret's derivation from PYTHONHASHSEED (objects/hash.cpp).
#pragma once
#include "core/common.h"

namespace pyxx {
// Hash of raw memory as CPython's _Py_HashBytes: 0 for empty input, never -1.
Hash hash_bytes(const void* data, ssize len);
// Same with explicit keys (for tests and for callers without an interpreter).
uint64_t siphash13(uint64_t k0, uint64_t k1, const void* data, ssize len);
// Fills interp->hash_seed / siphash_k0 / siphash_k1. have_seed=false: random
// key from the OS. seed 0: all-zero key (randomization disabled); otherwise the
// key bytes come from CPython's LCG (lcg_urandom) seeded with `seed`.
void init_hash_secret(Interpreter* interp, bool have_seed, uint64_t seed);
}  // namespace pyxx
